"""Exactly one run per (channel, local date): a unique key plus a lease, on SQLite and PostgreSQL.

A run is claimed by inserting its row (the unique key lets only one instance win) or, when the row
exists, by a conditional UPDATE that succeeds only if the previous owner's lease has expired or a
failed run's retry time has come. Both are single statements, so two instances can never both
believe they own a run; a crashed owner's run is taken over once its lease runs out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, or_, select, update

from bot.store import Database
from bot.store.articles import _aware
from bot.store.schema import channels, digest_runs

logger = logging.getLogger(__name__)

RUNNING, DONE, FAILED = "running", "done", "failed"


@dataclass(frozen=True, slots=True)
class RunClaim:
    """A run this instance owns until `lease_until` (renew it while posting)."""

    run_id: int
    channel_pk: int
    local_date: date
    owner: str
    attempts: int
    lease_until: datetime
    window_start: datetime | None = None
    window_end: datetime | None = None


@dataclass(frozen=True, slots=True)
class RunRow:
    id: int
    channel_pk: int
    local_date: date
    status: str
    owner: str | None
    lease_until: datetime | None
    attempts: int
    next_attempt_at: datetime | None
    window_start: datetime | None
    window_end: datetime | None
    error: str | None
    created_at: datetime
    finished_at: datetime | None


def _row(m: object) -> RunRow:
    m = m._mapping  # type: ignore[attr-defined]
    return RunRow(
        id=m["id"],
        channel_pk=m["channel_pk"],
        local_date=date.fromisoformat(m["local_date"]),
        status=m["status"],
        owner=m["owner"],
        lease_until=_aware(m["lease_until"]),
        attempts=m["attempts"],
        next_attempt_at=_aware(m["next_attempt_at"]),
        window_start=_aware(m["window_start"]),
        window_end=_aware(m["window_end"]),
        error=m["error"],
        created_at=_aware(m["created_at"]),  # type: ignore[arg-type]
        finished_at=_aware(m["finished_at"]),
    )


async def claim_run(
    db: Database,
    channel_pk: int,
    local_date: date,
    *,
    owner: str,
    now: datetime,
    lease_seconds: float,
) -> RunClaim | None:
    """Own the run for (channel, local date); None when it is done, owned or not retryable yet."""
    lease_until = now + timedelta(seconds=lease_seconds)
    key = local_date.isoformat()
    insert = (
        db.insert(digest_runs)
        .values(
            channel_pk=channel_pk,
            local_date=key,
            status=RUNNING,
            owner=owner,
            lease_until=lease_until,
            attempts=1,
            created_at=now,
        )
        .on_conflict_do_nothing()
        .returning(digest_runs.c.id)
    )
    async with db.begin() as conn:
        run_id = (await conn.execute(insert)).scalar()
    if run_id is not None:
        return RunClaim(run_id, channel_pk, local_date, owner, 1, lease_until)
    takeover = (
        update(digest_runs)
        .where(
            digest_runs.c.channel_pk == channel_pk,
            digest_runs.c.local_date == key,
            or_(
                and_(digest_runs.c.status == RUNNING, digest_runs.c.lease_until < now),
                and_(
                    digest_runs.c.status == FAILED,
                    digest_runs.c.next_attempt_at.is_not(None),
                    digest_runs.c.next_attempt_at <= now,
                ),
            ),
        )
        .values(
            status=RUNNING,
            owner=owner,
            lease_until=lease_until,
            attempts=digest_runs.c.attempts + 1,
            next_attempt_at=None,
        )
        .returning(
            digest_runs.c.id,
            digest_runs.c.attempts,
            digest_runs.c.window_start,
            digest_runs.c.window_end,
        )
    )
    async with db.begin() as conn:
        row = (await conn.execute(takeover)).first()
    if row is None:
        return None
    logger.info("took over digest run %s (channel %s, %s)", row.id, channel_pk, key)
    return RunClaim(
        row.id,
        channel_pk,
        local_date,
        owner,
        row.attempts,
        lease_until,
        _aware(row.window_start),
        _aware(row.window_end),
    )


async def renew_lease(
    db: Database, claim: RunClaim, *, now: datetime, lease_seconds: float
) -> RunClaim | None:
    """Extend the lease; None means another instance took the run over (stop posting)."""
    lease_until = now + timedelta(seconds=lease_seconds)
    stmt = (
        update(digest_runs)
        .where(
            digest_runs.c.id == claim.run_id,
            digest_runs.c.owner == claim.owner,
            digest_runs.c.status == RUNNING,
        )
        .values(lease_until=lease_until)
    )
    async with db.begin() as conn:
        if (await conn.execute(stmt)).rowcount != 1:
            return None
    return RunClaim(
        claim.run_id,
        claim.channel_pk,
        claim.local_date,
        claim.owner,
        claim.attempts,
        lease_until,
        claim.window_start,
        claim.window_end,
    )


async def set_window(
    db: Database, claim: RunClaim, start: datetime | None, end: datetime
) -> RunClaim:
    stmt = (
        update(digest_runs)
        .where(digest_runs.c.id == claim.run_id)
        .values(window_start=start, window_end=end)
    )
    async with db.begin() as conn:
        await conn.execute(stmt)
    return RunClaim(
        claim.run_id,
        claim.channel_pk,
        claim.local_date,
        claim.owner,
        claim.attempts,
        claim.lease_until,
        start,
        end,
    )


async def finish_run(db: Database, claim: RunClaim, *, now: datetime) -> bool:
    """Mark the run done and move the channel's cursor to the end of its window, atomically."""
    async with db.begin() as conn:
        done = await conn.execute(
            update(digest_runs)
            .where(digest_runs.c.id == claim.run_id, digest_runs.c.owner == claim.owner)
            .values(status=DONE, finished_at=now, lease_until=None, error=None)
        )
        if done.rowcount != 1:
            return False
        if claim.window_end is not None:
            await conn.execute(
                update(channels)
                .where(
                    channels.c.id == claim.channel_pk,
                    or_(
                        channels.c.last_digest_at.is_(None),
                        channels.c.last_digest_at < claim.window_end,
                    ),
                )
                .values(last_digest_at=claim.window_end)
            )
    return True


