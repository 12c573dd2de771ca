"""Facts → a neutral `Card` (headline, one-line summary, Judge · Court · Outcome · Parties).

Every surface (digest, `/ruling`, console) renders rulings through this one function, so a
ruling reads the same in Slack, Discord and the terminal.
"""

from __future__ import annotations

from datetime import datetime

from bot.models import Article, Card, Facts

OUTCOME_LABELS = {
    "granted": "Granted",
    "denied": "Denied",
    "blocked": "Blocked",
    "upheld": "Upheld",
    "struck_down": "Struck down",
    "dismissed": "Dismissed",
    "reversed": "Reversed",
    "affirmed": "Affirmed",
    "ruled_for_plaintiffs": "Ruled for plaintiffs",
    "ruled_for_defendants": "Ruled for defendants",
    "sentenced": "Sentenced",
    "approved": "Approved",
    "other": "Mixed / other",
}


def judge_line(facts: Facts) -> str:
    return "; ".join(f"{j.title} {j.name}" if j.title else j.name for j in facts.judges)


def outcome_line(facts: Facts) -> str:
    label = OUTCOME_LABELS.get(facts.outcome.cls or "", "")
    motion = facts.outcome.motion
    if label and motion:
        return f"{label} ({motion})"
    return label or (facts.outcome.text or "")


def time_line(when: datetime | None) -> str:
    return when.strftime("%b %d, %Y %H:%M UTC") if when else ""


def ruling_card(article: Article, facts: Facts, also: list[Article] | None = None) -> Card:
    """The card for one ruling; fields the article does not support are left out, not guessed."""
    fields: list[tuple[str, str]] = []
    for name, value in (
        ("Judge", judge_line(facts)),
        ("Court", facts.court or ""),
        ("Outcome", outcome_line(facts)),
        ("Parties", facts.parties),
    ):
        if value:
            fields.append((name, value))
    context_parts = [p for p in (article.outlet, time_line(article.published_at)) if p]
    if also:
        outlets = ", ".join(a.outlet or a.canonical_url for a in also)
        context_parts.append(f"also reported by {outlets}")
    return Card(
        title=facts.headline or article.title,
        summary=facts.summary or article.title,
        url=article.url,
        fields=tuple(fields),
        context=" · ".join(context_parts) or None,
        article_id=article.id,
    )
