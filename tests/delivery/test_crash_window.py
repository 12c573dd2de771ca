"""A crash between Slack accepting a message and the ledger recording it: the resumed run finds
the message by its delivery metadata and posts nothing twice (real adapter, loopback Slack)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from adapters.slack import SlackAdapter
from bot.clock import FakeClock
from bot.delivery import Deliverer, claims, ledger
from bot.metrics import Metrics
from bot.models import ThreadRef
from bot.settings import Secrets, Settings
from bot.store import Database
from bot.store.threads import thread_article
from tests.delivery.factories import add_channel, add_ruling
from tests.fakes.slack_api import FakeSlack


class Crash(Exception):
    """Stands for the process dying: raised where the ledger write would have happened."""


@pytest.mark.parametrize("crash_at", [0, 2])  # the header, then a ruling card
async def test_a_message_posted_but_not_recorded_is_found_and_not_posted_again(
    any_db: Database, monkeypatch: pytest.MonkeyPatch, crash_at: int
) -> None:
    # Slack stamps messages with the wall clock; the injected clock starts there too.
    clock = FakeClock(datetime.now(UTC).replace(microsecond=0))
    articles = [
        await add_ruling(
            any_db,
            f"w{i}",
            judge=f"Judge{i} Name{i}",
            plaintiffs=(f"Party{i} W{i}",),
            fetched=clock.now() - timedelta(minutes=30 + i),
        )
        for i in range(3)
    ]
    channel = await add_channel(any_db, "C1", since=clock.now() - timedelta(days=1))
    day = clock.now().date()
    real_mark_posted = ledger.mark_posted

    async def crash_once(db, entry, **kwargs):  # type: ignore[no-untyped-def]
        if entry.position == crash_at:
            monkeypatch.setattr(ledger, "mark_posted", real_mark_posted)
            raise Crash("killed after the post, before the ledger write")
        await real_mark_posted(db, entry, **kwargs)

    monkeypatch.setattr(ledger, "mark_posted", crash_once)
    async with FakeSlack(clock_ts=True) as slack:
        settings = Settings(slack={"api_url": slack.url, "pace_seconds": 0, "socket_mode": False})
        secrets = Secrets(SLACK_BOT_TOKEN="xoxb-window-test", SLACK_SIGNING_SECRET="s")
        adapter = SlackAdapter(settings.slack, secrets, any_db)
        deliverer = Deliverer(
            any_db, settings, {"slack": adapter}, clock=clock, owner="A", metrics=Metrics()
        )
        try:
            first = await deliverer.deliver(channel, day)
            assert first.outcome == "failed" and first.posted == crash_at
            clock.advance(seconds=settings.digest.retry_max_seconds + 1)
            resumed = await deliverer.deliver(channel, day)
        finally:
            await adapter.stop()

        assert resumed.outcome == "done"
        assert resumed.posted == 3 - crash_at  # the found message is recorded, not re-posted
        posts = slack.posts("C1")
        assert len(posts) == 4
        texts = Counter(p.data["text"] for p in posts)
        assert set(texts.values()) == {1}
        assert len(slack.calls_to("conversations.history")) == 1

    run = await claims.get_run(any_db, channel.id, day)
    assert run is not None and run.status == claims.DONE
    entries = await ledger.entries(any_db, run.id)
    assert [e.status for e in entries] == [ledger.POSTED] * 4
    # Every entry names the very message Slack holds for its key, the found one included.
    assert [e.message_id for e in entries] == [_ts_of(slack, e.delivery_key) for e in entries]
    crashed = entries[crash_at]
    if crashed.article_id is not None:
        thread = ThreadRef("slack", "C1", crashed.message_id)
        assert crashed.thread_id == crashed.message_id
        found = await thread_article(any_db, thread)
        assert found is not None and found[1] == crashed.article_id
        assert crashed.article_id in {a.id for a in articles}


def _ts_of(slack: FakeSlack, key: str) -> str:
    [message] = [
        m for m in slack.history["C1"] if m["metadata"]["event_payload"]["delivery"] == key
    ]
    return str(message["ts"])