async def fail_run(
    db: Database, claim: RunClaim, *, now: datetime, error: str, retry_at: datetime | None
) -> None:
    """Record the failure; `retry_at` None means give up (the error stays for `why`/`status`)."""
    stmt = (
        update(digest_runs)
        .where(digest_runs.c.id == claim.run_id, digest_runs.c.owner == claim.owner)
        .values(status=FAILED, error=error, next_attempt_at=retry_at, lease_until=None)
    )
    async with db.begin() as conn:
        await conn.execute(stmt)


async def get_run(db: Database, channel_pk: int, local_date: date) -> RunRow | None:
    query = select(digest_runs).where(
        digest_runs.c.channel_pk == channel_pk,
        digest_runs.c.local_date == local_date.isoformat(),
    )
    async with db.connect() as conn:
        row = (await conn.execute(query)).first()
    return _row(row) if row else None


async def runs_for_channel(db: Database, channel_pk: int, *, limit: int = 10) -> list[RunRow]:
    query = (
        select(digest_runs)
        .where(digest_runs.c.channel_pk == channel_pk)
        .order_by(digest_runs.c.local_date.desc())
        .limit(limit)
    )
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [_row(r) for r in rows]


async def last_run_dates(db: Database) -> dict[int, date]:
    """The newest local date each channel has a run for (any status)."""
    from sqlalchemy import func

    query = select(digest_runs.c.channel_pk, func.max(digest_runs.c.local_date)).group_by(
        digest_runs.c.channel_pk
    )
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return {pk: date.fromisoformat(d) for pk, d in rows}


async def runs_needing_attention(db: Database, *, now: datetime) -> list[RunRow]:
    """Failed runs whose retry time has come and running runs whose owner's lease expired."""
    query = select(digest_runs).where(
        or_(
            and_(
                digest_runs.c.status == FAILED,
                digest_runs.c.next_attempt_at.is_not(None),
                digest_runs.c.next_attempt_at <= now,
            ),
            and_(digest_runs.c.status == RUNNING, digest_runs.c.lease_until < now),
        )
    )
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [_row(r) for r in rows]
