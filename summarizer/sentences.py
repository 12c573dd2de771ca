"""Sentence boundaries in one paragraph, aware of abbreviations, initials and open quotations."""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, product

from summarizer import tables

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
_CANDIDATE = re.compile(r"[.!?]+[\"')\]]*\s+")
# The same ends within a text of paragraphs joined by "\n", one pattern per first character:
# a pattern that starts with a literal is scanned for many times faster than one that starts
# with a class. Group 1 is the end without its trailing spaces.
_CANDIDATES_BY_FIRST = {
    first: re.compile(rf"({re.escape(first)}[.!?]*[\"')\]]*)[^\S\n]+") for first in ".!?"
}
_WORD_CHARS = frozenset(string.ascii_letters + ".")
# Longer than this without a boundary, an unbalanced quote is not allowed to swallow the rest.
_MAX_QUOTED = 1200
# The commonest characters that open a sentence after a candidate end, for a set look-up before
# the Unicode tests.
_OPENING = frozenset(string.ascii_uppercase + string.digits + "\"'(")
# What a word that `tables.SENTENCE_OPENERS` holds, once stripped of quotes and brackets, can
# open with: a window opening with anything else holds no opener.
_OPENER_STARTS = frozenset("\"'(" + "".join(word[0] for word in tables.SENTENCE_OPENERS))
# What the word before a period says about it (see `_word_kind`).
_ENDS, _NEVER_ENDS, _ENDS_BEFORE_OPENER = 0, 1, 2


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


