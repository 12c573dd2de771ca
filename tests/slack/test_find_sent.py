"""After a crash, a digest message is recognised on Slack by its delivery metadata, not its text."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from adapters.slack.metadata import DELIVERY_EVENT
from bot.models import ChannelRef, Reply, ThreadRef
from tests.fakes.slack_api import FakeSlack
from tests.slack.conftest import sample_card

CHANNEL = ChannelRef("slack", "C0DIGEST", "T0001")
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


async def test_send_attaches_the_delivery_key_as_message_metadata(fake_slack, make_adapter) -> None:
    adapter = make_adapter(fake_slack)
    await adapter.send(CHANNEL, Reply(text="header", delivery_key="rb-7-0"))
    await adapter.send(CHANNEL, Reply(text="a notice without a key"))

    keyed, plain = fake_slack.posts("C0DIGEST")
    assert keyed.data["metadata"] == {
        "event_type": DELIVERY_EVENT,
        "event_payload": {"delivery": "rb-7-0"},
    }
    assert "metadata" not in plain.data


async def test_find_sent_returns_the_posted_card_with_its_thread(fake_slack, make_adapter) -> None:
    adapter = make_adapter(fake_slack)
    reply = Reply(text="", cards=(sample_card(1),), delivery_key="rb-7-1")
    sent = await adapter.send(CHANNEL, reply)

    found = await adapter.find_sent(CHANNEL, reply, LONG_AGO)

    assert found == sent
    assert found is not None
    assert found.thread == ThreadRef("slack", "C0DIGEST", sent.message_id, "T0001")
    history = fake_slack.calls_to("conversations.history")[-1]
    assert history.data["channel"] == "C0DIGEST"
    assert history.data["include_all_metadata"] in {"1", "true", True}


async def test_find_sent_matches_the_key_not_the_text(fake_slack, make_adapter) -> None:
    adapter = make_adapter(fake_slack)
    await adapter.send(CHANNEL, Reply(text="same words", delivery_key="rb-1-0"))
    # The same text from an earlier run, and a message by someone else: neither is this one.
    assert (
        await adapter.find_sent(CHANNEL, Reply("same words", delivery_key="rb-2-0"), LONG_AGO)
        is None
    )
    second = await adapter.send(CHANNEL, Reply(text="same words", delivery_key="rb-2-0"))
    found = await adapter.find_sent(CHANNEL, Reply("same words", delivery_key="rb-2-0"), LONG_AGO)
    assert found is not None and found.message_id == second.message_id


async def test_find_sent_looks_in_the_given_channel_only(fake_slack, make_adapter) -> None:
    adapter = make_adapter(fake_slack)
    reply = Reply(text="header", delivery_key="rb-3-0")
    await adapter.send(ChannelRef("slack", "C0OTHER", "T0001"), reply)

    assert await adapter.find_sent(CHANNEL, reply, LONG_AGO) is None


async def test_find_sent_ignores_messages_older_than_since(make_adapter) -> None:
    async with FakeSlack(clock_ts=True) as slack:
        adapter = make_adapter(slack)
        reply = Reply(text="header", delivery_key="rb-4-0")
        sent = await adapter.send(CHANNEL, reply)

        before = datetime.fromtimestamp(time.time() - 60, UTC)
        after = datetime.now(UTC) + timedelta(seconds=1)
        found = await adapter.find_sent(CHANNEL, reply, before)
        assert found is not None and found.message_id == sent.message_id
        assert await adapter.find_sent(CHANNEL, reply, after) is None


async def test_find_sent_without_a_key_asks_nothing(fake_slack, make_adapter) -> None:
    adapter = make_adapter(fake_slack)
    await adapter.send(CHANNEL, Reply(text="header"))

    assert await adapter.find_sent(CHANNEL, Reply(text="header"), LONG_AGO) is None
    assert fake_slack.calls_to("conversations.history") == []


async def test_find_sent_answers_none_when_slack_fails(fake_slack, make_adapter, caplog) -> None:
    adapter = make_adapter(fake_slack, max_retry_after_seconds=2)
    reply = Reply(text="header", delivery_key="rb-5-0")
    await adapter.send(CHANNEL, reply)
    fake_slack.fail(
        "conversations.history", 403, body={"ok": False, "error": "missing_scope"}, times=5
    )

    assert await adapter.find_sent(CHANNEL, reply, LONG_AGO) is None
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("rb-5-0" in w and "missing_scope" in w for w in warnings)
