"""The outbound half on a loopback Slack: posting, threads, paging, retries, pacing, errors."""

from __future__ import annotations

import asyncio
import itertools
import time
from datetime import UTC, datetime

import pytest

from adapters.slack.blocks import SlackMessage, within_limits
from adapters.slack.outbound import ChannelPacer
from bot.clock import FakeClock
from bot.models import ChannelRef, Reply, ThreadRef
from bot.ports import ChatAdapter, DeliveryError
from tests.fakes.slack_api import FakeSlack
from tests.slack.conftest import BOT_TOKEN, sample_card

CHANNEL = ChannelRef("slack", "C0DIGEST", "T0001")


async def test_adapter_satisfies_the_chat_adapter_protocol(fake_slack, make_adapter) -> None:
    assert isinstance(make_adapter(fake_slack), ChatAdapter)


async def test_digest_header_then_one_message_per_card_each_opening_its_own_thread(
    fake_slack, make_adapter
) -> None:
    adapter = make_adapter(fake_slack)
    header = await adapter.send(CHANNEL, Reply(text="*Rulings for June 3* — 2 new"))
    first = await adapter.send(CHANNEL, Reply(text="", cards=(sample_card(1),)))
    second = await adapter.send(CHANNEL, Reply(text="", cards=(sample_card(2),)))

    posts = fake_slack.posts("C0DIGEST")
    assert [p.data["text"].split(" — ")[0] for p in posts] == [
        "*Rulings for June 3*",
        "Judge blocks state rule 1 on clinic funding",
        "Judge blocks state rule 2 on clinic funding",
    ]
    assert all(p.headers["Authorization"] == f"Bearer {BOT_TOKEN}" for p in posts)
    assert header.thread is None
    assert first.thread == ThreadRef("slack", "C0DIGEST", first.message_id, "T0001")
    assert second.thread == ThreadRef("slack", "C0DIGEST", second.message_id, "T0001")
    assert first.message_id != second.message_id
    for post in posts:
        assert within_limits(SlackMessage(post.data["text"], tuple(post.data["blocks"]))) == []


async def test_thirty_ruling_reply_is_posted_as_several_messages_within_limits(
    fake_slack, make_adapter
) -> None:
    adapter = make_adapter(fake_slack)
    cards = tuple(sample_card(i) for i in range(1, 31))
    sent = await adapter.send(CHANNEL, Reply(text="30 rulings match texas", cards=cards))

    posts = fake_slack.posts("C0DIGEST")
    assert len(posts) > 1
    assert sent.message_id == "1700000001.000100"  # the first page (the fake counts from 1)
    assert sent.thread is None  # a thread under many rulings could not name one article
    text = "".join(str(p.data["blocks"]) for p in posts)
    assert all(f"rule {i} on clinic" in text for i in range(1, 31))
    for post in posts:
        assert within_limits(SlackMessage(post.data["text"], tuple(post.data["blocks"]))) == []


async def test_reply_in_thread_posts_under_the_parent_ts(fake_slack, make_adapter) -> None:
    adapter = make_adapter(fake_slack)
    thread = ThreadRef("slack", "C0DIGEST", "1700000001.000100", "T0001")
    sent = await adapter.reply_in_thread(thread, Reply(text="Judge Lopez.", evidence=("S.",)))
    [post] = fake_slack.posts()
    assert post.data["thread_ts"] == "1700000001.000100"
    assert sent.thread == thread


async def test_429_with_retry_after_is_retried_after_the_wait(fake_slack, make_adapter) -> None:
    adapter = make_adapter(fake_slack)
    fake_slack.fail("chat.postMessage", 429, retry_after=0.3)
    started = time.monotonic()
    await adapter.send(CHANNEL, Reply(text="hello"))
    assert time.monotonic() - started >= 0.3
    assert fake_slack.rate_limited == 1
    assert len(fake_slack.posts()) == 1


