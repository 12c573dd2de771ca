"""Feeds: the configured list synced into the table, due-feed claims, poll outcomes, backoff.

`claim_due_feeds` is how several instances share one database: a feed is handed to exactly one
of them per poll interval, because the claim pushes `next_poll_at` forward in the same
transaction that selects it (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite: one atomic UPDATE).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import Row, and_, insert, or_, select, update

from bot.settings import FeedConfig, FetchSettings
from bot.store import Database
from bot.store.schema import error_log, feeds

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FeedRow:
    id: int
    url: str
    name: str | None
    outlet: str | None
    enabled: bool
    etag: str | None
    last_modified: str | None
    last_polled_at: datetime | None
    last_ok_at: datetime | None
    next_poll_at: datetime | None
    failure_count: int
    first_failure_at: datetime | None
    last_error: str | None
    disabled_reason: str | None
    first_poll_done: bool

    @property
    def label(self) -> str:
        """How a feed is named in one-line messages."""
        return f"{self.name} <{self.url}>" if self.name else self.url


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def row_to_feed(row: Row) -> FeedRow:
    m = row._mapping
    return FeedRow(
        id=m["id"],
        url=m["url"],
        name=m["name"],
        outlet=m["outlet"],
        enabled=bool(m["enabled"]),
        etag=m["etag"],
        last_modified=m["last_modified"],
        last_polled_at=_aware(m["last_polled_at"]),
        last_ok_at=_aware(m["last_ok_at"]),
        next_poll_at=_aware(m["next_poll_at"]),
        failure_count=m["failure_count"] or 0,
        first_failure_at=_aware(m["first_failure_at"]),
        last_error=m["last_error"],
        disabled_reason=m["disabled_reason"],
        first_poll_done=bool(m["first_poll_done"]),
    )


async def sync_feeds(db: Database, configured: Sequence[FeedConfig], *, now: datetime) -> None:
    """Make the table match the configuration: add new feeds, refresh names, and switch off
    feeds no longer configured (their articles and history stay)."""
    wanted = {f.url: f for f in configured}
    async with db.begin() as conn:
        existing = {r.url: r for r in (await conn.execute(select(feeds))).all()}
        for url, cfg in wanted.items():
            if url not in existing:
                await conn.execute(
                    db.insert(feeds)
                    .values(
                        url=url,
                        name=cfg.name,
                        outlet=cfg.outlet,
                        enabled=cfg.enabled,
                        failure_count=0,
                        first_poll_done=False,
                        created_at=now,
                    )
                    .on_conflict_do_nothing()
                )
                continue
            row = existing[url]
            if (row.name, row.outlet, bool(row.enabled)) != (cfg.name, cfg.outlet, cfg.enabled):
                await conn.execute(
                    update(feeds)
                    .where(feeds.c.id == row.id)
                    .values(name=cfg.name, outlet=cfg.outlet, enabled=cfg.enabled)
                )
        gone = [r.id for url, r in existing.items() if url not in wanted and r.enabled]
        if gone:
            await conn.execute(update(feeds).where(feeds.c.id.in_(gone)).values(enabled=False))


def _due(now: datetime):  # type: ignore[no-untyped-def]
    return and_(
        feeds.c.enabled.is_(True),
        feeds.c.disabled_reason.is_(None),
        or_(feeds.c.next_poll_at.is_(None), feeds.c.next_poll_at <= now),
    )


async def claim_due_feeds(
    db: Database, now: datetime, *, lease: timedelta, limit: int | None = None
) -> list[FeedRow]:
    """Claim the feeds due at `now` for this instance, pushing their next poll `lease` ahead.

    A crashed poll is simply retried once the lease runs out; a poll that finishes records its
    real next time (`record_feed_*`).
    """
    until = now + lease
    async with db.begin() as conn:
        if db.is_postgres:
            query = (
                select(feeds.c.id)
                .where(_due(now))
                .order_by(feeds.c.next_poll_at.asc().nulls_first(), feeds.c.id)
                .with_for_update(skip_locked=True)
            )
            if limit:
                query = query.limit(limit)
            ids = [r.id for r in (await conn.execute(query)).all()]
            if not ids:
                return []
            stmt = update(feeds).where(feeds.c.id.in_(ids))
        else:
            # SQLite serialises writers: one UPDATE … RETURNING is the whole claim.
            due_ids = select(feeds.c.id).where(_due(now)).order_by(feeds.c.id)
            if limit:
                due_ids = due_ids.limit(limit)
            stmt = update(feeds).where(feeds.c.id.in_(due_ids.scalar_subquery())).where(_due(now))
        result = await conn.execute(
            stmt.values(next_poll_at=until, last_polled_at=now).returning(*feeds.c)
        )
        rows = [row_to_feed(r) for r in result.all()]
    return sorted(rows, key=lambda f: f.id)


def next_regular_poll(now: datetime, settings: FetchSettings, jitter: float = 0.0) -> datetime:
    return now + timedelta(minutes=settings.poll_interval_minutes, seconds=jitter)


def backoff_delay(failure_count: int, settings: FetchSettings) -> timedelta:
    """Poll interval doubled per consecutive failure, capped at `fetch.backoff_max_minutes`."""
    exponent = min(max(failure_count - 1, 0), 30)
    minutes = min(settings.poll_interval_minutes * (2**exponent), settings.backoff_max_minutes)
    return timedelta(minutes=minutes)


async def record_feed_ok(
    db: Database,
    feed_id: int,
    *,
    now: datetime,
    next_poll_at: datetime,
    etag: str | None,
    last_modified: str | None,
) -> None:
    async with db.begin() as conn:
        await conn.execute(
            update(feeds)
            .where(feeds.c.id == feed_id)
            .values(
                etag=etag,
                last_modified=last_modified,
                last_ok_at=now,
                next_poll_at=next_poll_at,
                failure_count=0,
                first_failure_at=None,
                last_error=None,
                first_poll_done=True,
            )
        )


async def record_feed_not_modified(
    db: Database, feed_id: int, *, now: datetime, next_poll_at: datetime
) -> None:
    async with db.begin() as conn:
        await conn.execute(
            update(feeds)
            .where(feeds.c.id == feed_id)
            .values(
                last_ok_at=now,
                next_poll_at=next_poll_at,
                failure_count=0,
                first_failure_at=None,
                last_error=None,
            )
        )


async def record_feed_failure(
    db: Database, feed: FeedRow, error: str, *, now: datetime, settings: FetchSettings
) -> FeedRow:
    """Count a failure, back off, and disable the feed once it has failed for too long.

    Returns the updated row (its `disabled_reason` is set when this failure disabled it).
    """
    count = feed.failure_count + 1
    first = feed.first_failure_at or now
    disabled_reason = None
    if now - first >= timedelta(hours=settings.disable_after_hours):
        disabled_reason = (
            f"failing since {first:%Y-%m-%d %H:%M} UTC ({count} attempts), last error: {error}"
        )
    next_poll = now + backoff_delay(count, settings)
    values = {
        "failure_count": count,
        "first_failure_at": first,
        "last_error": error,
        "next_poll_at": next_poll,
        "disabled_reason": disabled_reason,
    }
    async with db.begin() as conn:
        await conn.execute(update(feeds).where(feeds.c.id == feed.id).values(**values))
        await conn.execute(
            insert(error_log).values(at=now, source=f"feed:{feed.id}", message=error[:2000])
        )
    return replace(feed, **values)


async def enable_feed(db: Database, feed_id: int) -> None:
    """Clear a disabled feed's reason and failures so the next poll tries it again."""
    async with db.begin() as conn:
        await conn.execute(
            update(feeds)
            .where(feeds.c.id == feed_id)
            .values(disabled_reason=None, failure_count=0, first_failure_at=None, next_poll_at=None)
        )


async def get_feed(db: Database, feed_id: int) -> FeedRow | None:
    async with db.connect() as conn:
        row = (await conn.execute(select(feeds).where(feeds.c.id == feed_id))).first()
    return row_to_feed(row) if row else None


async def list_feeds(db: Database, *, include_unconfigured: bool = False) -> list[FeedRow]:
    """Feeds for `status`: the configured ones (all with `include_unconfigured`)."""
    query = select(feeds).order_by(feeds.c.id)
    if not include_unconfigured:
        query = query.where(feeds.c.enabled.is_(True))
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [row_to_feed(r) for r in rows]
