"""Dates looked for only where a start word is agree with the plain date pattern."""

from __future__ import annotations

import random

from summarizer import dates

_WORDS = [
    "Jan.", "January", "Sept.", "Sep", "May", "Mayor", "March", "Mar.", "Monday", "Mondays",
    "Tuesday", "today", "Today", "yesterday", "Yesterday", "tonight", "Tonight", "Janight",
    "last", "Last", "this", "This", "earlier", "Earlier", "week", "weekend", "5", "31", "32",
    "2024", "12:30", ",", "on", "the", "xToday", "Jul", "Julyx", "Dec", "December", "1", "١٢",
    "Wednesday", "Saturday", "Sunday", "Friday", "Thursday", "Oct", "Nov", "Feb", "Apr", "Aug",
    "Jun", "June",
]  # fmt: skip


def test_date_keys_other_than_night_cannot_overlap():
    keys = [key for key in dates._DATE_KEYS if key != "night"]
    for first in keys:
        for second in keys:
            for cut in range(1, len(first)):
                assert not second.startswith(first[cut:]), (first, second)


def test_every_date_start_word_is_found_through_its_key():
    for word in dates._DATE_STARTS:
        text = f"on {word} 5, 2024 and"
        assert [m.span() for m in dates._dates(text)] == [
            m.span() for m in dates._DATE.finditer(text)
        ], word


def test_dates_agree_with_the_pattern():
    rng = random.Random(5)
    separators = [" ", " ", " ", ", ", "", ".", ":"]
    for _ in range(20000):
        text = "".join(
            rng.choice(_WORDS) + rng.choice(separators) for _ in range(rng.randint(1, 20))
        )
        expected = [(m.span(), m.groupdict()) for m in dates._DATE.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in dates._dates(text)] == expected, text
