"""The one- or two-sentence summary reads as a person would write it."""

from __future__ import annotations

import pytest

from summarizer.facts import Judge, Outcome
from summarizer.summary import build_summary

BLOCKED = Outcome(cls="blocked", text="blocked the ordinance", motion=None)


def test_the_court_is_not_repeated_when_the_judges_title_names_it() -> None:
    judge = Judge("Teodora Castellano", "Alder County Superior Court Judge")
    summary = build_summary(
        [judge], "Alder County Superior Court", "trial", BLOCKED, [], [], "fallback"
    )
    assert summary == "Alder County Superior Court Judge Teodora Castellano blocked the ordinance."


def test_the_court_is_not_repeated_when_the_title_names_it_without_the_word_court() -> None:
    judge = Judge("Frank Rowe", "Dane County Circuit Judge")
    summary = build_summary([judge], "Dane County Circuit Court", "trial", BLOCKED, [], [], "")
    assert summary == "Dane County Circuit Judge Frank Rowe blocked the ordinance."


def test_the_court_follows_a_title_that_does_not_name_it() -> None:
    judge = Judge("Ann Cole", "U.S. District Judge")
    court = "U.S. District Court for the District of Columbia"
    summary = build_summary([judge], court, "trial", BLOCKED, [], [], "fallback")
    assert summary == f"U.S. District Judge Ann Cole ({court}) blocked the ordinance."


def test_a_cut_outcome_text_ends_with_its_ellipsis_alone() -> None:
    cut = Outcome(cls="blocked", text="blocked the state from enforcing a law that would…")
    summary = build_summary([Judge("Ann Cole")], None, "trial", cut, ["Acme Inc."], [], "")
    assert summary == (
        "Ann Cole blocked the state from enforcing a law that would… "
        "The case was brought by Acme Inc."
    )


def test_a_party_ending_in_an_abbreviation_closes_the_sentence_once() -> None:
    summary = build_summary(
        [Judge("Ann Cole")], None, "trial", BLOCKED, ["Rivera"], ["Skyward Apps Inc."], ""
    )
    assert summary.endswith("brought by Rivera against Skyward Apps Inc.")


def test_no_outcome_text_gives_the_lead_sentence() -> None:
    empty = Outcome()
    assert build_summary([Judge("Ann Cole")], None, "trial", empty, [], [], "Lead.") == "Lead."


def test_an_outcome_text_opening_with_a_participle_gives_the_lead_sentence() -> None:
    participle = Outcome(cls="blocked", text="blocking the rule")
    lead = "A judge on Monday issued a ruling blocking the rule."
    assert build_summary([Judge("Ann Cole")], None, "trial", participle, [], [], lead) == lead


@pytest.mark.parametrize(
    "text",
    ["won court approval for its plan", "spend six years in prison", "thrown out the damages"],
)
def test_an_outcome_a_party_did_is_not_put_after_the_judge(text: str) -> None:
    outcome = Outcome(cls="approved", text=text)
    lead = "The company won court approval on Wednesday for its plan."
    assert build_summary([Judge("Ann Cole")], None, "trial", outcome, [], [], lead) == lead
