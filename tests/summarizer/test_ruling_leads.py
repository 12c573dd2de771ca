"""Whether an article reports a ruling when its lead opens with the suit and reports the decision
next, and when its headline is the only plain report of a decision."""

from __future__ import annotations

import pytest

from summarizer import summarize

HEADLINE = "Judge rules in food aid case"


@pytest.mark.parametrize(
    "body",
    [
        # who sued whom first, the ruling in the next sentence
        "The Sierra Club sued the Department of Agriculture over cuts to food aid. U.S. District "
        "Judge Amy Berman Jackson ruled in favor of the Sierra Club.",
        # a long first sentence of background, then a court deciding in a new paragraph
        "Three Ridgeview tenants filed a lawsuit in March accusing their landlord of withholding "
        "deposits from hundreds of renters.\n\nOn Tuesday, a state appeals court reversed the "
        "trial court's dismissal of the case.",
        # the court named after an intervening appositive
        "A coalition of hospitals sued the state health department last year over its billing "
        "rule. Chief U.S. District Judge Rosa Lindqvist, an appointee of President Obama, "
        "blocked the rule on Friday.",
        # the decision in the passive, the court after "by"
        "Farmworkers sued the Labor Department in April over its new wage formula. The formula "
        "was blocked on Monday by a federal judge in Fresno.",
        # the ruling as what someone said
        "Parents sued the Ridgeview school district over its phone ban in January. The district "
        "said Thursday that a county judge had not yet ruled, but the parents said the court "
        "halted the ban hours later.",
    ],
)
def test_a_court_deciding_after_a_lead_about_the_suit_is_a_ruling(body: str) -> None:
    assert summarize(body, title=HEADLINE).is_ruling
    assert summarize(body, title=None).is_ruling


def test_the_ruling_after_the_suit_lead_gets_its_outcome_and_parties() -> None:
    f = summarize(
        "The Sierra Club sued the Department of Agriculture. U.S. District Judge Amy Berman "
        "Jackson ruled in favor of the Sierra Club.",
        title=HEADLINE,
    )
    assert [j.name for j in f.judges] == ["Amy Berman Jackson"]
    assert f.outcome.cls == "ruled_for_plaintiffs"
    assert f.plaintiffs == ("Sierra Club",)


@pytest.mark.parametrize(
    "body",
    [
        # a new suit, a judge only asked to act
        "The ACLU sued the state on Monday. The suit asks a judge to block the law.",
        # an earlier ruling about something else, as background
        "The ACLU sued the state on Monday over the new voting law. A judge blocked a similar "
        "law last year.",
        # the court as the place of filing, the verb the suit's claim
        "Food banks sued the Agriculture Department on Monday over cuts to food aid. The "
        "lawsuit, filed in federal court in Boston, says the cuts halted deliveries to "
        "thousands of families.",
        # a ruling in a subordinate clause: the reason for the new suit
        "Voting-rights groups sued the state on Wednesday over its new congressional map. It "
        "is the second suit since a federal judge struck down the state's previous map.",
        # a ruling before the suit
        "The city sued the county on Monday over the water deal. The deal went ahead after a "
        "judge approved the settlement of an earlier dispute over the same pipes.",
    ],
)
def test_a_new_suit_stays_a_non_ruling(body: str) -> None:
    f = summarize(body, title=HEADLINE)
    assert not f.is_ruling
    assert f.outcome.cls is None and f.judges == ()


def test_a_suit_headline_or_a_proposal_lead_is_not_outweighed_by_a_later_court() -> None:
    suit = summarize(
        "The ACLU sued Texas on Monday over its new voting law. A federal judge blocked a "
        "nearly identical Georgia law in May.",
        title="ACLU sues Texas over voting law",
    )
    assert not suit.is_ruling
    proposal = summarize(
        "The Labor Department on Tuesday proposed a new overtime rule for home health aides. "
        "Business groups said they would fight the proposal, pointing out that a federal court "
        "struck down a similar rule.",
        title=None,
    )
    assert not proposal.is_ruling


@pytest.mark.parametrize(
    "title",
    [
        "Judge rules Pell grant cuts were unlawful",
        "Federal judge rules in favor of Pell grant recipients",
        "Appeals court upholds firing of Ridgeview teacher",
        "Court sides with students in Pell grant fight",
        "Justices reject Education Department's appeal",
    ],
)
def test_a_headline_reporting_a_decision_makes_a_ruling(title: str) -> None:
    # the body holds no decision verb: only the headline can tell a ruling
    body = (
        "The Education Department acted unlawfully when it cut Pell grant funding for "
        "thousands of students at community colleges, a federal judge said Tuesday."
    )
    assert summarize(body, title=title).is_ruling
    assert not summarize(body, title="Pell grant cuts draw scrutiny").is_ruling


@pytest.mark.parametrize(
    "title",
    [
        "New court rules take effect in March",
        "Court rules committee meets Friday",
        "Judge to rule on Pell grant cuts next week",
        "Retired judge backs new bail plan",
        "Will the court rule on Pell grants?",
        "Judge rules out run for Congress",
        "Judge Rules Out Run For Congress",
    ],
)
def test_a_headline_about_court_rules_or_a_coming_ruling_is_no_signal(title: str) -> None:
    body = (
        "The state's appeals court said on Tuesday that its judges would take up questions "
        "about Pell grant funding for community college students later this year."
    )
    assert not summarize(body, title=title).is_ruling


