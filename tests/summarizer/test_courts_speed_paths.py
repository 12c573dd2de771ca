"""The court finder's shortcuts give what the plain searches they replace give."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from summarizer import courts
from summarizer.gates import anchored_finditer, fold
from summarizer.text import prepare

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "dev_articles" / "articles"

# Court names and near misses packed tightly, so anchors, key words and windows overlap.
_PIECES = (
    "U.S. District Court for the Southern District of New York",
    "U.S. Bankruptcy Court for the District of Delaware",
    "U.S. District Court in Boston",
    "U.S. Court of Appeals for the 9th Circuit",
    "5th U.S. Circuit Court of Appeals",
    "Ninth Circuit",
    "the D.C. Circuit Court",
    "Supreme Court of the United States",
    "Supreme Court of Texas",
    "U.S. Supreme Court",
    "West Virginia Supreme Court",
    "New York Court of Appeals",
    "Texas Court of Criminal Appeals",
    "Illinois Appellate Court",
    "Appellate Division of the New York Supreme Court",
    "Manhattan Supreme Court",
    "state Supreme Court in Brooklyn",
    "Nassau County Supreme Court",
    "Supreme Court of the State of New York",
    "New York State Supreme Court",
    "the Supreme Court in Manhattan",
    "Third District Court of Appeal",
    "Los Angeles County Superior Court",
    "Cook County",
    "Orange County County Circuit Court",
    "Philadelphia County Court of Common Pleas",
    "Davidson County Chancery Court",
    "Court of Chancery",
    "Ohio Circuit Court",
    "U.S. Court of International Trade",
    "U.S. Court of Federal Claims",
    "U.S. Tax Court",
    "federal court in Miami",
    "state court in Austin",
    "federal judge in Seattle",
    "A Boston federal judge",
    "in the Northern District of Illinois",
    "Judge Ann Lee of the Eastern District of Texas",
    "the Supreme Court",
    "the justices",
    "CourtCounty",
    "Criminal AppealsClaims",
    "District Court forDistrict Court",
)


def _texts() -> list[str]:
    rng = random.Random(11)
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    for _ in range(300):
        picked = rng.choices(_PIECES, k=rng.randint(1, 8))
        glue = rng.choice(["", " ", ". ", " and ", "\n"])
        texts.append(glue.join(picked))
    return texts


def _words_overlap(a: str, b: str) -> bool:
    if a != b and (a in b or b in a):
        return True
    return any(a.endswith(b[:k]) for k in range(1, min(len(a), len(b))))


def test_key_words_of_a_group_never_overlap_so_one_pass_finds_every_occurrence() -> None:
    for group in courts._KEY_GROUPS:
        for a in group:
            for b in group:
                assert not _words_overlap(a, b), (a, b)


@pytest.mark.parametrize("text", _texts()[:60] + _texts()[-120:])
def test_anchor_table_lists_what_the_plain_search_loop_visits(text: str) -> None:
    present = courts._anchor_positions(text)
    for anchor in courts._ANCHORS:
        expected = []
        pos = text.find(anchor)
        while pos >= 0:
            expected.append(pos)
            pos = text.find(anchor, pos + len(anchor))
        assert present.get(anchor, []) == expected, anchor


def _ungated_scan(norm: str, where, wanted: str):  # type: ignore[no-untyped-def]
    """The scan as it was before the gates: every anchor occurrence's window searched."""
    gated = courts._PAIRS
    courts._PAIRS = tuple((p, lv, r, a, None) for p, lv, r, a, _ in gated)
    try:
        return courts._scan(norm, where, wanted)
    finally:
        courts._PAIRS = gated


@pytest.mark.parametrize("wanted", ["trial", "appellate", "supreme"])
def test_gates_skip_only_windows_that_yield_nothing(wanted: str) -> None:
    for text in _texts():
        doc = prepare(text)
        if not doc.sentences:
            continue
        gated = courts._scan(doc.norm_text, doc.at, wanted)
        plain = _ungated_scan(doc.norm_text, doc.at, wanted)
        assert [(c.name, c.rank, c.position) for c in gated] == [
            (c.name, c.rank, c.position) for c in plain
        ]


