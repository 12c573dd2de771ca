"""The optional LLM engine against a loopback fake endpoint: verbatim quotes only, else fallback."""

from __future__ import annotations

from datetime import UTC, datetime

from bot import messages
from bot.clock import FakeClock
from bot.followup import engine, llm_engine
from bot.followup.service import answer_question
from bot.llm import LLMClient
from bot.models import Question, ThreadRef
from bot.settings import Settings
from bot.store import Database
from bot.store.articles import save_article
from bot.store.threads import record_thread
from tests.fakes.llm_api import FakeLLM
from tests.followup.helpers import NO_FACTS, dev_article

LEAD = (
    "U.S. District Judge Simone Achebe-Larkin of the U.S. District Court for the District of"
    " Columbia issued the order under Section 705 of the Administrative Procedure Act, which lets"
    " a court postpone a rule's effective date to prevent irreparable harm while a case is decided."
)


def client(fake: FakeLLM) -> LLMClient:
    return LLMClient(fake.base_url, "test-model", "sk-test", timeout=2.0)


async def test_a_verbatim_quote_is_accepted() -> None:
    article = dev_article("020")
    async with FakeLLM() as fake:
        fake.reply_json({"answer": "Judge Simone Achebe-Larkin.", "quotes": [LEAD], "found": True})
        answer = await llm_engine.answer(client(fake), "who is the judge?", article, NO_FACTS)
        body = fake.requests[0]
    assert answer.found
    assert answer.text == "Judge Simone Achebe-Larkin."
    assert answer.evidence == (LEAD,)
    prompt = body["messages"][1]["content"]
    assert "<article>" in prompt and "<question>who is the judge?</question>" in prompt
    assert "never" in body["messages"][0]["content"]  # article is data, not instructions


async def test_an_invented_quote_falls_back_to_the_default_engine() -> None:
    article = dev_article("020")
    async with FakeLLM() as fake:
        fake.reply_json(
            {"answer": "Judge Ortiz.", "quotes": ["Judge Ortiz ruled for everyone."], "found": True}
        )
        answer = await llm_engine.answer(client(fake), "who is the judge?", article, NO_FACTS)
    assert answer == engine.answer("who is the judge?", article, NO_FACTS, [])
    assert "Ortiz" not in answer.text


async def test_an_error_or_malformed_reply_falls_back() -> None:
    article = dev_article("020")
    expected = engine.answer("who sued?", article, NO_FACTS, [])
    async with FakeLLM() as fake:
        fake.fail(500)
        assert await llm_engine.answer(client(fake), "who sued?", article, NO_FACTS) == expected
        fake.reply_text("not json at all")
        assert await llm_engine.answer(client(fake), "who sued?", article, NO_FACTS) == expected
        fake.reply_json({"answer": 3, "quotes": "x"})
        assert await llm_engine.answer(client(fake), "who sued?", article, NO_FACTS) == expected


async def test_the_model_may_decline() -> None:
    article = dev_article("020")
    async with FakeLLM() as fake:
        fake.reply_json({"answer": "", "quotes": [], "found": False})
        answer = await llm_engine.answer(client(fake), "who is the clerk?", article, NO_FACTS)
    assert not answer.found
    assert answer.text == messages.FOLLOWUP_NOT_SAID


async def test_the_service_uses_the_llm_engine_when_configured(sqlite_db: Database) -> None:
    start = datetime(2026, 3, 2, tzinfo=UTC)
    article = dev_article("020")
    article.fetched_at = start
    saved = await save_article(sqlite_db, article)
    thread = ThreadRef("slack", "C1", "1.1")
    assert saved.article.id is not None
    await record_thread(sqlite_db, thread, saved.article.id, now=start)
    async with FakeLLM() as fake:
        fake.reply_json({"answer": "Simone Achebe-Larkin.", "quotes": [LEAD], "found": True})
        config = Settings(
            feed_catalog="",
            followup={"engine": "llm"},  # type: ignore[arg-type]
            summarizer={"llm_base_url": fake.base_url, "llm_model": "m"},  # type: ignore[arg-type]
        )
        reply = await answer_question(
            sqlite_db, config, FakeClock(start), Question("who is the judge?", thread, "U1")
        )
        assert len(fake.requests) == 1
    assert reply is not None
    assert reply.text == f"Simone Achebe-Larkin.\n> {LEAD}"
