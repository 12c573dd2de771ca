"""Why an article was, or was not, delivered to a channel — from the ledger, else from the rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select

from bot.delivery import ledger
from bot.digest import Verdict, build_digest
from bot.scheduler import next_digest_at
from bot.settings import Settings
from bot.store import Database
from bot.store.articles import get_facts, row_to_article
from bot.store.channels import ChannelRow
from bot.store.schema import articles

# Short verdict keys, stable for scripts: delivered, pending, failed, merged, capped, filtered,
# too_old, not_ruling, first_poll, not_analysed, not_stored, not_yet_considered, no_digest.


@dataclass(slots=True)
class Explanation:
    verdict: str
    headline: str
    details: list[str] = field(default_factory=list)


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "?"


async def find_article_by_url(db: Database, url: str):  # type: ignore[no-untyped-def]
    """The stored article for a URL as given or in its canonical form, or None."""
    candidates = {url.strip()}
    try:
        from bot.ingest.canonical import canonicalize

        candidates.add(canonicalize(url.strip()))
    except (ImportError, ValueError):
        pass
    query = select(articles).where(
        or_(articles.c.canonical_url.in_(candidates), articles.c.url.in_(candidates))
    )
    async with db.connect() as conn:
        row = (await conn.execute(query.limit(1))).first()
    return row_to_article(row) if row else None


async def explain(
    db: Database, settings: Settings, channel: ChannelRow, url: str, *, now: datetime
) -> Explanation:
    article = await find_article_by_url(db, url)
    if article is None or article.id is None:
        return Explanation(
            "not_stored",
            "Not stored: this URL was never fetched (is it in a polled feed?).",
        )
    facts = await get_facts(db, article.id)
    if facts is None:
        return Explanation("not_analysed", "Stored, but its facts have not been extracted yet.")
    for rec in await ledger.article_records(db, channel.id, article.id):
        found = _from_record(rec)
        if found is not None:
            return found
    if not facts.is_ruling:
        return Explanation("not_ruling", "Not a ruling: the article reports no court decision.")
    fetched = article.fetched_at
    if fetched is not None and fetched < channel.since:
        return Explanation(
            "too_old",
            "Older than the subscription: fetched "
            f"{_when(fetched)}, the channel subscribed {_when(channel.since)}.",
        )
    if channel.last_digest_at and fetched and fetched <= channel.last_digest_at:
        return Explanation(
            "not_ruling",
            f"Arrived before the last digest ({_when(channel.last_digest_at)}) but was not in it.",
            ["It was probably not classed as a ruling, or was recorded on a feed's first poll."],
        )
    plan = await build_digest(db, settings, channel, now=now)
    decision = plan.decision_for(article.id)
    nxt = next_digest_at(channel.digest_time, channel.timezone, now)
    if channel.digest_time is None:
        head = "Not yet considered: this channel has no daily digest."
        verdict = "no_digest"
    else:
        head = f"Not yet considered: the next digest is due {_when(nxt)}."
        verdict = "not_yet_considered"
    details = []
    if decision is not None:
        if decision.verdict is Verdict.INCLUDED:
            details.append(f"If it ran now, it would be item {(decision.position or 0) + 1}.")
        else:
            details.append(f"If it ran now: {decision.verdict.value} — {decision.detail}.")
    return Explanation(verdict, head, details)


def _from_record(rec: ledger.ArticleRecord) -> Explanation | None:
    run = f"the digest of {rec.local_date}"
    if rec.kind == ledger.DECISION:
        verdict = Verdict(rec.status)
        heads = {
            Verdict.MERGED: "Merged into another story",
            Verdict.CAPPED: "Capped",
            Verdict.FILTERED: "Filtered by subscription",
            Verdict.TOO_OLD: "Older than the subscription",
        }
        return Explanation(
            verdict.value, f"{heads.get(verdict, verdict.value)} in {run}: {rec.detail}."
        )
    if rec.status == "also":
        lead = f"merged into another outlet's report of the same story in {run}"
        if rec.message_id:
            return Explanation(
                "merged",
                f"Delivered as “also reported by” ({lead}), {_when(rec.posted_at)}, "
                f"message {rec.message_id}.",
            )
        return Explanation("merged", f"Merged: {lead}.")
    if rec.status == ledger.POSTED:
        return Explanation(
            "delivered",
            f"Delivered in {run} at {_when(rec.posted_at)}, message id {rec.message_id}.",
        )
    if rec.run_status == "failed":
        retry = (
            f"next attempt {_when(rec.next_attempt_at)}"
            if rec.next_attempt_at
            else "no more attempts (gave up)"
        )
        return Explanation(
            "failed", f"Not delivered: {run} failed with “{rec.run_error}”; {retry}."
        )
    return Explanation("pending", f"Being delivered: {run} is in progress.")
