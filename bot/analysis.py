"""Facts for a stored article: computed once per (article, extractor, version), then read back.

The backend is `settings.summarizer.backend`: "rules" (default, offline) or "llm" (an
OpenAI-compatible endpoint). LLM answers are validated and grounded (`summarizer.llm_contract`)
and cached in `llm_cache` per (content hash, backend, version); a timeout, an HTTP error or a
malformed reply falls back to the rules backend, so a ruling is never lost to the model.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime

from sqlalchemy import select

import summarizer
from bot.llm import LLMClient, LLMError
from bot.models import Article, Facts
from bot.settings import Settings, load_secrets
from bot.store import Database
from bot.store.articles import content_hash, get_facts, save_facts
from bot.store.schema import llm_cache
from summarizer import llm_contract

logger = logging.getLogger(__name__)

LLM_EXTRACTOR = "llm"


def llm_version(settings: Settings) -> str:
    """What an LLM result depends on: the contract and the model."""
    return f"{llm_contract.CONTRACT_VERSION}:{settings.summarizer.llm_model or ''}"


def cache_key(article: Article, backend: str, version: str) -> str:
    digest = article.content_hash or content_hash(article.text)
    return hashlib.sha256(f"{digest}|{backend}|{version}".encode()).hexdigest()


def llm_client_from(settings: Settings) -> LLMClient | None:
    """The configured client, or None when the base URL or model is missing."""
    conf = settings.summarizer
    if not conf.llm_base_url or not conf.llm_model:
        return None
    key = load_secrets().llm_api_key
    return LLMClient(
        conf.llm_base_url,
        conf.llm_model,
        api_key=key.get_secret_value() if key else None,
        timeout=conf.llm_timeout_seconds,
    )


async def ensure_facts(
    db: Database,
    article: Article,
    *,
    settings: Settings,
    now: datetime,
    llm: LLMClient | None = None,
) -> Facts:
    """Return the article's facts from the configured backend, computing and storing them once."""
    if settings.summarizer.backend == "llm":
        client = llm or llm_client_from(settings)
        if client is None:
            logger.warning("summarizer.backend is llm but llm_base_url/llm_model are unset")
        else:
            facts = await _llm_facts(db, article, settings=settings, now=now, client=client)
            if facts is not None:
                return facts
    return await _rules_facts(db, article, now=now)


async def _rules_facts(db: Database, article: Article, *, now: datetime) -> Facts:
    name, version = summarizer.EXTRACTOR_NAME, summarizer.EXTRACTOR_VERSION
    if article.id is not None:
        stored = await get_facts(db, article.id, extractor=name, version=version)
        if stored is not None:
            return stored
    facts = summarizer.summarize(article.text, title=article.title, published=article.published_at)
    if article.id is not None:
        await save_facts(db, article, facts, extractor=name, version=version, now=now)
    return facts


async def _llm_facts(
    db: Database, article: Article, *, settings: Settings, now: datetime, client: LLMClient
) -> Facts | None:
    """LLM facts from the facts table, the cache or the endpoint; None means "use the rules"."""
    version = llm_version(settings)
    if article.id is not None:
        stored = await get_facts(db, article.id, extractor=LLM_EXTRACTOR, version=version)
        if stored is not None:
            return stored
    key = cache_key(article, LLM_EXTRACTOR, version)
    async with db.connect() as conn:
        cached = (
            await conn.execute(select(llm_cache.c.value).where(llm_cache.c.key == key))
        ).scalar()
    if cached is not None:
        facts = Facts.from_dict(cached)
    else:
        try:
            reply = await client.chat_json(
                llm_contract.SYSTEM_PROMPT,
                llm_contract.build_user_prompt(article.text, article.title, article.published_at),
                llm_contract.FACTS_SCHEMA,
            )
            facts, dropped = llm_contract.facts_from_reply(reply, article.text, article.title)
        except (LLMError, llm_contract.ContractError) as exc:
            logger.warning("LLM summarizer failed for %s, using rules: %s", article.url, exc)
            return None
        if dropped:
            logger.info("dropped %d ungrounded value(s) from the LLM reply", len(dropped))
        async with db.begin() as conn:
            await conn.execute(
                db.insert(llm_cache)
                .values(key=key, value=facts.to_dict(), created_at=now)
                .on_conflict_do_nothing()
            )
    if article.id is not None:
        await save_facts(db, article, facts, extractor=LLM_EXTRACTOR, version=version, now=now)
    return facts
