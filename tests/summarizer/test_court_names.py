"""The deciding court as reporters name it: by city or county, by a judge's title, with its state,
and never another case's court."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.courts import decide_level
from summarizer.text import prepare


def court_of(body: str, title: str = "") -> str | None:
    return summarize(body, title=title).court


@pytest.mark.parametrize(
    ("body", "court"),
    [
        (
            "OAKVILLE — Attorney General Dana Whitfield today announced that the San Mateo "
            "Superior Court granted the State's motion for a preliminary injunction against "
            "QuickLoan Partners LLC. Judge Rosa Delgado issued the order on May 12.",
            "San Mateo Superior Court",
        ),
        (
            "In Arlington Circuit Court, Judge Peter Vance on Tuesday dismissed the lawsuit "
            "against the county board.",
            "Arlington Circuit Court",
        ),
        (
            "A Miami-Dade Circuit Court judge on Tuesday blocked the ordinance from taking effect.",
            "Miami-Dade Circuit Court",
        ),
        (
            "Baltimore City Circuit Court Judge Marcy Ortega on Friday dismissed the lawsuit "
            "against the city.",
            "Baltimore City Circuit Court",
        ),
        (
            "Judge Helen Park of the Circuit Court of Cook County on Tuesday dismissed the "
            "lawsuit against the county.",
            "Circuit Court of Cook County",
        ),
        (
            "The Superior Court of California, County of Alameda, on Monday denied the "
            "district's motion to dismiss.",
            "Superior Court of California, County of Alameda",
        ),
    ],
)
def test_state_trial_court_named_by_its_city_or_county(body: str, court: str) -> None:
    assert court_of(body) == court


@pytest.mark.parametrize(
    "body",
    [
        # A weekday, a title word or a federal word before the court is no place.
        "Tuesday Superior Court Judge Lena Fox dismissed the lawsuit against the city.",
        "United States District Court Judge Lena Fox on Tuesday dismissed the lawsuit.",
        # A federal court's nickname as often as a state court's name.
        "A Manhattan District Court judge on Tuesday dismissed the lawsuit against the city.",
        "A Sixth Judicial Circuit Court judge on Tuesday dismissed the lawsuit against the city.",
        "The Superior Court dismissed the lawsuit against the city on Tuesday, Judge Lena Fox "
        "wrote.",
    ],
)
def test_words_before_a_trial_court_that_are_no_place_name_no_court(body: str) -> None:
    assert court_of(body) is None


def test_a_federal_circuit_court_of_appeals_is_no_city_trial_court() -> None:
    body = (
        "The Fourth Circuit Court of Appeals on Friday affirmed the ruling of U.S. District "
        "Judge Lena Fox."
    )
    assert court_of(body) != "Fourth Circuit Court"


@pytest.mark.parametrize(
    ("body", "court"),
    [
        (
            "Dane County Circuit Judge Walter Brandt denied a request for a temporary "
            "injunction on Tuesday.",
            "Dane County Circuit Court",
        ),
        (
            "Ramsey County District Judge Leon Petrakis dismissed the lawsuit against the city "
            "on Tuesday.",
            "Ramsey County District Court",
        ),
        (
            "Hinds County Chancellor Mavis Greer ruled Monday that the law is unconstitutional.",
            "Hinds County Chancery Court",
        ),
        (
            "St. Louis County Circuit Judge Nora Beck on Monday dismissed the lawsuit against "
            "the city.",
            "St. Louis County Circuit Court",
        ),
        (
            "Lowndes County Chancery Judge Paul Crane struck down the ordinance on Friday.",
            "Lowndes County Chancery Court",
        ),
        (
            "On Wednesday, Jefferson County Probate Judge Alma Ruiz dismissed the challenge to "
            "the will.",
            "Jefferson County Probate Court",
        ),
    ],
)
def test_county_trial_judge_title_names_the_court(body: str, court: str) -> None:
    assert court_of(body) == court


def test_county_judge_title_without_the_court_names_none() -> None:
    """A county has several courts: "Cook County Judge" does not say which."""
    body = "Cook County Judge Anna Loftus dismissed the lawsuit against the village on Monday."
    assert court_of(body) is None


def test_court_is_not_read_from_the_title_of_a_judge_who_did_not_decide() -> None:
    body = (
        "Judge Tom Reed on Monday dismissed the suit against the hospital. Polk County District "
        "Judge Sam Ferrante had refused last year to dismiss a related case against its "
        "parent company."
    )
    assert court_of(body) is None


@pytest.mark.parametrize(
    ("body", "court"),
    [
        (
            "Chancellor Kathleen Marsh of the Delaware Court of Chancery denied the motion to "
            "dismiss on Monday.",
            "Delaware Court of Chancery",
        ),
        (
            "Judge Ann Lee of the Michigan Court of Claims on Friday dismissed the lawsuit "
            "against the state.",
            "Michigan Court of Claims",
        ),
        (
            "The Texas Supreme Court on Friday reversed a lower court ruling and dismissed the "
            "lawsuit against the city.",
            "Texas Supreme Court",
        ),
        (
            "The Ohio Court of Appeals on Friday affirmed the conviction of John Smith.",
            "Ohio Court of Appeals",
        ),
    ],
)
def test_state_printed_with_a_state_court_is_kept(body: str, court: str) -> None:
    assert court_of(body) == court


def test_court_of_chancery_without_its_state_stays_as_printed() -> None:
    body = "A judge on the Court of Chancery denied the motion to dismiss on Monday."
    assert court_of(body) == "Court of Chancery"


def test_background_state_court_is_not_the_federal_judges() -> None:
    body = (
        "Last year, Kern County Superior Court Judge Mary Stone had blocked the rule. On Monday "
        "U.S. District Judge Paul Reed denied the motion to dismiss filed by the city."
    )
    assert court_of(body) is None


def test_federal_judge_keeps_the_federal_court_over_a_background_state_court() -> None:
    body = (
        "U.S. District Judge Paul Reed on Monday denied the city's motion to dismiss. The suit "
        "was filed in Kern County Superior Court and moved to the U.S. District Court for the "
        "Eastern District of California in March."
    )
    assert court_of(body) == "U.S. District Court for the Eastern District of California"


def test_background_federal_court_is_not_the_county_judges() -> None:
    body = (
        "Travis County District Judge Lena Ortiz on Tuesday blocked the ordinance. A similar "
        "challenge was dismissed last year in the U.S. District Court for the Western District "
        "of Texas."
    )
    assert court_of(body) == "Travis County District Court"


@pytest.mark.parametrize(
    ("body", "author"),
    [
        (
            "Ohio's top court on Tuesday struck down the city's income tax on remote workers. "
            "Justice Pat Dunmore wrote for the majority in the 5-2 decision.",
            "Pat Dunmore",
        ),
        (
            "The state's top court on Thursday struck down the ban. Justice Mary Lind wrote for "
            "the majority.",
            "Mary Lind",
        ),
        (
            "Kansas' top court on Friday struck down the map. Justice Omar Reyes wrote for the "
            "majority.",
            "Omar Reyes",
        ),
    ],
)
def test_a_states_top_court_is_a_court_of_last_resort(body: str, author: str) -> None:
    """Read as a trial court, its majority author would go unnamed."""
    assert [j.name for j in summarize(body).judges] == [author]


def test_top_court_level_cue() -> None:
    doc = prepare("Ohio's top court on Tuesday struck down the city's income tax.", "")
    assert decide_level(doc) == "supreme"


@pytest.mark.parametrize(
    "body",
    [
        # Where an appeal goes is not the court that ruled.
        "The state said it would appeal to Ohio's top court after U.S. District Judge Ann Lee "
        "on Monday blocked the law.",
        "Lawyers plan to ask the state's highest court to review the ruling, in which Judge Ann "
        "Lee on Monday blocked the law.",
        # A rank in passing is no court.
        "A top court official said Judge Ann Lee on Monday blocked the law.",
    ],
)
def test_top_court_named_as_a_destination_or_in_passing_keeps_the_trial_judge(body: str) -> None:
    assert [j.name for j in summarize(body).judges] == ["Ann Lee"]


def test_court_printed_in_another_judges_title_is_not_the_deciding_judges() -> None:
    body = (
        "Last year, Kern County Superior Court Judge Mary Stone had blocked the rule. On Monday "
        "Judge Paul Reed denied the motion to dismiss filed by the city."
    )
    assert court_of(body) is None


def test_court_printed_in_the_deciding_judges_title_is_kept() -> None:
    body = (
        "Kern County Superior Court Judge Mary Stone on Monday denied the motion to dismiss "
        "filed by the city. Stone wrote that the rule was lawful."
    )
    assert court_of(body) == "Kern County Superior Court"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Lender Loses Superior Court Bid To Halt Probe",
            "Judge Ann Lee on Monday denied the lender's motion to dismiss.",
        ),
        ("Mom Wins Custody Fight In Superior Court", "Judge Ann Lee on Monday granted the motion."),
        ("", "The family won its fight In Superior Court as Judge Ann Lee granted the motion."),
    ],
)
def test_capitalised_words_of_a_headline_are_no_place(title: str, body: str) -> None:
    assert court_of(body, title) is None


def test_a_lower_case_headline_names_a_city_court() -> None:
    title = "Judge halts payday lender in San Diego Superior Court case"
    assert court_of("Judge Ann Lee on Monday granted the motion.", title) == (
        "San Diego Superior Court"
    )


@pytest.mark.parametrize(
    ("state", "level"), [("Texas", "supreme"), ("Oklahoma", "supreme"), ("Alabama", "appellate")]
)
def test_a_court_of_criminal_appeals_is_named_at_its_states_level(state: str, level: str) -> None:
    body = (
        f"The {state} Court of Criminal Appeals on Wednesday overturned the murder conviction of "
        "Dana Whitcomb. Judge Bert Alvarez wrote the opinion."
    )
    assert decide_level(prepare(body, f"{state} court tosses murder conviction")) == level
    assert court_of(body, f"{state} court tosses murder conviction") == (
        f"{state} Court of Criminal Appeals"
    )