def _spans(matches) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return [m.span() for m in matches]


def test_extra_finder_gates_skip_only_windows_that_yield_nothing() -> None:
    for text in _texts():
        norm = prepare(text).norm_text
        present = courts._anchor_positions(norm)

        circuits = [
            p
            for p in present.get("Circuit", [])
            if not norm.startswith(" Court", p + 7)
            and norm.endswith(courts._SHORT_CIRCUIT_ENDS, 0, p)
        ]
        assert _spans(courts._anchored(courts._SHORT_CIRCUIT, norm, "Circuit", circuits)) == _spans(
            anchored_finditer(courts._SHORT_CIRCUIT, norm, "Circuit")
        )

        supremes = courts._passing(
            norm, "Supreme Court", present.get("Supreme Court", []), courts._BARE_SUPREME_ENDS
        )
        assert _spans(
            courts._anchored(courts._BARE_SUPREME, norm, "Supreme Court", supremes)
        ) == _spans(anchored_finditer(courts._BARE_SUPREME, norm, "Supreme Court"))

        districts = courts._passing(
            norm, "District of", courts._find_all(norm, "District of"), courts._DISTRICT_TAIL
        )
        assert _spans(
            courts._anchored(courts._DISTRICT_ONLY, norm, "District of", districts)
        ) == _spans(anchored_finditer(courts._DISTRICT_ONLY, norm, "District of"))

        judges = [
            p
            for p in courts._find_all(norm, "federal judge")
            if courts._could_be_federal_judge_in(norm, p)
        ]
        assert _spans(
            courts._anchored(courts._FEDERAL_JUDGE_IN, norm, "federal judge", judges)
        ) == _spans(anchored_finditer(courts._FEDERAL_JUDGE_IN, norm, "federal judge"))


# Ordinals, near-ordinals and anchors packed so that matches sit right after one another.
_ORDINAL_PIECES = (
    "115th U.S. Circuit Court of Appeals",
    "5th U.S. Circuit Court of Appeals",
    "Fourteenth U.S. Circuit Court of Appeals",
    "Circuit Court of Appeals",
    "Fourteenth District Court of Appeals",
    "the the Ninth Circuit",
    "the 11th U.S. Circuit",
    "the Fourteenth U.S. Circuit",
    "Thirteenth District Court of Appeal",
    "D.C. Circuit",
    "Federal Circuit Court",
    "12nd Court of Appeal",
    "Fifth Court of Appeals",
    "Circuit",
    "First ",
    "U.S. ",
    "1",
    "the ",
)


def _ordinal_texts() -> list[str]:
    rng = random.Random(5)
    texts = []
    for _ in range(400):
        picked = rng.choices(_ORDINAL_PIECES, k=rng.randint(1, 10))
        texts.append(rng.choice(["", " ", "s", "\n"]).join(picked))
    return texts


def test_short_windows_find_what_full_windows_find() -> None:
    for pattern in courts._HEADS:
        anchors = [a for p, _, _, a, _ in courts._PAIRS if p is pattern] or ["Circuit"]
        for text in _ordinal_texts() + _texts()[:40]:
            for anchor in anchors:
                positions = courts._find_all(text, anchor)
                assert _spans(courts._anchored(pattern, text, anchor, positions)) == _spans(
                    anchored_finditer(pattern, text, anchor)
                ), (pattern.pattern[:30], text)


def _plain_best(candidates, judge_sentences):  # type: ignore[no-untyped-def]
    """The selection loop as it was: every candidate scored in reading order."""
    best = None
    for cand in candidates:
        sent = cand.sentence
        if courts._names_destination(sent.norm, cand.position):
            continue
        score = 1.0 if sent.is_headline else 0.0
        judged = sent.text in judge_sentences
        if judged:
            score += 3
        if sent.norm.startswith(("The case is", "The case was")):
            score += 2
        if not judged and courts._DISTRACTOR.search(sent.norm):
            score -= 3
        score += cand.rank
        score -= sent.index * 0.01 if sent.index >= 0 else 0
        if best is None or score > best[0]:
            best = (score, cand)
    return None if best is None else best[1]


