"""Feed rows: config sync, due-feed claims across instances, backoff and disabling."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.settings import FeedConfig, FetchSettings
from bot.store import Database
from bot.store.feeds import (
    backoff_delay,
    claim_due_feeds,
    list_feeds,
    record_feed_failure,
    record_feed_ok,
    sync_feeds,
)
from tests.ingest.conftest import NOW

LEASE = timedelta(minutes=30)


def configs(n: int) -> list[FeedConfig]:
    return [FeedConfig(url=f"https://feeds.example/{i}", name=f"Feed {i}") for i in range(n)]


async def test_sync_adds_updates_and_switches_off_unconfigured_feeds(any_db: Database) -> None:
    await sync_feeds(any_db, configs(3), now=NOW)
    renamed = [FeedConfig(url="https://feeds.example/0", name="Renamed"), *configs(2)[1:]]
    await sync_feeds(any_db, renamed, now=NOW)
    feeds = await list_feeds(any_db)
    assert [(f.url, f.name) for f in feeds] == [
        ("https://feeds.example/0", "Renamed"),
        ("https://feeds.example/1", "Feed 1"),
    ]
    assert len(await list_feeds(any_db, include_unconfigured=True)) == 3


async def test_a_claimed_feed_is_not_due_again_within_the_interval(any_db: Database) -> None:
    await sync_feeds(any_db, configs(2), now=NOW)
    first = await claim_due_feeds(any_db, NOW, lease=LEASE)
    again = await claim_due_feeds(any_db, NOW + timedelta(minutes=5), lease=LEASE)
    later = await claim_due_feeds(any_db, NOW + LEASE, lease=LEASE)
    assert len(first) == 2 and again == [] and len(later) == 2


async def test_concurrent_claims_split_feeds_without_overlap(any_db: Database) -> None:
    await sync_feeds(any_db, configs(40), now=NOW)
    results = await asyncio.gather(
        *(claim_due_feeds(any_db, NOW, lease=LEASE, limit=7) for _ in range(8))
    )
    ids = [f.id for batch in results for f in batch]
    assert len(ids) == len(set(ids)) == 40


async def test_failures_back_off_exponentially_and_disable_after_the_limit(
    any_db: Database,
) -> None:
    settings = FetchSettings(
        poll_interval_minutes=10, backoff_max_minutes=60, disable_after_hours=24
    )
    await sync_feeds(any_db, configs(1), now=NOW)
    [feed] = await claim_due_feeds(any_db, NOW, lease=LEASE)
    delays = []
    now = NOW
    for _ in range(5):
        feed = await record_feed_failure(any_db, feed, "HTTP 500", now=now, settings=settings)
        delays.append(feed.next_poll_at - now)
        assert feed.disabled_reason is None
    assert [d.total_seconds() / 60 for d in delays] == [10, 20, 40, 60, 60]
    feed = await record_feed_failure(
        any_db, feed, "HTTP 500", now=NOW + timedelta(hours=25), settings=settings
    )
    assert feed.disabled_reason and "failing since 2026-03-02 15:00 UTC" in feed.disabled_reason
    assert "HTTP 500" in feed.disabled_reason
    [stored] = await list_feeds(any_db)
    assert stored.disabled_reason == feed.disabled_reason and stored.failure_count == 6
    assert await claim_due_feeds(any_db, NOW + timedelta(days=30), lease=LEASE) == []


async def test_success_resets_failures_and_stores_validators(any_db: Database) -> None:
    await sync_feeds(any_db, configs(1), now=NOW)
    [feed] = await claim_due_feeds(any_db, NOW, lease=LEASE)
    feed = await record_feed_failure(any_db, feed, "timeout", now=NOW, settings=FetchSettings())
    await record_feed_ok(
        any_db, feed.id, now=NOW, next_poll_at=NOW + LEASE, etag='"e"', last_modified="lm"
    )
    [stored] = await list_feeds(any_db)
    assert (stored.failure_count, stored.last_error, stored.etag, stored.first_poll_done) == (
        0,
        None,
        '"e"',
        True,
    )


def test_backoff_is_capped() -> None:
    settings = FetchSettings(poll_interval_minutes=30, backoff_max_minutes=360)
    assert backoff_delay(1, settings) == timedelta(minutes=30)
    assert backoff_delay(100, settings) == timedelta(minutes=360)
