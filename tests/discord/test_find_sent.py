"""A digest message posted twice after a crash: Discord's nonce returns the first one, and after
the nonce window the message is found again in the channel's history."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from adapters.discord import DiscordAdapter
from adapters.discord.delivery import NONCE_MAX, delivery_nonce
from bot.models import ChannelRef, Reply, ThreadRef
from tests.discord.test_discord_live import CHANNEL, Recorder, card, start
from tests.fakes.discord_api import FakeDiscord

SINCE = datetime.now(UTC) - timedelta(hours=1)


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        yield server


@pytest.fixture
async def started(fake: FakeDiscord) -> AsyncIterator[list[DiscordAdapter]]:
    adapters: list[DiscordAdapter] = []
    yield adapters
    for adapter in adapters:
        await adapter.stop()


def test_nonces_fit_discord_and_differ_by_channel_key_and_page() -> None:
    nonces = {
        delivery_nonce(channel, key, page)
        for channel in ("2001", "2002")
        for key in ("rb-1-1", "rb-1-2", "rb-2-1")
        for page in (0, 1)
    }
    assert len(nonces) == 12
    assert all(len(n) <= NONCE_MAX for n in nonces)
    assert delivery_nonce("2001", "rb-1-1", 0) == delivery_nonce("2001", "rb-1-1", 0)


async def test_a_repeated_digest_post_returns_the_first_message_and_its_thread(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    handler = Recorder()
    adapter = await start(fake, started, handler)
    reply = Reply(text="fallback", cards=(card(1),), delivery_key="rb-9-1")

    first = await adapter.send(CHANNEL, reply)
    again = await adapter.send(CHANNEL, reply)

    assert again == first
    assert first.thread == ThreadRef("discord", "2001", first.message_id, "1000")
    assert len(fake.posted(2001)) == 1
    assert len(fake.calls_to("POST", r"/channels/2001/messages/\d+/threads")) == 1
    bodies = [c.json for c in fake.calls_to("POST", r"/channels/2001/messages")]
    assert bodies[0]["nonce"] == bodies[1]["nonce"] == delivery_nonce("2001", "rb-9-1", 0)
    assert all(b["enforce_nonce"] is True for b in bodies)


async def test_replies_without_a_key_are_never_merged(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    adapter = await start(fake, started, Recorder())
    await adapter.send(CHANNEL, Reply(text="same words"))
    await adapter.send(CHANNEL, Reply(text="same words"))

    assert len(fake.posted(2001)) == 2


async def test_find_sent_recognises_a_card_and_its_thread_after_the_nonce_window(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    adapter = await start(fake, started, Recorder())
    fake.nonce_window = 0.0
    await adapter.send(CHANNEL, Reply(text="Court rulings for Mar 2: 2 new", delivery_key="rb-3-0"))
    sent = await adapter.send(CHANNEL, Reply(text="x", cards=(card(1),), delivery_key="rb-3-1"))
    await adapter.send(CHANNEL, Reply(text="x", cards=(card(2),), delivery_key="rb-3-2"))
    await fake.user_says(2001, "chatter")

    found = await adapter.find_sent(
        CHANNEL, Reply(text="x", cards=(card(1),), delivery_key="rb-3-1"), SINCE
    )

    assert found == sent
    assert found is not None and found.thread is not None
    assert found.thread.thread_id == sent.message_id
    assert len(fake.calls_to("POST", r"/channels/2001/messages/\d+/threads")) == 2


async def test_find_sent_recognises_a_header_by_its_text(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    adapter = await start(fake, started, Recorder())
    header = Reply(text="Court rulings for Mar 2: 2 new", delivery_key="rb-4-0")
    sent = await adapter.send(CHANNEL, header)

    found = await adapter.find_sent(CHANNEL, header, SINCE)

    assert found is not None and found.message_id == sent.message_id and found.thread is None


async def test_find_sent_is_none_for_a_message_never_posted_or_posted_before_since(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    adapter = await start(fake, started, Recorder())
    posted = Reply(text="x", cards=(card(1),), delivery_key="rb-5-1")
    await adapter.send(CHANNEL, posted)
    await fake.user_says(2001, "Court rulings for Mar 2: 1 new")  # same words, not ours

    missing = Reply(text="x", cards=(card(2),), delivery_key="rb-5-2")
    assert await adapter.find_sent(CHANNEL, missing, SINCE) is None
    header = Reply(text="Court rulings for Mar 2: 1 new", delivery_key="rb-5-0")
    assert await adapter.find_sent(CHANNEL, header, SINCE) is None
    later = datetime.now(UTC) + timedelta(minutes=1)
    assert await adapter.find_sent(CHANNEL, posted, later) is None


async def test_find_sent_is_none_when_discord_cannot_be_asked(
    fake: FakeDiscord, started: list[DiscordAdapter], caplog: pytest.LogCaptureFixture
) -> None:
    adapter = await start(fake, started, Recorder())
    reply = Reply(text="x", cards=(card(1),), delivery_key="rb-6-1")
    await adapter.send(CHANNEL, reply)
    fake.fail(r"/channels/2001/messages", 403, method="GET")

    assert await adapter.find_sent(CHANNEL, reply, SINCE) is None
    assert any("rb-6-1" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")
    unknown = ChannelRef("discord", "2999", "1000")
    assert await adapter.find_sent(unknown, reply, SINCE) is None
