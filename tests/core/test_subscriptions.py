"""Subscription filters: parsing court:, judge:, outcome:, party: terms and matching rulings."""

from __future__ import annotations

import json

import pytest

from bot.models import Article, Facts
from bot.subscriptions import Filter, FilterError, matches_any, matching_filter, parse_filter
from tests.conftest import DEV_ARTICLES
from tests.core.seed import dev_article, label_facts, make_ruling

LABELS = {
    json.loads(line)["id"]: json.loads(line)
    for line in (DEV_ARTICLES / "labels.jsonl").read_text(encoding="utf-8").splitlines()
}


def dev(number: str) -> tuple[Article, Facts]:
    article, headline = dev_article(int(number))
    return article, label_facts(LABELS[number], headline)


def matching(query: str) -> set[str]:
    """Ids of the dev rulings a filter matches."""
    f = parse_filter(query)
    return {i for i, label in LABELS.items() if label["is_ruling"] and f.matches(*dev(i))}


def test_terms_parse_into_words_and_keyed_filters() -> None:
    f = parse_filter('Immigration "voting rights" Court:"9th Circuit" judge:Ortiz party:“New York”')
    assert f == Filter(
        words=("immigration", "voting rights"),
        courts=("9th circuit",),
        judges=("ortiz",),
        parties=("new york",),
    )


@pytest.mark.parametrize(
    ("value", "cls"),
    [
        ("blocked", "blocked"),
        ("struck", "struck_down"),
        ('"struck down"', "struck_down"),
        ("struck-down", "struck_down"),
        ("Denied", "denied"),
        ("tossed", "dismissed"),
        ("overturned", "reversed"),
        ("for-plaintiffs", "ruled_for_plaintiffs"),
        ("mixed", "other"),
        ("ruled_for_defendants", "ruled_for_defendants"),
    ],
)
def test_outcome_accepts_classes_and_friendly_aliases(value: str, cls: str) -> None:
    assert parse_filter(f"outcome:{value}").outcomes == (cls,)


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("outcome:victorious", "not an outcome"),
        ("venue:chicago", "Unknown filter"),
        ("judge:", "needs a value"),
        ('party:"New York', "not closed"),
        ("the of", "Nothing to match"),
        ("x " * 200, "too long"),
        ("a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13", "Too many"),
    ],
)
def test_bad_terms_raise_a_clear_value_error(query: str, needle: str) -> None:
    with pytest.raises(ValueError, match=needle):
        parse_filter(query)


def test_bad_outcome_message_lists_the_choices() -> None:
    with pytest.raises(FilterError) as info:
        parse_filter("outcome:win")
    assert "blocked" in str(info.value) and "struck" in str(info.value)


def test_dict_round_trip_and_canonical_query() -> None:
    f = parse_filter('outcome:blocked tariffs court:"DC Circuit" outcome:struck')
    assert Filter.from_dict(f.to_dict()) == f
    assert parse_filter(f.query) == f
    assert f.query == 'tariffs court:"dc circuit" outcome:blocked outcome:struck_down'
    assert f.describe() == "“tariffs” and court “dc circuit” and outcome blocked or struck down"


def test_from_dict_tolerates_old_rows() -> None:
    assert Filter.from_dict({"outcome": ["won", "denied"], "extra": 1}) == Filter(
        outcomes=("denied",)
    )
    assert Filter.from_dict(None).is_empty


def test_judge_filter_matches_all_words_of_one_judges_name() -> None:
    assert matching("judge:ortiz") == {"003"}
    assert matching('judge:"Marguerite Tolland"') == {"001"}
    assert matching("judge:kessel") == {"002"}
    assert matching('judge:"Marguerite Kessel"') == set()


def test_party_filter_looks_at_parties_not_the_court() -> None:
    # 017 was decided in the Southern District of New York, but New York is no party to it.
    assert matching('party:"New York"') == {"001"}
    assert matching("party:texas") == {"018", "028"}


def test_court_filter_understands_ordinals_and_abbreviations() -> None:
    assert matching('court:"9th circuit"') == {"002"}
    assert matching('court:"ninth circuit"') == {"002"}
    assert matching('court:"5th Cir."') == {"015"}
    assert matching('court:"D.C. Circuit"') == {"028"}


def test_scotus_means_the_us_supreme_court_not_a_states() -> None:
    assert matching("court:scotus") == {"005", "025", "029"}
    assert {"009", "030", "032", "033"} <= matching('court:"supreme court"')


def test_outcome_filter_and_either_value() -> None:
    assert matching("outcome:blocked") == {"001", "003", "020", "022"}
    assert matching("outcome:blocked outcome:struck") == {
        "001",
        "003",
        "020",
        "022",
        "006",
        "009",
        "028",
    }


def test_topic_words_match_headline_and_text_and_all_must_match() -> None:
    assert matching("transit") == {"003"}
    assert matching("snap") == {"020"}
    assert matching("transit outcome:blocked") == {"003"}
    assert matching("transit outcome:denied") == set()
    assert matching("transit hemp") == set()


def test_topic_words_fold_plurals_and_accents() -> None:
    article, facts = make_ruling(
        "t", text="The tariff on imported steel was challenged by José Núñez."
    )
    assert parse_filter("tariffs").matches(article, facts)
    assert parse_filter("jose nunez").matches(article, facts)
    assert not parse_filter("aluminum").matches(article, facts)


def test_quoted_phrase_must_appear_as_a_phrase() -> None:
    article, facts = make_ruling("p", text="Rights groups said voting was disrupted.")
    assert parse_filter("voting rights").matches(article, facts)
    assert not parse_filter('"voting rights"').matches(article, facts)


def test_a_channel_without_subscriptions_gets_everything_otherwise_any_match() -> None:
    ruling = dev("003")
    assert matches_any([], *ruling)
    transit, hemp = parse_filter("transit"), parse_filter("hemp")
    assert matches_any([hemp, transit], *ruling)
    assert matching_filter([hemp, transit], *ruling) == transit
    assert not matches_any([hemp], *ruling)
