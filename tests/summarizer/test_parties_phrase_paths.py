"""Cleaning a phrase with its steps shortened gives what the steps as first written give."""

from __future__ import annotations

import random
import re
from pathlib import Path

from summarizer import tables
from summarizer.names import looks_like_person
from summarizer.parties import (
    _AGE,
    _CALLED,
    _CASE_NOUN_BEFORE,
    _CONNECTORS,
    _GROUP,
    _JUDICIAL,
    _LEADING,
    _LOWER_PREFIX,
    _OFFICIAL_CAPACITY,
    _PERSON_OF_PLACE,
    _PRONOUNS,
    _TIME_WORDS,
    _TITLE_TOKENS,
    _case_noun_before,
    _clean_phrase,
    split_items,
)
from summarizer.text import prepare

_ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "dev_articles" / "articles"


def _clean_phrase_as_written(item: str) -> str | None:
    item = item.strip(" ,'\"-")
    item = _OFFICIAL_CAPACITY.sub("", item)
    item = _AGE.sub("", item)
    item = item.strip()
    for _ in range(2):
        lead = _LEADING.match(item)
        if lead is not None:
            item = item[lead.end() :]
    called = _CALLED.search(item)
    if called:
        item = called.group("name")
    if not item:
        return None
    if _GROUP.match(item):
        return re.sub(r"^(?:a|the|all) ", "", item)
    if item[0].islower():
        words = item.split()
        if 1 <= len(words) <= 3 and words[-1] in tables.ANAPHOR_HEADS:
            return item
        m = _LOWER_PREFIX.match(item)
        if not m:
            return None
        item = item[m.end() :]
    tokens = item.split()
    descriptor = [i for i, t in enumerate(tokens) if t[:1].islower() and t not in _CONNECTORS]
    if descriptor:
        tail = tokens[descriptor[-1] + 1 :]
        if not tail or tail[0] in _CONNECTORS:
            return None
        item = " ".join(tail)
    if _JUDICIAL.search(item) and not _justice_org_as_written(item):
        return None
    tokens = item.split()
    if len(tokens) > 12 or len(item) > 90:
        return None
    office_named = False
    title_positions = [i for i, t in enumerate(tokens) if t in _TITLE_TOKENS]
    if title_positions and title_positions[-1] < len(tokens) - 1:
        rest = tokens[title_positions[-1] + 1 :]
        if rest and rest[0] == "of":
            office = rest
            rest = rest[-3:] if len(rest) >= 4 and rest[-2].endswith(".") else rest[-2:]
            at = len(office) - len(rest) - 1
            holder = not any(t[:1].isupper() for t in office[1:]) or (
                at >= 1 and office[at] not in _CONNECTORS and looks_like_person(" ".join(rest))
            )
            if not holder:
                first = title_positions[-1]
                while first > 0 and tokens[first - 1] in _TITLE_TOKENS:
                    first -= 1
                rest = tokens[first:]
                office_named = True
        if rest and not any(t in tables.ORG_WORDS for t in rest):
            item = " ".join(rest)
            tokens = rest
    m = None if office_named else _PERSON_OF_PLACE.match(item)
    if m and looks_like_person(m.group("name")):
        item = m.group("name")
    item = item.strip(" ,")
    if item.endswith("'s"):
        item = item[:-2]
    if not item or item.lower() in tables.GENERIC_PARTY_WORDS:
        return None
    if not item[0].isupper() and not any(ch.isupper() for ch in item):
        return None
    if item.split()[0] in _PRONOUNS or item in _TIME_WORDS:
        return None
    return item


def _justice_org_as_written(item: str) -> bool:
    tokens = item.split()
    heads = tables.JUSTICE_ORG_HEADS
    if not any(t in heads for t in tokens):
        return False
    for i, token in enumerate(tokens):
        if token == "Justice":
            if i + 1 < len(tokens) and not (tokens[i + 1] in heads or tokens[i + 1] in _CONNECTORS):
                return False
        elif re.search(r"\b(?:Judge|Justice|Chancellor|Magistrate)s?\b", token):
            return False
    return True


_VOCAB = [
    "Smith", "Okafor", "U.S.", "Inc.", "of", "and", "the", "The", "THE", "\u017feveral", "its",
    "\u0130ts", "Its", "a few", "both", "and the", "fellow", "all", "his", "then-", "two", "groups",
    "a coalition of", "five", "other", "states", "14", "parents", "from", "Ohio", "Attorney",
    "Secretary", "State", "Department", "department", "city", "City", "called", "named",
    "known as", "dubbed", "58,", "(58)", "58", "'s", "Then-Gov.", "\u00c9lan", "Judge", "Justices",
    "Magistrate", "Chancellor", "in her official capacity", "They", "It", "Some", "lawyer",
    "Named", "plaintiffs", "last", "week", "Maria", "Esquivel", "Fresno", "\t", ",", ")", "-",
    "'", '"', "a", "an", "developer", "residents", "Police", "Chief", "Warren", "de", "van",
    "Justice", "Project", "Labor", "Homeland", "Security",
]  # fmt: skip
_VOCAB += sorted(tables.OFFICIAL_TITLE_WORDS)[:10]


def _real_pieces() -> list[str]:
    pieces: list[str] = []
    for path in sorted(_ARTICLES.glob("*.txt")):
        for sent in prepare(path.read_text()).sentences:
            norm = sent.norm
            for start in range(0, len(norm), 17):
                pieces.extend(split_items(norm[start : start + 80]))
    return pieces


def test_phrases_clean_as_the_steps_as_first_written_clean_them():
    rnd = random.Random(13)
    items = [" ".join(rnd.choice(_VOCAB) for _ in range(rnd.randint(1, 9))) for _ in range(30_000)]
    for item in items[:5_000]:
        items.append(rnd.choice(["", " ", "the ", ", "]) + item + rnd.choice(["", ",", " ", "."]))
    items += _real_pieces()
    for item in items:
        assert _clean_phrase(item) == _clean_phrase_as_written(item), item


_BEFORE_PIECES = [
    "lawsuit", "LAWSUITS", "suit", "Class Actions", "class action", "\u017fuit", "motion", "order",
    "effort", "bid", "law", "rules", ";", " ", "x" * 30, "y" * 97, "the", ",", "\n", "lawsuitx",
    "xlaw", "appeal", "\u0130njunction", "filed", "-",
]  # fmt: skip


def test_case_noun_before_searched_from_its_reach_finds_what_the_whole_search_finds():
    rnd = random.Random(19)
    for _ in range(40_000):
        before = "".join(rnd.choice(_BEFORE_PIECES) for _ in range(rnd.randint(0, 14)))
        expected = _CASE_NOUN_BEFORE.search(before) is not None
        assert _case_noun_before(before) == expected, before


def test_case_noun_before_at_the_edge_of_its_reach():
    for noun in ("class actions", "CLASS ACTION", "applications", "bid", "lawsuits"):
        for tail in (99, 100, 101):
            for end in ("", "\n", "\n\n", ";"):
                before = "the " + noun + " " + "y" * (tail - 1) + end
                expected = _CASE_NOUN_BEFORE.search(before) is not None
                assert _case_noun_before(before) == expected, (noun, tail, end)
