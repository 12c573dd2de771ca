"""The stored rulings a digest reads, loaded once per window and shared by every channel.

A fan-out builds hundreds of digests over the same window (same cursor, same `now`): without
this each channel would run the same rulings query, decode the same facts JSON and shingle the
same texts. A `DigestSource` lives for one batch only, so nothing it holds goes stale.
Channels that start together wait for the one read in flight instead of each running it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select

from bot.digest.similarity import shingles
from bot.models import Article, Facts
from bot.store import Database
from bot.store.articles import rulings_between
from bot.store.schema import articles

logger = logging.getLogger(__name__)

Window = tuple[datetime | None, datetime]
T = TypeVar("T")
K = TypeVar("K")


class DigestSource:
    """Per-batch memo of the channel-independent reads and text work of `build_digest`."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._rulings: dict[Window, asyncio.Future[list[tuple[Article, Facts]]]] = {}
        self._flags: dict[int, bool] = {}
        self._flag_reads: dict[tuple[int, ...], asyncio.Future[dict[int, bool]]] = {}
        self._shingles: dict[tuple[int, str], frozenset[int]] = {}
        self._facts: dict[int, tuple[Article, Facts]] = {}

    async def rulings(self, after: datetime | None, until: datetime) -> list[tuple[Article, Facts]]:
        """Articles fetched in (after, until] with their facts (a fresh list; shared items)."""

        async def load() -> list[tuple[Article, Facts]]:
            rows = await rulings_between(
                self.db, after=after, until=until, digestible_only=False, rulings_only=False
            )
            for article, facts in rows:
                if article.id is not None:
                    self._facts[article.id] = (article, facts)
            return rows

        return list(await _once(self._rulings, (after, until), load))

    async def digestible(self, ids: list[int]) -> dict[int, bool]:
        """Whether each article may be digested (False: recorded on its feed's first poll)."""
        missing = tuple(sorted(i for i in ids if i not in self._flags))

        async def load() -> dict[int, bool]:
            query = select(articles.c.id, articles.c.digestible).where(articles.c.id.in_(missing))
            async with self.db.connect() as conn:
                rows = (await conn.execute(query)).all()
            return {r.id: bool(r.digestible) for r in rows}

        if missing:
            self._flags.update(await _once(self._flag_reads, missing, load))
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


async def _once(memo: dict[K, asyncio.Future[T]], key: K, load: Callable[[], Awaitable[T]]) -> T:
    """`load()` once per key, however many callers ask at the same time.

    A failed load is forgotten (and raised to everyone waiting), so a later caller retries.
    """
    pending = memo.get(key)
    if pending is not None:
        return await asyncio.shield(pending)
    pending = asyncio.get_running_loop().create_future()
    memo[key] = pending
    try:
        result = await load()
    except asyncio.CancelledError:
        del memo[key]
        pending.cancel()
        raise
    except Exception as exc:
        del memo[key]
        pending.set_exception(exc)
        pending.exception()  # retrieved: no "never retrieved" warning when nobody waits
        raise
    pending.set_result(result)
    return result
