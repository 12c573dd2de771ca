"""Search ranking: judge, party and court names outrank mentions; recency breaks ties."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.search import candidate_substrings, rank, search_rulings, tokens
from bot.store import Database
from bot.subscriptions import FilterError
from tests.core.seed import BASE, make_ruling, seed_dev_rulings

NEWER = BASE + timedelta(days=3)


def first_slug(query: str, *rulings) -> str:  # type: ignore[no-untyped-def]
    hits = rank(tokens(query), list(rulings))
    return hits[0].article.url.rsplit("/", 1)[1]


def test_tokens_fold_ordinals_abbreviations_plurals_and_dots() -> None:
    assert tokens("The 9th U.S. Cir.") == tokens("ninth us circuit") == ["9", "us", "circuit"]
    assert tokens("Tariffs on D.C. utilities") == ["tariff", "district", "columbia", "utility"]


def test_the_judge_outranks_a_newer_ruling_that_only_mentions_the_name() -> None:
    judge = make_ruling("judge", judges=("Elena Rivera",), text="The court ruled.")
    mention = make_ruling(
        "mention",
        when=NEWER,
        judges=("Sam Cole",),
        text="Rivera argued. Rivera appealed. Lawyers for Rivera said they would appeal.",
    )
    assert first_slug("rivera", mention, judge) == "judge"


def test_a_party_outranks_a_headline_mention() -> None:
    party = make_ruling("party", plaintiffs=("Acme Widgets",), title="Judge rules on fees")
    headline = make_ruling("headline", when=NEWER, title="Acme rivals cheer fee ruling")
    assert first_slug("acme", headline, party) == "party"


def test_the_deciding_court_outranks_a_cited_one() -> None:
    court = make_ruling("court", court="U.S. Court of Appeals for the Ninth Circuit")
    cited = make_ruling(
        "cited",
        when=NEWER,
        court="U.S. District Court for the District of Oregon",
        text="The judge relied on a 9th Circuit precedent from 2019.",
    )
    assert first_slug("9th circuit", cited, court) == "court"


def test_a_ruling_with_every_term_beats_one_with_a_single_strong_term() -> None:
    both = make_ruling("both", text="The water permit dispute in Yolo County continues.")
    one = make_ruling("one", when=NEWER, judges=("Ann Water",), text="Unrelated.")
    assert first_slug("water permit", one, both) == "both"


def test_recency_breaks_ties_and_orders_a_query_without_terms() -> None:
    old = make_ruling("old", judges=("Lee Park",))
    new = make_ruling("new", judges=("Lee Park",), when=NEWER)
    assert first_slug("park", old, new) == "new"
    assert [h.article.url[-3:] for h in rank([], [old, new])] == ["new", "old"]


def test_substring_candidates_without_the_whole_term_are_dropped() -> None:
    support = make_ruling("support", text="Groups support the policy.")
    assert rank(tokens("port"), [support]) == []


def test_candidate_substrings_cover_every_spelling_and_skip_generic_words() -> None:
    assert candidate_substrings("judge ninth circuit") == ["9th", "ninth", "circuit"]
    assert candidate_substrings("tariffs") == ["tariff"]
    assert candidate_substrings("court") == ["court"]


# Query → the dev article that must come first (facts from the hand labels).
EXPECTED_FIRST = {
    "tolland": "001",  # judge
    "Judge Ortiz": "003",  # judge, with a generic word
    "kessel": "002",  # one judge of a panel
    "new york": "001",  # party, although 017 was decided in New York
    "education department": "001",  # party words in another order
    "9th circuit": "002",  # court, ordinal spelled differently
    "5th cir": "015",  # court abbreviation
    "hemp": "021",  # topic in headline and text
    "detainer": "003",  # topic only in the body
    "snap work rules": "020",  # topic words
    "mercer": "017",  # plaintiff
    "ortiz transit": "003",
}


async def test_dev_set_queries_rank_the_right_ruling_first(any_db: Database) -> None:
    stored = await seed_dev_rulings(any_db)
    by_id = {a.id: key for key, a in stored.items()}
    firsts = {}
    for query in EXPECTED_FIRST:
        result = await search_rulings(any_db, query)
        firsts[query] = by_id[result.hits[0].article.id] if result.hits else None
    assert firsts == EXPECTED_FIRST


async def test_scotus_prefers_the_us_supreme_court(any_db: Database) -> None:
    stored = await seed_dev_rulings(any_db)
    result = await search_rulings(any_db, "scotus")
    us_court = {stored[i].id for i in ("005", "025", "029")}
    assert {h.article.id for h in result.hits[:3]} == us_court


async def test_filters_restrict_and_words_rank(any_db: Database) -> None:
    stored = await seed_dev_rulings(any_db)
    result = await search_rulings(any_db, "outcome:affirmed appeals", limit=10)
    assert {h.article.id for h in result.hits} == {stored[i].id for i in ("010", "023", "030")}
    result = await search_rulings(any_db, "party:texas")
    assert {h.article.id for h in result.hits} == {stored["018"].id, stored["028"].id}


async def test_limit_and_total(any_db: Database) -> None:
    await seed_dev_rulings(any_db)
    result = await search_rulings(any_db, "district", limit=3)
    assert len(result.hits) == 3 and result.total > 3


async def test_a_bad_outcome_in_a_search_raises_a_filter_error(any_db: Database) -> None:
    with pytest.raises(FilterError):
        await search_rulings(any_db, "outcome:victorious")
