"""Slack test helpers: a loopback FakeSlack and adapters pointed at it."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from adapters.slack import SlackAdapter
from bot.clock import Clock
from bot.settings import Secrets, Settings
from bot.store import Database
from tests.fakes.slack_api import FakeSlack

PAYLOADS = Path(__file__).parent / "payloads"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-1111-2222-testtoken"


def payload(name: str) -> dict[str, Any]:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def sign(body: bytes, *, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict:
    """Headers Slack would send with `body`: `v0=` HMAC-SHA256 of `v0:{ts}:{body}`."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    base = b"v0:" + ts.encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def make_secrets(**values: str) -> Secrets:
    defaults = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}
    defaults.update(values)
    return Secrets(**{k: v for k, v in defaults.items() if v})


def make_settings(fake: FakeSlack, **slack: Any) -> Settings:
    section = {"api_url": fake.url, "pace_seconds": 0.0, "timeout_seconds": 5.0, **slack}
    return Settings(slack=section, feed_catalog="")


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    async with FakeSlack() as fake:
        yield fake


AdapterFactory = Callable[..., SlackAdapter]


@pytest.fixture
async def make_adapter(sqlite_db: Database) -> AsyncIterator[AdapterFactory]:
    made: list[SlackAdapter] = []

    def factory(
        fake: FakeSlack,
        *,
        secrets: Secrets | None = None,
        clock: Clock | None = None,
        db: Database | None = None,
        **slack: Any,
    ) -> SlackAdapter:
        settings = make_settings(fake, **slack)
        adapter = SlackAdapter(
            settings.slack, secrets or make_secrets(), db or sqlite_db, clock=clock
        )
        made.append(adapter)
        return adapter

    yield factory
    for adapter in made:
        await adapter.stop()


def sample_card(number: int = 1, *, title: str | None = None, summary: str | None = None):
    """A ruling card built the way the core builds them (bot.cards.ruling_card)."""
    from datetime import UTC, datetime

    from bot.cards import ruling_card
    from bot.models import Article, Facts, Judge, Outcome

    article = Article(
        url=f"https://news.example.org/2024/06/ruling-{number}?a=1&b=<2>",
        canonical_url=f"https://news.example.org/2024/06/ruling-{number}",
        title=title or f"Judge blocks state rule number {number} on clinic funding",
        text="…",
        content_hash=f"h{number}",
        outlet="Example Law Wire",
        published_at=datetime(2024, 6, 3, 14, 5, tzinfo=UTC),
        id=number,
    )
    facts = Facts(
        is_ruling=True,
        headline=title or f"Judge blocks state rule {number} on clinic funding",
        summary=summary
        or f"A federal judge granted a preliminary injunction against rule {number} & its <cap>.",
        judges=(Judge("Maria Lopez", "U.S. District Judge"),),
        court="U.S. District Court for the Western District of Texas",
        outcome=Outcome("blocked", "blocked the rule", "preliminary injunction"),
        plaintiffs=("Planned Parenthood",),
        defendants=("State of Texas",),
    )
    return ruling_card(article, facts)


class RecordingHandler:
    """A small InboundHandler: records what arrives, answers each event id once (as the core
    does, through the processed-events table), and can be made slow."""

    def __init__(self, db: Database, *, reply=None, delay: float = 0.0) -> None:
        from bot.models import Reply

        self.db = db
        self.delay = delay
        self.reply = reply or Reply(text="", cards=(sample_card(1),))
        self.commands: list = []
        self.questions: list = []
        self.threads: list = []

    async def handle_command(self, command):
        import asyncio

        self.commands.append(command)
        await asyncio.sleep(self.delay)
        return self.reply

    async def handle_question(self, question):
        from datetime import UTC, datetime

        from bot.models import Reply
        from bot.store.threads import claim_event

        self.questions.append(question)
        now = datetime.now(UTC)
        if question.event_id and not await claim_event(
            self.db, "slack", question.event_id, now=now
        ):
            return None
        return Reply(text=f"Answer to: {question.text}", evidence=("The judge ruled.",))

    async def thread_opened(self, thread, article_id):
        self.threads.append((thread, article_id))


async def serve(routes) -> tuple[Any, str]:
    """Run `routes` on a loopback aiohttp server; returns (runner, base URL)."""
    from aiohttp import web

    from tests.fakes.loopback import serve as serve_app

    app = web.Application()
    app.add_routes(routes)
    runner, port = await serve_app(app)
    return runner, f"http://127.0.0.1:{port}"
