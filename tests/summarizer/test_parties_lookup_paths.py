"""Per-article look-ups in party extraction give what the plain scans give."""

from __future__ import annotations

import random
import re

from summarizer import parties, tables
from summarizer.parties import (
    _CORP_WORDS,
    _MARKERS,
    _ORG_NAME,
    _RULE_OF_BIT,
    PartyLists,
    _add_caption,
    _add_winners,
    _Collector,
    _finish,
    _first_printing,
    _mentions_crime,
    _off_topic,
    _org_for,
    _resolve_anaphor,
    _visits,
)
from summarizer.text import Doc, prepare

_SENTENCES = [
    "The U.S. Department of Labor sued Acme Widgets Inc. on Monday.",
    "The department said it would appeal.",
    "Acme Widgets Inc. and Beta Holdings LLC were named as defendants.",
    "In a separate lawsuit, Gamma Co. sued Delta Corp. over the same rule.",
    "Was the lawsuit filed by Kalista Rowe?",
    "An amicus brief was filed by the Springfield Board of Education.",
    "The Springfield Board of Education sued the Federal Aviation Administration.",
    "The agency, the Environmental Protection Agency, declined to comment.",
    "Acme said the company would comply, said spokesman Dale Ortiz.",
    "The State of Kansas sued the county in Smith v. Jones, et al.",
    "A coalition of five other states joined the suit as co-plaintiffs.",
    "The judge ruled in favor of Kalista Rowe in her lawsuit against Acme.",
    "Acme Corp. and the agency sided with the plaintiffs.",
    "Dale Ortiz, a lawyer for Acme, said the company was disappointed.",
    "The trucking company, Lakeshore Outdoor Co., was sued by the city.",
    "Prosecutors said Raymond L. Pettibone, 58, was sentenced to prison.",
    "Gulfstream Coastal Insurance Co. sued Gulfstream Bank.",
    "The University of Northern Iowa sued the university's former dean.",
    "The Federal Aviation Administration and the Environmental Protection Agency were sued.",
]


def _articles(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return [
        "\n\n".join(rnd.sample(_SENTENCES, rnd.randint(1, len(_SENTENCES)))) for _ in range(count)
    ]


def _eager_parties(doc: Doc, caption: str | None, criminal_hint: bool) -> PartyLists:
    """`extract_parties` with each visited sentence tested for being off topic before its rules
    run, as first written."""
    col = _Collector(doc)
    criminal = criminal_hint or _mentions_crime(doc.norm_text[:4000])
    for index, mask in _visits(doc, criminal):
        sent = doc.sentences[index]
        if _off_topic(sent.norm):
            continue
        while mask:
            bit = mask & -mask
            _RULE_OF_BIT[bit](col, sent.norm, sent)
            mask ^= bit
    if caption:
        _add_caption(col, caption, criminal)
    _add_winners(col)
    return _finish(col, doc)


def test_off_topic_test_at_the_first_finding_gives_the_eager_result():
    for text in _articles(300, 5):
        doc = prepare(text)
        for caption, hint in ((None, False), ("Smith v. Jones, et al.", True)):
            assert parties.extract_parties(doc, caption, hint) == _eager_parties(
                doc, caption, hint
            ), text


def _holding_anaphor(phrase: str, doc: Doc) -> str | None:
    """The anaphor resolved by searching every sentence holding each marker, as first written."""
    low = re.sub(r"^(?:the|its|their)\s+", "", phrase.lower().strip())
    words = low.split()
    if not words or len(words) > 3 or words[-1] not in tables.ANAPHOR_HEADS:
        return None
    best: tuple[int, str] | None = None
    for literal, compiled in _MARKERS[words[-1]]:
        for sent in doc.holding((literal,)):
            m = compiled.search(sent.norm)
            if m:
                start = doc.starts[sent.index] + m.start()
                if best is None or start < best[0]:
                    best = (start, m.group(0).strip())
                break
    return parties.clean_item(best[1]) if best else None


def test_anaphors_resolve_as_when_every_holding_sentence_is_searched():
    phrases = [f"the {head}" for head in tables.ANAPHOR_HEADS] + ["its agency", "company"]
    for text in _articles(300, 6):
        doc = prepare(text)
        for phrase in phrases:
            assert _resolve_anaphor(phrase, doc) == _holding_anaphor(phrase, doc), (phrase, text)


def _holding_org(doc: Doc, name: str) -> str | None:
    prefix = name + " "
    for sent in doc.holding((prefix,)):
        if any(w in sent.norm for w in _CORP_WORDS):
            for m in _ORG_NAME.finditer(sent.norm):
                if m.group(0).startswith(prefix):
                    return m.group(0)
    return None


def test_company_short_forms_expand_as_when_every_holding_sentence_is_searched():
    for text in _articles(300, 7):
        doc = prepare(text)
        for name in ("Acme", "Gulfstream", "Lakeshore", "Beta", "Gamma", "Delta", "Kansas"):
            assert _org_for(doc, name) == _holding_org(doc, name), (name, text)


def test_caption_sentence_is_the_first_printing_it():
    for text in _articles(200, 8):
        doc = prepare(text)
        for caption in ("Smith v. Jones", "v. Jones, et al.", "Acme", "nowhere", "Inc.\nand"):
            expected = next((s for s in doc.sentences if caption in s.text), None)
            assert _first_printing(doc, caption) is expected, (caption, text)
