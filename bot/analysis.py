"""Facts for a stored article: computed once per (article, extractor, version), then read back."""

from __future__ import annotations

from datetime import datetime

import summarizer
from bot.models import Article, Facts
from bot.settings import Settings
from bot.store import Database
from bot.store.articles import get_facts, save_facts


async def ensure_facts(
    db: Database, article: Article, *, settings: Settings, now: datetime
) -> Facts:
    """Return the article's facts from the configured backend, computing and storing them once."""
    if article.id is not None:
        stored = await get_facts(
            db,
            article.id,
            extractor=summarizer.EXTRACTOR_NAME,
            version=summarizer.EXTRACTOR_VERSION,
        )
        if stored is not None:
            return stored
    facts = summarizer.summarize(article.text, title=article.title, published=article.published_at)
    if article.id is not None:
        await save_facts(
            db,
            article,
            facts,
            extractor=summarizer.EXTRACTOR_NAME,
            version=summarizer.EXTRACTOR_VERSION,
            now=now,
        )
    return facts
