"""Answer a question asked in a ruling's thread: once per platform event, within a rate limit,
from the stored article, remembering the exchange for the next follow-up.

`answer_question` returns None when it must stay silent (a redelivered event, a thread we did not
open) and a `Reply` otherwise; storage errors propagate to the caller (`Core.handle_question`
turns them into a one-line error reply).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from bot import messages
from bot.analysis import ensure_facts
from bot.clock import Clock
from bot.followup import engine
from bot.followup.history import questions_since, recent_exchanges, record_exchange
from bot.followup.sanitize import clean_question
from bot.llm import LLMClient
from bot.models import Answer, Article, Facts, Question, Reply
from bot.settings import Settings, load_secrets
from bot.store import Database
from bot.store.articles import get_article
from bot.store.threads import claim_event, record_thread, thread_article

logger = logging.getLogger(__name__)

RATE_WINDOW = timedelta(minutes=1)
HISTORY_TURNS = 3


def reply_text(answer: Answer) -> str:
    """The chat text of an answer: a fact line (if any) over the quoted sentences."""
    if not answer.found:
        return answer.text or messages.FOLLOWUP_NOT_SAID
    quoted = "\n".join(f"> {sentence}" for sentence in answer.evidence)
    if not quoted:
        return answer.text
    if answer.text == " ".join(answer.evidence):
        return quoted
    return f"{answer.text}\n{quoted}"


def llm_client(settings: Settings) -> LLMClient | None:
    """The client for `followup.engine = "llm"`, or None when the endpoint is not configured."""
    s = settings.summarizer
    if not (s.llm_base_url and s.llm_model):
        logger.warning("followup.engine is llm but summarizer.llm_base_url/llm_model are unset")
        return None
    key = load_secrets().llm_api_key
    return LLMClient(
        s.llm_base_url,
        s.llm_model,
        key.get_secret_value() if key else None,
        s.llm_timeout_seconds,
    )


async def compute_answer(
    settings: Settings,
    question: str,
    article: Article,
    facts: Facts,
    history: list[tuple[str, str]],
    *,
    llm: LLMClient | None = None,
) -> Answer:
    """The configured engine's answer (the LLM engine falls back to the default one itself)."""
    if settings.followup.engine == "llm":
        client = llm or llm_client(settings)
        if client is not None:
            from bot.followup import llm_engine

            return await llm_engine.answer(client, question, article, facts, history)
    return engine.answer(question, article, facts, history)


async def answer_question(
    db: Database,
    settings: Settings,
    clock: Clock,
    question: Question,
    *,
    llm: LLMClient | None = None,
) -> Reply | None:
    """Answer one thread question, or None to stay silent."""
    now = clock.now()
    thread = question.thread
    if question.event_id and not await claim_event(db, thread.platform, question.event_id, now=now):
        logger.debug("event %s already answered", question.event_id)
        return None

    known = await thread_article(db, thread)
    if known is None and question.article_id is None:
        return None  # not a thread under one of our rulings
    article_id = question.article_id or (known[1] if known else None)
    if article_id is None:  # our thread, but its ruling has been deleted
        return Reply(text=messages.FOLLOWUP_ARTICLE_GONE, ephemeral=True, is_error=True)
    article = await get_article(db, article_id)
    if article is None:
        return Reply(text=messages.FOLLOWUP_ARTICLE_GONE, ephemeral=True, is_error=True)
    if known is None:
        await record_thread(db, thread, article_id, now=now)
        known = await thread_article(db, thread)
        if known is None:  # pragma: no cover - the article vanished between the two statements
            return Reply(text=messages.FOLLOWUP_ARTICLE_GONE, ephemeral=True, is_error=True)
    thread_pk = known[0]

    text = clean_question(question.text, max_chars=settings.followup.max_question_chars)
    if not text:
        return Reply(text=messages.FOLLOWUP_EMPTY, ephemeral=True)
    limit = settings.followup.per_user_per_thread_per_minute
    if await questions_since(db, thread_pk, question.user_id, now - RATE_WINDOW) >= limit:
        return Reply(text=messages.FOLLOWUP_RATE_LIMITED, ephemeral=True)

    facts = await ensure_facts(db, article, settings=settings, now=now)
    history = await recent_exchanges(db, thread_pk, limit=HISTORY_TURNS)
    answer = await compute_answer(settings, text, article, facts, history, llm=llm)
    rendered = reply_text(answer)
    await record_exchange(
        db,
        thread_pk,
        user_id=question.user_id,
        question=text,
        answer=rendered,
        found=answer.found,
        now=now,
    )
    return Reply(text=rendered, evidence=answer.evidence)
