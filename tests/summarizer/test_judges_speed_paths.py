"""The shortcuts in judge finding read exactly what the plain patterns read."""

from __future__ import annotations

import random
import re

from summarizer import tables
from summarizer.gates import fold
from summarizer.judges import (
    _APPOSITIVE,
    _APPOSITIVE_CUE,
    _LIST,
    _LIST_PLAIN,
    _LOWER_BEFORE,
    _LOWER_BEFORE_ENDS,
    _MAJORITY,
    _MAJORITY_WORDS,
    _NY_AFTER,
    _NY_APPEALS_AFTER,
    _NY_APPEALS_BEFORE,
    _NY_BEFORE,
    _NY_JUDGE_BEFORE,
    _NY_JUSTICE_TITLE,
    _NY_JUSTICE_TITLES,
    _NY_LAST_LETTERS,
    _NY_LAST_WORDS,
    _NY_MARKER,
    _NY_MARKER_WORDS,
    _POSITIVE_AFTER,
    _POSITIVE_VERBS,
    _SINGLE,
    _SINGLE_PLAIN,
    _STATE_BEFORE,
    _bare_positions,
    _county_of,
    _mentions_panel,
    _read_text,
    _surname,
    _titled,
    _trim,
    literal_trie,
    new_york_supreme,
)
from summarizer.names import surname, trim_name
from summarizer.text import prepare

_PIECES = [
    *tables.JUDGE_TITLES,
    "Judges",
    "Justices",
    "judge",
    "County",
    "Parish",
    "Cook",
    "Harris County Circuit Judge",
    "Ann",
    "Lee",
    "J.",
    "de",
    "Jr.",
    ", Jr.",
    "Lee's",
    "Lee-Ray",
    "xLee",
    "and",
    ",",
    ", a federal judge",
    ", the senior district judge",
    "said",
    "wrote",
    "the",
    "The",
    "\u00a0",
    "  ",
    "\u2003",
    ".",
    ";",
    "\n",
]


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))


def test_literal_trie_matches_exactly_its_words():
    words = ["Judge", "Justice", "Chief Judge", "Chief Justice", "Juror"]
    pattern = re.compile(literal_trie(sorted(words)))
    for word in words:
        assert pattern.fullmatch(word)
    for other in ("Judg", "Chief", "Jurors", "Justices", ""):
        assert not pattern.fullmatch(other)


def test_titled_search_finds_what_each_sentence_scan_finds():
    rng = random.Random(11)
    for _ in range(3000):
        doc = prepare("\n\n".join(_text(rng) for _ in range(rng.randint(1, 4))))
        view = _read_text(doc.norm_text, doc.starts, doc.sentences)
        for plain, full, anchors in (
            (_SINGLE_PLAIN, _SINGLE, view.title_at),
            (_LIST_PLAIN, _LIST, view.plural_at),
        ):
            found = _titled(view, anchors, plain, full)
            got = [(s.index, m.start() - first, m.group(0)) for m, s, first in found]
            want = [
                (s.index, m.start(), m.group(0))
                for s in doc.sentences
                for m in full.finditer(s.norm)
            ]
            assert got == want, doc.norm_text


def test_lower_case_sentences_are_those_printing_judge_or_justice():
    rng = random.Random(12)
    for _ in range(500):
        doc = prepare(_text(rng) + ". " + _text(rng))
        view = _read_text(doc.norm_text, doc.starts, doc.sentences)
        want = [s.index for s in doc.sentences if "judge" in s.norm or "justice" in s.norm]
        assert view.lower == want


def test_appositive_cue_is_present_in_every_appositive_match():
    rng = random.Random(13)
    for _ in range(2000):
        text = _text(rng)
        if _APPOSITIVE.search(text):
            assert _APPOSITIVE_CUE.search(text), text


def test_bare_positions_are_the_whole_word_regex_matches():
    rng = random.Random(14)
    for _ in range(2000):
        doc = prepare(_text(rng) + ". " + _text(rng))
        for key in ("Lee", "Ann", "Cook"):
            pattern = re.compile(rf"(?<![\w-]){re.escape(key)}(?![\w-])")
            assert _bare_positions(key, doc) == [m.start() for m in pattern.finditer(doc.norm_text)]


def test_trim_agrees_with_trim_name():
    rng = random.Random(15)
    for _ in range(3000):
        name = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 4)))
        assert _trim(name) == trim_name(name), name


def test_surname_read_off_the_last_space_agrees_with_surname():
    rng = random.Random(21)
    tokens = ["Ann", "Lee", "O'Neill", "Okonkwo-Barr", "J.", "Jr.", "Sr.", "II", "IV", "de", ","]
    tokens += ["", " ", "\t", "\u00a0", "\u2009", "Lee\u00a0Roe", "Roe,", "\n", "\u0085"]
    for _ in range(5000):
        name = rng.choice([" ", "", ", "]).join(rng.choices(tokens, k=rng.randint(0, 5)))
        assert _surname(name) == surname(name), repr(name)


