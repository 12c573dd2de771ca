"""The stored rulings a digest reads, loaded once per window and shared by every channel.

A fan-out builds hundreds of digests over the same window (same cursor, same `now`): without
this each channel would run the same rulings query, decode the same facts JSON and shingle the
same texts. A `DigestSource` lives for one batch only, so nothing it holds goes stale.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select

from bot.digest.similarity import shingles
from bot.models import Article, Facts
from bot.store import Database
from bot.store.articles import rulings_between
from bot.store.schema import articles

logger = logging.getLogger(__name__)

Window = tuple[datetime | None, datetime]


class DigestSource:
    """Per-batch memo of the channel-independent reads and text work of `build_digest`."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._rulings: dict[Window, list[tuple[Article, Facts]]] = {}
        self._flags: dict[int, bool] = {}
        self._shingles: dict[tuple[int, str], frozenset[int]] = {}
        self._facts: dict[int, tuple[Article, Facts]] = {}

    async def rulings(self, after: datetime | None, until: datetime) -> list[tuple[Article, Facts]]:
        """Articles fetched in (after, until] with their facts (a fresh list; shared items)."""
        key = (after, until)
        rows = self._rulings.get(key)
        if rows is None:
            rows = await rulings_between(
                self.db, after=after, until=until, digestible_only=False, rulings_only=False
            )
            self._rulings[key] = rows
            for article, facts in rows:
                if article.id is not None:
                    self._facts[article.id] = (article, facts)
        return list(rows)

    async def digestible(self, ids: list[int]) -> dict[int, bool]:
        """Whether each article may be digested (False: recorded on its feed's first poll)."""
        missing = [i for i in ids if i not in self._flags]
        if missing:
            async with self.db.connect() as conn:
                rows = (
                    await conn.execute(
                        select(articles.c.id, articles.c.digestible).where(
                            articles.c.id.in_(missing)
                        )
                    )
                ).all()
            self._flags.update({r.id: bool(r.digestible) for r in rows})
        return {i: self._flags[i] for i in ids if i in self._flags}

    def shingles(self, article: Article) -> frozenset[int]:
        """The article's text shingles, computed once per article version."""
        key = (article.id or 0, article.content_hash)
        found = self._shingles.get(key)
        if found is None:
            found = shingles(f"{article.title} {article.text}")
            if article.id is not None:
                self._shingles[key] = found
        return found

    def loaded(self, article_id: int) -> tuple[Article, Facts] | None:
        """An article and facts this batch already read (None: ask the store)."""
        return self._facts.get(article_id)
