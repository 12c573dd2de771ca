"""The decision date: as printed, or resolved to an ISO date against the publication time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from summarizer import tables

_MONTH_NAMES = "|".join(
    sorted(
        (re.escape(k.capitalize()) + (r"\.?" if len(k) <= 4 else "") for k in tables.MONTHS),
        key=len,
        reverse=True,
    )
)
_DATE = re.compile(
    rf"\b(?P<md>(?:{_MONTH_NAMES}) (?P<day>\d{{1,2}})(?:, (?P<year>\d{{4}}))?)\b(?!:)"
    rf"|\b(?P<wd>{'|'.join(tables.WEEKDAYS)})\b"
    r"|\b(?P<rel>(?:[Ll]ast|[Tt]his|[Ee]arlier this) week|[Tt]oday|[Yy]esterday|[Tt]onight)\b"
)


# The words a match of `_DATE` starts with, grouped by a shorter word each holds: the sentence
# is searched for these few words and the pattern tried only where a date can start, instead of
# at every offset (a leading `\b` keeps the regex engine from skipping ahead by itself).
_DATE_STARTS = (
    tuple(month.capitalize() for month in tables.MONTHS)
    + tables.WEEKDAYS
    + tuple(
        first + rest
        for word in ("Last week", "This week", "Earlier this week", "Today", "Yesterday", "Tonight")
        for first, rest in ((word[0], word[1:]), (word[0].lower(), word[1:]))
    )
)


def _date_keys() -> tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]:
    """(key, ((offset of the key in a start word, the start words), ...)) for every key."""
    grouped: dict[str, dict[int, list[str]]] = {}
    for word in _DATE_STARTS:
        key = next((k for k in ("day", "week", "night") if k in word), word[:3])
        grouped.setdefault(key, {}).setdefault(word.index(key), []).append(word)
    return tuple(
        (key, tuple((offset, tuple(words)) for offset, words in by_offset.items()))
        for key, by_offset in grouped.items()
    )


_DATE_KEYS = dict(_date_keys())
# All keys but "night" in one pattern: none of them can overlap another in a text (no proper
# suffix of one is a prefix of another), so its matches are every occurrence of each. "night"
# could overlap "Jan" or "Jun" and is searched for on its own.
_DATE_KEY = re.compile("|".join(key for key in _DATE_KEYS if key != "night"))


def _dates(norm: str) -> Iterator[re.Match[str]]:
    """`_DATE.finditer(norm)`, the pattern tried only at the offsets where a start word is."""
    starts: set[int] = set()
    for key in _DATE_KEY.finditer(norm):
        _add_starts(norm, key.start(), _DATE_KEYS[key.group()], starts)
    pos = norm.find("night")
    while pos >= 0:
        _add_starts(norm, pos, _DATE_KEYS["night"], starts)
        pos = norm.find("night", pos + 1)
    end = 0
    for start in sorted(starts):
        if start >= end:
            m = _DATE.match(norm, start)
            if m:
                end = m.end()
                yield m


def _add_starts(
    norm: str, pos: int, choices: tuple[tuple[int, tuple[str, ...]], ...], starts: set[int]
) -> None:
    """Add the offsets where a start word holding the key found at `pos` begins."""
    for offset, words in choices:
        start = pos - offset
        if start >= 0 and norm.startswith(words, start):
            starts.add(start)


def find_date(norm: str, text: str, anchor: int) -> str | None:
    """The date expression nearest to `anchor` (the decision verb) in one sentence, as printed."""
    best: tuple[int, str] | None = None
    for m in _dates(norm):
        if m.group("md") and m.group("day") and int(m.group("day")) > 31:
            continue
        distance = abs(m.start() - anchor)
        if best is None or distance < best[0]:
            best = (distance, text[m.start() : m.end()])
    return best[1] if best else None


def resolve(printed: str, published: datetime | None) -> str:
    """ISO date for `printed` when `published` makes it computable, else `printed` unchanged."""
    if published is None:
        return printed
    day = published.date()
    low = printed.lower().strip()
    if low in ("today", "tonight"):
        return day.isoformat()
    if low == "yesterday":
        return (day - timedelta(days=1)).isoformat()
    for i, name in enumerate(tables.WEEKDAYS):
        if low == name.lower():
            back = (day.weekday() - i) % 7
            return (day - timedelta(days=back)).isoformat()
    m = re.match(r"([a-z]+)\.? (\d{1,2})(?:, (\d{4}))?$", low)
    if m and m.group(1) in tables.MONTHS:
        month, dom = tables.MONTHS[m.group(1)], int(m.group(2))
        year = int(m.group(3)) if m.group(3) else day.year
        try:
            value = date(year, month, dom)
        except ValueError:
            return printed
        if not m.group(3) and value > day + timedelta(days=1):
            try:
                value = date(year - 1, month, dom)
            except ValueError:
                return printed
        return value.isoformat()
    return printed
