"""The parties a ruling favours join the side of the known party among them, as first written."""

from __future__ import annotations

import random

from summarizer.parties import _add_winners, _Collector, _Found, _key_tokens, _same_keys
from summarizer.text import prepare

_NAMES = [
    "Jane Smith", "Smith", "John Smith", "State of Kansas", "Kansas", "Acme Corp.", "Acme",
    "the Acme", "U.S. Department of Labor", "Department of Labor", "Labor", "Rowe",
    "Kalista Rowe", "Kalista", "of the", "X",
]  # fmt: skip


def _add_winners_as_written(col: _Collector) -> None:
    keys: dict[str, list[str]] = {}
    for text, sent in col.winners:
        items = col.items(text)
        for name in items + [f.name for f in col.found]:
            keys.setdefault(name, _key_tokens(name))
        sides = {
            f.side
            for f in col.found
            if f.priority >= 1
            and any(_same_keys(i, f.name, keys) or _same_keys(f.name, i, keys) for i in items)
        }
        if len(sides) == 1:
            side = sides.pop()
            for item in items:
                col.add_one(item, side, 1, sent)


def _collector(rnd: random.Random) -> _Collector:
    doc = prepare("The court ruled for them.")
    col = _Collector(doc)
    sent = doc.sentences[0]
    for order in range(rnd.randint(0, 6)):
        name, side = rnd.choice(_NAMES), rnd.choice("pd")
        col.found.append(_Found(name, side, rnd.randint(0, 3), sent, order))
    col.order = len(col.found)
    for number in range(rnd.randint(1, 2)):
        # The winners' lists come cleaned as given, so any name can stand in them.
        text = f"list {number}"
        col.cleaned[text] = rnd.sample(_NAMES, rnd.randint(1, 3))
        col.winners.append((text, sent))
    return col


def test_winners_join_the_side_the_steps_as_first_written_give():
    for seed in range(3_000):
        fast, plain = _collector(random.Random(seed)), _collector(random.Random(seed))
        _add_winners(fast)
        _add_winners_as_written(plain)
        assert [(f.name, f.side, f.priority) for f in fast.found] == [
            (f.name, f.side, f.priority) for f in plain.found
        ], seed
