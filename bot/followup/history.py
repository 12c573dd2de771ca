"""A thread's earlier questions and answers, kept in our database (platforms are not re-read)."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import func, select

from bot.store import Database
from bot.store.schema import thread_messages

logger = logging.getLogger(__name__)


async def recent_exchanges(
    db: Database, thread_pk: int, *, limit: int = 3
) -> list[tuple[str, str]]:
    """The thread's last `limit` (question, answer) pairs, oldest first."""
    query = (
        select(thread_messages.c.question, thread_messages.c.answer)
        .where(thread_messages.c.thread_pk == thread_pk)
        .order_by(thread_messages.c.asked_at.desc(), thread_messages.c.id.desc())
        .limit(limit)
    )
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [(row.question, row.answer) for row in reversed(rows)]


async def questions_since(db: Database, thread_pk: int, user_id: str, since: datetime) -> int:
    """How many questions `user_id` asked in this thread after `since` (for the rate limit)."""
    query = select(func.count()).where(
        thread_messages.c.thread_pk == thread_pk,
        thread_messages.c.user_id == user_id,
        thread_messages.c.asked_at > since,
    )
    async with db.connect() as conn:
        return int((await conn.execute(query)).scalar() or 0)


async def record_exchange(
    db: Database,
    thread_pk: int,
    *,
    user_id: str,
    question: str,
    answer: str,
    found: bool,
    now: datetime,
) -> None:
    async with db.begin() as conn:
        await conn.execute(
            thread_messages.insert().values(
                thread_pk=thread_pk,
                user_id=user_id,
                question=question,
                answer=answer,
                found=found,
                asked_at=now,
            )
        )
