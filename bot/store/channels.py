"""Channels (where digests go), their schedules and their subscriptions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, delete, select, update

from bot.models import ChannelRef
from bot.store import Database
from bot.store.schema import channels, subscriptions


@dataclass(frozen=True, slots=True)
class ChannelRow:
    id: int
    ref: ChannelRef
    name: str | None
    digest_time: str | None  # "HH:MM" local; None = digest off
    timezone: str
    announce_empty: bool
    max_items: int | None
    since: datetime
    last_digest_at: datetime | None


@dataclass(frozen=True, slots=True)
class SubscriptionRow:
    id: int
    channel_pk: int
    query: str
    filters: dict[str, Any]


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def row_to_channel(row: Row) -> ChannelRow:
    m = row._mapping
    return ChannelRow(
        id=m["id"],
        ref=ChannelRef(m["platform"], m["channel_id"], m["workspace_id"]),
        name=m["name"],
        digest_time=m["digest_time"],
        timezone=m["timezone"],
        announce_empty=m["announce_empty"],
        max_items=m["max_items"],
        since=_aware(m["since"]),  # type: ignore[arg-type]
        last_digest_at=_aware(m["last_digest_at"]),
    )


async def get_channel(db: Database, ref: ChannelRef) -> ChannelRow | None:
    query = select(channels).where(
        channels.c.platform == ref.platform, channels.c.channel_id == ref.channel_id
    )
    async with db.connect() as conn:
        row = (await conn.execute(query)).first()
    return row_to_channel(row) if row else None


async def get_channel_by_pk(db: Database, pk: int) -> ChannelRow | None:
    async with db.connect() as conn:
        row = (await conn.execute(select(channels).where(channels.c.id == pk))).first()
    return row_to_channel(row) if row else None


async def ensure_channel(
    db: Database, ref: ChannelRef, *, now: datetime, timezone: str = "UTC", name: str | None = None
) -> ChannelRow:
    """Get the channel, creating it (digest off, subscribed from `now`) on first sight."""
    stmt = (
        db.insert(channels)
        .values(
            platform=ref.platform,
            channel_id=ref.channel_id,
            workspace_id=ref.workspace_id,
            name=name,
            timezone=timezone,
            announce_empty=False,
            since=now,
            created_at=now,
        )
        .on_conflict_do_nothing()
    )
    async with db.begin() as conn:
        await conn.execute(stmt)
    row = await get_channel(db, ref)
    assert row is not None
    return row


async def update_channel(db: Database, pk: int, **values: Any) -> None:
    """Set columns of one channel (digest_time, timezone, announce_empty, last_digest_at, …)."""
    async with db.begin() as conn:
        await conn.execute(update(channels).where(channels.c.id == pk).values(**values))


async def list_channels(db: Database, *, scheduled_only: bool = False) -> list[ChannelRow]:
    query = select(channels).order_by(channels.c.id)
    if scheduled_only:
        query = query.where(channels.c.digest_time.is_not(None))
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [row_to_channel(r) for r in rows]


async def add_subscription(
    db: Database,
    channel_pk: int,
    query: str,
    filters: dict[str, Any],
    *,
    now: datetime,
    user_id: str | None = None,
) -> bool:
    """True when added, False when the channel already had this subscription."""
    stmt = (
        db.insert(subscriptions)
        .values(
            channel_pk=channel_pk, query=query, filters=filters, created_by=user_id, created_at=now
        )
        .on_conflict_do_nothing()
        .returning(subscriptions.c.id)
    )
    async with db.begin() as conn:
        return (await conn.execute(stmt)).scalar() is not None


async def remove_subscriptions(db: Database, channel_pk: int, query: str | None = None) -> int:
    """Remove one subscription (by its query text) or, with None, all of the channel's."""
    stmt = delete(subscriptions).where(subscriptions.c.channel_pk == channel_pk)
    if query is not None:
        stmt = stmt.where(subscriptions.c.query == query)
    async with db.begin() as conn:
        return (await conn.execute(stmt)).rowcount or 0


async def list_subscriptions(db: Database, channel_pk: int) -> list[SubscriptionRow]:
    query = (
        select(subscriptions)
        .where(subscriptions.c.channel_pk == channel_pk)
        .order_by(subscriptions.c.id)
    )
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [SubscriptionRow(r.id, r.channel_pk, r.query, dict(r.filters or {})) for r in rows]
