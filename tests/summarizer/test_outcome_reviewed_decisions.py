"""An appeal's outcome is what the reviewing court did to the decision below, never what that
decision did: a verb in a relative clause on the reviewed decision must not be read as the news,
or the digest reports the outcome reversed."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.outcome import find_events
from summarizer.text import prepare

HEADLINE = "Appeals court rules in dispute"


@pytest.mark.parametrize(
    ("body", "cls"),
    [
        (
            "The U.S. Court of Appeals for the Federal Circuit on Tuesday affirmed a Patent "
            "Trial and Appeal Board decision that invalidated claims of a patent owned by "
            "Lanterra Systems Inc.",
            "affirmed",
        ),
        (
            "A federal appeals court on Monday upheld a lower-court ruling that blocked the "
            "state's new voter ID law from taking effect.",
            "affirmed",
        ),
        (
            "The 4th Circuit on Wednesday reversed a ruling that had dismissed the suit brought "
            "by tenants of the Maple Court apartments.",
            "reversed",
        ),
        (
            "A state appeals panel vacated an injunction that barred the city of Greyhaven from "
            "enforcing its camping ban.",
            "reversed",
        ),
        (
            "The state Supreme Court on Thursday overturned a verdict that found Ridgeline "
            "Hospital liable for a patient's death.",
            "reversed",
        ),
        (
            "An appeals court on Friday affirmed the judgment, which struck down the county's "
            "ban on short-term rentals.",
            "affirmed",
        ),
        (
            "The 9th Circuit reversed a ruling by U.S. District Judge Nora Pell that "
            "dismissed the lawsuit against the port authority.",
            "reversed",
        ),
    ],
)
def test_the_reviewing_courts_verb_decides_not_the_reviewed_decisions(body: str, cls: str) -> None:
    f = summarize(body, title=HEADLINE)
    assert f.is_ruling
    assert f.outcome.cls == cls


@pytest.mark.parametrize(
    "sentence",
    [
        "The state on Monday appealed a ruling that blocked its abortion ban.",
        "An appeals court lifted an order that barred the agency from firing the workers.",
        "The justices agreed with a trial court decision that dismissed the claims.",
    ],
)
def test_an_appeal_or_a_lifted_order_does_not_take_the_decision_below_as_its_event(
    sentence: str,
) -> None:
    assert [e.cls for e in find_events(prepare(sentence).sentences[0])] == []


@pytest.mark.parametrize(
    ("sentence", "cls"),
    [
        # a decision issued now: its clause is the news
        ("A federal judge on Monday issued an order that blocks the rule.", "blocked"),
        ("The court handed down a ruling that struck down the ordinance.", "struck_down"),
        # a law, not a decision, under the clause
        ("The court upheld a law that bars protests near clinics.", "upheld"),
    ],
)
def test_a_decision_issued_now_keeps_its_relative_clause(sentence: str, cls: str) -> None:
    assert cls in [e.cls for e in find_events(prepare(sentence).sentences[0])]


@pytest.mark.parametrize(
    "body",
    [
        "An appeals court on Tuesday vacated an injunction against the state's ban on drag shows.",
        "The panel threw out the trial judge's order on the county's zoning rules.",
    ],
)
def test_undoing_an_injunction_or_order_below_is_a_reversal_not_a_law_struck(body: str) -> None:
    f = summarize(body, title=HEADLINE)
    assert f.outcome.cls == "reversed"


def test_the_outcome_text_keeps_the_reviewed_decision_it_names() -> None:
    f = summarize(
        "A federal appeals court on Monday upheld a lower-court ruling that blocked the law.",
        title=HEADLINE,
    )
    assert f.outcome.text == "upheld a lower-court ruling that blocked the law"


@pytest.mark.parametrize(
    ("headline", "body", "cls"),
    [
        (
            "Federal Circuit affirms PTAB ruling invalidating patent claims",
            "The U.S. Court of Appeals for the Federal Circuit on Tuesday affirmed the board's "
            "decision. Circuit Judges Ann Lee, Tom Hart and Ruth Bell heard the appeal.",
            "affirmed",
        ),
        (
            "Appeals court upholds ruling blocking Texas law",
            "The 5th U.S. Circuit Court of Appeals on Monday upheld a lower-court ruling blocking "
            "a Texas law. Circuit Judge Ann Lee wrote for the panel.",
            "affirmed",
        ),
        (
            "Judge blocks rule",
            "U.S. District Judge Ann Cole on Monday issued a ruling blocking the rule.",
            "blocked",
        ),
    ],
)
def test_a_reduced_clause_on_the_reviewed_decision_is_not_the_news(
    headline: str, body: str, cls: str
) -> None:
    assert summarize(body, title=headline).outcome.cls == cls
