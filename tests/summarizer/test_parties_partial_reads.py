"""Paths that read less: role words around a name, the folded article start, company names
from their capitals."""

from __future__ import annotations

import re

import pytest

from summarizer import tables
from summarizer.gates import fold
from summarizer.parties import (
    _CORP,
    _CRIMINAL_WORDS,
    _DASHES,
    _HEAD,
    _ORG_NAME,
    _ROLE_BEFORE,
    _crime_head,
    _folded_head,
    _mentions_crime,
    _role_before,
)
from summarizer.text import Doc, Sentence, prepare

WINDOWS = [
    "said company spokeswoman ",
    "according to attorneys for the plaintiffs, ",
    "the lawyer who argued, said ",
    "an analyst at the bank, and professor ",
    "ATTORNEY ",
    "\u017fpokesman ",  # long s: the case-insensitive pattern reads it as "s"
    "\u0130\u0130 counsel for \u0130stanbul ",  # dotted capital I: folding keeps its length
    "counsel, who then spoke to the press about the lawyer's fees in court ",
    "the plaintiffs sued ",
    "",
]


@pytest.mark.parametrize("window", WINDOWS)
def test_same_answer_as_search(window: str) -> None:
    assert _role_before(window) == (_ROLE_BEFORE.search(window) is not None)


@pytest.mark.parametrize(
    "body",
    [
        "",
        "Short one.",
        "The jury convicted him. " * 400,
        "ΟΔΥΣΣΕΥΣ sued. Σ starts here.\n\nİstanbul — the \u017fentence was handed down. " * 90,
        ("A dash \u2014 here. Plain ASCII text follows, and more. " * 60) + "ΤΕΛΟΣ. " * 30,
    ],
)
def test_folded_head_is_the_folded_start(body: str) -> None:
    doc = prepare(body)
    assert _folded_head(doc) == fold(doc.norm_text[:_HEAD])


_ORG_AS_WRITTEN = re.compile(
    rf"\b[{tables.UPPER}][\w&.'-]*(?: (?:[{tables.UPPER}][\w&.'-]*|&|and|of)){{0,5}} {_CORP}"
)


@pytest.mark.parametrize(
    "text",
    [
        "Acme Widgets Inc. sued.",
        "the suit against Gulfstream Coastal Insurance Co. and Big Oil Corp.",
        "xAcme Inc. and _Acme LLC and -Acme LLC and 3Acme LLC",
        "\nÉlan Holdings Company said\nÖsterreich Trading Ltd.",
        "AB Acme of Texas & Sons Corporation, Smith and Jones LLP",
        "",
    ],
)
def test_company_pattern_as_written(text: str) -> None:
    spans = [m.span() for m in _ORG_NAME.finditer(text)]
    assert spans == [m.span() for m in _ORG_AS_WRITTEN.finditer(text)]


@pytest.mark.parametrize(
    "body",
    [
        "",
        "The jury convicted him. " * 400,
        "A dash \u2014 then SENTENCED \u2013 and indicted. " * 90,
        "Caf\u00e9 owner \u2014 convicted. " * 150,
        "\u0130ndicted \u2014 \u017fentenced, pro\u017fecutors said. " * 120,
        "Nothing criminal \u2014 a dispute about a lease. " * 100,
    ],
)
def test_crime_head_finds_each_crime_word_where_the_fold_does(body: str) -> None:
    for doc in (prepare(body), _unnormalised(body)):
        _assert_crime_head_as_fold(doc)


def _unnormalised(body: str) -> Doc:
    """A document of `body`'s lines as printed: look-alike letters kept."""
    lines = body.split(". ")
    sentences = [Sentence(i, line, line, i) for i, line in enumerate(lines)]
    starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]
    text = "\n".join(lines)
    return Doc(None, sentences, norm_text=text, raw_text=text, starts=starts)


def _assert_crime_head_as_fold(doc: Doc) -> None:
    head = doc.norm_text[:_HEAD]
    read, folded = _crime_head(doc), fold(head)
    if len(folded) == len(head):
        assert len(read) == len(head)
    for word in _CRIMINAL_WORDS:
        assert read.find(word) == folded.find(word), word
    assert _mentions_crime(head, read) == _mentions_crime(head)


def test_dashes_fold_to_themselves_and_are_not_ascii():
    for dash in _DASHES:
        assert fold(dash) == dash and not dash.isascii()
