"""Company names read at one place give what the search through the whole sentence gives."""

from __future__ import annotations

import random

from summarizer.parties import _ORG_NAME, _org_at

_PIECES = [
    "Acme", "Acme Widgets", "Big", "Okafor", "Holdings", "Inc.", "LLC", "Co.", "Corp.", "L.P.",
    "Company", "and", "of", "&", "the", "sued", "v.", ",", ";", '"', "(", ")", ":", "-", "A.",
    "U.S.", "O'Neill", "\u00c9lan", "x", "3M", "Smith-Jones", "  ", "Ltd.", "PLC", "LP",
]  # fmt: skip


def _yielded_at(norm: str, at: int) -> str | None:
    """The match the search through the whole sentence yields starting at `at`."""
    return next((m.group(0) for m in _ORG_NAME.finditer(norm) if m.start() == at), None)


def test_company_name_at_a_place_is_the_one_the_whole_sentence_search_yields_there():
    rnd = random.Random(11)
    for _ in range(6_000):
        norm = ""
        for _ in range(rnd.randint(1, 16)):
            piece = rnd.choice(_PIECES)
            norm += piece if piece in (",", ";", ":", ")") or rnd.random() < 0.1 else " " + piece
        norm = norm.strip()
        for at in range(len(norm)):
            assert _org_at(norm, at) == _yielded_at(norm, at), (norm, at)


def test_an_earlier_company_name_covering_the_place_hides_it():
    norm = "Big Acme Holdings Inc. sued Acme Holdings Inc. later"
    assert _org_at(norm, norm.index("Acme")) is None
    assert _org_at(norm, norm.rindex("Acme")) == "Acme Holdings Inc."
    # A barrier before the place ends what can cover it.
    assert _org_at("Big, Acme Holdings Inc.", 5) == "Acme Holdings Inc."
