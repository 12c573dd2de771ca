"""Jury and bench verdicts are court outcomes a rulings digest reports: held liable or guilty is a
win for the side that sued or prosecuted (the prosecution is the plaintiff side), cleared is a win
for the defence, and damages go to the side that sued. A verdict dated earlier or told as a
reason is the background of some other news."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.outcome import find_events
from summarizer.text import prepare


def _classes(sentence: str) -> list[str]:
    return [e.cls for e in find_events(prepare(sentence).sentences[0])]


def test_damages_awarded_by_a_jury_are_a_win_for_the_side_that_sued() -> None:
    f = summarize(
        "A federal jury in Chicago on Wednesday awarded $1.5 million to a former Halvern Corp. "
        "employee who said she was fired for reporting safety violations. The verdict came "
        "after a four-day trial before U.S. District Judge Ines Varga."
    )
    assert f.is_ruling
    assert f.outcome.cls == "ruled_for_plaintiffs"


def test_costs_awarded_to_the_defence_stay_a_win_for_the_defence() -> None:
    f = summarize(
        "The judge on Monday awarded $40,000 to the defendants for their legal costs.",
        title="Judge rules in contract dispute",
    )
    assert f.outcome.cls == "ruled_for_defendants"


def test_damages_awarded_to_a_party_listed_as_sued_name_no_side() -> None:
    f = summarize(
        "Brightwater Homes sued Tamsin Orr over a failed sale. A jury on Monday awarded "
        "$90,000 to Tamsin Orr on her counterclaim.",
        title="Jury rules in home sale dispute",
    )
    assert f.outcome.cls != "ruled_for_plaintiffs"


@pytest.mark.parametrize(
    "body",
    [
        "A federal jury in Boston on Tuesday convicted Darren Vell of wire fraud.",
        "A jury on Friday found former state Sen. Ray Dunmore guilty of bribery.",
        "Vell was convicted Tuesday of wire fraud by a federal jury in Boston.",
        "A Cook County jury on Monday found Corlane Freight liable for the crash.",
    ],
)
def test_held_guilty_or_liable_is_a_win_for_the_side_that_sued_or_prosecuted(body: str) -> None:
    f = summarize(body)
    assert f.is_ruling
    assert f.outcome.cls == "ruled_for_plaintiffs"


@pytest.mark.parametrize(
    "body",
    [
        "A jury on Friday found Dunmore not guilty of all charges.",
        "A federal jury on Thursday found Corlane Freight not liable for the death of a worker.",
        "A jury acquitted the former sheriff of all charges on Friday.",
        "The former sheriff was acquitted Friday by a jury in Tulsa.",
    ],
)
def test_cleared_by_a_verdict_is_a_win_for_the_defence(body: str) -> None:
    f = summarize(body)
    assert f.is_ruling
    assert f.outcome.cls == "ruled_for_defendants"


@pytest.mark.parametrize(
    "sentence",
    [
        "Because Moorfield was convicted of first-degree murder, his appeal went directly to "
        "the state Supreme Court.",
        "A jury convicted Vandermeer in March of securities fraud after a three-week trial.",
        "A man who was convicted of murder and later exonerated sued the city on Monday.",
        "After a jury found the company liable, the judge cut the award.",
    ],
)
def test_a_verdict_dated_earlier_or_told_as_a_reason_is_background(sentence: str) -> None:
    classes = _classes(sentence)
    assert "ruled_for_plaintiffs" not in classes
    assert "ruled_for_defendants" not in classes


def test_a_verdict_after_a_trial_told_first_is_the_news() -> None:
    f = summarize("After a two-week trial, a jury on Monday convicted Darren Vell of wire fraud.")
    assert f.outcome.cls == "ruled_for_plaintiffs"


def test_a_verdict_returned_in_favor_of_a_side_is_a_side_taking_event() -> None:
    assert _classes("The jury returned a verdict in favor of the defendants on Monday.") == [
        "ruled_for"
    ]


def test_a_verdict_on_a_person_named_at_length_is_read() -> None:
    body = (
        "A Cook County jury on Thursday found former Chicago police officer Dale Van Houten not "
        "guilty of murder in the shooting death of a teenager."
    )
    facts = summarize(body, title="Jury clears officer in fatal shooting")
    assert facts.outcome.cls == "ruled_for_defendants"
