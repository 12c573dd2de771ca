"""Literal gates in front of patterns never rule out a match the pattern would find."""

from __future__ import annotations

import random
import re

from summarizer import tables
from summarizer.courts import _LEVEL_CUES
from summarizer.gates import fold, has_any, occurring
from summarizer.judges import _NOMINEE, _TITLE_WORDS, _nominee
from summarizer.parties import (
    _CRIMINAL,
    _JOINT,
    _ORG_NAME,
    _ROLE_AFTER,
    _ROLE_BEFORE,
    _is_non_party_person,
    _mentions_crime,
    _org_for,
    _protect,
    _resolve_anaphor,
)
from summarizer.sentences import word_before
from summarizer.text import normalise, prepare

_ASCII_LETTER = re.compile("[a-z]", re.I)


def test_fold_turns_every_character_a_case_insensitive_ascii_letter_matches_into_that_letter():
    for code in range(0x80, 0x10000):
        char = chr(code)
        if _ASCII_LETTER.fullmatch(char):
            assert _ASCII_LETTER.fullmatch(fold(char)[:1]), hex(code)
            assert fold(char)[:1].isascii(), hex(code)


def test_crime_gate_agrees_with_the_pattern_including_look_alike_letters():
    samples = [
        "The jury convicted him on Monday.",
        "Nothing criminal here; the court granted the motion.",
        "He was \u017fentenced to five years.",  # long s matches "s" case-insensitively
        "\u0130ndicted last year, he pleaded not guilty.",
        "A reconvicted man",  # no word boundary before the word
        "x" * 3000 + " prosecutors said",
    ]
    for text in samples:
        assert _mentions_crime(text) == bool(_CRIMINAL.search(text)), text


def test_has_any_finds_a_word_anywhere():
    assert has_any("the motion to dismiss", ("stay", "dismiss"))
    assert not has_any("the motion to dismiss", ("stay", "compel"))


def test_fold_of_mixed_text_is_the_fold_of_each_character():
    text = "\u0130ndicted \u201cB\u0131g\u201d \u017fentence \u00e9t\u00e9 CONVICTED \u00a0x"
    assert fold(text) == "".join(fold(ch) for ch in text)
    assert fold("Plain ASCII Text") == "plain ascii text"


def test_normalise_maps_each_character_on_its_own_and_keeps_the_length():
    text = (
        "\u201cNo,\u201d she said\u2019s \u00ab\u00bb `x`\t\u2010\u2011\u00a0\u202f"
        " caf\u00e9 \u2033"
    )
    out = normalise(text)
    assert len(out) == len(text)
    assert out == "".join(normalise(ch) for ch in text)
    assert out == '"No," she said\'s "" \'x\' --   caf\u00e9 "'


def test_company_name_for_a_short_form_is_the_first_one_a_whole_text_search_finds():
    text = (
        "Gulfstream Coastal Insurance Co. sued. Then Acme Widgets LLC and Smith & Jones LLP "
        "answered.\n\nNothing here. Bay Area Holdings Company of Delaware PLC lost; "
        "\u00d8rsted Wind Corp. won. Harbor LP. Smith & Partners Inc. and Acme Corp. too."
    )
    doc = prepare(text)
    every = [m.group(0) for m in _ORG_NAME.finditer(doc.norm_text)]
    for name in ("Gulfstream", "Smith", "Acme", "Bay", "\u00d8rsted", "Harbor", "Nobody", "Then"):
        expected = next((o for o in every if o.startswith(name + " ")), None)
        assert _org_for(doc, name) == expected, name
    assert _org_for(doc, "Smith") == "Smith & Jones LLP"


def test_role_gates_never_rule_out_a_spokesperson_or_lawyer():
    samples = [
        ("said spokeswoman Dana Reyes.", "Dana Reyes"),
        ("said SPOKESMAN Dana Reyes of the city.", "Dana Reyes"),
        ("said Dana Reyes, a lawyer for the tenants.", "Dana Reyes"),
        ("said Dana Reyes, the group's longtime press secretary.", "Dana Reyes"),
        ("said attorneys for the state Dana Reyes and others.", "Dana Reyes"),
        ("said counsel \nDana Reyes", "Dana Reyes"),
        ("Dana Reyes, an Expert on zoning, said.", "Dana Reyes"),
        ("Dana Reyes sued the city.", "Dana Reyes"),
        ("the \u017fpokesman Dana Reyes said", "Dana Reyes"),
    ]
    for text, name in samples:
        pos = text.find(name)
        expected = bool(
            _ROLE_BEFORE.search(text[max(0, pos - 90) : pos])
            or _ROLE_AFTER.match(text[pos + len(name) : pos + len(name) + 60])
        )
        assert _is_non_party_person(name, text) == expected, text


