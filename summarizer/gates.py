"""Cheap substring tests in front of regular expressions.

Python's regex engine scans a 6 KB article in tens of microseconds for each pattern that starts
with a class, an alternation or a word boundary; a substring test takes a few. Every pattern that
runs over much text is asked only when one of its required words is present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Gated:
    """A compiled pattern with the lower-case words one of which any match must contain."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]

    def possible(self, low: str) -> bool:
        return any(w in low for w in self.words)

    def search(self, text: str, low: str | None = None) -> re.Match[str] | None:
        if not self.possible(low if low is not None else text.lower()):
            return None
        return self.pattern.search(text)

    def found_from(self, text: str, starts: tuple[str, ...]) -> bool:
        """Whether `search` finds a match (its word gate asked as it asks it), given the
        lower-case texts one of which every match starts with: a case-insensitive pattern is
        tried at every place of a search, so it is tried only where the folded text holds one of
        `starts`."""
        low = text.lower()
        if not self.possible(low):
            return False
        folded = low if low.isascii() else fold(text)
        if len(folded) != len(text):  # folding keeps every character's place in normalised text
            return self.pattern.search(text) is not None
        for start in starts:
            pos = folded.find(start)
            while pos >= 0:
                if self.pattern.match(text, pos) is not None:
                    return True
                pos = folded.find(start, pos + 1)
        return False


def gated(pattern: str, words: str, flags: int = 0) -> Gated:
    """`words`: "|"-separated lower-case substrings."""
    return Gated(re.compile(pattern, flags), tuple(words.split("|")))


def anchored_finditer(pattern: re.Pattern[str], text: str, anchor: str, reach: int = 90):
    """Matches of `pattern` that contain an occurrence of `anchor`, found by searching small
    windows around each occurrence instead of the whole text."""
    seen: set[int] = set()
    pos = text.find(anchor)
    while pos >= 0:
        lo, hi = max(0, pos - reach), min(len(text), pos + len(anchor) + reach)
        for m in pattern.finditer(text, lo, hi):
            if m.start() <= pos < m.end() and m.start() not in seen:
                seen.add(m.start())
                yield m
        pos = text.find(anchor, pos + len(anchor))


# The only characters other than A-Z that a case-insensitive pattern matches to an ASCII letter
# (besides the Kelvin sign, which lower() already turns into "k").
_FOLD = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


def fold(text: str) -> str:
    """Lower-case text in which every letter a case-insensitive ASCII pattern can match is the
    ASCII letter itself, so a substring test on it never rules out a real match."""
    # str.translate walks non-ASCII text one character at a time; a few replaces of what is
    # present are many times faster and give the same string.
    if not text.isascii():
        for char, ascii_letter in _FOLD:
            if char in text:
                text = text.replace(char, ascii_letter)
    return text.lower()


def occurring(text: str, words: tuple[str, ...], key: str) -> set[str]:
    """Which of `words`, each holding `key`, occur in `text`: read at the occurrences of `key`
    instead of one scan of the whole text per word (most of them absent, each a full scan)."""
    offsets = [(word, word.index(key)) for word in words]
    found: set[str] = set()
    pos = text.find(key)
    while pos >= 0 and len(found) < len(offsets):
        for word, shift in offsets:
            if pos >= shift and word not in found and text.startswith(word, pos - shift):
                found.add(word)
        pos = text.find(key, pos + 1)
    return found


def positions(text: str, word: str) -> list[int]:
    """Every offset of `word` in `text`, in order, overlapping ones included."""
    found: list[int] = []
    pos = text.find(word)
    while pos >= 0:
        found.append(pos)
        pos = text.find(word, pos + 1)
    return found


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` occurs in `text`."""
    return any(map(text.__contains__, words))
