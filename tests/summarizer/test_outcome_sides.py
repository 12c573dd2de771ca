"""Which side a court ruled for, when reporters name the winner or the loser in words the party
lists alone do not settle, and the phrasings of decisions that name a side."""

from __future__ import annotations

import pytest

from summarizer import summarize
from summarizer.outcome import Event, find_events, resolve_class
from summarizer.text import prepare

HEADLINE = "Judge rules in food aid case"


def _events(sentence: str) -> list[Event]:
    return find_events(prepare(sentence).sentences[0])


@pytest.mark.parametrize(
    "body",
    [
        "U.S. District Judge Amy Berman Jackson ruled in favor of the Food Access Justice "
        "Project, which had sued the Department of Agriculture over cuts to food aid.",
        "A federal judge in Omaha sided with Prairie Harvest Cooperative, which sued the "
        "agency in March, and ordered the payments restored.",
        "Chief Judge Elena Vasquez on Friday ruled for the Millbrook Parents Network, which "
        "filed the lawsuit last fall over the district's bus cuts.",
    ],
)
def test_a_winner_the_sentence_says_sued_is_the_plaintiff_side(body: str) -> None:
    f = summarize(body, title=HEADLINE)
    assert f.is_ruling
    assert f.outcome.cls == "ruled_for_plaintiffs"


def test_a_winner_the_sentence_says_was_sued_is_the_defence() -> None:
    f = summarize(
        "A state judge on Tuesday sided with Orchard Valley Growers, which was sued by two "
        "former workers over unpaid overtime.",
        title=HEADLINE,
    )
    assert f.outcome.cls == "ruled_for_defendants"


@pytest.mark.parametrize(
    "sentence",
    [
        # the relative clause is the lawsuit's, not the winner's
        "The judge ruled in favor of the state in a lawsuit that challenged its voting law.",
        # the suer is another party than the winner
        "The court sided with the county against a developer that sued it over zoning.",
        # briefs are not a suit
        "The judge sided with the rule's backers, which filed briefs supporting the agency.",
    ],
)
def test_a_relative_clause_on_something_else_gives_no_side(sentence: str) -> None:
    (event,) = [e for e in _events(sentence) if e.cls == "ruled_for"]
    assert event.role is None


def test_the_party_lists_and_the_sentence_disagreeing_give_no_side() -> None:
    (event,) = _events("The judge sided with Harbor Bank, which sued the city in May.")
    assert event.role == "plaintiff"
    assert resolve_class([event], [], ["Harbor Bank"]) == (None, None)
    assert resolve_class([event], ["Harbor Bank"], [])[0] == "ruled_for_plaintiffs"


@pytest.mark.parametrize(
    "winner", ["the Department of Agriculture", "the Trump administration", "the city"]
)
def test_a_government_winner_against_private_plaintiffs_is_the_defence(winner: str) -> None:
    (event,) = _events(f"A federal judge on Monday sided with {winner} in the dispute.")
    assert resolve_class([event], ["Sierra Club", "Maria Lopez"], [])[0] == ("ruled_for_defendants")
    # a government among the plaintiffs, or no plaintiff found: no side to tell
    assert resolve_class([event], ["State of Oregon", "Sierra Club"], []) == (None, None)
    assert resolve_class([event], [], []) == (None, None)


def test_a_private_winner_not_among_the_parties_gets_no_side() -> None:
    (event,) = _events("A federal judge on Monday sided with Redwood Timber Co. in the dispute.")
    assert resolve_class([event], ["Sierra Club"], ["U.S. Forest Service"]) == (None, None)


def test_a_winner_named_on_both_sides_gets_no_side() -> None:
    (event,) = _events("The judge ruled in favor of the city on Tuesday.")
    assert resolve_class([event], ["City of Alder Springs"], ["City of Marlow"]) == (None, None)


def test_each_side_said_to_win_is_no_outcome() -> None:
    events = _events(
        "The judge ruled in favor of Harbor Bank on the contract claim and sided with Dune "
        "Logistics on the fraud claim."
    )
    assert resolve_class(events, ["Harbor Bank"], ["Dune Logistics"]) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("U.S. District Judge Maria Ostrander ruled against Larkspur Property Group.", "P"),
        ("U.S. District Judge Maria Ostrander ruled against the tenants' union.", "D"),
        ("The jury found against Larkspur Property Group after a week of testimony.", "P"),
        ("A county judge found in favor of the Harbor Tenants Union.", "P"),
        ("The appeals court ruled in Larkspur Property Group's favor on Friday.", "D"),
        ("The judge rejected the tenants' lawsuit on Friday.", "D"),
        ("The court issued a ruling in favor of Larkspur Property Group on Friday.", "D"),
        ("A federal jury on Tuesday handed the Harbor Tenants Union a victory.", "P"),
        ("The ruling dealt a blow to Larkspur Property Group, the city's largest landlord.", "P"),
        ("The judge's order handed a major loss to the tenants' union.", "D"),
        ("The tenants won their lawsuit when a federal judge ruled the rent rise illegal.", "P"),
    ],
)
def test_reporters_phrasings_of_who_won_or_lost(sentence: str, expected: str) -> None:
    body = (
        "The Harbor Tenants Union sued Larkspur Property Group in March, accusing the landlord "
        f"of raising rents illegally. {sentence}"
    )
    f = summarize(body, title=None)
    assert f.is_ruling
    assert f.outcome.cls == {"P": "ruled_for_plaintiffs", "D": "ruled_for_defendants"}[expected]


