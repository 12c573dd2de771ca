"""The delivery ledger: a run's plan written before posting, then each message's platform id.

Rows of `deliveries` for one run: a `header` (or `empty`) at position 0, one `item` per ruling at
positions 1..n, and `decision` rows saying why other articles were left out (merged, capped,
filtered). Entries go pending → posted, strictly in order; after a crash the first unposted entry
is in doubt (its message may have reached the platform), so the resumed run asks the adapter
before posting it again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select, update

from bot.digest import DigestPlan, Verdict
from bot.models import ThreadRef
from bot.store import Database
from bot.store.articles import _aware
from bot.store.schema import deliveries, digest_runs, threads

logger = logging.getLogger(__name__)

PENDING, SENDING, POSTED = "pending", "sending", "posted"
HEADER, ITEM, EMPTY, DECISION = "header", "item", "empty", "decision"
_EXPLAINED = (Verdict.MERGED, Verdict.CAPPED, Verdict.FILTERED, Verdict.TOO_OLD)


@dataclass(frozen=True, slots=True)
class Entry:
    """One message of a run (header, item or empty notice) as the ledger holds it."""

    id: int
    run_id: int
    kind: str
    position: int
    status: str
    article_id: int | None
    text: str
    also: tuple[int, ...]
    message_id: str | None
    thread_id: str | None
    posted_at: datetime | None

    @property
    def delivery_key(self) -> str:
        """The message's identity on the platform (run and position; stable across resumes)."""
        return f"rb-{self.run_id}-{self.position}"


def _entry(row: Any) -> Entry:
    m = row._mapping
    detail = json.loads(m["detail"] or "{}")
    return Entry(
        id=m["id"],
        run_id=m["run_id"],
        kind=m["kind"],
        position=m["position"],
        status=m["status"],
        article_id=m["article_id"],
        text=detail.get("text", ""),
        also=tuple(detail.get("also", ())),
        message_id=m["message_id"],
        thread_id=m["thread_id"],
        posted_at=_aware(m["posted_at"]),
    )


async def load(db: Database, run_id: int) -> tuple[bool, list[Entry]]:
    """Whether the run has a plan, and its messages in posting order: one read for both."""
    query = select(deliveries).where(deliveries.c.run_id == run_id)
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    messages = sorted(
        (_entry(r) for r in rows if r._mapping["kind"] != DECISION), key=lambda e: e.position
    )
    return bool(rows), messages


async def has_plan(db: Database, run_id: int) -> bool:
    query = select(func.count()).select_from(deliveries).where(deliveries.c.run_id == run_id)
    async with db.connect() as conn:
        return bool((await conn.execute(query)).scalar())


async def write_plan(
    db: Database,
    run_id: int,
    channel_pk: int,
    plan: DigestPlan,
    *,
    header: str | None,
    item_texts: list[str],
    now: datetime,
    window: tuple[datetime | None, datetime] | None = None,
) -> list[Entry]:
    """Store the ordered messages (all `pending`) and the decisions, in one transaction, and
    return the run's messages in posting order.

    `header` None means post nothing (an empty day that is not announced). Written before the
    first post, so a crash at any later point resumes with exactly this plan. `window` (start,
    end) is stored on the run in the same transaction, so a resumed run always knows how far
    its cursor moves.
    """
    rows: list[dict[str, Any]] = []

    def add(kind: str, position: int, status: str, article_id: int | None, detail: Any) -> None:
        rows.append(
            {
                "run_id": run_id,
                "channel_pk": channel_pk,
                "article_id": article_id,
                "kind": kind,
                "position": position,
                "status": status,
                "detail": json.dumps(detail),
                "created_at": now,
            }
        )

    if header is not None:
        add(EMPTY if plan.is_empty else HEADER, 0, PENDING, None, {"text": header})
    for pos, (item, text) in enumerate(zip(plan.digest.items, item_texts, strict=True), start=1):
        also = [a.id for a in item.also_reported_by]
        add(ITEM, pos, PENDING, item.article.id, {"text": text, "also": also})
    explained = [d for d in plan.decisions if d.verdict in _EXPLAINED]
    for pos, decision in enumerate(explained):
        add(DECISION, pos, decision.verdict.value, decision.article_id, {"text": decision.detail})
    async with db.begin() as conn:
        # A plan is written once per run: the unique (run, kind, position) key and this check
        # keep a second writer (there is none while the lease holds) from duplicating it.
        exists = await conn.execute(
            select(deliveries.c.id).where(deliveries.c.run_id == run_id).limit(1)
        )
        written: list[Entry] | None = None
        if exists.first() is None:
            written = []
            if rows:
                inserted = await conn.execute(
                    deliveries.insert().returning(*deliveries.c, sort_by_parameter_order=True),
                    rows,
                )
                written = [e for e in map(_entry, inserted.all()) if e.kind != DECISION]
        if window is not None:
            await conn.execute(
                update(digest_runs)
                .where(digest_runs.c.id == run_id)
                .values(window_start=window[0], window_end=window[1])
            )
        if written is None:
            found = await conn.execute(
                select(deliveries)
                .where(deliveries.c.run_id == run_id, deliveries.c.kind != DECISION)
                .order_by(deliveries.c.position)
            )
            written = [_entry(r) for r in found.all()]
    return sorted(written, key=lambda e: e.position)


