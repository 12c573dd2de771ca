"""Assemble one channel's digest: select, filter, merge the same story, rank, cap."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.digest.plan import Decision, DigestPlan, Verdict
from bot.digest.ranking import completeness, story_score
from bot.digest.similarity import same_story, story_time
from bot.digest.source import DigestSource
from bot.models import Article, Digest, DigestItem, Facts
from bot.settings import Settings
from bot.store import Database
from bot.store.channels import ChannelRow, list_subscriptions

logger = logging.getLogger(__name__)


async def build_digest(
    db: Database,
    settings: Settings,
    channel: ChannelRow,
    *,
    now: datetime,
    since: datetime | None = None,
    limit: int | None = None,
    source: DigestSource | None = None,
) -> DigestPlan:
    """The channel's digest of rulings fetched after its cursor (or `since`) up to `now`.

    Reads only; posting and advancing the cursor are the delivery's job. Every article in the
    window gets a `Decision`, so the caller can record why it was or was not included. A
    fan-out passes one `source` for all its channels, so a shared window is read once.
    """
    source = source or DigestSource(db)
    start = since if since is not None else (channel.last_digest_at or channel.since)
    rows = await source.rulings(start, now)
    rows.sort(key=lambda r: (r[0].fetched_at or now, r[0].id or 0))  # oldest first: stable
    decisions: list[Decision] = []
    candidates: list[tuple[Article, Facts]] = []
    flags = await source.digestible([a.id for a, _ in rows if a.id is not None])
    matcher = await _subscription_matcher(db, channel.id)
    for article, facts in rows:
        assert article.id is not None
        if not flags.get(article.id, True):
            decisions.append(
                _decide(article, Verdict.FIRST_POLL, "recorded on the feed's first poll")
            )
        elif not facts.is_ruling:
            decisions.append(_decide(article, Verdict.NOT_RULING, "the article reports no ruling"))
        elif since is None and article.fetched_at and article.fetched_at < channel.since:
            decisions.append(_decide(article, Verdict.TOO_OLD, "older than the subscription"))
        else:
            matched, detail = matcher(article, facts)
            if matched:
                candidates.append((article, facts))
            else:
                decisions.append(_decide(article, Verdict.FILTERED, detail))

    window = timedelta(days=settings.digest.merge_window_days)
    stories = _merge_stories(candidates, window, source)
    window_hours = max(1.0, ((now - start).total_seconds() / 3600) if start else 24.0)
    items: list[DigestItem] = []
    for group in stories:
        lead_article, lead_facts, _ = group[0]
        others = [a for a, _, _ in group[1:]]
        outlets = len({(a.outlet or a.canonical_url) for a, _, _ in group})
        score = story_score(lead_article, lead_facts, outlets, now=now, window_hours=window_hours)
        items.append(DigestItem(lead_article, lead_facts, others, score))
        for article, _, reason in group[1:]:
            decisions.append(
                _decide(
                    article,
                    Verdict.MERGED,
                    f"merged into {lead_article.url} ({reason})",
                    merged_into=lead_article.id,
                )
            )
    items.sort(key=lambda it: (-it.score, -(_ts(story_time(it.article))), it.article.id or 0))
    cap = limit or channel.max_items or settings.digest.max_items
    kept, dropped = items[:cap], items[cap:]
    for pos, item in enumerate(kept):
        decisions.append(_decide(item.article, Verdict.INCLUDED, "", position=pos))
    for rank, item in enumerate(dropped, start=cap + 1):
        note = f"ranked {rank}, below the limit of {cap} items"
        decisions.append(_decide(item.article, Verdict.CAPPED, note))
        for other in item.also_reported_by:
            decisions.append(
                _decide(other, Verdict.CAPPED, f"same story as {item.article.url}; {note}")
            )
    local_date = now.astimezone(ZoneInfo(channel.timezone)).date()
    digest = Digest(channel=channel.ref, local_date=local_date, items=kept, generated_at=now)
    # Later decisions for an article (e.g. capped after merged) replace earlier ones.
    latest: dict[int, Decision] = {}
    for d in decisions:
        latest[d.article_id] = d
    return DigestPlan(digest, list(latest.values()), window_start=start, window_end=now)


def _ts(when: datetime | None) -> float:
    return when.timestamp() if when else 0.0


def _decide(
    article: Article,
    verdict: Verdict,
    detail: str,
    *,
    merged_into: int | None = None,
    position: int | None = None,
) -> Decision:
    assert article.id is not None
    return Decision(article.id, article.url, verdict, detail, merged_into, position)


def _merge_stories(
    candidates: list[tuple[Article, Facts]], window: timedelta, source: DigestSource
) -> list[list[tuple[Article, Facts, str]]]:
    """Group reports of one story (union-find over pairs); each group's first is its lead.

    The lead is the report with the fullest facts, then the earliest: it carries the card,
    the others become "also reported by".
    """
    prepared = [(a, f, source.shingles(a)) for a, f in candidates]
    parent = list(range(len(prepared)))
    reason: dict[int, str] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(prepared)):
        for j in range(i + 1, len(prepared)):
            if find(i) == find(j):
                continue
            why = same_story(prepared[i], prepared[j], window)
            if why:
                parent[find(j)] = find(i)
                reason.setdefault(j, why)
                reason.setdefault(i, why)
    groups: dict[int, list[int]] = {}
    for i in range(len(prepared)):
        groups.setdefault(find(i), []).append(i)
    result = []
    for members in groups.values():
        members.sort(
            key=lambda k: (
                -completeness(prepared[k][1]),
                _ts(story_time(prepared[k][0])),
                prepared[k][0].id or 0,
            )
        )
        result.append([(prepared[k][0], prepared[k][1], reason.get(k, "")) for k in members])
    return result


async def _subscription_matcher(db: Database, channel_pk: int) -> Any:
    """A function (article, facts) -> (matches, detail) for the channel's subscriptions.

    No subscriptions means every ruling. A channel with subscriptions needs one to match.
    """
    subs = await list_subscriptions(db, channel_pk)
    if not subs:
        return lambda _a, _f: (True, "")
    try:
        from bot import subscriptions as subs_mod
    except ImportError:  # pragma: no cover - only while the subscriptions module is missing
        logger.warning("subscription filters unavailable; channel %s gets every ruling", channel_pk)
        return lambda _a, _f: (True, "")
    filters = []
    for sub in subs:
        try:
            filt = subs_mod.Filter.from_dict(sub.filters) if sub.filters else None
        except (KeyError, TypeError, ValueError):
            filt = None
        if filt is None:
            filt = subs_mod.parse_filter(sub.query)
        filters.append((sub.query, filt))
    queries = ", ".join(repr(q) for q, _ in filters)

    def match(article: Article, facts: Facts) -> tuple[bool, str]:
        for query, filt in filters:
            if filt.matches(article, facts):
                return True, f"matches {query!r}"
        return False, f"matches none of the subscriptions {queries}"

    return match
