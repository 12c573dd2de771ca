"""The sentences each rule is tried on and the names' key tokens, as the plain steps give them."""

from __future__ import annotations

import random
from pathlib import Path

from summarizer.parties import (
    _ALL_MASKS,
    _CIVIL_MASKS,
    _COMMA_DIGIT,
    _COMMA_DIGIT_MASK,
    _key_tokens,
    _visits,
)
from summarizer.text import prepare

_ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "dev_articles" / "articles"
_PIECES = [
    "sued", "suing", " by ", "plaintiffs", "alleged", "in favor of ", "judgment", "sided with ",
    "led the ", "against", "defendant", "accused", "approval", "filed", "found", "finds",
    "concluded", "sentenced", "convicted", "trial", "prosecution", "petitioner, ", "appellant, ",
    "Office", " for the State of ", ", 5", "Smith", "the", ". ", "\n\n", "x", "\u2014",
]  # fmt: skip


def _visits_per_sentence(text: str, criminal: bool) -> list[tuple[int, int]]:
    doc = prepare(text)
    out = []
    for sent in doc.sentences:
        mask = 0
        for word, bits in (_ALL_MASKS if criminal else _CIVIL_MASKS).items():
            if word in sent.norm:
                mask |= bits
        if criminal and _COMMA_DIGIT.search(sent.norm):
            mask |= _COMMA_DIGIT_MASK
        if mask:
            out.append((sent.index, mask))
    return out


def test_rules_visit_the_sentences_holding_their_words():
    texts = [p.read_text() for p in sorted(_ARTICLES.glob("*.txt"))]
    rnd = random.Random(17)
    texts += ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 40))) for _ in range(600)]
    for text in texts:
        for criminal in (False, True):
            assert _visits(prepare(text), criminal) == _visits_per_sentence(text, criminal), text


def test_key_tokens_are_the_stripped_lower_case_tokens():
    names = [
        "U.S. Department of Labor", "Smith, Jones and the Co.", "The People", "Acme Corp.",
        "Jane  Smith", "\u00c9lan of THE Sea", ".", ",", "", "and of the", "A.B. Smith,",
    ]  # fmt: skip
    for name in names:
        expected = [t.strip(",.") for t in name.lower().split() if t not in ("the", "of", "and")]
        assert _key_tokens(name) == expected, name
