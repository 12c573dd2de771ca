"""Paths that read less than the whole: role words around a name, the folded article start."""

from __future__ import annotations

import pytest

from summarizer.gates import fold
from summarizer.parties import _HEAD, _ROLE_BEFORE, _folded_head, _role_before
from summarizer.text import prepare

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
