"""Articles and their facts: stored once per canonical URL / content hash, facts per extractor."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Row, and_, desc, func, or_, select

from bot.models import Article, Facts
from bot.store import Database
from bot.store.schema import articles, facts

_WS = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """SHA-256 of the whitespace-folded, lower-cased text: the same story re-served with other
    markup or tracking parameters hashes the same."""
    folded = _WS.sub(" ", text).strip().lower()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def row_to_article(row: Row) -> Article:
    m = row._mapping
    return Article(
        id=m["id"],
        url=m["url"],
        canonical_url=m["canonical_url"],
        title=m["title"],
        text=m["text"],
        content_hash=m["content_hash"],
        outlet=m["outlet"],
        published_at=_aware(m["published_at"]),
        fetched_at=_aware(m["fetched_at"]),
        feed_id=m["feed_id"],
    )


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    if value is not None and value.tzinfo is None:
        from datetime import UTC

        return value.replace(tzinfo=UTC)
    return value


@dataclass(frozen=True, slots=True)
class SaveResult:
    article: Article
    created: bool  # False: an article with this canonical URL or content hash already existed


async def find_article(
    db: Database, *, canonical_url: str | None = None, content_hash: str | None = None
) -> Article | None:
    conds = []
    if canonical_url:
        conds.append(articles.c.canonical_url == canonical_url)
    if content_hash:
        conds.append(articles.c.content_hash == content_hash)
    if not conds:
        return None
    async with db.connect() as conn:
        row = (await conn.execute(select(articles).where(or_(*conds)).limit(1))).first()
    return row_to_article(row) if row else None


async def save_article(
    db: Database, article: Article, *, digestible: bool = True, extract_error: str | None = None
) -> SaveResult:
    """Insert unless the canonical URL or content hash is known; never overwrites a stored one."""
    values = {
        "canonical_url": article.canonical_url,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "feed_id": article.feed_id,
        "published_at": article.published_at,
        "fetched_at": article.fetched_at,
        "text": article.text,
        "content_hash": article.content_hash,
        "digestible": digestible,
        "extract_error": extract_error,
    }
    async with db.begin() as conn:
        stmt = db.insert(articles).values(**values).on_conflict_do_nothing()
        result = await conn.execute(stmt.returning(articles.c.id))
        new_id = result.scalar()
        if new_id is not None:
            article.id = new_id
            return SaveResult(article, True)
    existing = await find_article(
        db, canonical_url=article.canonical_url, content_hash=article.content_hash
    )
    if existing is None:  # pragma: no cover - a concurrent delete between the two statements
        raise RuntimeError(f"article {article.canonical_url} vanished while saving")
    return SaveResult(existing, False)


async def get_article(db: Database, article_id: int) -> Article | None:
    async with db.connect() as conn:
        row = (await conn.execute(select(articles).where(articles.c.id == article_id))).first()
    return row_to_article(row) if row else None


def search_text(article: Article, f: Facts) -> str:
    """What `/ruling <words>` searches: headline, judges, court, parties, case, outcome."""
    parts = [
        f.headline or article.title,
        " ".join(j.name for j in f.judges),
        f.court or "",
        " ".join(f.plaintiffs),
        " ".join(f.defendants),
        f.case_name or "",
        f.outcome.cls or "",
        f.outcome.motion or "",
        article.outlet or "",
    ]
    return " ".join(p for p in parts if p).lower()


async def save_facts(
    db: Database, article: Article, f: Facts, *, extractor: str, version: str, now: datetime
) -> None:
    """Store facts for (article, extractor, version); a second save of the same key is a no-op."""
    if article.id is None:
        raise ValueError("save the article before its facts")
    stmt = (
        db.insert(facts)
        .values(
            article_id=article.id,
            extractor=extractor,
            version=version,
            is_ruling=f.is_ruling,
            data=f.to_dict(),
            search_text=search_text(article, f),
            created_at=now,
        )
        .on_conflict_do_nothing()
    )
    async with db.begin() as conn:
        await conn.execute(stmt)


async def get_facts(
    db: Database, article_id: int, *, extractor: str | None = None, version: str | None = None
) -> Facts | None:
    """The newest facts for an article (optionally of one extractor/version)."""
    query = select(facts.c.data).where(facts.c.article_id == article_id)
    if extractor:
        query = query.where(facts.c.extractor == extractor)
    if version:
        query = query.where(facts.c.version == version)
    query = query.order_by(desc(facts.c.created_at), desc(facts.c.id)).limit(1)
    async with db.connect() as conn:
        data = (await conn.execute(query)).scalar()
    return Facts.from_dict(data) if data is not None else None


def _latest_facts_subquery():  # type: ignore[no-untyped-def]
    """One facts row per article: the newest."""
    ranked = select(
        facts.c.article_id,
        facts.c.data,
        facts.c.is_ruling,
        facts.c.search_text,
        func.row_number()
        .over(
            partition_by=facts.c.article_id, order_by=(desc(facts.c.created_at), desc(facts.c.id))
        )
        .label("rn"),
    ).subquery()
    return select(ranked).where(ranked.c.rn == 1).subquery()


async def rulings_between(
    db: Database,
    *,
    after: datetime | None = None,
    until: datetime | None = None,
    digestible_only: bool = True,
    rulings_only: bool = True,
    limit: int | None = None,
) -> list[tuple[Article, Facts]]:
    """Articles fetched in (after, until] with their newest facts, newest first."""
    latest = _latest_facts_subquery()
    query = select(articles, latest.c.data).join(latest, latest.c.article_id == articles.c.id)
    conds = []
    if after is not None:
        conds.append(articles.c.fetched_at > after)
    if until is not None:
        conds.append(articles.c.fetched_at <= until)
    if digestible_only:
        conds.append(articles.c.digestible.is_(True))
    if rulings_only:
        conds.append(latest.c.is_ruling.is_(True))
    if conds:
        query = query.where(and_(*conds))
    query = query.order_by(desc(articles.c.fetched_at), desc(articles.c.id))
    if limit:
        query = query.limit(limit)
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [(row_to_article(r), Facts.from_dict(r._mapping["data"])) for r in rows]


async def search_rulings(
    db: Database, words: Sequence[str], *, limit: int = 200, in_text: bool = False
) -> list[tuple[Article, Facts, str]]:
    """Candidate rulings whose search text contains any of `words` (ranking is the caller's).

    `in_text` also looks in the title and body, for topic words the facts do not name.
    """
    latest = _latest_facts_subquery()
    query = (
        select(articles, latest.c.data, latest.c.search_text)
        .join(latest, latest.c.article_id == articles.c.id)
        .where(latest.c.is_ruling.is_(True))
    )
    terms = [w.lower() for w in words if w.strip()]
    if terms:
        columns = [latest.c.search_text]
        if in_text:
            columns += [func.lower(articles.c.title), func.lower(articles.c.text)]
        query = query.where(
            or_(*(col.contains(t, autoescape=True) for t in terms for col in columns))
        )
    query = query.order_by(desc(articles.c.fetched_at)).limit(limit)
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [
        (row_to_article(r), Facts.from_dict(r._mapping["data"]), r._mapping["search_text"])
        for r in rows
    ]