def test_a_ruling_headline_does_not_make_a_new_suit_a_ruling() -> None:
    f = summarize(
        "The ACLU sued the state on Monday. The suit asks a judge to block the law.",
        title="Judge rules in voting case",
    )
    assert not f.is_ruling


@pytest.mark.parametrize(
    "body",
    [
        "The tenants sued their landlord in 2023 over mold in dozens of units. On Tuesday, a "
        "state judge ruled in favor of the tenants after a trial that began in March.",
        "Three Ridgeview tenants filed a lawsuit in March over withheld deposits. A state "
        "appeals court reversed the dismissal of the case last week.",
    ],
)
def test_a_decision_on_a_named_day_or_last_week_after_a_suit_lead_is_the_news(body: str) -> None:
    assert summarize(body, title=HEADLINE).is_ruling


@pytest.mark.parametrize(
    "second",
    [
        "The law was blocked by a federal judge in June, but an appeals court reinstated it.",
        "A federal judge struck down a nearly identical ban two years ago.",
        "In 2021, the state supreme court upheld the ban's first version.",
    ],
)
def test_a_decision_dated_before_a_new_suit_is_its_background(second: str) -> None:
    body = f"The ACLU sued the state on Monday over a law banning drag shows. {second}"
    assert not summarize(body, title=HEADLINE).is_ruling


def test_a_background_cue_yields_to_a_ruling_day_at_the_sentence_start() -> None:
    f = summarize(
        "On Monday, the judge, who had blocked a similar ordinance last year, struck down the "
        "city's camping ban.",
        title=None,
    )
    assert f.is_ruling and f.outcome.cls == "struck_down"


def test_a_sentencing_still_to_come_is_not_a_sentence() -> None:
    body = (
        "Mark Holt pleaded guilty on Tuesday to wire fraud. He faces up to 20 years in prison "
        "when U.S. District Judge Ann Cole sentences him in June."
    )
    facts = summarize(body, title="Former chief executive pleads guilty")
    assert facts.outcome.cls != "sentenced"
    assert not facts.is_ruling


def test_a_sentence_handed_down_is_still_one() -> None:
    facts = summarize(
        "U.S. District Judge Ann Cole sentenced Mark Holt to 10 years in prison on Monday.",
        title="Judge sentences former chief executive to 10 years",
    )
    assert facts.outcome.cls == "sentenced"


def test_a_court_that_ruled_that_is_a_ruling_of_no_listed_kind() -> None:
    body = (
        "WASHINGTON — The Supreme Court on Friday ruled 6-3 that federal judges likely lack the "
        "power to block presidential policies nationwide."
    )
    facts = summarize(body, title="Supreme Court limits nationwide injunctions")
    assert facts.is_ruling
    assert facts.outcome.cls == "other"
    assert facts.outcome.text is not None and facts.outcome.text.startswith("ruled 6-3 that")


def test_an_earlier_ruled_that_in_a_relative_clause_is_background() -> None:
    body = (
        "The Labor Department on Tuesday proposed a rule on hiring tools. Its earlier guidance "
        "was vacated last year by U.S. District Judge Carl Reese, who ruled that it amounted to "
        "a rule issued without notice and comment."
    )
    facts = summarize(body, title="Labor Department proposes hiring-tool rule")
    assert not facts.is_ruling


def test_a_later_sentence_naming_the_kind_outweighs_a_bare_ruled_that() -> None:
    body = (
        "U.S. District Judge Ann Cole ruled Tuesday that the county's camping ordinance goes "
        "too far.\n\n"
        "The county adopted the ordinance last spring after complaints from downtown shops.\n\n"
        "Advocates for homeless residents said the fines fell hardest on people without shelter."
        "\n\n"
        "The judge blocked the county from enforcing the ordinance while the case proceeds."
    )
    facts = summarize(body, title="Judge rules on camping ordinance")
    assert facts.outcome.cls == "blocked"


def test_the_author_of_a_decision_written_by_a_justice_is_the_judge() -> None:
    body = (
        "WASHINGTON — The Supreme Court on Friday ruled 6-3 that federal judges likely lack the "
        "power to block presidential policies nationwide. The decision, written by Justice Ada "
        "Brennan-Cole, said such injunctions exceed the authority Congress gave federal courts. "
        "Justice Miriam Okafor wrote a dissent."
    )
    facts = summarize(body, title="Supreme Court limits nationwide injunctions")
    assert [j.name for j in facts.judges] == ["Ada Brennan-Cole"]


@pytest.mark.parametrize("verb", ["called the agreement fair", "criticized both sides' lawyers"])
def test_a_judge_named_after_an_unnamed_ruling_judge_with_a_speech_verb_is_the_judge(
    verb: str,
) -> None:
    body = (
        "SAN FRANCISCO — A federal judge on Thursday granted preliminary approval to a $90 "
        f"million settlement between a publisher and a group of authors. U.S. District Judge "
        f"Walter Ames {verb}."
    )
    facts = summarize(body, title="Judge approves settlement with authors")
    assert [j.name for j in facts.judges] == ["Walter Ames"]