def test_a_victory_or_blow_told_beside_a_decision_verb_leaves_that_verb_the_outcome() -> None:
    f = summarize(
        "A federal judge on Monday refused to block the new fee rule, dealing a setback to the "
        "Harbor Tenants Union, which had sued the housing agency in March.",
        title=HEADLINE,
    )
    assert f.outcome.cls == "denied"
    f = summarize(
        "A federal judge on Monday blocked the new fee rule, handing a victory to the Harbor "
        "Tenants Union, which had sued the housing agency in March.",
        title=HEADLINE,
    )
    assert f.outcome.cls == "blocked"


@pytest.mark.parametrize(
    "sentence",
    [
        "The court's new rules against late filings take effect in March.",
        "A ruling against the city could cost it millions, the judge's clerk said.",
        "The decision is a blow to the landlord, the judge's critics said.",
        "An appeal could hand the tenants a victory, lawyers for the court's clerk said.",
    ],
)
def test_talk_of_rules_rulings_and_victories_is_no_decision(sentence: str) -> None:
    assert not [e for e in _events(sentence) if e.cls in ("ruled_for", "ruled_against")]


@pytest.mark.parametrize(
    "sentence",
    [
        "U.S. District Judge Ana Ruiz rebuffed the company's request to dismiss the case.",
        "U.S. District Judge Ana Ruiz turned down the city's motion for a stay.",
        "U.S. District Judge Ana Ruiz allowed the lawsuit against the city to proceed.",
        "A state judge on Friday let the tenants' class action go forward.",
    ],
)
def test_requests_turned_down_and_suits_let_proceed_are_denials(sentence: str) -> None:
    assert summarize(sentence, title=None).outcome.cls == "denied"


def test_a_judge_allowing_something_other_than_a_suit_is_no_denial() -> None:
    events = _events("U.S. District Judge Ana Ruiz allowed the state to proceed with the sale.")
    assert not [e for e in events if e.cls == "denied"]


def test_a_relative_clause_on_the_winner_does_not_make_the_ruling_background() -> None:
    f = summarize(
        "U.S. District Judge Amy Berman Jackson ruled in favor of the Sierra Club, which had "
        "sued the Department of Agriculture over cuts to food aid.",
        title=HEADLINE,
    )
    assert f.is_ruling and f.outcome.cls == "ruled_for_plaintiffs"
    f = summarize(
        "Judge Ann Bell, who had blocked the rule in a separate case, on Tuesday sided with the "
        "Sierra Club, which sued the agency.",
        title=None,
    )
    assert f.outcome.cls is None or f.outcome.cls == "ruled_for_plaintiffs"
    background = summarize(
        "The Sierra Club sued the agency on Monday. The group's lawyer, who had blocked a "
        "similar rule in court, said the judge ruled in favor of the club in that case.",
        title=None,
    )
    assert not background.is_ruling


def test_a_winner_named_with_initials_is_read_past_them() -> None:
    (event,) = _events("A federal judge sided with the U.S. Department of Agriculture on Monday.")
    assert event.target is not None and event.target.startswith("U.S. Department of Agriculture")
    assert resolve_class([event], ["State of Oregon"], ["U.S. Department of Agriculture"])[0] == (
        "ruled_for_defendants"
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The state Supreme Court ruled 5-2 in favor of Larkspur Property Group.", "D"),
        ("The appeals panel ruled unanimously against the Harbor Tenants Union.", "D"),
        ("The judge sided largely with the Harbor Tenants Union.", "P"),
        ("A jury on Friday awarded the Harbor Tenants Union $1.2 million.", "P"),
        ("A jury awarded $1.2 million in punitive damages to the Harbor Tenants Union.", "P"),
        ("After a two-week trial, the jury ruled for the defense.", "D"),
    ],
)
def test_a_vote_count_an_adverb_or_an_award_between_verb_and_side(
    sentence: str, expected: str
) -> None:
    body = (
        "The Harbor Tenants Union sued Larkspur Property Group in March, accusing the landlord "
        f"of raising rents illegally. {sentence}"
    )
    f = summarize(body, title=None)
    assert f.outcome.cls == {"P": "ruled_for_plaintiffs", "D": "ruled_for_defendants"}[expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The school board awarded a $2 million contract to Acme Paving.",
        "The board awarded the company a $2 million contract on Tuesday.",
        "The judge ruled that against the odds the suit could go on.",
    ],
)
def test_a_contract_awarded_or_a_that_clause_names_no_side(sentence: str) -> None:
    assert not [e for e in _events(sentence) if e.cls in ("ruled_for", "ruled_against")]


def test_what_a_party_did_in_a_subordinate_clause_is_not_the_ruling() -> None:
    body = (
        "U.S. District Judge Ann Cole in Boston sided with Harvard University, which sued in "
        "April after the administration froze its research grants."
    )
    facts = summarize(body, title="Judge sides with Harvard in funding fight")
    assert facts.outcome.cls == "ruled_for_plaintiffs"
    assert facts.outcome.text == "sided with Harvard University"


def test_a_courts_act_in_a_subordinate_clause_still_counts() -> None:
    body = (
        "The city must reopen the shelter after U.S. District Judge Ann Cole blocked its closure "
        "on Monday."
    )
    facts = summarize(body, title="Shelter to reopen")
    assert facts.outcome.cls == "blocked"
