"""Sentence boundaries in one paragraph, aware of abbreviations, initials and open quotations."""

from __future__ import annotations

import re
import string

from summarizer import tables

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
_CANDIDATE = re.compile(r"[.!?]+[\"')\]]*\s+")
_WORD_CHARS = frozenset(string.ascii_letters + ".")
# Longer than this without a boundary, an unbalanced quote is not allowed to swallow the rest.
_MAX_QUOTED = 1200


def split_sentences(norm: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of one paragraph of normalised text."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(norm)
    for match in _CANDIDATE.finditer(norm):
        end = match.end()
        if end >= n:
            break
        nxt = norm[end]
        if not (nxt.isupper() or nxt in "\"'(" or nxt.isdigit()):
            continue
        punct_end = match.start() + 1
        if norm[match.start()] == "." and not _period_ends(norm, match.start(), end):
            continue
        segment = norm[start:punct_end]
        if segment.count('"') % 2 == 1 and end - start < _MAX_QUOTED:
            # Inside an open quotation: the quoted speaker goes on.
            closing = norm[match.start() : match.end()]
            if '"' not in closing:
                continue
        spans.append((start, match.end() - len(match.group()) + len(match.group().rstrip())))
        start = end
    if start < n:
        spans.append((start, len(norm.rstrip())))
    return [(a, b) for a, b in spans if b > a]


def _period_ends(norm: str, dot: int, next_start: int) -> bool:
    """Whether the period at `dot` ends a sentence, judging by the word before and after it."""
    word = word_before(norm, dot)
    if word is None:
        return True
    low = word.lower().strip(".")
    if len(word) == 1 and word.isupper():
        return False  # a middle initial: "Marguerite A. Tolland"
    if low in tables.NEVER_FINAL_ABBREVIATIONS:
        return False
    if low in tables.MAYBE_FINAL_ABBREVIATIONS or "." in word:
        following = norm[next_start : next_start + 20].split(" ", 1)[0].strip("\"'(")
        return following in tables.SENTENCE_OPENERS
    return True


def word_before(norm: str, dot: int) -> str | None:
    """The run of ASCII letters and periods ending just before the period at `dot`, within 20
    characters: what `([A-Za-z.]+)\\.$` finds in `norm[dot - 20 : dot + 1]`, without a regex."""
    start, floor = dot, max(0, dot - 20)
    while start > floor and norm[start - 1] in _WORD_CHARS:
        start -= 1
    return norm[start:dot] if start < dot else None
