"""Stored rulings for core tests: the dev articles with their hand labels as facts.

Facts come from the labels, not from the summarizer, so these tests pin down search, filters
and commands whatever the extractor currently gets right.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.models import Article, Facts, Judge, Outcome
from bot.store import Database
from bot.store.articles import content_hash, save_article, save_facts
from tests.conftest import DEV_ARTICLES

BASE = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)


def label_facts(label: dict, headline: str) -> Facts:
    return Facts(
        is_ruling=label["is_ruling"],
        headline=headline,
        summary=label.get("outcome") or "",
        judges=tuple(
            Judge(name, title)
            for name, title in zip(
                label.get("judges") or (), label.get("judge_titles") or (), strict=False
            )
        ),
        court=label.get("court"),
        outcome=Outcome(label.get("outcome_class"), label.get("outcome"), label.get("motion")),
        plaintiffs=tuple(label.get("plaintiffs") or ()),
        defendants=tuple(label.get("defendants") or ()),
        case_name=label.get("case_name"),
        docket=label.get("docket"),
        key_quote=label.get("key_quote"),
    )


def dev_article(number: int) -> tuple[Article, str]:
    path = DEV_ARTICLES / "articles" / f"{number:03d}.txt"
    headline, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    when = BASE + timedelta(hours=number)
    url = f"https://news.example/{number:03d}"
    article = Article(
        url=url,
        canonical_url=url,
        title=headline.strip(),
        text=body,
        content_hash=content_hash(body),
        outlet="Example News",
        published_at=when,
        fetched_at=when,
    )
    return article, headline.strip()


async def store_ruling(db: Database, article: Article, facts: Facts) -> Article:
    saved = await save_article(db, article)
    await save_facts(db, saved.article, facts, extractor="labels", version="1", now=BASE)
    return saved.article


async def seed_dev_rulings(db: Database) -> dict[str, Article]:
    """All 36 dev articles stored with label facts; keyed by id ("001"…)."""
    stored: dict[str, Article] = {}
    labels = (DEV_ARTICLES / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    for line in labels:
        label = json.loads(line)
        article, headline = dev_article(int(label["id"]))
        stored[label["id"]] = await store_ruling(db, article, label_facts(label, headline))
    return stored


def make_ruling(
    slug: str,
    *,
    text: str = "The court ruled on the motion.",
    title: str = "Court rules",
    when: datetime = BASE,
    judges: tuple[str, ...] = (),
    court: str | None = None,
    plaintiffs: tuple[str, ...] = (),
    defendants: tuple[str, ...] = (),
    outcome: str | None = "granted",
    summary: str = "",
    is_ruling: bool = True,
) -> tuple[Article, Facts]:
    """A small synthetic ruling for ranking and filter tests."""
    url = f"https://news.example/{slug}"
    article = Article(
        url=url,
        canonical_url=url,
        title=title,
        text=text,
        content_hash=content_hash(f"{slug} {text}"),
        outlet="Example News",
        published_at=when,
        fetched_at=when,
    )
    facts = Facts(
        is_ruling=is_ruling,
        headline=title,
        summary=summary,
        judges=tuple(Judge(j, "Judge") for j in judges),
        court=court,
        outcome=Outcome(outcome, outcome, None),
        plaintiffs=plaintiffs,
        defendants=defendants,
    )
    return article, facts
