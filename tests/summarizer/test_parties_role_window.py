"""The role test before a name tries its pattern only where a role word is printed."""

from __future__ import annotations

import pytest

from summarizer.parties import _ROLE_BEFORE, _role_before

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
