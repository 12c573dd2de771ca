"""Company names read where their short form is printed give what the search through the whole
sentence gives."""

from __future__ import annotations

import random
import time

from summarizer.parties import _ORG_NAME, _org_in

_PIECES = [
    "Acme", "Acme Widgets", "Big", "Okafor", "Holdings", "Inc.", "LLC", "Co.", "Corp.", "L.P.",
    "Company", "and", "of", "&", "the", "sued", "v.", ",", ";", '"', "(", ")", ":", "-", "A.",
    "U.S.", "O'Neill", "\u00c9lan", "x", "3M", "Smith-Jones", "  ", "Ltd.", "PLC", "LP",
]  # fmt: skip
_PREFIXES = ["Acme ", "Okafor ", "Big ", "Holdings ", "\u00c9lan ", "Smith-Jones "]


def _first_yielded(norm: str, prefix: str) -> str | None:
    """The first match of the search through the whole sentence that starts with `prefix`."""
    return next(
        (m.group(0) for m in _ORG_NAME.finditer(norm) if m.group(0).startswith(prefix)), None
    )


def _read(norm: str, prefix: str) -> str | None:
    at = norm.find(prefix)
    return None if at < 0 else _org_in(norm, prefix, at)


def test_company_name_for_a_prefix_is_the_first_the_whole_sentence_search_yields():
    rnd = random.Random(11)
    for _ in range(20_000):
        norm = ""
        for _ in range(rnd.randint(1, 18)):
            piece = rnd.choice(_PIECES)
            norm += piece if piece in (",", ";", ":", ")") or rnd.random() < 0.1 else " " + piece
        norm = norm.strip()
        for prefix in _PREFIXES:
            assert _read(norm, prefix) == _first_yielded(norm, prefix), (norm, prefix)


def test_an_earlier_company_name_covering_the_place_hides_it():
    norm = "Big Acme Holdings Inc. sued Acme Holdings Inc. later"
    assert _read(norm, "Acme ") == "Acme Holdings Inc."
    assert _read("Big Acme Holdings Inc.", "Acme ") is None
    # A barrier before the place ends what can cover it.
    assert _read("Big, Acme Holdings Inc.", "Acme ") == "Acme Holdings Inc."


def test_a_sentence_of_covered_names_is_read_in_linear_time():
    # Each place is covered by the name before it: the search is followed once, not from the
    # start of the sentence at each place.
    def seconds(count: int) -> float:
        norm = "Big Acme Holdings Inc. " * count
        start = time.perf_counter()
        assert _read(norm, "Acme ") is None
        return time.perf_counter() - start

    seconds(50)
    assert seconds(4_000) < 40 * seconds(200) + 0.05
