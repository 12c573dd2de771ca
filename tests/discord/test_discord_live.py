"""The real discord.py client against a loopback Discord: commands, threads, questions, limits."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import discord
import pytest

from adapters.discord import DiscordAdapter, DiscordStartError, build
from adapters.discord.render import embed_length
from bot import messages
from bot.clock import FakeClock
from bot.core import Core
from bot.models import Article, Card, ChannelRef, Facts, Judge, Outcome, Question, Reply, ThreadRef
from bot.ports import ChatAdapter, DeliveryError
from bot.settings import DiscordSettings, Secrets, Settings
from bot.store import Database
from bot.store.articles import content_hash, get_article, save_article, save_facts
from bot.store.channels import get_channel
from bot.store.schema import articles
from bot.store.threads import thread_article
from tests.fakes.discord_api import EPHEMERAL, FakeDiscord, check_message_limits

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
CHANNEL = ChannelRef("discord", "2001", "1000")


class Recorder:
    """A tiny InboundHandler: records what arrives, answers questions with a fixed reply."""

    def __init__(self, reply: Reply | None = None, delay: float = 0.0) -> None:
        self.commands: list[Any] = []
        self.questions: list[Question] = []
        self.threads: list[tuple[ThreadRef, int]] = []
        self.reply = reply or Reply(text="ok")
        self.delay = delay

    async def handle_command(self, command: Any) -> Reply:
        self.commands.append(command)
        await asyncio.sleep(self.delay)
        return self.reply

    async def handle_question(self, question: Question) -> Reply | None:
        self.questions.append(question)
        return Reply(text=f"answer to {question.text}", evidence=("Texas sued the agency.",))

    async def thread_opened(self, thread: ThreadRef, article_id: int) -> None:
        self.threads.append((thread, article_id))


def card(n: int) -> Card:
    return Card(
        title=f"Judge blocks transit rule {n}",
        summary=f"A federal judge blocked transit rule {n} pending trial.",
        url=f"https://news.example.org/{n}",
        fields=(("Judge", "Maria Ortiz"), ("Court", "D. Mass."), ("Outcome", "Blocked")),
        context="Example News · Mar 02, 2026 09:00 UTC",
        article_id=n,
    )


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


async def start(
    fake: FakeDiscord,
    started: list[DiscordAdapter],
    handler: Any,
    db: Database | None = None,
    *,
    defer_after: float = 2.0,
    **options: Any,
) -> DiscordAdapter:
    settings = DiscordSettings(
        api_url=fake.url,
        gateway_url=fake.gateway_url,
        guild_ready_timeout_seconds=0.01,
        ready_timeout_seconds=5,
        **options,
    )
    adapter = DiscordAdapter(
        settings, "bot-token", db, clock=FakeClock(NOW), defer_after=defer_after
    )
    started.append(adapter)
    await adapter.start(handler)
    return adapter


def callbacks(fake: FakeDiscord) -> list[dict[str, Any]]:
    return [c.json for c in fake.calls_to("POST", r"/interactions/\d+/[^/]+/callback")]


async def store_ruling(db: Database, n: int) -> int:
    text = f"Judge Maria Ortiz blocked transit rule {n} on Monday. Texas sued the agency."
    article = Article(
        url=f"https://news.example.org/{n}",
        canonical_url=f"https://news.example.org/{n}",
        title=f"Judge blocks transit rule {n}",
        text=text,
        content_hash=content_hash(text),
        outlet="Example News",
        published_at=NOW,
        fetched_at=NOW,
    )
    saved = (await save_article(db, article)).article
    facts = Facts(
        is_ruling=True,
        headline=article.title,
        summary=f"A federal judge blocked transit rule {n}.",
        judges=(Judge("Maria Ortiz", "U.S. District Judge"),),
        court="U.S. District Court for the District of Massachusetts",
        outcome=Outcome(cls="blocked", text="blocked"),
        plaintiffs=("Texas",),
        defendants=("Department of Transit",),
    )
    await save_facts(db, saved, facts, extractor="rules", version="test", now=NOW)
    assert saved.id is not None
    return saved.id


def core(db: Database, tmp_path: Path) -> Core:
    return Core(db, Settings(data_dir=tmp_path, feed_catalog=""), FakeClock(NOW))


# -- connection, registration, intents ------------------------------------------------------------


async def test_adapter_is_a_chat_adapter_and_needs_a_token(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, feed_catalog="")
    assert build(settings, Secrets(), None) is None
    adapter = build(settings, Secrets(DISCORD_TOKEN="t"), None)  # type: ignore[call-arg]
    assert isinstance(adapter, ChatAdapter) and adapter.platform == "discord"


async def test_connects_without_privileged_intents_and_registers_commands(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    await start(fake, started, Recorder())
    intents = discord.Intents._from_value(fake.identify_payloads[-1]["intents"])
    assert intents.guilds and intents.guild_messages
    assert not (intents.message_content or intents.members or intents.presences)
    names = {c["name"]: c for c in fake.commands["global"]}
    assert set(names) == {"ruling", "ruling-setup"}
    # Discord honours default permissions on top-level commands only.
    assert int(names["ruling-setup"]["default_member_permissions"]) == 1 << 4
    assert names["ruling"].get("default_member_permissions") is None
    subs = {o["name"] for o in names["ruling-setup"]["options"]}
    assert subs == {"subscribe", "unsubscribe", "digest"}


async def test_unchanged_command_tree_is_not_registered_again(
    fake: FakeDiscord, started: list[DiscordAdapter], sqlite_db: Database
) -> None:
    first = await start(fake, started, Recorder(), sqlite_db)
    await first.stop()
    second = await start(fake, started, Recorder(), sqlite_db)
    assert (first.synced, second.synced) == (True, False)
    assert len(fake.calls_to("PUT", r"/applications/900/commands")) == 1
    await second.stop()
    await start(fake, started, Recorder(), sqlite_db, dev_guild_id=1000)
    assert len(fake.calls_to("PUT", r"/applications/900/guilds/1000/commands")) == 1


async def test_endpoints_are_restored_after_stop(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    before = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    adapter = await start(fake, started, Recorder())
    assert fake.url == discord.http.Route.BASE
    await adapter.stop()
    assert before == (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)


async def test_refused_token_is_a_one_line_start_error(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    fake.fail(r"/users/@me", 401, method="GET")
    with pytest.raises(DiscordStartError, match="DISCORD_TOKEN"):
        await start(fake, started, Recorder())


async def test_sharded_client_identifies_with_its_shard(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    adapter = await start(fake, started, Recorder(), shards="auto")
    assert isinstance(adapter.client, discord.AutoShardedClient)
    assert fake.calls_to("GET", r"/gateway/bot")
    assert fake.identify_payloads[-1]["shard"] == [0, 1]


# -- slash commands -------------------------------------------------------------------------------


async def test_slow_command_is_deferred_then_followed_up_with_a_thread(
    fake: FakeDiscord, started: list[DiscordAdapter], sqlite_db: Database, tmp_path: Path
) -> None:
    article_id = await store_ruling(sqlite_db, 1)
    await start(fake, started, core(sqlite_db, tmp_path), sqlite_db, defer_after=0)
    await fake.dispatch("INTERACTION_CREATE", fake.slash_command("ruling", "latest"))
    thread = await fake.wait_for(lambda f: next(iter(f.threads.values()), None))
    assert callbacks(fake)[0]["type"] == 5  # deferred
    followups = fake.calls_to("POST", r"/webhooks/900/[^/]+")
    assert len(followups) == 1
    body = followups[0].json
    assert body["content"] == messages.LATEST_ONE
    assert body["embeds"][0]["title"] == "Judge blocks transit rule 1"
    assert body["embeds"][0]["url"] == "https://news.example.org/1"
    assert body["components"][0]["components"][0]["custom_id"] == f"rulingbot:ask:{article_id}"
    # The thread is made through the channel on the follow-up's message, archived after a day.
    message_id = next(iter(fake.posted()))["id"]
    assert thread["id"] == message_id and thread["parent_id"] == "2001"
    assert thread["thread_metadata"]["auto_archive_duration"] == 1440
    ref = ThreadRef("discord", "2001", message_id, "1000")
    assert await wait_until(lambda: thread_article(sqlite_db, ref)) is not None


async def wait_until(probe: Any, timeout: float = 3.0) -> Any:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        result = await probe()
        if result or asyncio.get_running_loop().time() > deadline:
            return result
        await asyncio.sleep(0.01)


async def test_quick_command_is_answered_directly(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    handler = Recorder(Reply(text="This channel has no subscriptions."))
    await start(fake, started, handler)
    await fake.dispatch("INTERACTION_CREATE", fake.slash_command("ruling", "subscriptions"))
    await fake.wait_for(lambda f: callbacks(f))
    (callback,) = callbacks(fake)
    assert callback["type"] == 4
    assert callback["data"]["content"] == "This channel has no subscriptions."
    assert handler.commands[0].kind.value == "subscriptions"


async def test_member_without_manage_channels_cannot_change_the_schedule(
    fake: FakeDiscord, started: list[DiscordAdapter], sqlite_db: Database, tmp_path: Path
) -> None:
    await start(fake, started, core(sqlite_db, tmp_path), sqlite_db)
    event = fake.slash_command(
        "ruling-setup", "digest", {"time": "08:00", "timezone": "Europe/Berlin"}, who="member"
    )
    await fake.dispatch("INTERACTION_CREATE", event)
    (callback,) = await fake.wait_for(lambda f: callbacks(f))
    assert callback["data"]["flags"] & EPHEMERAL
    assert callback["data"]["content"] == messages.NEED_MANAGE_DIGEST
    row = await get_channel(sqlite_db, CHANNEL)
    assert row is None or row.digest_time is None


async def test_manager_sets_the_schedule(
    fake: FakeDiscord, started: list[DiscordAdapter], sqlite_db: Database, tmp_path: Path
) -> None:
    await start(fake, started, core(sqlite_db, tmp_path), sqlite_db)
    event = fake.slash_command(
        "ruling-setup", "digest", {"time": "08:00", "timezone": "Europe/Berlin"}
    )
    await fake.dispatch("INTERACTION_CREATE", event)
    await fake.wait_for(lambda f: callbacks(f))
    row = await get_channel(sqlite_db, CHANNEL)
    assert row is not None and (row.digest_time, row.timezone) == ("08:00", "Europe/Berlin")


@pytest.mark.parametrize(
    ("command", "sub", "options", "expected"),
    [
        ("ruling", "frobnicate", {}, messages.DISCORD_UNKNOWN_COMMAND),
        ("ruling-setup", "digest", {"time": "08:00", "timezone": "Mars/Olympus"}, "Mars/Olympus"),
        ("ruling-setup", "digest", {"time": "25:99", "timezone": "UTC"}, "25:99"),
        ("ruling", "url", {"url": "not a link"}, "is not a link"),
        ("ruling", "url", {"url": "http://127.0.0.1:9/private"}, "Could not summarize"),
    ],
)
async def test_bad_input_gets_a_clear_ephemeral_message_and_changes_nothing(
    fake: FakeDiscord,
    started: list[DiscordAdapter],
    sqlite_db: Database,
    tmp_path: Path,
    command: str,
    sub: str,
    options: dict[str, str],
    expected: str,
) -> None:
    await store_ruling(sqlite_db, 1)
    await start(fake, started, core(sqlite_db, tmp_path), sqlite_db)
    await fake.dispatch("INTERACTION_CREATE", fake.slash_command(command, sub, options))
    (callback,) = await fake.wait_for(lambda f: callbacks(f))
    data = callback["data"]
    assert data["flags"] & EPHEMERAL
    assert expected in data["content"]
    assert "/ruling digest" not in data["content"]  # usage lines use this platform's names
    row = await get_channel(sqlite_db, CHANNEL)
    assert row is None or row.digest_time is None
    assert not fake.threads


async def test_deferred_error_is_not_left_public(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    handler = Recorder(Reply(text="Could not summarize it.", ephemeral=True, is_error=True))
    await start(fake, started, handler, defer_after=0)
    await fake.dispatch(
        "INTERACTION_CREATE", fake.slash_command("ruling", "url", {"url": "https://x.org/a"})
    )
    followup = await fake.wait_for(lambda f: f.calls_to("POST", r"/webhooks/900/[^/]+"))
    assert fake.calls_to("DELETE", r"/webhooks/900/[^/]+/messages/@original")
    assert followup[0].json["flags"] & EPHEMERAL


async def test_thirty_result_answer_is_paged_within_embed_limits(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    reply = Reply(text="30 rulings matching “ortiz”:", cards=tuple(card(i) for i in range(1, 31)))
    await start(fake, started, Recorder(reply))
    await fake.dispatch(
        "INTERACTION_CREATE", fake.slash_command("ruling", "search", {"words": "ortiz"})
    )
    await fake.wait_for(lambda f: sum(len(m["embeds"]) for m in f.posted()) == 30)
    bodies = [callbacks(fake)[0]["data"]] + [
        c.json for c in fake.calls_to("POST", r"/webhooks/900/[^/]+")
    ]
    assert len(bodies) == 3
    for body in bodies:
        assert check_message_limits(body) is None
        assert len(body["embeds"]) <= 10
        assert sum(embed_length(e) for e in body["embeds"]) <= 6000
    titles = [e["title"] for b in bodies for e in b["embeds"]]
    assert titles == [f"Judge blocks transit rule {i}" for i in range(1, 31)]


# -- digests through send() -----------------------------------------------------------------------


async def test_digest_posts_header_then_one_message_and_thread_per_ruling(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    handler = Recorder()
    adapter = await start(fake, started, handler)
    header = await adapter.send(CHANNEL, Reply(text="Court rulings for Mar 2: 30 new"))
    assert header.thread is None
    sent = [
        await adapter.send(CHANNEL, Reply(text="fallback", cards=(card(i),))) for i in range(1, 31)
    ]
    posted = fake.posted(2001)
    assert len(posted) == 31 and posted[0]["content"].startswith("Court rulings")
    for message in fake.calls_to("POST", r"/channels/2001/messages"):
        assert check_message_limits(message.json) is None
    assert all(len(m["embeds"]) == 1 and m["content"] == "" for m in posted[1:])
    assert [s.thread.thread_id for s in sent if s.thread] == [m["id"] for m in posted[1:]]
    assert sent[0].thread == ThreadRef("discord", "2001", posted[1]["id"], "1000")
    assert [a for _, a in handler.threads] == list(range(1, 31))


async def test_many_cards_in_one_send_are_paged(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    adapter = await start(fake, started, Recorder())
    sent = await adapter.send(
        CHANNEL, Reply(text="30 rulings", cards=tuple(card(i) for i in range(30)))
    )
    bodies = [c.json for c in fake.calls_to("POST", r"/channels/2001/messages")]
    assert len(bodies) == 3 and sent.message_id == fake.posted(2001)[0]["id"]
    assert all(check_message_limits(b) is None for b in bodies)
    assert not fake.threads  # a thread belongs to exactly one ruling


async def test_429_with_retry_after_is_retried(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    adapter = await start(fake, started, Recorder())
    fake.fail(r"/channels/2001/messages", 429, retry_after=0.05)
    sent = await adapter.send(CHANNEL, Reply(text="Court rulings for Mar 2: 1 new"))
    assert fake.rate_limited == 1
    assert len(fake.calls_to("POST", r"/channels/2001/messages")) == 2
    assert [m["id"] for m in fake.posted(2001)] == [sent.message_id]


@pytest.mark.parametrize(("status", "retryable"), [(403, False), (404, False), (400, False)])
async def test_failed_post_is_a_delivery_error(
    fake: FakeDiscord, started: list[DiscordAdapter], status: int, retryable: bool
) -> None:
    adapter = await start(fake, started, Recorder())
    fake.fail(r"/channels/2001/messages", status)
    with pytest.raises(DeliveryError) as err:
        await adapter.send(CHANNEL, Reply(text="hello"))
    assert err.value.retryable is retryable
    assert str(status) in str(err.value)


async def test_long_rate_limit_is_a_retryable_delivery_error(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    adapter = await start(fake, started, Recorder())
    fake.fail(r"/channels/2001/messages", 429, retry_after=3600)
    with pytest.raises(DeliveryError) as err:
        await adapter.send(CHANNEL, Reply(text="hello"))
    assert err.value.retryable is True


async def test_unknown_channel_is_not_retryable(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    adapter = await start(fake, started, Recorder())
    with pytest.raises(DeliveryError) as err:
        await adapter.send(ChannelRef("discord", "7777", "1000"), Reply(text="hello"))
    assert err.value.retryable is False


# -- follow-up questions --------------------------------------------------------------------------


async def open_ruling_thread(fake: FakeDiscord, adapter: DiscordAdapter) -> tuple[int, dict]:
    sent = await adapter.send(CHANNEL, Reply(text="fallback", cards=(card(1),)))
    assert sent.thread is not None
    thread_id = int(sent.thread.thread_id)
    await fake.wait_for(lambda f: adapter.client.get_channel(thread_id) is not None)
    return thread_id, fake.messages[int(sent.message_id)]


async def test_mention_in_our_thread_is_answered_in_the_thread(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    handler = Recorder()
    adapter = await start(fake, started, handler)
    thread_id, _ = await open_ruling_thread(fake, adapter)
    asked = await fake.user_says(thread_id, "who sued?", mention_bot=True)
    answers = await fake.wait_for(lambda f: f.calls_to("POST", rf"/channels/{thread_id}/messages"))
    (question,) = handler.questions
    assert question.text == "who sued?"
    assert question.thread == ThreadRef("discord", "2001", str(thread_id), "1000")
    assert question.event_id == asked["id"] and question.user_id == "3002"
    body = answers[0].json
    assert body["content"] == "answer to who sued?\n> Texas sued the agency."
    assert str(body["message_reference"]["message_id"]) == asked["id"]


async def test_reply_to_the_bot_is_a_question_and_chatter_is_not(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    handler = Recorder()
    adapter = await start(fake, started, handler)
    thread_id, ruling_message = await open_ruling_thread(fake, adapter)
    await fake.user_says(thread_id, "nice ruling")  # no mention: content not even visible
    await fake.user_says(thread_id, "ping", who="otherbot", mention_bot=True)
    await fake.user_says(fake.existing_thread_id, "who sued?", mention_bot=True)  # not our thread
    await fake.user_says(2001, "who sued?", mention_bot=True)  # not a thread
    await fake.user_says(thread_id, "and the defendants?", reply_to=ruling_message)
    await fake.wait_for(lambda f: f.calls_to("POST", rf"/channels/{thread_id}/messages"))
    assert [q.text for q in handler.questions] == ["and the defendants?"]


async def test_with_message_content_every_message_in_our_thread_counts(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    handler = Recorder()
    adapter = await start(fake, started, handler, message_content=True)
    assert discord.Intents._from_value(fake.identify_payloads[-1]["intents"]).message_content
    thread_id, _ = await open_ruling_thread(fake, adapter)
    await fake.user_says(thread_id, "what happens next?")
    await fake.wait_for(lambda f: f.calls_to("POST", rf"/channels/{thread_id}/messages"))
    assert [q.text for q in handler.questions] == ["what happens next?"]


async def test_ask_button_opens_a_modal_whose_question_names_the_ruling(
    fake: FakeDiscord, started: list[DiscordAdapter]
) -> None:
    handler = Recorder()
    adapter = await start(fake, started, handler)
    _, ruling_message = await open_ruling_thread(fake, adapter)
    custom_id = ruling_message["components"][0]["components"][0]["custom_id"]
    await fake.dispatch("INTERACTION_CREATE", fake.button_click(custom_id, ruling_message))
    (modal,) = await fake.wait_for(lambda f: callbacks(f))
    assert modal["type"] == 9 and modal["data"]["custom_id"] == "rulingbot:askmodal:1"
    submit = fake.modal_submit(
        modal["data"]["custom_id"], {"question": "Who sued?"}, channel_id=2001
    )
    submit["message"] = ruling_message
    await fake.dispatch("INTERACTION_CREATE", submit)
    answer = await fake.wait_for(lambda f: f.calls_to("POST", r"/webhooks/900/[^/]+"))
    (question,) = handler.questions
    assert (question.text, question.article_id) == ("Who sued?", 1)
    assert answer[0].json["flags"] & EPHEMERAL
    assert answer[0].json["content"].startswith("answer to Who sued?")


# -- end to end with the core ------------------------------------------------------------------


async def test_question_in_a_digest_thread_is_answered_by_the_core(
    fake: FakeDiscord, started: list[DiscordAdapter], sqlite_db: Database, tmp_path: Path
) -> None:
    article_id = await store_ruling(sqlite_db, 3)
    adapter = await start(fake, started, core(sqlite_db, tmp_path), sqlite_db)
    sent = await adapter.send(CHANNEL, Reply(text="fallback", cards=(card(article_id),)))
    assert sent.thread is not None
    assert await thread_article(sqlite_db, sent.thread) is not None
    thread_id = int(sent.thread.thread_id)
    await fake.wait_for(lambda f: adapter.client.get_channel(thread_id) is not None)
    asked = await fake.user_says(thread_id, "who sued?", mention_bot=True)
    answers = await fake.wait_for(lambda f: f.calls_to("POST", rf"/channels/{thread_id}/messages"))
    assert "Texas" in answers[0].json["content"]
    # The same MESSAGE_CREATE delivered again is not answered twice.
    await fake.dispatch("MESSAGE_CREATE", {**asked, "member": {"roles": [], "flags": 0}})
    await fake.user_says(thread_id, "what did the judge do?", mention_bot=True)
    await fake.wait_for(lambda f: len(f.calls_to("POST", rf"/channels/{thread_id}/messages")) == 2)
    await asyncio.sleep(0.05)
    assert len(fake.calls_to("POST", rf"/channels/{thread_id}/messages")) == 2


async def test_question_about_a_deleted_ruling_gets_a_clear_private_message(
    fake: FakeDiscord, started: list[DiscordAdapter], sqlite_db: Database, tmp_path: Path
) -> None:
    gone = await store_ruling(sqlite_db, 4)
    kept = await store_ruling(sqlite_db, 5)
    adapter = await start(fake, started, core(sqlite_db, tmp_path), sqlite_db)
    sent = await adapter.send(CHANNEL, Reply(text="fallback", cards=(card(gone),)))
    message = fake.messages[int(sent.message_id)]
    async with sqlite_db.begin() as conn:
        await conn.execute(articles.delete().where(articles.c.id == gone))
    submit = fake.modal_submit(
        f"rulingbot:askmodal:{gone}", {"question": "Who sued?"}, channel_id=2001
    )
    submit["message"] = message
    # The modal must have been opened by this client for discord.py to route its submit.
    custom_id = message["components"][0]["components"][0]["custom_id"]
    await fake.dispatch("INTERACTION_CREATE", fake.button_click(custom_id, message))
    await fake.wait_for(lambda f: callbacks(f))
    await fake.dispatch("INTERACTION_CREATE", submit)
    answer = await fake.wait_for(lambda f: f.calls_to("POST", r"/webhooks/900/[^/]+"))
    assert answer[0].json["flags"] & EPHEMERAL
    assert answer[0].json["content"] == messages.FOLLOWUP_ARTICLE_GONE
    assert await get_article(sqlite_db, kept) is not None
