"""The caption and docket searches that skip work agree with the plain patterns they replace."""

from __future__ import annotations

import random

from summarizer import case
from summarizer.gates import fold
from summarizer.text import prepare

_WORDS = [
    "v.", "v.", "v.", "V.", "v.,", "Smith", "Smith", "Jones", "of", "the", "on", "behalf", "ex",
    "rel.", "et", "al.", "&", "Inc.,", "LLC", "in", "In", "case", "citing", "relied", "after",
    "since", "2019", "decision", "No.", "Nos.", "No", "Case", "ruled", "(Doe", "O'Neil", "Ács",
    "ſ", "caſe", "İn", "number", "Docket", "12-3456", "2:25-cv-02217", "13-CA-318842", "é",
    "—", "24-11732.", "opinion", "framework", "a", "Co.", ";", ")", "x",
]  # fmt: skip
_SEPARATORS = [" "] * 10 + [", ", "", "  ", ". "]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_WORDS) + rng.choice(_SEPARATORS) for _ in range(rng.randint(1, 30)))
        for _ in range(count)
    ]


def test_captions_tried_before_each_versus_are_the_pattern_s_matches():
    for text in _texts(1, 4000):
        expected = [(m.span(), m.groupdict()) for m in case._CAPTION.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in case._caption_matches(text)] == expected, text


def test_precedent_window_agrees_with_the_pattern():
    for text in _texts(2, 4000):
        for end in range(0, len(text) + 1, 5):
            window = text[max(0, end - 60) : end]
            assert case._background(window) == bool(case._BACKGROUND.search(window)), window


def _docket_by_sentence(doc):  # the search as it read before: every sentence, pattern by pattern
    text = doc.norm_text
    if "No." not in text and "Case " not in text and "case n" not in text.lower():
        return None
    for pattern, _, _ in case._DOCKETS:
        for sent in doc.sentences:
            m = pattern.search(sent.norm)
            if m:
                return sent.text[m.start() : m.end()], sent.text
    for sent in doc.sentences:
        if "case n" in fold(sent.norm):
            m = case._CASE_NUMBER.search(sent.norm)
            if m:
                return sent.text[m.start("num") : m.end("num")], sent.text
    return None


def test_docket_found_at_word_offsets_is_the_first_sentence_s():
    texts = _texts(3, 3000)
    rng = random.Random(4)
    found = 0
    for i in range(0, len(texts) - 3, 3):
        body = "\n\n".join(texts[i : i + 3])
        if rng.random() < 0.3:
            body = body.lower()
        doc = prepare(body)
        expected = _docket_by_sentence(doc)
        found += expected is not None
        assert case.find_docket(doc) == expected, body
    assert found > 50
