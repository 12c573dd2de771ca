"""Short cuts in party extraction give what the full steps give."""

from __future__ import annotations

import random
import re

from summarizer import tables
from summarizer.parties import _CIVIL_MASKS, _GATE_WORDS, _STOP, _clean_phrase, clean_item

_VOCAB = [
    "Smith", "Okafor", "U.S.", "Inc.", "Co.", "Okonkwo-Barr", "McDonald", "New", "York", "X", "A.",
    "O'Neill", "of", "and", "the", "The", "for", "&", "de", "van", "on", "at", "in", "a", "an",
    "called", "named", "known", "as", "Judge", "Justices", "They", "It", "Its", "All", "Both",
    "Fellow", "Several", "And", "Then-", "then-Gov.", "58", "(58)", ",", "'s", "Smith's", "his",
    "official", "capacity", "two", "groups", "Attorney", "Secretary", "State", "Department",
    "Library", "company", "Company", "city", "City", "States", "X.Y", "\u017f", "\u0130",
    "\u00c9lan", "-", "'", '"', "Two", "Plaintiffs", "Government", "Named", "Called",
]  # fmt: skip
_VOCAB += sorted(tables.OFFICIAL_TITLE_WORDS)[:12]
_VOCAB += [w.title() for w in sorted(tables.GENERIC_PARTY_WORDS)]


def test_plain_names_are_cleaned_as_the_full_steps_clean_them():
    rnd = random.Random(7)
    for _ in range(40_000):
        item = " ".join(rnd.choice(_VOCAB) for _ in range(rnd.randint(1, 14)))
        if rnd.random() < 0.3:
            item = rnd.choice(["the ", "The ", "THE ", "a ", " ", "the  "]) + item
        if rnd.random() < 0.1:
            item += rnd.choice([" ", ",", ", 58,", ".", "'s"])
        assert clean_item(item) == _clean_phrase(item), item


def test_every_civil_rule_word_holds_a_gate_word():
    # The sentences visited hold a rule word, so the gate on `_GATE_WORDS` always passes.
    for word in _CIVIL_MASKS:
        assert any(gate in word for gate in _GATE_WORDS), word


# The clause-end pattern as first written, one alternative per stop.
_STOP_AS_WRITTEN = re.compile(
    r"(?<!\b[A-Z])(?<!Inc)(?<!Co)(?<!Corp)(?<!Ltd)(?<!Jr)(?<!Sr)(?<!\bSt)(?<!\bNo)\.(?!\w)|"
    r"[;:?!\"(]|\s[—–]\s|--|\s(?:to|in|on|over|for|after|before|because|last|this|earlier|"
    r"seeking|saying|arguing|claiming|alleging|accusing|challenging|as|under|at|from|when|while|"
    r"that|which|who|whose|since|until|during|about|if|alleged|argued|contended|claimed|"
    r"said|says|say|seek|sought|asked|asking|argue|allege|claim|filed|were|was|is|are|had|have|"
    r"has|will|would|could|did|can|may|must|contend|say)\s|,\s(?:who|which|saying|arguing|"
    r"claiming|alleging|accusing|seeking|challenging|contending|asserting|where|when|while)\b"
    r"|\sof [a-z]+ing\b"
)
_STOP_PIECES = [
    "Inc.", "Co.", "Corp.", "Ltd.", "Jr.", "Sr.", "St.", "No.", "A.", " a.", "x.", ".", ". ", ".x",
    ";", ":", "?", "!", '"', "(", " \u2014 ", " \u2013 ", "--", "-", " to ", " in ", " of running ",
    " of x", ", who ", ",\twhich", ", where", "\n", " ", "  ", "word", "Word", "St", "No", "\u00a0",
    " said ", "ing", " of ", "\u2028", "\u00e9",
]  # fmt: skip


def test_clause_end_starts_where_the_pattern_as_written_starts():
    rnd = random.Random(3)
    for _ in range(5_000):
        text = "".join(rnd.choice(_STOP_PIECES) for _ in range(rnd.randint(1, 12)))
        for pos in range(len(text) + 1):
            assert bool(_STOP.match(text, pos)) == bool(_STOP_AS_WRITTEN.match(text, pos)), text