def split_paragraphs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph number) of every sentence of `text`: paragraphs of normalised text,
    each non-empty and without surrounding whitespace, joined by "\\n".

    The same spans as `split_sentences` over each paragraph, found with one scan of the whole
    text: a candidate end never reaches across a line break (no paragraph ends in whitespace),
    and every check reads only the candidate's own paragraph.
    """
    spans: list[tuple[int, int, int]] = []
    n = len(text)
    start, para = 0, 0
    para_end = text.find("\n")
    if para_end < 0:
        para_end = n
    rfind, count = text.rfind, text.count
    for match in _candidates(text):
        dot, end = match.span()
        while dot > para_end:  # the candidate lies in a later paragraph: close this one
            if start < para_end:
                spans.append((start, para_end, para))
            start, para = para_end + 1, para + 1
            para_end = text.find("\n", start)
            if para_end < 0:
                para_end = n
        nxt = text[end]
        if nxt not in _OPENING and not (nxt.isupper() or nxt.isdigit()):
            continue
        if text[dot] == ".":
            # The word before the period lies within this window, after its last space.
            floor = dot - 20 if dot > 20 else 0
            space = rfind(" ", floor, dot)
            word = text[space + 1 if space >= 0 else floor : dot]
            if word.isascii() and word.isalpha():  # nearly always: a plain word
                kind = _LETTER_WORD_KINDS.get(word, _ENDS)
            else:
                kind = _tail_kind(word)
            if kind == _NEVER_ENDS or (
                kind == _ENDS_BEFORE_OPENER
                and text[end : min(end + 20, para_end)].split(" ", 1)[0].strip("\"'(")
                not in tables.SENTENCE_OPENERS
            ):
                continue
        if count('"', start, dot + 1) % 2 and end - start < _MAX_QUOTED and '"' not in match[1]:
            continue  # inside an open quotation: the quoted speaker goes on
        spans.append((start, match.end(1), para))
        start = end
    while True:
        if start < para_end:
            spans.append((start, para_end, para))
        if para_end >= n:
            return spans
        start, para = para_end + 1, para + 1
        para_end = text.find("\n", start)
        if para_end < 0:
            para_end = n


def split_body(
    raw: str, norm: str, paragraphs: list[str], numbers: list[int]
) -> tuple[list[str], list[int]]:
    """The sentences of `raw`, whose lines are `paragraphs`, as printed, and each one's paragraph
    number (from `numbers`, one per line); `norm` is `raw` normalised.

    The sentences of `split_paragraphs`, without its work per paragraph: the lines' lengths
    say where each paragraph starts, a candidate's paragraph is looked up only once the word
    before it lets it end a sentence, and a paragraph read as one sentence is its own text.
    """
    texts: list[str] = []
    out: list[int] = []
    # nexts[i]: where the paragraph after paragraph i starts (one past the end of the text last).
    nexts = list(accumulate(map((1).__add__, map(len, paragraphs))))
    start = para = 0  # the unfinished sentence starts at `start`, in paragraph `para`
    fresh = True  # and `start` is where that paragraph starts
    rfind, count = norm.rfind, norm.count
    known, openers = _KNOWN_KINDS, tables.SENTENCE_OPENERS
    for match in _candidates(norm):
        dot, end = match.span()
        nxt = norm[end]
        if nxt not in _OPENING and not (nxt.isupper() or nxt.isdigit()):
            continue
        if norm[dot] == ".":
            floor = dot - 20 if dot > 20 else 0
            space = rfind(" ", floor, dot)
            word = norm[space + 1 if space >= 0 else floor : dot]
            kind = known.get(word)
            if kind is None:
                kind = _window_kind(word)
            # The paragraph goes on past `end` up to its line break: the window stops there.
            if kind == _NEVER_ENDS or (
                kind == _ENDS_BEFORE_OPENER
                and (
                    nxt not in _OPENER_STARTS
                    or norm[end : end + 20].split("\n", 1)[0].split(" ", 1)[0].strip("\"'(")
                    not in openers
                )
            ):
                continue
        if dot >= nexts[para]:  # a later paragraph: what is left of this one and any between
            texts.append(paragraphs[para] if fresh else raw[start : nexts[para] - 1])
            later = bisect_right(nexts, dot, para + 1)
            if later == para + 1:
                out.append(numbers[para])
            else:
                out += numbers[para:later]
                texts += paragraphs[para + 1 : later]
            para, start, fresh = later, nexts[later - 1], True
        if count('"', start, dot + 1) % 2 and end - start < _MAX_QUOTED and '"' not in match[1]:
            continue  # inside an open quotation: the quoted speaker goes on
        texts.append(raw[start : match.end(1)])
        out.append(numbers[para])
        start, fresh = end, False
    if not fresh:
        texts.append(raw[start : nexts[para] - 1])
        para += 1
        out.append(numbers[para - 1])
    texts += paragraphs[para:]
    out += numbers[para:]
    return texts, out


def _candidates(text: str) -> list[re.Match[str]]:
    """What `_CANDIDATE.finditer` finds in each paragraph of `text`, in order.

    A candidate is decided by its whole run of terminal punctuation, so the run's first
    character says which pattern finds it; a match starting inside a run belongs to the run's
    own (earlier) match and is dropped.
    """
    found = list(_CANDIDATES_BY_FIRST["."].finditer(text))
    others = [
        m for first in "!?" if first in text for m in _CANDIDATES_BY_FIRST[first].finditer(text)
    ]
    if not others:
        return found  # a period-led match never starts right after a period
    found += others
    found = [m for m in found if m.start() == 0 or text[m.start() - 1] not in ".!?"]
    found.sort(key=re.Match.start)
    return found


def _period_ends(norm: str, dot: int, next_start: int) -> bool:
    """Whether the period at `dot` ends a sentence, judging by the word before and after it."""
    kind = _word_kind(word_before(norm, dot))
    if kind == _ENDS_BEFORE_OPENER:
        following = norm[next_start : next_start + 20].split(" ", 1)[0].strip("\"'(")
        return following in tables.SENTENCE_OPENERS
    return kind == _ENDS


def _word_kind(word: str | None) -> int:
    """What the word before a period says: the period ends the sentence, never does (a middle
    initial, a title), or does only before a typical sentence opener."""
    if word is None:
        return _ENDS
    low = word.lower().strip(".")
    if len(word) == 1 and word.isupper():
        return _NEVER_ENDS  # a middle initial: "Marguerite A. Tolland"
    if low in tables.NEVER_FINAL_ABBREVIATIONS:
        return _NEVER_ENDS
    if low in tables.MAYBE_FINAL_ABBREVIATIONS or "." in word:
        return _ENDS_BEFORE_OPENER
    return _ENDS


def _letter_word_kinds() -> dict[str, int]:
    """`_word_kind` of every word of ASCII letters for which it is not `_ENDS`: each spelling,
    in any case, of the abbreviations without a period, and each capital letter alone."""
    words = {
        "".join(spelling)
        for abbreviation in tables.NEVER_FINAL_ABBREVIATIONS | tables.MAYBE_FINAL_ABBREVIATIONS
        if "." not in abbreviation
        for spelling in product(*({c.lower(), c.upper()} for c in abbreviation))
    }
    words.update(string.ascii_uppercase)
    kinds = {word: _word_kind(word) for word in words}
    return {word: kind for word, kind in kinds.items() if kind != _ENDS}


@lru_cache(maxsize=4096)
def _tail_kind(window: str) -> int:
    """`_word_kind` of the word that ends `window`: the text before a period from its last
    space (or the 20-character limit) on. `word_before` stops at that space or limit, so the
    word, and what it says, depend on the window alone: cached, as news text repeats its words."""
    return _word_kind(word_before(window, len(window)))


# `_word_kind` of each window before a period met so far: news text repeats its words, and a
# window seen before then costs one look-up. Emptied when full, so hostile text cannot grow it.
_KNOWN_KINDS: dict[str, int] = {}
_MAX_KNOWN_KINDS = 8192


def _window_kind(window: str) -> int:
    """`_tail_kind` of `window`, remembered in `_KNOWN_KINDS`."""
    if window.isascii() and window.isalpha():  # nearly always: a plain word
        kind = _LETTER_WORD_KINDS.get(window, _ENDS)
    else:
        kind = _tail_kind(window)
    if len(_KNOWN_KINDS) >= _MAX_KNOWN_KINDS:
        _KNOWN_KINDS.clear()
    _KNOWN_KINDS[window] = kind
    return kind


def word_before(norm: str, dot: int) -> str | None:
    """The run of ASCII letters and periods ending just before the period at `dot`, within 20
    characters: what `([A-Za-z.]+)\\.$` finds in `norm[dot - 20 : dot + 1]`, without a regex."""
    start, floor = dot, max(0, dot - 20)
    while start > floor and norm[start - 1] in _WORD_CHARS:
        start -= 1
    return norm[start:dot] if start < dot else None


_LETTER_WORD_KINDS = _letter_word_kinds()
