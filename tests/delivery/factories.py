"""Stored rulings and channels for delivery tests, built through the real store functions."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from bot.models import Article, ChannelRef, Facts, Judge, Outcome
from bot.store import Database
from bot.store.articles import content_hash, save_article, save_facts
from bot.store.channels import ChannelRow, ensure_channel, get_channel, update_channel

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)

_VOCABULARY = [
    "agency",
    "appeal",
    "argued",
    "brief",
    "case",
    "claims",
    "clerk",
    "counsel",
    "court",
    "decision",
    "docket",
    "evidence",
    "federal",
    "filing",
    "hearing",
    "injunction",
    "judge",
    "jurisdiction",
    "law",
    "lawyers",
    "merits",
    "motion",
    "order",
    "panel",
    "parties",
    "plaintiffs",
    "policy",
    "precedent",
    "record",
    "relief",
    "remand",
    "review",
    "rule",
    "ruling",
    "statute",
    "testimony",
    "trial",
    "verdict",
    "witness",
    "district",
    "circuit",
    "statement",
    "reporters",
    "officials",
    "program",
    "funding",
    "contract",
]


def _filler(seed: str, words: int = 60) -> str:
    """Text unique to one story, so unrelated test stories never look alike."""
    rng = random.Random(seed)
    return " ".join(rng.choice(_VOCABULARY) for _ in range(words)) + "."


async def add_ruling(
    db: Database,
    slug: str,
    *,
    judge: str = "Dabney Friedrich",
    court: str = "U.S. District Court for the District of Columbia",
    outcome: str = "denied",
    plaintiffs: tuple[str, ...] = ("Centro de Trabajadores Unidos",),
    defendants: tuple[str, ...] = ("Internal Revenue Service",),
    outlet: str = "Example News",
    fetched: datetime = T0,
    text: str | None = None,
    is_ruling: bool = True,
    digestible: bool = True,
    headline: str | None = None,
) -> Article:
    """Store an article and its facts; `text` defaults to a unique body built from the slug."""
    body = text or f"{slug}: Judge {judge} {outcome} the motion of {plaintiffs[0]}. {_filler(slug)}"
    url = f"https://{outlet.lower().replace(' ', '')}.example/{slug}"
    article = Article(
        url=url,
        canonical_url=url,
        title=headline or f"Ruling {slug}",
        text=body,
        content_hash=content_hash(body + url),
        outlet=outlet,
        published_at=fetched - timedelta(minutes=5),
        fetched_at=fetched,
    )
    saved = (await save_article(db, article, digestible=digestible)).article
    facts = Facts(
        is_ruling=is_ruling,
        headline=headline or f"Ruling {slug}",
        summary=f"Summary of {slug}.",
        judges=(Judge(judge, "U.S. District Judge"),) if is_ruling else (),
        court=court if is_ruling else None,
        outcome=Outcome(outcome if is_ruling else None, outcome, None),
        plaintiffs=plaintiffs if is_ruling else (),
        defendants=defendants if is_ruling else (),
    )
    await save_facts(db, saved, facts, extractor="rules", version="t", now=fetched)
    return saved


async def add_channel(
    db: Database,
    channel_id: str,
    *,
    platform: str = "slack",
    since: datetime = T0 - timedelta(days=1),
    digest_time: str | None = "08:00",
    timezone: str = "UTC",
    **values: object,
) -> ChannelRow:
    ref = ChannelRef(platform, channel_id)
    row = await ensure_channel(db, ref, now=since, timezone=timezone)
    await update_channel(db, row.id, digest_time=digest_time, **values)
    fresh = await get_channel(db, ref)
    assert fresh is not None
    return fresh
