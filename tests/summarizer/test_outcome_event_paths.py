"""The event reading that skips work agrees with the plain reading it stands for: the outcome
patterns run at the offsets `_tries` finds, and the words before a verb read backwards."""

from __future__ import annotations

import random
import re

from summarizer import outcome, tables
from summarizer.gates import fold, has_any
from tests.summarizer.test_outcome_speed_paths import dev_sentences

TRICKY = [
    "The judge \u017fentenced him; the court DISMISSED the suit.",
    "The court D\u0130SM\u0130SSED the case and the panel \u0130n part reversed.",
    "He was found in part liable; in party lines; In Part, the court found unconstitutional.",
    "The court did not dismiss, would not block, won't stay, will not halt, does not reverse.",
    "Judges threw out the law, tossed out the suit, tossed the case and wiped out the award.",
    "She set aside the rule; sets aside; setting aside the order; set a side.",
    "The judge entered judgment for X and entered a judgment in favor of Y; rendered a verdict.",
    "The court granted summary judgment to the city and granted approval to the settlement.",
    "caf\u00e9 in part; \u00e9in part; in part\u00e9; the court in partial agreement",
]


def _sentences() -> list[str]:
    return dev_sentences(TRICKY)


def test_patterns_tried_at_the_found_offsets_match_as_the_trigger_gate_and_a_search_do():
    for norm in _sentences():
        low = norm.lower()
        ascii_text = low.isascii()
        folded = low if ascii_text else fold(norm)
        table = outcome._OUTCOME_WORDS_ASCII if ascii_text else outcome._OUTCOME_WORDS_OTHER
        hits = outcome._OUTCOMES.words.intersection(outcome.ascii_words(folded))
        tries = outcome._tries(low, folded, hits, table)
        for index, (pattern, _, _, triggers) in enumerate(outcome._PATTERNS):
            expected = (
                [m.span() for m in pattern.finditer(norm)] if has_any(low, tuple(triggers)) else []
            )
            offsets = tries.get(index)
            got = [] if offsets is None else outcome._matches_at(pattern, norm, offsets)
            assert [m.span() for m in got] == expected, (index, norm)
            assert offsets is None or offsets == sorted(set(offsets)), (index, norm)


_BREAK = re.compile(r"[,;:—(]|\b(?:and|but|while|after|because|as|which|who)\b")
_WORD = re.compile(r"[\w']+")


def _plain_words_before(norm: str, start: int) -> list[str]:
    head = norm[max(0, start - 60) : start]
    breaks = list(_BREAK.finditer(head))
    tail = head[breaks[-1].end() :] if breaks else head
    return [w.lower() for w in _WORD.findall(tail)][-4:]


def test_words_read_backwards_from_a_verb_are_the_last_words_after_the_clause_break():
    pieces = [
        "and", "And", "but", "while", "after", "because", "as", "which", "who", "who's", "'and",
        "and'", "x'as'y", "band", "sand's", "was", "been", "be", "has", "had", "will", "won't",
        "didn't", "to", "not", "sought", "judge", "the", ",", ";", ":", "—", "(", ")", ".", "'",
        "''", "é", "İ", "ſ", "ΣΑΣ", "_", "9", "n't", "x" * 30,
    ]  # fmt: skip
    separators = [" ", " ", "  ", "", ", ", ".", "-", "\u00a0"]
    rng = random.Random(8)
    for _ in range(40000):
        text = "".join(
            rng.choice(pieces) + rng.choice(separators) for _ in range(rng.randint(0, 25))
        )
        text += "blocked it"
        for start in (len(text) - 10, len(text), 0, 1, 61, 62, rng.randint(0, len(text))):
            start = max(0, min(start, len(text)))
            assert outcome._words_before(text, start) == _plain_words_before(text, start), (
                text,
                start,
            )


def _intent(text: str, verb: str, cls: str) -> bool:
    return outcome._is_intent_or_negated(text, text.index(verb), cls)


def test_intent_negation_and_background_before_a_verb():
    assert _intent("He sought to block it", "block", "blocked")
    assert _intent("The judge didn't block it", "block", "blocked")
    assert _intent("The rule had been blocked", "blocked", "blocked")
    assert not _intent("The judge blocked it", "blocked", "blocked")
    assert not _intent("The judge will sentence him", "sentence", "sentenced")
    assert _intent("The judge will sentence him", "sentence", "blocked") is False
    assert not _intent("He sought relief, and the judge blocked it", "blocked", "blocked")
    assert _intent("He wants the judge to block it", "block", "blocked")


def test_upheld_object_words_are_the_whole_words_the_noun_patterns_match():
    vocabulary = set()
    for nouns in (tables.AFFIRM_NOUNS, tables.LAW_NOUNS):
        for alternative in nouns.replace("?", "").split("|"):
            for word in alternative.split():
                vocabulary.update({word, word + "s", word[:-1], word + "x", word.upper()})
    vocabulary.update({"", "law)", "rule's", "orders.", "ordered", "the", "Win", "wins", "s"})
    for text in TRICKY + _sentences()[:400]:
        vocabulary.update(text.split())
    for word in vocabulary:
        bare = word.strip(",.;:'\"").lower()
        assert (bare in outcome._AFFIRM_WORDS) == bool(outcome._AFFIRM.fullmatch(bare)), bare
        assert (bare in outcome._LAW_WORDS) == bool(outcome._LAW.fullmatch(bare)), bare


def test_background_cue_test_is_the_gated_search():
    for norm in TRICKY + _sentences():
        for text in (norm, norm[:120], norm[-120:]):
            expected = outcome._DISTRACTOR.search(text) is not None
            assert outcome._distracted(text) == expected, text


def test_background_cues_tried_at_their_starts_are_what_the_cue_pattern_finds():
    pieces = [
        "separate", "Separate", "unrelated", "similar", "earlier", "EARLIER", "previous",
        "previously", "prior", "another", "other", "mother", "last", "this", "past", "parallel",
        "civil", "criminal", "in", "In", "1999", "2024", "19", "nominated", "nominee", "nomin",
        "assigned", "to", "who", "that", "which", "had", "Had", "already", "blocked", "struck",
        "case", "cases", "lawsuit", "suit", "ruling", "order", "year", "month", "fall", "the",
        "judge", "law", "\u00e9", "\u0130n", "\u017fimilar", "\u212aase", ",", ".", "-", "x" * 20,
    ]  # fmt: skip
    separators = [" ", " ", " ", "", ", ", "\u00a0"]
    rng = random.Random(13)
    for _ in range(30000):
        text = "".join(
            rng.choice(pieces) + rng.choice(separators) for _ in range(rng.randint(1, 16))
        )
        expected = outcome._DISTRACTOR.search(text) is not None
        assert outcome._distracted(text) == expected, text
