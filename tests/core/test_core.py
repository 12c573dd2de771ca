"""Core as the adapters' InboundHandler: questions delegated, threads recorded, nothing raised."""

from __future__ import annotations

import logging
import sys
import types
from datetime import UTC, datetime

import pytest

from bot import messages
from bot.clock import FakeClock
from bot.core import Core
from bot.models import Question, Reply, ThreadRef
from bot.ports import InboundHandler
from bot.settings import Settings
from bot.store import Database
from bot.store.threads import thread_article
from tests.core.seed import make_ruling, store_ruling

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
THREAD = ThreadRef("slack", "C1", "1712345678.000100", "T1")


@pytest.fixture
def core(any_db: Database) -> Core:
    return Core(any_db, Settings(feed_catalog=""), FakeClock(NOW))


def install_answerer(monkeypatch: pytest.MonkeyPatch, answer) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Stand in for the follow-up service so the delegation itself is what is tested."""
    calls: list[tuple] = []

    async def answer_question(db, settings, clock, question):  # type: ignore[no-untyped-def]
        calls.append((db, settings, clock, question))
        return answer(question)

    module = types.ModuleType("bot.followup.service")
    module.answer_question = answer_question  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bot.followup.service", module)
    return calls


def test_core_satisfies_the_inbound_handler_contract(core: Core) -> None:
    handler: InboundHandler = core
    assert callable(handler.handle_command) and callable(handler.handle_question)


async def test_thread_opened_records_which_ruling_the_thread_discusses(
    core: Core, any_db: Database
) -> None:
    article = await store_ruling(any_db, *make_ruling("t1"))
    assert article.id is not None
    await core.thread_opened(THREAD, article.id)
    await core.thread_opened(THREAD, article.id)  # an adapter reporting twice is harmless
    found = await thread_article(any_db, THREAD)
    assert found is not None and found[1] == article.id


async def test_thread_opened_for_a_vanished_ruling_does_not_raise(core: Core) -> None:
    await core.thread_opened(THREAD, 999_999)


async def test_questions_are_delegated_to_the_follow_up_service(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = install_answerer(monkeypatch, lambda q: Reply(text=f"answer to {q.text}"))
    question = Question("who sued?", THREAD, "U5", event_id="Ev1")
    reply = await core.handle_question(question)
    assert reply == Reply(text="answer to who sued?")
    assert calls == [(core.db, core.settings, core.clock, question)]


async def test_silence_from_the_service_stays_silent(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_answerer(monkeypatch, lambda q: None)
    assert await core.handle_question(Question("again?", THREAD, "U5", event_id="Ev1")) is None


async def test_a_failing_answer_becomes_a_one_line_error_and_is_logged(
    core: Core, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(question: Question) -> Reply:
        raise RuntimeError("engine broke")

    install_answerer(monkeypatch, explode)
    with caplog.at_level(logging.ERROR, logger="bot.core"):
        reply = await core.handle_question(Question("why?", THREAD, "U5"))
    assert reply == Reply(text=messages.QUESTION_ERROR, ephemeral=True, is_error=True)
    assert "engine broke" in caplog.text
