"""New York's Supreme Court is the state's general trial court: its justices are trial judges,
while every other "Supreme Court Justice" (the nation's, another state's) sits on a top court."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.courts import decide_level
from summarizer.text import prepare


def _judges(facts) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(j.name, j.title) for j in facts.judges]


def test_state_supreme_court_justice_in_a_new_york_article_is_the_trial_judge() -> None:
    facts = summarize(
        "NEW YORK (AP) — A New York judge ruled Tuesday that a developer inflated the value of "
        "its towers. State Supreme Court Justice Harold Vantreece granted a motion for summary "
        "judgment filed by the state attorney general, who sued the company in 2023.\n\n"
        "Vantreece wrote that the valuations were fantasy.",
        title="Judge rules developer inflated tower values",
    )
    assert _judges(facts) == [("Harold Vantreece", "State Supreme Court Justice")]
    assert facts.court == "New York Supreme Court"


@pytest.mark.parametrize(
    ("sentence", "title", "court"),
    [
        (
            "Manhattan Supreme Court Justice Odile Farrant dismissed the tenants' lawsuit on "
            "Monday.",
            "Manhattan Supreme Court Justice",
            "New York Supreme Court, New York County",
        ),
        (
            "Brooklyn Supreme Court Justice Odile Farrant blocked the rezoning on Friday, finding "
            "the review inadequate.",
            "Brooklyn Supreme Court Justice",
            "New York Supreme Court, Kings County",
        ),
        (
            "Nassau County Supreme Court Justice Odile Farrant dismissed the town's lawsuit on "
            "Thursday.",
            "Nassau County Supreme Court Justice",
            "New York Supreme Court, Nassau County",
        ),
        (
            "New York State Supreme Court Justice Odile Farrant granted the injunction on "
            "Wednesday.",
            "New York State Supreme Court Justice",
            "New York Supreme Court",
        ),
    ],
)
def test_a_place_printed_with_the_title_names_a_trial_justice_and_the_county(
    sentence: str, title: str, court: str
) -> None:
    facts = summarize(sentence, title="Judge rules against the city")
    assert _judges(facts) == [("Odile Farrant", title)]
    assert facts.court == court


def test_justice_of_the_state_supreme_court_in_a_borough_is_the_trial_judge() -> None:
    facts = summarize(
        "A judge threw out the landlords' challenge to the rent law on Monday. Justice Pell "
        "Ostrander of the state Supreme Court in Manhattan wrote that the group lacked standing.",
        title="Judge tosses landlords' suit",
    )
    assert _judges(facts) == [("Pell Ostrander", "Justice")]
    assert facts.court == "New York Supreme Court, New York County"


def test_the_formal_style_with_its_county_names_the_trial_court() -> None:
    facts = summarize(
        "A New York judge dismissed the suit Friday. Justice Pell Ostrander of the Supreme Court "
        "of the State of New York, County of Kings, granted the motion to dismiss.",
        title="Suit dismissed",
    )
    assert _judges(facts) == [("Pell Ostrander", "Justice")]
    assert facts.court == "New York Supreme Court, Kings County"


def test_a_state_judge_in_a_borough_named_as_justice_is_the_trial_judge() -> None:
    facts = summarize(
        "A state judge in Manhattan, Justice Pell Ostrander, blocked the county's mask ban on "
        "Friday.",
        title="Judge blocks ban",
    )
    assert _judges(facts) == [("Pell Ostrander", "Justice")]


def test_an_acting_justice_keeps_the_printed_title() -> None:
    facts = summarize(
        "Acting state Supreme Court Justice Wren Halloway blocked the New York City ban on "
        "Friday, calling it arbitrary.",
        title="Judge blocks ban",
    )
    assert _judges(facts) == [("Wren Halloway", "Acting state Supreme Court Justice")]
    assert facts.court == "New York Supreme Court"


def test_a_justice_named_after_the_court_in_a_new_york_article_is_the_trial_judge() -> None:
    facts = summarize(
        "The state Supreme Court in Brooklyn on Tuesday struck down the city's sidewalk shed "
        "rule. Justice Wren Halloway wrote that the agency skipped the required review.",
        title="Sidewalk rule struck down",
    )
    assert _judges(facts) == [("Wren Halloway", "Justice")]
    assert facts.court == "New York Supreme Court, Kings County"


@pytest.mark.parametrize(
    "lead",
    [
        "Manhattan Supreme Court Justice Odile Farrant dismissed the tenants' suit on Monday.",
        "The state Supreme Court in Manhattan dismissed the tenants' suit on Monday.",
        "New York State Supreme Court Justice Odile Farrant dismissed the suit on Monday.",
        "State Supreme Court Justice Odile Farrant dismissed the New York City tenants' suit.",
    ],
)
def test_new_yorks_supreme_court_as_first_cue_gives_the_trial_level(lead: str) -> None:
    assert decide_level(prepare(lead, title="Tenants lose")) == "trial"


def test_a_higher_court_after_the_trial_court_in_the_lead_gives_its_level() -> None:
    lead = (
        "Manhattan Supreme Court Justice Odile Farrant's ruling for the tenants was reversed on "
        "Tuesday by the Appellate Division."
    )
    assert decide_level(prepare(lead, title="Tenants lose")) == "appellate"
    facts = summarize(lead, title="Tenants lose")
    assert facts.judges == ()


def test_an_appeal_promised_to_the_appellate_division_leaves_the_trial_level() -> None:
    lead = (
        "Manhattan Supreme Court Justice Odile Farrant ruled Tuesday for the tenants, and the "
        "landlord said it would appeal to the Appellate Division."
    )
    assert decide_level(prepare(lead, title="Tenants win")) == "trial"


# --- precision ------------------------------------------------------------------------------


def test_the_appellate_division_reviewing_a_trial_justice_names_no_trial_judge() -> None:
    facts = summarize(
        "A New York appeals court on Tuesday reversed a ruling by state Supreme Court Justice "
        "Odile Farrant. The Appellate Division, First Department, said Farrant erred.",
        title="Appeals court reverses",
    )
    assert facts.judges == ()
    assert facts.court == "Appellate Division"


def test_the_supreme_courts_appellate_division_is_an_appeals_court() -> None:
    lead = (
        "The state Supreme Court's Appellate Division in Manhattan on Tuesday reversed a ruling "
        "that had let the tower rise."
    )
    assert decide_level(prepare(lead, title="Tower ruling reversed")) == "appellate"
    lead = "Appellate Division of the state Supreme Court on Tuesday reversed the ruling."
    assert decide_level(prepare(lead, title="Ruling reversed")) == "appellate"


def test_the_court_of_appeals_reviewing_a_trial_justice_names_only_its_judge() -> None:
    facts = summarize(
        "New York's highest court ruled Tuesday, overturning a decision by state Supreme Court "
        "Justice Odile Farrant. Judge Amara Quist wrote for the majority of the Court of Appeals.",
        title="Top court rules",
    )
    assert _judges(facts) == [("Amara Quist", "Judge")]


def test_the_us_supreme_court_and_its_justices_are_unchanged() -> None:
    facts = summarize(
        "The Supreme Court on Monday sided with a New York gun owner. Justice Lorne Tabb wrote "
        "for the majority.",
        title="Supreme Court rules for gun owner",
    )
    assert _judges(facts) == [("Lorne Tabb", "Justice")]
    assert facts.court == "U.S. Supreme Court"


def test_a_justice_near_a_new_york_trial_court_in_a_us_supreme_court_story_stays() -> None:
    facts = summarize(
        "The Supreme Court on Monday struck down a New York licensing law. The case began in "
        "state Supreme Court in Albany. Justice Lorne Tabb wrote for the majority.",
        title="Justices strike down licensing law",
    )
    assert _judges(facts) == [("Lorne Tabb", "Justice")]
    assert facts.court == "U.S. Supreme Court"


@pytest.mark.parametrize(
    "text",
    [
        "The Wisconsin Supreme Court struck down the maps on Friday. State Supreme Court Justice "
        "Ilse Marbury wrote for the majority.",
        "MADISON — Wisconsin's state Supreme Court struck down the maps on Friday. Justice Ilse "
        "Marbury wrote for the majority, in a case watched in New York.",
    ],
)
def test_another_states_supreme_court_stays_a_top_court(text: str) -> None:
    doc = prepare(text, title="Maps struck down")
    assert decide_level(doc) == "supreme"
    facts = summarize(text, title="Maps struck down")
    assert [j.name for j in facts.judges] == ["Ilse Marbury"]


def test_state_supreme_court_justice_in_an_article_naming_another_state_is_not_new_yorks() -> None:
    facts = summarize(
        "A New Jersey judge ruled Tuesday for the township. State Supreme Court Justice Ilse "
        "Marbury granted the motion.",
        title="Judge rules for township",
    )
    assert facts.judges == ()
    assert facts.court is None


def test_a_bare_justice_in_a_new_york_article_does_not_start_naming_trial_judges() -> None:
    facts = summarize(
        "A New York judge ruled Tuesday for the tenants. Justice Ilse Marbury wrote that the "
        "lease was void.",
        title="Judge rules for tenants",
    )
    assert facts.judges == ()


def test_a_plain_supreme_court_justice_is_never_read_as_new_yorks() -> None:
    facts = summarize(
        "A Manhattan judge ruled Tuesday for the tenants, citing Supreme Court Justice Ilse "
        "Marbury, who wrote in 2019 that such leases are void.",
        title="Judge rules for tenants",
    )
    assert facts.judges == ()


def test_a_top_court_story_recalling_the_trial_justice_keeps_the_higher_level() -> None:
    text = (
        "New York's top court on Tuesday upheld the rent law, reversing a lower court. State "
        "Supreme Court Justice Ilse Marbury had ruled in 2022 that the law was void."
    )
    assert decide_level(prepare(text, title="Top court upholds rent law")) == "supreme"
    facts = summarize(text, title="Top court upholds rent law")
    assert facts.judges == ()
    assert facts.court != "New York Supreme Court"
