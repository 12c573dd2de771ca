"""The whole-text paths of `prepare` agree with the paragraph-by-paragraph rules they replace."""

from __future__ import annotations

import random
import re
import string
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import tables
from summarizer.sentences import (
    _ENDS,
    _KNOWN_KINDS,
    _LETTER_WORD_KINDS,
    _MAX_KNOWN_KINDS,
    _OPENER_STARTS,
    _tail_kind,
    _window_kind,
    _word_kind,
    split_body,
    split_paragraphs,
    split_sentences,
    word_before,
)
from summarizer.text import (
    _CONTROL,
    _DATELINE,
    _END,
    _FOLDS_APART,
    _NORMALISE,
    MAX_CHARS,
    MAX_SENTENCE,
    _body,
    _body_paragraphs,
    _bounded_sentences,
    _has_control,
    _paragraphs,
    _suspects,
    is_boilerplate,
    normalise,
    prepare,
)
from tests.conftest import DEV_ARTICLES

PIECES = [
    "Mr. ",
    "U.S. ",
    "Inc. The ",
    "Inc. said ",
    "A. ",
    "e.g. ",
    "No. 4 ",
    "said. ",
    "?! ",
    "?. ",
    "!. ",
    "... ",
    '." ',
    '"Quote. ',
    "') ",
    " \u00a0 ",
    "\u2003",
    "(",
    "x",
    "Smith",
    " ",
    ". ",
    "\n",
    "By Jane Doe",
    "Subscribe to our newsletter",
    "FOLLOW US on X",
    "\u0130",
    "\u212a",
    "\u0131",
    "\u017f",
    "BY \u017fAM \u0130",
    "\u0130MAGE: ",
    "Po\u017fted in x | y",
    "Related: ",
    "###",
    "About the Firm",
    "\u00a9 2025",
    "\u201cQuote.\u201d ",
    "x\u00a0y",
    "WASHINGTON, D.C. \u2014 ",
    "U.S. District ",
    "'(The ",
    "Copyright 2024 ",
    "\x0b",
    "\u200b",
    "\x00",
]
_text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _per_paragraph(paragraphs: list[str]) -> list[tuple[int, int, int]]:
    out, offset = [], 0
    for number, para in enumerate(paragraphs):
        out += [(offset + a, offset + b, number) for a, b in split_sentences(para)]
        offset += len(para) + 1
    return out


def _check_split(text: str) -> None:
    paragraphs = [normalise(p) for p in _paragraphs(text)]
    if paragraphs:
        assert split_paragraphs("\n".join(paragraphs)) == _per_paragraph(paragraphs), text


def _check_body(text: str) -> None:
    kept, indices = _body_paragraphs(_paragraphs(text))
    raw = "\n".join(kept)
    if raw and max(map(len, kept)) <= MAX_SENTENCE:
        norm = normalise(raw)
        assert split_body(raw, norm, kept, indices) == _bounded_sentences(raw, norm, indices), text


def _check_suspects(text: str) -> None:
    paragraphs = _paragraphs(text)
    if paragraphs:
        suspects = set(_suspects(paragraphs))
        for index, para in enumerate(paragraphs):
            if is_boilerplate(para) or _END.match(para):
                assert index in suspects, para


@settings(max_examples=400, deadline=None)
@given(_text)
def test_one_scan_splits_as_each_paragraph_alone(text: str) -> None:
    _check_split(text)


@settings(max_examples=400, deadline=None)
@given(_text)
def test_sentences_of_the_body_are_the_slices_of_its_spans(text: str) -> None:
    _check_body(text)


@settings(max_examples=400, deadline=None)
@given(_text)
def test_every_boilerplate_or_closing_paragraph_is_a_suspect(text: str) -> None:
    _check_suspects(text)


def test_dev_articles_and_their_paragraph_mixes_agree() -> None:
    articles = [p.read_text(encoding="utf-8") for p in sorted(DEV_ARTICLES.glob("**/*.txt"))]
    rng = random.Random(5)
    for text in articles + [
        "\n\n".join(rng.sample(articles, 2)).replace(". ", rng.choice([".  ", ".\n", ". "]))
        for _ in range(30)
    ]:
        _check_split(text)
        _check_body(text)
        _check_suspects(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("a\x00\x07\x0b\x1f\x7f\u200b\u200d\ufeff\ud800\u00e9 \n")))
def test_control_check_agrees_with_the_pattern(text: str) -> None:
    assert _has_control(text) == bool(_CONTROL.search(text))


