"""The outcome verbs are tried only where a match can begin; that must never lose a match."""

from __future__ import annotations

import re
from pathlib import Path

from summarizer import outcome
from summarizer.gates import fold
from summarizer.text import prepare

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "dev_articles" / "articles"

TRICKY = [
    "The judge \u017fentenced him; the court DISMISSED the suit.",
    "The court D\u0130SM\u0130SSED the case and the panel \u0130n part reversed.",
    "BOSTON \u2014 A judge blocked\u2014then un-blocked\u2014the rule (blocked-in).",
    'The court\'s order_blocked nothing; re-blocked? "Blocked" the policy.',
    "A judge again\u00a0blocked it; temporarily blocked; Temporarily Blocked the ban.",
    "caf\u00e9blocked the rule; blocked\u00e9 the rule; the judge won't block the law.",
    "The Court ruled in favor of the city, sided with it, and found Acme Corp. liable.",
]


def dev_sentences(tricky: list[str]) -> list[str]:
    """`tricky`, then the sentences of twelve dev articles as printed, upper- and lower-cased."""
    out = list(tricky)
    for path in sorted(ARTICLES.glob("*.txt"))[:12]:
        raw = path.read_text(encoding="utf-8")
        for text in (raw, raw.upper(), raw.lower()):
            out.extend(s.norm for s in prepare(text).sentences)
    return out


def _sentences() -> list[str]:
    return dev_sentences(TRICKY)


def test_every_pattern_here_has_word_openings():
    assert outcome._OUTCOMES.unopened == ()
    assert outcome._MOTION_OPENINGS.unopened == ()
    assert outcome._ACTORS.unopened == ()


def test_openings_of_simple_patterns():
    assert sorted(outcome._openings(r"\b(?:a|b)c(?:ed|s)?\b", re.I) or []) == [
        ("ac", True),
        ("aced", True),
        ("acs", True),
        ("bc", True),
        ("bced", True),
        ("bcs", True),
    ]
    assert outcome._openings(r"\bin part\b", re.I) == [("in part", False)]
    # A case-sensitive pattern, or one that asks more after the word: openings, not matches.
    assert outcome._openings(r"\bac\b", 0) == [("ac", False)]
    assert outcome._openings(r"\bac\b(?! x)", re.I) == [("ac", False)]
    assert outcome._openings(r"\bcirc\.\b", re.I) == [("circ.", False)]
    # No word boundary before, or the first word may go on: no openings.
    assert outcome._openings(r"out\b", re.I) is None
    assert outcome._openings(r"\bnominat\w+", re.I) is None
    assert outcome._openings(r"\bblock", re.I) is None


def _indexed() -> list[tuple[outcome.Openings, list[re.Pattern[str]]]]:
    return [
        (outcome._OUTCOMES, [p for p, _, _, _ in outcome._PATTERNS]),
        (outcome._MOTION_OPENINGS, [p for p, _, _ in outcome._MOTIONS]),
        (outcome._ACTORS, [outcome._ACTOR]),
    ]


def test_patterns_tried_at_their_openings_find_what_a_search_finds():
    for norm in _sentences():
        folded = fold(norm)
        for openings, patterns in _indexed():
            opened = openings.opened(outcome.ascii_words(folded))
            for index, pattern in enumerate(patterns):
                expected = [(m.start(), m.end()) for m in pattern.finditer(norm)]
                if index not in opened:
                    assert expected == [], (index, norm)
                    continue
                starts = opened[index]
                assert starts is not None
                got = [
                    (m.start(), m.end()) for m in outcome.anchored(pattern, norm, folded, starts)
                ]
                assert got == expected, (index, norm)
                first = outcome.first_match(pattern, norm, folded, starts)
                assert (first and (first.start(), first.end())) == (
                    expected[0] if expected else None
                ), (index, norm)


def test_court_cue_scan_agrees_with_the_cue_pattern():
    cue = re.compile(r"\b(?:the|The) (?:judge|court|panel|justices|majority|chancellor)\b")
    texts = [
        "The court ruled. Bathe court. the judges met.\nthe judge\nThe panel\u2014the majority.",
        "he court at the start; xthe court; _the court; 9the panel; \u00e9the judge; THE COURT.",
        "the chancellor. the justices, the courthouse; the court_x; the court-ordered plan.",
    ]
    for path in sorted(ARTICLES.glob("*.txt"))[:12]:
        texts.append(path.read_text(encoding="utf-8"))
    for text in texts:
        doc = prepare(text)
        expected = {s.index for s in doc.sentences if cue.search(s.norm)}
        assert outcome._court_cued(doc) == expected, text[:80]


def test_actor_shortcut_agrees_with_the_actor_pattern():
    samples = [
        "The courté ruled.",
        "Judgement day; the Circ. Ct. said",
        "The Circ.5 panel",
        "The \u212aourt said",
        "JUDGES agreed",
        "no actor here",
    ]
    for norm in _sentences() + samples:
        low = norm.lower()
        folded = low if low.isascii() else fold(norm)
        words = outcome.ascii_words(folded)
        assert outcome._has_actor(norm, folded is low, words) == bool(
            outcome._ACTOR.search(norm)
        ), norm
