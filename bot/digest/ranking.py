"""The order of a digest: more outlets, higher courts and fresher news first."""

from __future__ import annotations

import re
from datetime import datetime

from bot.models import Article, Facts

_SUPREME = re.compile(r"\bsupreme\b")
_APPEALS = re.compile(r"\b(appeals?|appellate)\b|\bcircuit\b(?!.*\bcounty\b)")


def court_level(facts: Facts) -> int:
    """3 supreme, 2 appellate, 1 any other named court, 0 unknown."""
    court = (facts.court or "").lower()
    if not court:
        return 0
    if _SUPREME.search(court):
        return 3
    if _APPEALS.search(court) and "county" not in court:
        return 2
    return 1


def completeness(facts: Facts) -> int:
    """How many of the card's fields the facts fill: a richer report leads a merged story."""
    return sum(
        bool(x)
        for x in (facts.judges, facts.court, facts.outcome.cls, facts.plaintiffs, facts.defendants)
    )


def story_score(
    lead: Article, facts: Facts, outlets: int, *, now: datetime, window_hours: float
) -> float:
    """Outlets weigh most (a story many report matters), then court level, then recency."""
    when = lead.published_at or lead.fetched_at or now
    age_hours = max(0.0, (now - when).total_seconds() / 3600)
    recency = max(0.0, 1.0 - age_hours / max(window_hours, 1.0))
    return 2.0 * outlets + 1.0 * court_level(facts) + recency + 0.1 * completeness(facts)