def test_sentences_holding_a_word_are_those_a_per_sentence_test_finds():
    doc = prepare(
        "Acme sued the city. The city was sued by Acme again.\n\nNo match here. "
        "Filed by Bo. A case against against the state by the end by then."
    )
    for words in (("sued",), (" by ",), ("against", "Filed"), ("absent",), ("e", "city")):
        assert doc.holding(words) == [s for s in doc.sentences if has_any(s.norm, words)]
    assert prepare("").holding(("a",)) == []


def test_every_judge_title_holds_a_title_word_the_mention_gate_looks_for():
    for title in tables.JUDGE_TITLES:
        assert has_any(title, _TITLE_WORDS), title
    county = re.compile(tables.COUNTY_JUDGE_TITLE.format(U=tables.UPPER, L=tables.LOWER))
    for printed in ("Tasker County Circuit Judge", "Cook County Judge", "Orleans Parish Judge"):
        match = county.fullmatch(printed)
        assert match and has_any(match.group(0), _TITLE_WORDS)


def test_period_scan_reads_the_same_word_as_the_pattern_before_it():
    pattern = re.compile(r"([A-Za-z.]+)\.$")
    rng = random.Random(3)
    alphabet = "aZ.. \u00e91Jr.U.S.Inc"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) + ". Next"
        dot = text.rindex(". Next")
        m = pattern.search(text[max(0, dot - 20) : dot + 1])
        assert word_before(text, dot) == (m.group(1) if m else None), text


def test_every_agency_tribunal_name_holds_a_word_the_court_scan_looks_for_first():
    for name in tables.AGENCY_TRIBUNALS:
        assert has_any(name, tables.AGENCY_TRIBUNAL_WORDS), name


def test_joint_names_are_guarded_exactly_as_by_trying_every_phrase():
    def every_phrase(text: str) -> str:
        for plain, guarded in _JOINT:
            if plain in text:
                text = text.replace(plain, guarded)
        return text

    samples = [f"the {p} and Acme, Inc." for p in tables.JOINT_NAME_PHRASES]
    samples += ["Kansas, Ohio and Texas", "no list here", ""]
    for text in samples:
        assert _protect(text) == every_phrase(text), text


def test_anaphors_resolve_to_the_first_name_printed_in_any_sentence():
    doc = prepare(
        "The rule was challenged. Nobody spoke.\n\nThe U.S. Department of Labor and the "
        "Springfield Board of Education appealed. Later the Department of State agreed."
    )
    assert _resolve_anaphor("the department", doc) == "U.S. Department of Labor"
    assert _resolve_anaphor("the board", doc) == "Springfield Board of Education"
    assert _resolve_anaphor("the university", doc) is None


def test_words_found_at_their_key_are_the_words_the_text_holds():
    words = ("Supreme Court", "Court of Appeal", "District Court for", "Tax Court", "CourtCourt")
    rng = random.Random(5)
    pieces = ["Court", "Supreme ", " of Appeal", "District ", " for", "Tax ", "x", " "]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert occurring(text, words, "Court") == {w for w in words if w in text}, text


def test_court_level_gates_never_rule_out_a_cue():
    samples = [
        "The U.S. SUPREME COURT ruled.",
        "The Ninth U.S. Circ. panel ruled.",
        "The 5th circuit, sitting en banc, ruled.",
        "An administrative law judge at the NLRB ruled.",
        "An A\u017fLJ? No: an ALJ ruled.",
        "The \u0130ndiana high court ruled; the Jury was out.",
        "A Cook County Circuit Judge ruled.",
        "Nothing about courts here.",
    ]
    for text in samples:
        for _, cue in _LEVEL_CUES:
            expected = cue.pattern.search(text)
            found = cue.search(text, fold(text))
            assert (found and found.span()) == (expected and expected.span()), (text, cue)


def test_nominee_gate_never_rules_out_the_pattern():
    samples = [
        "Judge Ann Lee, NOMINATED by the president, ruled.",
        "Judge Ann Lee was confirmed to the bench in 2019.",
        "The case was a\u017f\u017figned to Judge Ann Lee.",  # long s matches "s"
        "Judge Ann Lee ruled on Monday.",
    ]
    for text in samples:
        assert _nominee(text) == bool(_NOMINEE.pattern.search(text)), text


def test_a_gated_pattern_tried_from_its_starts_finds_what_a_search_finds() -> None:
    from summarizer.gates import gated

    distractor = gated(tables.DISTRACTOR_CUES, "|".join(tables.DISTRACTOR_KEYWORDS), re.I)
    texts = [
        "In a separate case, Judge Ann Cole blocked the rule.",
        "An EARLIER ruling by the court was reversed.",
        "The judge who had blocked the law in 2023 retired.",
        "The judge blocked the rule on Monday.",
        "In a ſeparate case the İnjunction stood.",  # the word gate reads it lower-cased
        "Last year a similar law was struck down; this past week another was upheld.",
        "",
    ]
    for text in texts:
        expected = distractor.search(text) is not None
        assert distractor.found_from(text, tables.DISTRACTOR_STARTS) == expected, text
