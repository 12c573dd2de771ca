"""The default engine: each kind of question, facts first, follow-ups, and honest declines."""

from __future__ import annotations

import pytest

from bot import messages
from bot.followup import engine
from bot.models import Facts, Judge
from tests.followup.helpers import FACTS_001, NO_FACTS, dev_article


def ask(name: str, question: str, facts: Facts = NO_FACTS, history=()):
    return engine.answer(question, dev_article(name), facts, list(history))


@pytest.mark.parametrize(
    ("name", "question", "expected"),
    [
        ("004", "Who is the judge?", "Tasker County Circuit Judge Denise Okonkwo-Barr"),
        ("001", "Which court decided it?", "U.S. District Court for the District of Massachusetts"),
        ("016", "Has the judge ruled yet?", "No ruling has been issued."),
        ("003", "Which cities sued?", "Chicago, Minneapolis and Denver sued last week"),
        ("016", "Who are the defendants?", "FEMA and Homeland Security Secretary Carla Whitmore"),
        ("013", "Why was the case dismissed?", "She dismissed the case for lack of standing."),
        ("036", "What happens next?", "A full hearing on whether the firing was illegal"),
        ("016", "When is the hearing?", "scheduled a hearing for next Thursday"),
        ("001", "What did Renata Solis say?", "Solis"),
        ("008", "What does the law do?", "makes unenforceable any provision"),
        ("016", "How many projects are affected?", "more than 1,400 projects"),
        ("005", "What was the vote?", "By a 6-3 vote"),
        ("002", "Who dissented?", "Judge Victor Lund dissented."),
        ("017", "docket number?", "1:24-cv-04471"),
        ("033", "What did the lower court do?", "Superior Court judge had blocked the law"),
    ],
)
def test_each_kind_of_question_quotes_the_sentence_that_answers_it(
    name: str, question: str, expected: str
) -> None:
    answer = ask(name, question)
    assert answer.found, question
    assert any(expected in sentence for sentence in answer.evidence), answer.evidence
    article = dev_article(name)
    for sentence in answer.evidence:
        assert sentence in article.text  # quoted verbatim


def test_a_sentence_answer_is_the_quoted_sentences_themselves() -> None:
    answer = ask("013", "Why was the case dismissed?")
    assert answer.text == " ".join(answer.evidence)
    assert len(answer.evidence) <= engine.MAX_EVIDENCE


def test_facts_are_preferred_with_their_evidence_sentence() -> None:
    answer = ask("001", "who's the judge?", FACTS_001)
    assert answer.found
    assert answer.text == "Judge: U.S. District Judge Marguerite A. Tolland"
    assert answer.evidence == (FACTS_001.evidence["judges"],)


def test_fact_answers_for_court_parties_and_date() -> None:
    court = ask("001", "Which court?", FACTS_001)
    assert court.text == "Court: U.S. District Court for the District of Massachusetts"
    against = ask("001", "Who are the defendants?", FACTS_001)
    assert "Lorraine Hatch" in against.text
    assert against.evidence == (FACTS_001.evidence["defendants"],)
    plaintiffs = ask("001", "Who sued?", FACTS_001)
    assert plaintiffs.text.startswith(messages.FOLLOWUP_FACT_LABELS["plaintiffs"])
    assert "New York" in plaintiffs.text
    when = ask("001", "When was it decided?", FACTS_001)
    assert when.text == "Decided: Monday"
    assert "on Monday" in when.evidence[0]  # found by value: no stored evidence for the date


def test_a_fact_whose_evidence_is_not_in_the_article_is_not_an_answer() -> None:
    invented = Facts(judges=(Judge(name="Hortense Q. Nobody", title="Judge"),))
    answer = ask("001", "Who is the judge?", invented)
    assert "Nobody" not in answer.text
    assert "Tolland" in answer.text  # the sentences still answer


def test_who_wrote_on_a_panel_comes_from_the_sentences_not_the_judge_list() -> None:
    panel = Facts(
        judges=(
            Judge("Anjali R. Mehrotra", "Circuit Judge"),
            Judge("Thomas E. Kessel", "Circuit Judge"),
            Judge("Victor Lund", "Judge"),
        )
    )
    answer = ask("002", "Who wrote the majority opinion?", panel)
    assert answer.found
    assert "Mehrotra" in answer.evidence[0]
    assert not answer.text.startswith("Judges:")


def test_and_the_defendants_leans_on_who_sued() -> None:
    history = [("Who sued?", ask("020", "Who sued?").text)]
    answer = ask("020", "and the defendants?", history=history)
    assert any("They sued the USDA" in s for s in answer.evidence)


def test_why_after_who_dissented_explains_the_dissent() -> None:
    first = ask("002", "Who dissented?")
    answer = ask("002", "Why?", history=[("Who dissented?", first.text)])
    assert answer.found
    assert answer.evidence != first.evidence
    assert any("In his view" in s or "clicked through" in s for s in answer.evidence)


def test_what_did_she_write_resolves_the_pronoun_from_the_previous_answer() -> None:
    first = ask("025", "Who wrote the majority opinion?")
    assert "Whitcomb" in first.text
    answer = ask(
        "025", "what did she write?", history=[("Who wrote the majority opinion?", first.text)]
    )
    assert any("Whitcomb" in s for s in answer.evidence)


@pytest.mark.parametrize(
    ("name", "question"),
    [
        ("001", "Who appointed Judge Tolland to the bench?"),
        ("006", "Who was the judge?"),  # the article never names one
        ("033", "Which justice wrote the majority opinion?"),
        ("019", "How many students attend Ridgeview High?"),
        ("014", "When will construction start?"),
        ("029", "What did the Solicitor General say after the ruling?"),
        ("031", "Which judge ruled on the law?"),
    ],
)
def test_questions_the_article_does_not_answer_are_declined(name: str, question: str) -> None:
    answer = ask(name, question)
    assert not answer.found
    assert answer.text == messages.FOLLOWUP_NOT_SAID
    assert answer.evidence == ()


def test_empty_question_or_empty_article_is_declined() -> None:
    assert not ask("001", "   ").found
    article = dev_article("001")
    article.text = ""
    assert not engine.answer("who sued?", article, NO_FACTS, []).found


def test_answers_are_fast() -> None:
    import time

    article = dev_article("029")  # the longest dev article
    start = time.perf_counter()
    for _ in range(20):
        engine.answer("Why did Banerjee think the case was a bad vehicle?", article, NO_FACTS, [])
    assert (time.perf_counter() - start) / 20 < 0.25  # generous: CI machines are slow
