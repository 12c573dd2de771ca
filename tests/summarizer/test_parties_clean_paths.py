"""The reading and cleaning short cuts give what the steps as first written give."""

from __future__ import annotations

import random
import re
import sys

from summarizer import parties, tables
from summarizer.parties import _LEADING, _LEADING_FIRST, _clean_phrase, read_list, read_subject

_APPOSITIVE = re.compile(r", (?:a|an) [a-z][^,]{0,80},")
_RELATIVE_END = re.compile(r",\s*(?:who|which)?\s*$")
_INTRO = re.compile(
    r"\b(?:by|request of|behalf of|joined by|along with|in favor of|sided with|ruled for|"
    r"including)\s+"
)
_RELATIVE = re.compile(r",\s*(?:who|which|whose|a|an)\b.*?,(?=\s)")


def _read_list_as_written(norm: str, start: int) -> str:
    chunk = _APPOSITIVE.sub(",", norm[start : start + 300])
    for m in parties._STOP.finditer(chunk):
        word = chunk[: m.start()].split(" ")[-1]
        tail = _FOR_NAME_TAIL.match(chunk, m.start() + 5)
        if (
            chunk[m.start() :].startswith(" for ")
            and word in tables.FOR_NAME_HEADS
            and tail is not None
            and (
                tail.end() == len(chunk)
                or parties._STOP.match(chunk, tail.end())
                or parties._SEPARATORS.match(chunk, tail.end())
            )
        ):
            continue
        tail = _FOR_NAME_TAIL.match(chunk, m.start() + 6)
        if (
            chunk[m.start() :].startswith(" from ")
            and word in tables.GROUP_NOUNS.split("|")
            and tail is not None
            and len(tail.group(0)) >= 2
            and (tail.end() == len(chunk) or parties._STOP.match(chunk, tail.end()))
        ):
            continue
        return chunk[: m.start()]
    return chunk


_FOR_NAME_TAIL = re.compile(
    r"(?:the |a )?[A-Z][\w'&.-]*(?: (?:[A-Z][\w'&.-]*|of|the|for|&)){0,8}(?![\w'&.-])"
)


def _read_subject_as_written(norm: str, end: int) -> str:
    head = norm[max(0, end - 300) : end]
    cut = max(head.rfind(";"), head.rfind(":"), head.rfind('"'))
    head = head[cut + 1 :]
    if _RELATIVE_END.search(head):
        intros = list(_INTRO.finditer(head))
        if intros:
            head = head[intros[-1].end() :]
    head = _RELATIVE.sub(",", head)
    segments = [seg for seg in head.split(", ") if seg.strip() not in ("who", "which", "")]
    while len(segments) > 1 and (
        re.match(
            r"(?:In|On|At|Last|After|Before|Earlier|When|Since|By|For|Then|Later|Now|"
            r"This|That|Under|With|Meanwhile|Separately)\b",
            segments[0],
        )
        or (segments[0][:1].islower() and not segments[0].startswith("the "))
    ):
        segments.pop(0)
    return ", ".join(segments).strip()


_WORDS = [
    "Smith", "Okafor", "and", "the", "who", "which", "a", "an", "by", "request of", "behalf of",
    "joined by", "along with", "In", "Last", "Separately", "sued", "to", "lawyer", ",", ", a",
    ", an", ", who", ", which", ";", ":", '"', "Inc.", "U.S.", "in", "of", "state", "—", "the city",
    "for", "Center", "Alliance", "Citizens", "for Smith", "for the", "for a", "A", "against",
    "residents", "Office", "for Texas", "&", "Kids.", "from", "voters", "from Apache", "O",
    "in favor of", "sided with", "including", "ruled for",
]  # fmt: skip


def test_list_and_subject_reads_as_written():
    rnd = random.Random(11)
    for _ in range(20_000):
        norm = " ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(1, 30)))
        at = rnd.randint(0, len(norm))
        assert read_list(norm, at) == _read_list_as_written(norm, at), (norm, at)
        assert read_subject(norm, at) == _read_subject_as_written(norm, at), (norm, at)


def test_every_leading_word_opens_with_a_listed_character():
    # `_LEADING` is case-insensitive: collect every character it takes for a first letter.
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    firsts = {word[0] for word in re.findall(r"\w[\w -]*", _LEADING.pattern[4:])}
    for first in firsts:
        for char in re.findall(re.escape(first), every, re.I):
            assert char in _LEADING_FIRST, (first, hex(ord(char)))


_VOCAB = [
    "Smith", "Okafor", "U.S.", "Inc.", "of", "and", "the", "The", "THE", "ſeveral", "İts", "ıts",
    "its", "Its", "a few", "both", "Both", "fellow", "all", "his", "her", "then-", "two", "groups",
    "Attorney", "Secretary", "State", "Department", "city", "City", "called", "named", "58,",
    "parents", "Ridgeview", "department", "'s", "Then-Gov.", "É",
]  # fmt: skip
_VOCAB += sorted(tables.OFFICIAL_TITLE_WORDS)[:8]


def test_cleaning_with_gates_matches_the_ungated_steps(monkeypatch):
    rnd = random.Random(5)
    items = [" ".join(rnd.choice(_VOCAB) for _ in range(rnd.randint(1, 10))) for _ in range(20_000)]
    gated = [_clean_phrase(item) for item in items]
    # Every character passes the first-letter gate: `_LEADING` alone decides.
    monkeypatch.setattr(parties, "_LEADING_FIRST", _Everything())
    assert [_clean_phrase(item) for item in items] == gated


class _Everything:
    def __contains__(self, _: object) -> bool:
        return True


_JOINT_ANY = re.compile("|".join(re.escape(p) for p in tables.JOINT_NAME_PHRASES))


def test_joint_phrases_found_as_the_alternation_finds_them():
    pieces = [w for p in tables.JOINT_NAME_PHRASES for w in p.split(" ")]
    pieces += ["and", " and ", "Smith", ",", "x", "andand", "and and"]
    rnd = random.Random(3)
    for _ in range(20_000):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8)))
        assert parties._has_joint(text) == bool(_JOINT_ANY.search(text)), text
    for phrase in tables.JOINT_NAME_PHRASES:
        assert parties._has_joint(phrase)
        assert parties._has_joint("x " + phrase + ",")
        assert not parties._has_joint(phrase[1:]) or _JOINT_ANY.search(phrase[1:])


def test_trie_matches_exactly_its_words():
    words = parties._STOP_WORDS
    pattern = re.compile(parties._trie(words))
    probes = set(words)
    probes |= {w[:i] for w in words for i in range(len(w))}
    probes |= {w + tail for w in words for tail in ("s", "d", "ing", "e", " ", "x")}
    for probe in probes:
        assert (pattern.fullmatch(probe) is not None) == (probe in words), probe
    assert re.compile(parties._trie(["a", "ab", "abc", "b", "", "x.y"])).fullmatch("x.y")
