"""Short cuts in party extraction give what the full steps give."""

from __future__ import annotations

import random
import re

from summarizer import names, parties, tables
from summarizer.parties import (
    _CIVIL_MASKS,
    _GATE_WORDS,
    _SEPARATORS,
    _STOP,
    _clean_phrase,
    clean_item,
    split_items,
)

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
    r"has|will|would|could|did|can|may|must|contend|say|against)\s|,\s(?:who|which|saying|arguing|"
    r"claiming|alleging|accusing|seeking|challenging|contending|asserting|where|when|while)\b"
    r"|\sof [a-z]+ing\b"
)
_STOP_PIECES = [
    "Inc.", "Co.", "Corp.", "Ltd.", "Jr.", "Sr.", "St.", "No.", "A.", " a.", "x.", ".", ". ", ".x",
    ";", ":", "?", "!", '"', "(", " \u2014 ", " \u2013 ", "--", "-", " to ", " in ", " of running ",
    " of x", ", who ", ",\twhich", ", where", "\n", " ", "  ", "word", "Word", "St", "No", "\u00a0",
    " said ", "ing", " of ", "\u2028", "\u00e9", " against ", "against", " agains",
]  # fmt: skip


def test_clause_end_starts_where_the_pattern_as_written_starts():
    rnd = random.Random(3)
    for _ in range(5_000):
        text = "".join(rnd.choice(_STOP_PIECES) for _ in range(rnd.randint(1, 12)))
        for pos in range(len(text) + 1):
            assert bool(_STOP.match(text, pos)) == bool(_STOP_AS_WRITTEN.match(text, pos)), text


def _looks_like_person_as_written(name: str) -> bool:
    tokens = name.split()
    if not 2 <= len(tokens) <= 5:
        return False
    if any(t.strip(",") in tables.ORG_WORDS for t in tokens):
        return False
    return all(t[0].isupper() or t in tables.NAME_PARTICLES for t in tokens)


_NAME_PIECES = [
    "Smith", "McDonald", "O'Neill", "Okonkwo-Barr", "A.", "B", "x", " ", "  ", "\n", "van", "de",
    ",", "Judge", "\u00c9lan", "ab", "Ab-", "-Cd", "'", "Ca'", "IBM", "Co.", "Inc.", "University",
]  # fmt: skip


def test_name_grammar_short_cuts_agree_with_the_patterns_as_written():
    preceding = re.compile(rf"(?:{names.NAME_TOKEN} ){{1,3}}$")
    rnd = random.Random(5)
    for _ in range(5_000):
        text = "".join(rnd.choice(_NAME_PIECES) for _ in range(rnd.randint(1, 14)))
        assert names.looks_like_person(text) == _looks_like_person_as_written(text), text
        for end in range(len(text) + 1):
            start = max(0, end - rnd.choice((5, 10, 60)))
            a = names._PRECEDING.search(text, start, end)
            b = preceding.search(text, start, end)
            assert (a and a.span()) == (b and b.span()), text


_SEPARATORS_AS_WRITTEN = re.compile(
    r",\s*(?:and\s+|as well as\s+|along with\s+|together with\s+|joined by\s+|plus\s+)?|"
    r"\s+(?:and|as well as|along with|together with|joined by|plus|on behalf of)\s+"
)
_SEPARATOR_PIECES = [
    ",", " ", "  ", "\t", "\n", "\u00a0", ",,", "and", "as well as", "along with", "plus",
    "on behalf of", "joined by", "together with", "X", "Smith", "\x00", "\x01", " \x00 ",
]  # fmt: skip


def test_list_separators_split_where_the_pattern_as_written_splits():
    rnd = random.Random(11)
    for _ in range(40_000):
        text = "".join(rnd.choice(_SEPARATOR_PIECES) for _ in range(rnd.randint(1, 12)))
        assert _SEPARATORS.split(text) == _SEPARATORS_AS_WRITTEN.split(text), repr(text)
        guarded = parties._protect(text)
        plain = [parties._unprotect(p).strip() for p in _SEPARATORS_AS_WRITTEN.split(guarded)]
        assert split_items(text) == [p for p in plain if p], repr(text)


_NAMED_PIECES = [
    "named ", "the U.S. Department", " as ", "defendant", "defendants", "co-defendants",
    "codefendant", " and ", "Acme Inc.", ", ", " were ", " was ", "also ", "Smith", "as", " ",
]  # fmt: skip


def test_named_defendants_patterns_match_only_where_an_as_defendant_word_is_printed():
    # `_named_defendants` tries neither pattern in a sentence without one of `_AS_DEFENDANT`.
    rnd = random.Random(9)
    for _ in range(20_000):
        text = "".join(rnd.choice(_NAMED_PIECES) for _ in range(rnd.randint(1, 12)))
        if parties._NAMED_AS.pattern.search(text) or parties._WERE_NAMED.search(text):
            assert any(word in text for word in parties._AS_DEFENDANT), text