def test_positive_verbs_pattern_agrees_with_the_alternation_in_list_order():
    plain = re.compile(rf"^[^;\"]{{0,110}}?\b(?:{'|'.join(_POSITIVE_VERBS)})\b")
    rng = random.Random(16)
    words = [*_POSITIVE_VERBS, "writ", "wrotes", "said;", '"', "x" * 40, "Judge", "-"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        assert bool(_POSITIVE_AFTER.search(text)) == bool(plain.search(text)), text


def test_word_gates_never_rule_out_their_pattern():
    samples = [
        "Justice Lee WROTE the majority opinion.",
        "writing for a divided court, Justice Lee",
        "The opinion was authored by Justice Lee.",
        "Justice Lee delivered the opinion",
        "for a unanimous court",
        "wrote for the \u017fupreme majority",
        "The ruling by ",
        "The ruling by \n",
        "He agreed with ",
    ]
    for text in samples:
        if _MAJORITY.search(text):
            assert any(w in fold(text) for w in _MAJORITY_WORDS), text
        if _LOWER_BEFORE.search(text):
            assert text.endswith(_LOWER_BEFORE_ENDS), text


def test_panel_test_reads_the_first_3000_characters_only():
    assert _mentions_panel("a panel of three")
    assert not _mentions_panel("x" * 2998 + "panel")
    assert _mentions_panel("x" * 2989 + "three-judge")


def test_title_words_found_by_their_first_letter_are_every_occurrence():
    rng = random.Random(15)
    extra = ["JJudge", "jjudges", "Justices ", "Chancellors ", "Jan", "just", "Ju", "Chancellor"]
    pieces = [*_PIECES, *extra]
    for _ in range(1000):
        text = "".join(
            rng.choice(pieces) + rng.choice(("", " ")) for _ in range(rng.randint(1, 30))
        )
        view = _read_text(text, [0], [])
        want = sorted(m.start() for m in re.finditer("Judge|Justice|Chancellor", text))
        assert view.title_at == want, text
        plural = [p for p in want if re.match("(?:Judge|Justice|Chancellor)s ", text[p:])]
        assert view.plural_at == plural, text


# New York's court names and near misses, packed so that places, "state" and the court overlap.
_NY_PIECES = [
    "Supreme Court",
    "Supreme Court Justice",
    "Manhattan",
    "the Bronx",
    "Bronx",
    "Staten Island",
    "Nassau County",
    "St. Lawrence County",
    "New York",
    "New York State",
    "state",
    "State",
    "acting",
    "Acting",
    "Ohio",
    "U.S.",
    "West Virginia",
    "Texas's",
    "in Brooklyn",
    "of the State of New York, County of Kings",
    "'s Appellate Division",
    "Appellate Division of the",
    "judge in Queens,",
    "Manhattan judge,",
    "judge,",
    "Justice",
    "N.Y.",
    "County Supreme Court",
    "Newark",
    "Yorkshire",
    "\n",
    ",",
    "x",
]


def _ny_texts() -> list[str]:
    rng = random.Random(21)
    return [
        rng.choice(["", " "]).join(rng.choices(_NY_PIECES, k=rng.randint(1, 12)))
        for _ in range(3000)
    ]


def test_place_before_the_court_is_tried_only_after_the_words_every_match_ends_with():
    for text in _ny_texts():
        at = text.find("Supreme Court")
        while at >= 0:
            if _NY_BEFORE.search(text, max(0, at - 40), at):
                assert at > 1 and text[at - 2] in _NY_LAST_LETTERS, text
                assert text.endswith(_NY_LAST_WORDS, 0, at), text
            at = text.find("Supreme Court", at + 1)


def test_new_york_court_reading_is_the_plain_patterns_reading():
    def plain(text: str, at: int) -> tuple[int, str | None, bool] | None:
        """The reading with every pattern tried, and a state looked for over the whole text
        before "state" (the reading looks over the 40 characters that hold any state's name)."""
        before = _NY_BEFORE.search(text, max(0, at - 40), at)
        after = _NY_AFTER.match(text, at + len("Supreme Court"))
        start, named, county = at, False, None
        if before is not None and before.group("place"):
            start, named, county = before.start(), True, _county_of(before.group("place"))
        elif before is not None and not _STATE_BEFORE.search(text, 0, before.start()):
            start = before.start()
        if after is not None:
            named = True
            if county is None:
                city = after.group("city")
                county = (
                    _county_of(city) if city else after.group("formal") or after.group("county")
                )
        if not named and start == at:
            return None
        appeals = bool(_NY_APPEALS_AFTER.match(text, at + len("Supreme Court"))) or bool(
            _NY_APPEALS_BEFORE.search(text, max(0, start - 30), start)
        )
        return start, county, appeals

    for text in _ny_texts():
        at = text.find("Supreme Court")
        while at >= 0:
            got = new_york_supreme(text, at, lambda: True)
            assert got == plain(text, at), (text, at)
            at = text.find("Supreme Court", at + 1)


def test_judge_before_a_justice_is_tried_only_after_a_comma_and_the_word_judge():
    for text in [*_ny_texts(), "A state judge in Manhattan, ", "A Manhattan judge, "]:
        for end in range(len(text) + 1):
            if _NY_JUDGE_BEFORE.search(text, max(0, end - 50), end):
                assert text.endswith(", ", 0, end), text
                assert text.find("judge", max(0, end - 50), end) >= 0, text


def test_new_york_markers_are_present_wherever_the_marker_pattern_matches():
    for text in _ny_texts():
        if _NY_MARKER.search(text):
            assert any(word in text for word in _NY_MARKER_WORDS), text


def test_justice_titles_read_by_set_are_those_the_title_pattern_matches():
    for title in tables.JUDGE_TITLES:
        assert (title in _NY_JUSTICE_TITLES) == bool(_NY_JUSTICE_TITLE.fullmatch(title)), title
        assert (title[-2] == "c") == title.endswith("Justice"), title
