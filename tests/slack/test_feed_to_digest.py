"""End to end on loopback: a feed → fetch → facts → a channel's digest posted to a fake Slack,
one message per ruling, every message within Block Kit's limits, a 30-ruling digest paged."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from sqlalchemy import select

from adapters.slack import SlackAdapter
from bot.clock import FakeClock
from bot.delivery import Deliverer
from bot.ingest.pipeline import poll_feeds
from bot.models import ChannelRef
from bot.settings import Secrets, Settings
from bot.store import Database
from bot.store.channels import ensure_channel, update_channel
from bot.store.schema import threads
from tests.delivery.factories import T0
from tests.fakes.feed_server import FeedServer, Item, article_page, rss
from tests.fakes.slack_api import FakeSlack

FIRST = [
    "Amara",
    "Bennett",
    "Celia",
    "Dorian",
    "Esme",
    "Felix",
    "Greta",
    "Hollis",
    "Ingrid",
    "Jasper",
]
LAST = ["Okonkwo", "Lindqvist", "Marchetti", "Ravensworth", "Takahashi", "Delacroix"]
AGENCIES = [
    "Department of Labor",
    "Environmental Protection Agency",
    "Federal Trade Commission",
    "Department of Education",
    "Food and Drug Administration",
]
TOPICS = [
    "overtime pay",
    "power plant emissions",
    "noncompete clauses",
    "student loan relief",
    "menthol cigarettes",
    "tenant screening",
    "school lunches",
    "pipeline permits",
]
WORDS = [
    "harbor",
    "orchard",
    "lantern",
    "meadow",
    "granite",
    "willow",
    "copper",
    "thistle",
    "ember",
    "falcon",
    "quarry",
    "saddle",
    "cobalt",
    "juniper",
    "marble",
    "nectar",
    "pebble",
    "quill",
    "raven",
    "sorrel",
    "tundra",
    "umber",
    "violet",
    "walnut",
    "yarrow",
]


def ruling_page(i: int, rng: random.Random) -> tuple[str, list[str]]:
    judge = f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]}{'e' * (i // 10)}"
    agency = AGENCIES[i % len(AGENCIES)]
    topic = TOPICS[i % len(TOPICS)]
    group = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} Alliance {i}"
    title = f"Judge blocks {agency} rule on {topic} ({i})"
    paragraphs = [
        f"U.S. District Judge {judge} on Monday blocked the {agency}'s new rule on {topic}, "
        f"granting a preliminary injunction sought by the {group}.",
        f"The {group} sued the {agency} in March, arguing the rule exceeded the agency's power.",
        f'"The agency has not shown that Congress gave it this authority," {judge.split()[-1]} '
        "wrote in a 30-page opinion.",
        " ".join(rng.choice(WORDS) for _ in range(60)) + ".",
    ]
    return title, paragraphs


def assert_within_slack_limits(data: dict) -> None:
    blocks = data.get("blocks") or []
    assert data.get("text"), "every message needs a text fallback"
    assert len(blocks) <= 50
    for block in blocks:
        for key in ("text",):
            if isinstance(block.get(key), dict):
                assert len(block[key]["text"]) <= 3000
        for field in block.get("fields") or []:
            assert len(field["text"]) <= 2000
    assert len(json.dumps(blocks)) <= 12_000


async def test_a_feed_on_loopback_becomes_a_30_ruling_digest_in_a_slack_channel(
    sqlite_db: Database,
) -> None:
    rng = random.Random(7)
    clock = FakeClock(T0)
    async with FeedServer() as feeds, FakeSlack() as slack:
        items = []
        for i in range(30):
            title, paragraphs = ruling_page(i, rng)
            link = feeds.add(
                f"/rulings/{i}.html", article_page(title, paragraphs), content_type="text/html"
            )
            items.append(Item(title=title, link=link + "?utm_source=rss", published=T0))
        feed_url = feeds.add("/feed.xml", rss(items))
        settings = Settings(
            feed_catalog="",
            feeds=[{"url": feed_url, "outlet": "Loopback Legal Wire"}],
            fetch={"allow_private_networks": True, "first_poll_records_only": False},
            digest={"max_items": 30},
            slack={"api_url": slack.url, "pace_seconds": 0, "socket_mode": False},
        )
        channel = await ensure_channel(
            sqlite_db, ChannelRef("slack", "C42", "T1"), now=T0 - timedelta(days=1)
        )
        await update_channel(sqlite_db, channel.id, digest_time="08:00", timezone="UTC")

        report = await poll_feeds(sqlite_db, settings, clock=clock)
        assert report.new_articles == 30

        clock.advance(hours=1)
        adapter = SlackAdapter(settings.slack, Secrets(SLACK_BOT_TOKEN="xoxb-e2e"), sqlite_db)
        try:
            deliverer = Deliverer(sqlite_db, settings, {"slack": adapter}, clock=clock, owner="t")
            result = await deliverer.deliver(channel, date(2026, 3, 2))
        finally:
            await adapter.stop()

        assert result.outcome == "done"
        posts = slack.posts("C42")
        assert len(posts) == 31  # the header, then one message per ruling
        assert "30" in posts[0].data["text"]
        for post in posts:
            assert_within_slack_limits(post.data)
        cards = [json.dumps(p.data["blocks"]) for p in posts[1:]]
        for i in range(30):
            assert sum(f"/rulings/{i}.html" in c for c in cards) == 1
        assert any("U.S. District Judge" in c and "Blocked" in c for c in cards)
        # Each ruling message opened a thread that resolves to exactly its article.
        async with sqlite_db.connect() as conn:
            mapped = (await conn.execute(select(threads.c.thread_id, threads.c.article_id))).all()
        assert len(mapped) == 30 and len({row.article_id for row in mapped}) == 30
