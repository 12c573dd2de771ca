"""Recent operational errors (`error_log`), written by deliveries and read by `status` and `why`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import desc, insert, select

from bot.store import Database
from bot.store.articles import _aware
from bot.store.schema import error_log


@dataclass(frozen=True, slots=True)
class ErrorRow:
    at: datetime
    source: str
    message: str


async def record_error(db: Database, source: str, message: str, *, now: datetime) -> None:
    async with db.begin() as conn:
        await conn.execute(insert(error_log).values(at=now, source=source, message=message[:2000]))


async def recent_errors(
    db: Database, *, limit: int = 10, source: str | None = None
) -> list[ErrorRow]:
    query = select(error_log).order_by(desc(error_log.c.at), desc(error_log.c.id)).limit(limit)
    if source is not None:
        query = query.where(error_log.c.source == source)
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [ErrorRow(_aware(r.at), r.source, r.message) for r in rows]  # type: ignore[arg-type]
