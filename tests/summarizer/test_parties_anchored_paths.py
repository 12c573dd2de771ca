"""Patterns tried only where their words are printed find what a search from every place finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from summarizer import parties
from summarizer.parties import _Anchored
from summarizer.text import prepare

_ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "dev_articles" / "articles"
_ANCHORED = {name: value for name, value in vars(parties).items() if isinstance(value, _Anchored)}

_PHRASES = [
    "sued", "had sued", "have jointly sued", "then suing", "sues", "issue", "was sued by ",
    "challenged by ", "filed", " by ", "brought", "The lawsuit", "suit", "case", "named ",
    " as defendants", "The defendants are ", "plaintiffs ", "Named plaintiffs, ", "co-plaintiff",
    "joined as co-plaintiffs", "led the suit with ", "lawsuit against ", "class action",
    "accusing ", "won approval", "filed a lawsuit", "ruled in favor of ", "sided with the ",
    "found that ",
    "Acme Corp.", "Jane Smith", "violated", "conviction of ", "sentencing ", "alleged", " that",
    "contend", "granted summary judgment to ", "Smith", ", ", ". ", "x", "the ", "complaint ",
    ", who ", ", which ", "had ", "challenged ", "the law", "new rules", "dispute that ",
    " brought against ", "petition ", "action which ", "U.S. ", "Inc. ", "Co.", " as defendant",
]  # fmt: skip


def _spans(matches: list) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    return [m.span() for m in matches]


def _texts() -> list[str]:
    texts = [
        s.norm for p in sorted(_ARTICLES.glob("*.txt")) for s in prepare(p.read_text()).sentences
    ]
    rnd = random.Random(5)
    for _ in range(3_000):
        texts.append("".join(rnd.choice(_PHRASES) for _ in range(rnd.randint(1, 10))))
    return texts


@pytest.mark.parametrize("name", sorted(_ANCHORED))
def test_anchored_matches_are_the_plain_search_matches(name: str) -> None:
    anchored = _ANCHORED[name]
    for text in _texts():
        plain = list(anchored.pattern.finditer(text))
        assert _spans(anchored.finditer(text)) == _spans(plain), (name, text)
