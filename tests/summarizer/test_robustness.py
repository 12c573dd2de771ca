"""No input breaks the summarizer, and its time grows linearly with input size."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import Facts, summarize
from tests.conftest import DEV_ARTICLES

SAMPLE = (DEV_ARTICLES / "articles" / "001.txt").read_text(encoding="utf-8")
FRAGMENTS = [
    "U.S. District Judge ",
    "Judge ",
    "Justices ",
    " v. ",
    " sued ",
    " blocked ",
    '"',
    "\u201c",
    ", ",
    " and ",
    "No. 1:25-cv-",
    "<p>",
    "</div>",
    "&amp;",
    "A",
    "Smith",
    " ",
    "\n\n",
    ".",
    "Court of Appeals for the ",
    "declined to ",
]


def _check(facts: Facts) -> None:
    assert isinstance(facts, Facts)
    facts.to_dict()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000), st.one_of(st.none(), st.text(max_size=200)))
def test_arbitrary_unicode_never_raises(text: str, title: str | None) -> None:
    _check(summarize(text, title=title))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=400))
def test_legal_looking_fragments_never_raise(parts: list[str]) -> None:
    _check(summarize("".join(parts), title="".join(parts[:10])))


def test_empty_and_whitespace_input() -> None:
    for text in ("", " ", "\n\n\n", "\x00\x01"):
        facts = summarize(text)
        assert not facts.is_ruling and facts.judges == ()


def test_html_page_residue() -> None:
    html = (
        "<html><head><style>p{}</style></head><body>"
        + "<p>"
        + SAMPLE.replace("\n\n", "</p><p>")
        + "</p></body></html>"
    )
    facts = summarize(html)
    assert facts.is_ruling
    assert [j.name for j in facts.judges] == ["Marguerite A. Tolland"]


def _timed(text: str) -> float:
    start = time.perf_counter()
    summarize(text, title="Judge rules")
    return time.perf_counter() - start


def test_one_megabyte_inputs_finish_quickly() -> None:
    megabyte = 1_000_000
    adversarial = [
        "Judge " * (megabyte // 6),  # a title followed by another title, forever
        "A " * (megabyte // 2),  # initials without end
        ('"' + "x" * 50) * (megabyte // 51),  # unbalanced quotations
        "Smith Jones Brown " * (megabyte // 18),  # capitalised words without end
        ("sued " + "the Department of Health and Human Services, ") * (megabyte // 52),
        "a" * megabyte,
        (SAMPLE + "\n\n") * (megabyte // len(SAMPLE)),
    ]
    for text in adversarial:
        assert _timed(text) < 1.0


# Phrases that, repeated without a sentence end, once cost seconds: per-sentence work that grew
# with the sentence's length, and court mentions each compared with every earlier one.
REPEATED = [
    "U.S. District Judge ",
    "Superior Court of Fulton County ",
    "U.S. District Court for the District of Columbia ",
    "Acme Inc. sued Beta LLC. ",
    "blocked the rule and denied the motion to dismiss ",
    "Smith v. Jones ",
]


@pytest.mark.parametrize("phrase", REPEATED)
def test_one_megabyte_of_a_repeated_legal_phrase_finishes_quickly(phrase: str) -> None:
    text = "Judge Ann Bell blocked the rule. " + phrase * (1_000_000 // len(phrase))
    assert _timed(text) < 1.0


def test_time_grows_linearly_with_size() -> None:
    unit = "U.S. District Judge Ann Lee denied the motion. The city sued the state. " * 40
    small = min(_timed(unit * 10) for _ in range(3))
    large = min(_timed(unit * 40) for _ in range(3))
    assert large < small * 4 * 2.5 + 0.01


def test_articles_on_disk_are_fixtures_not_network(tmp_path: Path) -> None:
    # The summarizer reads nothing itself: same text, same facts.
    assert summarize(SAMPLE) == summarize(SAMPLE)
