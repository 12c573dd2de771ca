"""Thread → article mapping and processed platform events (answer each question once)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.models import ThreadRef
from bot.store import Database
from bot.store.schema import processed_events, threads


async def record_thread(db: Database, thread: ThreadRef, article_id: int, *, now: datetime) -> None:
    stmt = (
        db.insert(threads)
        .values(
            platform=thread.platform,
            channel_id=thread.channel_id,
            thread_id=thread.thread_id,
            article_id=article_id,
            created_at=now,
        )
        .on_conflict_do_nothing()
    )
    async with db.begin() as conn:
        await conn.execute(stmt)


async def thread_article(db: Database, thread: ThreadRef) -> tuple[int, int | None] | None:
    """(thread pk, article id) for a thread we opened, or None; the article id is None when
    the ruling has since been deleted."""
    query = select(threads.c.id, threads.c.article_id).where(
        threads.c.platform == thread.platform,
        threads.c.channel_id == thread.channel_id,
        threads.c.thread_id == thread.thread_id,
    )
    async with db.connect() as conn:
        row = (await conn.execute(query)).first()
    return (row.id, row.article_id) if row else None


async def claim_event(db: Database, platform: str, event_id: str, *, now: datetime) -> bool:
    """True the first time an event id is seen; False for every redelivery."""
    stmt = (
        db.insert(processed_events)
        .values(platform=platform, event_id=event_id, processed_at=now)
        .on_conflict_do_nothing()
        .returning(processed_events.c.event_id)
    )
    async with db.begin() as conn:
        return (await conn.execute(stmt)).scalar() is not None