def test_best_candidate_is_the_one_the_plain_loop_picks() -> None:
    rng = random.Random(3)
    sentences = [
        "The case is Doe v. Roe.",
        "In a separate case, the court ruled.",
        "He will appeal to the",
        "The judge ruled on Monday.",
        "An earlier ruling stood.",
    ]
    for _ in range(300):
        doc = prepare(
            "Headline about a court\n\n" + " ".join(rng.choices(sentences, k=rng.randint(1, 8)))
        )
        if not doc.sentences:
            continue
        pool = [doc.headline, *doc.sentences] if doc.headline else doc.sentences
        candidates = []
        for _ in range(rng.randint(1, 6)):
            sent = rng.choice(pool)
            candidates.append(
                courts._Candidate(
                    "X Court",
                    "trial",
                    rng.choice([3, 5, 7, 8, 9]),
                    sent,
                    rng.choice([0, len(sent.norm)]),
                )
            )
        judged = [s.text for s in pool if rng.random() < 0.3]
        assert courts._best(candidates, judged) is _plain_best(candidates, judged)


_CUE_PIECES = (
    "Supreme Court",
    "Manhattan Supreme Court",
    "New York State Supreme Court's Appellate Division",
    "supreme courts",
    "the JUSTICES",
    "high court",
    "highest court",
    "en banc",
    "appeals court",
    "appellate",
    "Court of Appeals",
    "court of appeal",
    "9th Circuit",
    "Fourteenth U.S. Circ.",
    "d.c. circuit",
    "Circuit Judge",
    "Cook County Circuit Judge",
    "panel",
    "panelist",
    "administrative law judge",
    "ALJ",
    "nlrb",
    "judges",
    "judge",
    "chancellor",
    "magistrate",
    "jury",
    "a\u017fupreme court",
    "\u017fupreme court",
    "x",
)


def test_level_by_words_is_the_level_by_whole_patterns() -> None:
    rng = random.Random(9)
    for _ in range(2000):
        text = rng.choice(["", " ", "-", "\n"]).join(rng.choices(_CUE_PIECES, k=rng.randint(1, 6)))
        assert courts._level_in(text, None) == courts._level_by_patterns(
            courts._CIRCUIT_TITLE.sub("judge", text), fold(courts._CIRCUIT_TITLE.sub("judge", text))
        ), text


def test_no_level_cue_word_starts_another_so_one_search_finds_each_place() -> None:
    words = list(courts._CUE_OF_WORD)
    for a in words:
        for b in words:
            assert a == b or not b.startswith(a), (a, b)


def test_cue_word_trie_finds_at_each_place_the_word_the_plain_alternation_finds() -> None:
    plain = re.compile("|".join(map(re.escape, courts._CUE_OF_WORD)))
    rng = random.Random(4)
    texts = [fold(t) for t in _texts()[:40]]
    for _ in range(500):
        picked = rng.choices([*courts._CUE_OF_WORD, "high", "cour", "appeal", "ju", "x"], k=8)
        texts.append(rng.choice(["", " ", "-"]).join(picked))
    for text in texts:
        for at in range(len(text) + 1):
            m, n = courts._CUE_WORD.search(text, at), plain.search(text, at)
            assert (m and m.span(), m and m.group()) == (n and n.span(), n and n.group()), text
            if m is None:
                break


def test_destination_tried_at_cue_words_is_the_whole_search() -> None:
    texts = [*_texts()[:40], "He asked the ", "She appealed to the full ", "task heads to the "]
    texts += ["we will seek review by the ", "appeal\nto the ", "Appeal, then to the "]
    for text in texts:
        for end in {*range(0, len(text), 5), len(text)}:
            before = text[max(0, end - 80) : end]
            expected = courts._DESTINATION.search(before) is not None
            assert courts._names_destination(text, end) == expected, before