async def entries(db: Database, run_id: int) -> list[Entry]:
    """The run's messages in posting order (decisions excluded)."""
    query = (
        select(deliveries)
        .where(deliveries.c.run_id == run_id, deliveries.c.kind != DECISION)
        .order_by(deliveries.c.position)
    )
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return [_entry(r) for r in rows]


async def mark_posted(
    db: Database,
    entry: Entry,
    *,
    message_id: str,
    thread: ThreadRef | None,
    now: datetime,
) -> None:
    """Record the platform's message id and, for a ruling card, the thread → article mapping,
    in one transaction (one commit right after the post: the crash window stays small)."""
    async with db.begin() as conn:
        await conn.execute(
            update(deliveries)
            .where(deliveries.c.id == entry.id)
            .values(
                status=POSTED,
                message_id=message_id,
                thread_id=thread.thread_id if thread else None,
                posted_at=now,
            )
        )
        if thread is not None and entry.article_id is not None and entry.kind == ITEM:
            await conn.execute(
                db.insert(threads)
                .values(
                    platform=thread.platform,
                    channel_id=thread.channel_id,
                    thread_id=thread.thread_id,
                    article_id=entry.article_id,
                    created_at=now,
                )
                .on_conflict_do_nothing()
            )


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """What the ledger says about one article in one channel (newest run first)."""

    run_id: int
    local_date: str
    run_status: str
    run_error: str | None
    next_attempt_at: datetime | None
    kind: str
    status: str
    detail: str
    message_id: str | None
    posted_at: datetime | None
    also: tuple[int, ...] = ()


async def article_records(db: Database, channel_pk: int, article_id: int) -> list[ArticleRecord]:
    """Every ledger row naming this article in this channel: as an item, also-reported, decision."""
    query = (
        select(
            deliveries,
            digest_runs.c.local_date,
            digest_runs.c.status.label("run_status"),
            digest_runs.c.error,
            digest_runs.c.next_attempt_at,
        )
        .join(digest_runs, digest_runs.c.id == deliveries.c.run_id)
        .where(and_(deliveries.c.channel_pk == channel_pk))
        .where(deliveries.c.kind.in_((ITEM, DECISION)))
        .order_by(digest_runs.c.local_date.desc(), deliveries.c.id.desc())
    )
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    found: list[ArticleRecord] = []
    for row in rows:
        m = row._mapping
        detail = json.loads(m["detail"] or "{}")
        also = tuple(detail.get("also", ()))
        if m["article_id"] != article_id and article_id not in also:
            continue
        found.append(
            ArticleRecord(
                run_id=m["run_id"],
                local_date=m["local_date"],
                run_status=m["run_status"],
                run_error=m["error"],
                next_attempt_at=_aware(m["next_attempt_at"]),
                kind=m["kind"],
                status=m["status"] if m["article_id"] == article_id else "also",
                detail=detail.get("text", ""),
                message_id=m["message_id"],
                posted_at=_aware(m["posted_at"]),
                also=also,
            )
        )
    return found


async def last_posted_at(db: Database) -> dict[int, datetime]:
    """When each channel last had a message posted."""
    query = (
        select(deliveries.c.channel_pk, func.max(deliveries.c.posted_at))
        .where(deliveries.c.status == POSTED)
        .group_by(deliveries.c.channel_pk)
    )
    async with db.connect() as conn:
        rows = (await conn.execute(query)).all()
    return {pk: _aware(when) for pk, when in rows if when is not None}  # type: ignore[misc]
