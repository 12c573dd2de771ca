"""Decisions told as relief ordered by its noun ("ordered the release of"), as a holding ("ruled
Thursday that the town violated the law") or in the passive ("the law was tossed by the court"):
common wire and local-paper phrasings that must be read as events, with the negations and
criminal-case holdings that must not."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.outcome import find_events
from summarizer.text import prepare

HEADLINE = "Judge rules in dispute"


def _classes(sentence: str) -> list[str]:
    return [e.cls for e in find_events(prepare(sentence).sentences[0])]


@pytest.mark.parametrize(
    "body",
    [
        "A federal judge on Friday ordered the release of a graduate student who was detained "
        "by immigration agents in March.",
        "U.S. District Judge Lena Ortiz on Monday ordered the immediate return of a man "
        "deported in error.",
        "A state judge on Tuesday ordered the reinstatement of three teachers fired over a "
        "social media post.",
    ],
)
def test_relief_ordered_as_a_noun_is_granted(body: str) -> None:
    f = summarize(body)
    assert f.is_ruling
    assert f.outcome.cls == "granted"


def test_an_order_of_events_is_not_relief() -> None:
    assert "granted" not in _classes("The judge changed the order of witnesses at the trial.")


@pytest.mark.parametrize(
    "body",
    [
        "A state judge ruled Thursday that the town violated the open-meetings law.",
        "The judge held that the school district had retaliated against the coach.",
        "A Superior Court judge determined on Monday that the landlord breached the leases.",
        "The judge ruled that the firing of the whistleblower was unlawful.",
    ],
)
def test_a_holding_that_a_party_broke_the_law_is_a_win_for_plaintiffs(body: str) -> None:
    f = summarize(body, title=HEADLINE)
    assert f.is_ruling
    assert f.outcome.cls == "ruled_for_plaintiffs"


@pytest.mark.parametrize(
    "body",
    [
        "A federal judge ruled Wednesday that the county's curfew ordinance was unlawful.",
        "The court held that the agency's rule is invalid.",
    ],
)
def test_a_law_held_unlawful_is_struck_down(body: str) -> None:
    assert summarize(body, title=HEADLINE).outcome.cls == "struck_down"


@pytest.mark.parametrize(
    "sentence",
    [
        "The judge ruled that the town had not violated the open-meetings law.",
        "The judge found that the plaintiffs failed to show the city violated the law.",
        "The court found no evidence that the company retaliated against her.",
        # a criminal case: a search held unlawful helps the accused
        "The judge ruled that police violated the man's rights when they searched his car.",
        "The judge ruled that Carter violated the terms of his probation.",
        "The appeals court ruled that the trial judge violated Mays' right to a fair trial.",
        "The judge held that the state violated the defendant's right to a speedy trial.",
    ],
)
def test_a_negated_or_criminal_holding_names_no_winner(sentence: str) -> None:
    assert "ruled_for_plaintiffs" not in _classes(sentence)


@pytest.mark.parametrize(
    ("body", "cls"),
    [
        ("The law was tossed by the state Supreme Court on Monday.", "struck_down"),
        ("Ohio's new congressional map was thrown out by the Ohio Supreme Court.", "struck_down"),
        ("The lawsuit was tossed by a federal judge on Friday.", "dismissed"),
        ("His conviction was tossed out Monday by a state appeals court.", "reversed"),
    ],
)
def test_a_passive_toss_by_a_court_takes_its_class_from_what_was_tossed(
    body: str, cls: str
) -> None:
    f = summarize(body, title=HEADLINE)
    assert f.is_ruling
    assert f.outcome.cls == cls


@pytest.mark.parametrize(
    "sentence",
    [
        # the head noun is out of sight: no guess
        "The lawsuit over the law was tossed by a federal judge on Friday.",
        # no court did it
        "The ball was tossed by the judge's grandson to the crowd.",
        "The case was tossed around by lawyers for years.",
    ],
)
def test_a_passive_toss_without_a_known_subject_or_court_is_no_event(sentence: str) -> None:
    assert _classes(sentence) == []