async def test_429_asking_for_a_longer_wait_than_the_cap_fails_retryable(
    fake_slack, make_adapter
) -> None:
    adapter = make_adapter(fake_slack, max_retry_after_seconds=2)
    fake_slack.fail("chat.postMessage", 429, retry_after=120)
    with pytest.raises(DeliveryError) as info:
        await adapter.send(CHANNEL, Reply(text="hello"))
    assert info.value.retryable
    assert "ratelimited" in str(info.value)
    assert fake_slack.posts() == []


async def test_server_error_is_retried(fake_slack, make_adapter) -> None:
    adapter = make_adapter(fake_slack)
    fake_slack.fail("chat.postMessage", 502)
    await adapter.send(CHANNEL, Reply(text="hello"))
    assert len(fake_slack.posts()) == 1


async def test_persistent_server_error_raises_retryable_delivery_error(
    fake_slack, make_adapter
) -> None:
    adapter = make_adapter(fake_slack)
    fake_slack.fail("chat.postMessage", 500, times=10)
    with pytest.raises(DeliveryError) as info:
        await adapter.send(CHANNEL, Reply(text="hello"))
    assert info.value.retryable


@pytest.mark.parametrize("error", ["channel_not_found", "not_in_channel", "is_archived"])
async def test_channel_problems_are_not_retryable(fake_slack, make_adapter, error) -> None:
    adapter = make_adapter(fake_slack)
    fake_slack.fail("chat.postMessage", 200, body={"ok": False, "error": error})
    with pytest.raises(DeliveryError) as info:
        await adapter.send(CHANNEL, Reply(text="hello"))
    assert not info.value.retryable
    assert error in str(info.value)
    assert "\n" not in str(info.value)


async def test_unreachable_api_is_a_retryable_delivery_error(make_adapter) -> None:
    gone = FakeSlack()
    await gone.start()
    await gone.stop()  # the port is closed now
    adapter = make_adapter(gone)
    with pytest.raises(DeliveryError) as info:
        await adapter.send(CHANNEL, Reply(text="hello"))
    assert info.value.retryable


async def test_token_never_appears_in_delivery_errors(fake_slack, make_adapter) -> None:
    adapter = make_adapter(fake_slack)
    fake_slack.fail("chat.postMessage", 200, body={"ok": False, "error": "invalid_auth"})
    with pytest.raises(DeliveryError) as info:
        await adapter.send(CHANNEL, Reply(text="hello"))
    assert BOT_TOKEN not in str(info.value)


async def test_posts_are_paced_per_channel_without_holding_back_other_channels(
    make_adapter,
) -> None:
    async with FakeSlack(per_channel_rate=10) as fake:  # 429 for posts < 0.1 s apart
        adapter = make_adapter(fake, pace_seconds=0.12)
        a = ChannelRef("slack", "CA", "T0001")
        b = ChannelRef("slack", "CB", "T0001")
        started = time.monotonic()
        await asyncio.gather(
            *(adapter.send(a, Reply(text=f"a{i}")) for i in range(4)),
            *(adapter.send(b, Reply(text=f"b{i}")) for i in range(4)),
        )
        elapsed = time.monotonic() - started
    assert fake.rate_limited == 0
    assert len(fake.posts("CA")) == len(fake.posts("CB")) == 4
    for channel in ("CA", "CB"):
        times = [c.at for c in fake.posts(channel)]
        assert all(later - earlier >= 0.1 for earlier, later in itertools.pairwise(times))
    assert elapsed < 3 * 0.12 * 2  # the two channels were paced side by side, not in series


async def test_pacer_waits_out_the_interval_on_the_injected_clock() -> None:
    clock = FakeClock(datetime(2024, 6, 3, 8, 0, tzinfo=UTC))
    pacer = ChannelPacer(1.0, clock=clock)
    seen: list[float] = []
    for _ in range(3):
        async with pacer.slot("C1"):
            seen.append(clock.now().timestamp())
    async with pacer.slot("C2"):
        other = clock.now().timestamp()
    assert [t - seen[0] for t in seen] == [0.0, 1.0, 2.0]
    assert other == seen[-1]  # a fresh channel does not wait