def test_distractor_tried_at_its_starts_is_the_whole_search() -> None:
    texts = [*_texts()[:40], "in 2019 the", "IN 2021", "a Nominee", "THE OTHER CASE", "who had"]
    for text in texts:
        for sentence in [text, *text.split(". ")]:
            expected = courts._DISTRACTOR.search(sentence) is not None
            assert courts._distracts(sentence) == expected, sentence


def test_tribunal_names_read_at_their_words_are_where_find_puts_them() -> None:
    from summarizer import tables

    names = list(tables.AGENCY_TRIBUNALS)
    texts = [*_texts()[:40], " ".join(names), "x".join(reversed(names)), "Board Board Commission"]
    for text in texts:
        expected = {name: text.find(name) for name in names if name in text}
        assert courts._tribunal_names(text) == expected


# County and city courts, county judges' titles and near misses, packed tightly.
_COUNTY_PIECES = (
    "San Francisco Superior Court",
    "the Marin Superior Court",
    "Arlington Circuit Court",
    "in Miami-Dade Circuit Court",
    "Baltimore City Circuit Court",
    "Fourth Circuit Court of Appeals",
    "Tuesday Superior Court",
    "Circuit Court of Cook County",
    "Superior Court of California, County of Alameda",
    "Chancery Court for Hinds County",
    "Probate Court of the State of Ohio, Franklin County",
    "District Court for the Southern District",
    "Dane County Circuit Judge Ann Lee",
    "Hinds County Chancellor Bo Roe",
    "Cook County Judge",
    "Lowndes County Chancery Judge",
    "a very long placename Abcdefghijklmnopqrstuvwxyz Abcdefghijklmnopqrstuvwxyz Superior Court",
    "Orange County Superior Court",
    "state",
    "federal",
)


def _county_texts() -> list[str]:
    rng = random.Random(13)
    texts = []
    for _ in range(400):
        picked = rng.choices(_COUNTY_PIECES, k=rng.randint(1, 8))
        texts.append(rng.choice([" ", ". ", " and ", "\n", " the "]).join(picked))
    return texts


def _plain_spans(pattern: re.Pattern[str], text: str, anchors: tuple[str, ...]) -> list:  # type: ignore[type-arg]
    return sorted({m.span() for a in anchors for m in anchored_finditer(pattern, text, a)})


def test_county_court_finders_read_only_windows_that_can_yield_a_match() -> None:
    """The place tests and short windows of the county, city and county-title finders find what
    the plain searches from every anchor find (a place longer than the window aside)."""
    for text in _county_texts():
        norm = prepare(text).norm_text
        present = courts._anchor_positions(norm)
        formal = sorted(
            p
            for a in courts._FORMAL_ANCHORS
            for p in present.get(a, ())
            if norm.startswith(courts._FORMAL_STARTS, p)
        )
        assert _spans(
            courts._anchored(courts._FORMAL_COURT, norm, "Superior Court", formal)
        ) == _plain_spans(courts._FORMAL_COURT, norm, courts._FORMAL_ANCHORS)
        city = sorted(
            p
            for a in courts._CITY_ANCHORS
            for p in present.get(a, ())
            if courts._after_lower_word(norm, p)
        )
        plain = [
            s
            for s in _plain_spans(courts._CITY_PATTERN, norm, courts._CITY_ANCHORS)
            if "Abcdefghijklmnopqrstuvwxyz Abc" not in norm[s[0] : s[1]]
        ]
        found = _spans(courts._anchored(courts._CITY_PATTERN, norm, "Superior Court", city))
        assert [s for s in found if "Abcdefghijklmnopqrstuvwxyz" not in norm[s[0] : s[1]]] == [
            s for s in plain if "Abcdefghijklmnopqrstuvwxyz" not in norm[s[0] : s[1]]
        ]
        titles = [
            p for p in present.get("County", ()) if norm.startswith(courts._COUNTY_TITLE_TAILS, p)
        ]
        assert _spans(
            courts._anchored(courts._COUNTY_TITLE, norm, "County", titles)
        ) == _plain_spans(courts._COUNTY_TITLE, norm, ("County",))
