"""The embedded-quote search that starts late agrees with the plain pattern."""

from __future__ import annotations

import random

from summarizer import quotes

_SPEAKERS = [
    "The judge", "the court", "She", "she also", "he", "Smith", "The panel majority of the",
    "the order, in part", "Justice Kessel", "the spokesperson", "X" * 90, "Judge Kessel's",
    "the magistrate " + "y" * 58,
]  # fmt: skip
_VERBS = ["said", "wrote", "also wrote", "says", "told reporters", "noted that", "called it"]
_FILL = ["the", "law", "is", "clear", ",", "and", "ruled", "said", '"', "x" * 30, "dissent"]


def test_embedded_quote_search_agrees_with_the_pattern():
    rng = random.Random(6)
    for _ in range(6000):
        fill = " ".join(rng.choice(_FILL) for _ in range(rng.randint(0, 40)))
        quote = " ".join(rng.choice(_FILL[:5]) for _ in range(rng.randint(1, 12)))
        speaker, verb = rng.choice(_SPEAKERS), rng.choice(_VERBS)
        text = rng.choice(
            [
                f'{speaker} {verb} {fill} "{quote}"',
                f'{fill} {speaker} {verb} "{quote}" {fill}',
                f'{fill} "{quote}," {speaker} {verb}.',
            ]
        )
        expected = quotes._EMBEDDED.search(text)
        got = quotes._embedded(text)
        assert (got and (got.span(), got.groupdict())) == (
            expected and (expected.span(), expected.groupdict())
        ), text