def test_word_kind_of_a_window_is_that_of_the_word_before_the_period() -> None:
    rng = random.Random(9)
    alphabet = "aZ..  (\u00e9JrU.SInc\n"
    for _ in range(3000):
        window = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert _tail_kind(window) == _word_kind(word_before(window, len(window))), window
    for word in tables.NEVER_FINAL_ABBREVIATIONS | tables.MAYBE_FINAL_ABBREVIATIONS:
        assert _tail_kind(word.capitalize()) == _word_kind(word.capitalize())


def test_plain_word_kinds_are_those_of_the_rule() -> None:
    rng = random.Random(11)
    words = [
        "".join(rng.choice("aAbBcCdDgGiInNoOrRsStTvVwWmMpP") for _ in range(rng.randint(1, 7)))
        for _ in range(20000)
    ]
    for word in words + [w.upper() for w in tables.NEVER_FINAL_ABBREVIATIONS]:
        if word.isalpha():
            assert _LETTER_WORD_KINDS.get(word, _ENDS) == _word_kind(word), word


def test_lower_case_matches_as_case_insensitive_matching_does() -> None:
    """The claim behind the plain line-start patterns on lower-cased text, over every character
    below U+3000: outside the three set apart, a character matches each
    letter, class and escape of the patterns case-insensitively exactly when its lower case
    matches it as it is."""
    pieces = [*string.ascii_lowercase, "[a-z]", r"\w", r"\s", r"\d", "[\\w.'\u2019\\- ]", "."]
    pieces += map(re.escape, "\u00a9\u2014\u2019#-*(:| &'")
    folded = [re.compile(p, re.I) for p in pieces]
    plain = [re.compile(p) for p in pieces]
    apart = {chr(0x130), *(c for c in _FOLDS_APART if c != "\u0307")}
    for code in range(0x3000):
        char = chr(code)
        if char in apart:
            continue
        low = char.lower()
        assert len(low) == 1, char
        for a, b in zip(folded, plain, strict=True):
            assert bool(a.fullmatch(char)) == bool(b.fullmatch(low)), (char, a.pattern)


def test_many_boilerplate_paragraphs_are_found_and_dropped_in_linear_time() -> None:
    text = "\u00a9\nx\n" * 60000
    start = time.perf_counter()
    doc = prepare(text)
    assert time.perf_counter() - start < 1.5
    assert [s.text for s in doc.sentences] == ["x"] * (MAX_CHARS // 4)
    assert [s.paragraph for s in doc.sentences[:3]] == [1, 3, 5]


def test_a_few_dropped_paragraphs_leave_the_same_body_as_many() -> None:
    for count in (1, 2, 8, 9, 30):
        paragraphs = [f"Line {i} said the court." for i in range(40)]
        for i in range(0, 40, 40 // count)[:count]:
            paragraphs[i] = "\u00a9 2025 Example"
        body, indices = _body(paragraphs)
        kept = [i for i, p in enumerate(paragraphs) if not p.startswith("\u00a9")]
        assert indices == kept
        assert body == "\n".join(paragraphs[i] for i in kept)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("AB.'-, ()\n\u2014a&")))
def test_the_dateline_matches_in_the_first_paragraph_as_in_the_joined_text(text: str) -> None:
    joined, first = _DATELINE.match(text), _DATELINE.match(text.split("\n", 1)[0])
    assert (joined and joined.span()) == (first and first.span())


def test_remembered_word_kinds_are_those_of_the_window_and_stay_bounded() -> None:
    rng = random.Random(13)
    alphabet = "aZ..  (\u00e9JrU.SIncv\n"
    for _ in range(3 * _MAX_KNOWN_KINDS):
        window = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert _window_kind(window) == _tail_kind(window), window
        assert _KNOWN_KINDS[window] == _tail_kind(window)
        assert len(_KNOWN_KINDS) <= _MAX_KNOWN_KINDS


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("a`\t \u00a0\u201c\u2019\u0130\u212a\n")))
def test_normalising_ascii_text_looks_only_for_ascii_keys(text: str) -> None:
    plain = text
    for char, replacement in _NORMALISE:
        plain = plain.replace(char, replacement)
    assert normalise(text) == plain


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(sorted(tables.SENTENCE_OPENERS)),
    st.text(alphabet="\"'(", max_size=3),
    st.text(alphabet="\"'( \nAa.", max_size=6),
)
def test_every_window_holding_an_opener_opens_with_one_of_their_first_characters(
    opener: str, before: str, after: str
) -> None:
    window = (before + opener + after)[:20]
    if window.split("\n", 1)[0].split(" ", 1)[0].strip("\"'(") in tables.SENTENCE_OPENERS:
        assert window[0] in _OPENER_STARTS
