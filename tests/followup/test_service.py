"""The thread-question service on a real database: exactly once, silent where it should be,
rate limited per user and thread, history for follow-ups, a clear word when the article is gone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, select

from bot import messages
from bot.clock import FakeClock
from bot.followup.service import answer_question, reply_text
from bot.models import Answer, Question, ThreadRef
from bot.settings import Settings
from bot.store import Database
from bot.store.articles import save_article
from bot.store.schema import articles, thread_messages
from bot.store.threads import record_thread
from tests.followup.helpers import dev_article

THREAD = ThreadRef(platform="slack", channel_id="C1", thread_id="1700000000.000100")
START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def settings(**followup: object) -> Settings:
    return Settings(feed_catalog="", followup=followup)  # type: ignore[arg-type]


async def seeded(db: Database, name: str = "020", thread: ThreadRef = THREAD) -> int:
    article = dev_article(name)
    article.fetched_at = START
    saved = await save_article(db, article)
    assert saved.article.id is not None
    await record_thread(db, thread, saved.article.id, now=START)
    return saved.article.id


def q(text_: str, *, user: str = "U1", event: str | None = None, **kw: object) -> Question:
    return Question(text=text_, thread=kw.pop("thread", THREAD), user_id=user, event_id=event, **kw)  # type: ignore[arg-type]


async def test_answers_a_question_and_records_it(any_db: Database) -> None:
    await seeded(any_db)
    clock = FakeClock(START)
    reply = await answer_question(any_db, settings(), clock, q("<@U999> who is the judge?"))
    assert reply is not None
    assert "Simone Achebe-Larkin" in reply.text
    assert reply.text.startswith("> ") or "\n> " in reply.text  # the sentence, quoted
    assert reply.evidence and all(s in dev_article("020").text for s in reply.evidence)
    async with any_db.connect() as conn:
        rows = (await conn.execute(select(thread_messages))).all()
    assert len(rows) == 1
    assert rows[0].question == "who is the judge?"  # stored without the mention
    assert rows[0].found is True
    assert rows[0].answer == reply.text


async def test_a_redelivered_event_is_answered_once(any_db: Database) -> None:
    await seeded(any_db)
    clock = FakeClock(START)
    first = await answer_question(any_db, settings(), clock, q("who sued?", event="Ev1"))
    again = await answer_question(any_db, settings(), clock, q("who sued?", event="Ev1"))
    assert first is not None
    assert again is None
    other = await answer_question(any_db, settings(), clock, q("who sued?", event="Ev2"))
    assert other is not None


async def test_a_thread_we_did_not_open_gets_no_answer(any_db: Database) -> None:
    await seeded(any_db)
    stranger = ThreadRef(platform="slack", channel_id="C1", thread_id="999.1")
    reply = await answer_question(
        any_db, settings(), FakeClock(START), q("who sued?", thread=stranger)
    )
    assert reply is None


async def test_a_question_naming_its_ruling_opens_the_thread(any_db: Database) -> None:
    article_id = await seeded(any_db)
    fresh = ThreadRef(platform="discord", channel_id="55", thread_id="66")
    question = q("who sued?", thread=fresh, article_id=article_id)
    reply = await answer_question(any_db, settings(), FakeClock(START), question)
    assert reply is not None and "anti-hunger" in reply.text
    follow = await answer_question(
        any_db, settings(), FakeClock(START), q("and the defendants?", thread=fresh)
    )
    assert follow is not None and "They sued the USDA" in follow.text


async def test_a_deleted_article_gets_a_clear_message(any_db: Database) -> None:
    article_id = await seeded(any_db)
    async with any_db.begin() as conn:
        await conn.execute(delete(articles).where(articles.c.id == article_id))
    question = q("who sued?", article_id=article_id)
    reply = await answer_question(any_db, settings(), FakeClock(START), question)
    assert reply is not None
    assert reply.text == messages.FOLLOWUP_ARTICLE_GONE
    assert reply.is_error


async def test_a_question_in_the_thread_of_a_deleted_ruling_gets_a_clear_message(
    any_db: Database,
) -> None:
    article_id = await seeded(any_db)
    async with any_db.begin() as conn:
        await conn.execute(delete(articles).where(articles.c.id == article_id))
    reply = await answer_question(any_db, settings(), FakeClock(START), q("who sued?"))
    assert reply is not None
    assert reply.text == messages.FOLLOWUP_ARTICLE_GONE


async def test_rate_limit_per_user_per_thread_with_an_injected_clock(any_db: Database) -> None:
    await seeded(any_db)
    clock = FakeClock(START)
    config = settings(per_user_per_thread_per_minute=2)
    for _ in range(2):
        reply = await answer_question(any_db, config, clock, q("who sued?"))
        assert reply is not None and reply.text != messages.FOLLOWUP_RATE_LIMITED
    limited = await answer_question(any_db, config, clock, q("who sued?"))
    assert limited is not None
    assert limited.text == messages.FOLLOWUP_RATE_LIMITED
    assert limited.ephemeral
    other_user = await answer_question(any_db, config, clock, q("who sued?", user="U2"))
    assert other_user is not None and other_user.text != messages.FOLLOWUP_RATE_LIMITED
    clock.advance(61)
    later = await answer_question(any_db, config, clock, q("who sued?"))
    assert later is not None and later.text != messages.FOLLOWUP_RATE_LIMITED
    async with any_db.connect() as conn:
        count = len((await conn.execute(select(thread_messages))).all())
    assert count == 4  # the limited question was not recorded


async def test_the_question_is_capped_before_answering(any_db: Database) -> None:
    await seeded(any_db)
    long_question = "who is the judge? " + "blah " * 300
    config = settings(max_question_chars=40)
    reply = await answer_question(any_db, config, FakeClock(START), q(long_question))
    assert reply is not None
    async with any_db.connect() as conn:
        stored = (await conn.execute(select(thread_messages.c.question))).scalar_one()
    assert len(stored) <= 40


async def test_follow_up_uses_the_thread_history(any_db: Database) -> None:
    await seeded(any_db, "002")
    clock = FakeClock(START)
    first = await answer_question(any_db, settings(), clock, q("Who dissented?"))
    assert first is not None and "Lund" in first.text
    clock.advance(5)
    why = await answer_question(any_db, settings(), clock, q("Why?", user="U2"))
    assert why is not None
    assert "In his view" in why.text or "clicked through" in why.text


async def test_unanswerable_question_says_so(any_db: Database) -> None:
    await seeded(any_db)
    reply = await answer_question(
        any_db, settings(), FakeClock(START), q("How many employees does the USDA have?")
    )
    assert reply is not None
    assert reply.text == messages.FOLLOWUP_NOT_SAID
    assert reply.evidence == ()


async def test_an_empty_question_after_cleaning_gets_a_hint(any_db: Database) -> None:
    await seeded(any_db)
    reply = await answer_question(any_db, settings(), FakeClock(START), q("<@U1> <#C2|x>"))
    assert reply is not None
    assert reply.text == messages.FOLLOWUP_EMPTY


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Answer("The article doesn't say.", (), False), "The article doesn't say."),
        (Answer("A. B.", ("A.", "B."), True), "> A.\n> B."),
        (Answer("Judge: X", ("X ruled.",), True), "Judge: X\n> X ruled."),
    ],
)
def test_reply_text_quotes_the_evidence(answer: Answer, expected: str) -> None:
    assert reply_text(answer) == expected
