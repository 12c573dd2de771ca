"""The case caption ("X v. Y", or an agency's "X and Y") and the docket number as printed."""

from __future__ import annotations

import re

from summarizer import tables
from summarizer.gates import fold
from summarizer.text import Doc

U, L = tables.UPPER, tables.LOWER
_CAP_TOKEN = rf"(?:[{U}0-9][\w.&'’\-]*|of|the|for|and|de|del|on behalf of|ex rel\.|et al\.|&)"
_CAPTION = re.compile(
    rf"(?P<left>[{U}][\w.&'\-]*(?:,? {_CAP_TOKEN}){{0,12}}?) v\. "
    rf"(?P<right>[{U}][\w.&'\-]*(?: {_CAP_TOKEN}){{0,12}}?(?:,? et al\.)?)"
    rf"(?=,|\.(?:\s|$)|\s+(?:(?!(?:of|the|for|and|de|del|on|ex|et)\b)[a-z(]|No\.|Case)|$|;|\))"
)
_AGENCY_CAPTION = re.compile(
    rf"\bin (?P<cap>[{U}][\w.&'\-]*(?: [{U}][\w.&'\-]*){{0,6}} and "
    rf"[{U}][\w.&'\-]*(?: [{U}][\w.&'\-]*){{0,6}}), Case \d"
)
_LEAD_NOISE = re.compile(r"^(?:(?:In|The|A|An|See|Under|After|Case|case|is|was|in)\s+)+")
_BACKGROUND = re.compile(
    r"(?:decision|ruling|precedent|framework|opinion|holding|case) in $|citing (?:\w+ ){0,6}$|"
    r"relied on (?:\w+ ){0,6}$|after $|under $|since $|\b(?:19|20)\d\d (?:\w+ ){0,3}in $",
    re.I,
)
# Each docket pattern with a literal every match contains: a sentence without it is not searched.
_DOCKETS = (
    (re.compile(r"\b(?:Docket|Case) No\. ?[A-Z0-9][\w:.\-]*(?: [0-9][\w:.\-]*)?(?<![.,])"), " No."),
    (re.compile(r"\bNos?\. \d{1,2}[:\-][\w:\-]+(?<![.,\-])"), "No"),
    (re.compile(r"\bCase \d{1,2}-[A-Z]{2}-\d{3,}"), "Case "),
    (re.compile(r"\bNo\. \d{2,}[\w:\-]*(?<![.,\-])"), "No. "),
)
_CASE_NUMBER = re.compile(r"\bcase (?:number|no\.) (?P<num>\d[\w:\-]+[\w])", re.I)


def find_caption(doc: Doc) -> tuple[str, str] | None:
    """(caption, sentence) for the case reported: "The case is ..." first, skipping precedents."""
    found: list[tuple[int, str, str]] = []
    for sent in doc.sentences:
        norm = sent.norm
        if " v. " in norm:
            for m in _CAPTION.finditer(norm):
                start = m.start()
                left = m.group("left")
                noise = _LEAD_NOISE.match(left)
                if noise:
                    start += noise.end()
                if _BACKGROUND.search(norm[max(0, start - 60) : start]):
                    continue
                text = sent.text[start : m.end()].rstrip(",")
                if " v. " not in text.replace("\u2019", "'") and " v. " not in text:
                    continue
                score = 2 if norm.startswith("The case is") else 0
                found.append((score, text, sent.text))
        elif ", Case " in norm:
            m = _AGENCY_CAPTION.search(norm)
            if m:
                found.append((1, sent.text[m.start("cap") : m.end("cap")], sent.text))
    if not found:
        return None
    top = max(score for score, _, _ in found)
    candidates = [f for f in found if f[0] == top] if top else found
    # The fullest printing of the chosen case ("Mercer v. Rowe et al." over "Mercer v. Rowe").
    first = candidates[0]
    stem = first[1].split(" v. ")[0]
    fuller = [f for f in found if f[1].split(" v. ")[0] == stem]
    best = max(fuller, key=lambda f: len(f[1]))
    return best[1], best[2]


def find_docket(doc: Doc) -> tuple[str, str] | None:
    """The docket number as printed, with its sentence."""
    text = doc.norm_text
    if "No." not in text and "Case " not in text and "case n" not in text.lower():
        return None
    for pattern, literal in _DOCKETS:
        if literal not in text:
            continue
        for sent in doc.sentences:
            if literal not in sent.norm:
                continue
            m = pattern.search(sent.norm)
            if m:
                return sent.text[m.start() : m.end()], sent.text
    for sent in doc.sentences:
        low = fold(sent.norm)
        if "case n" not in low:
            continue
        m = _CASE_NUMBER.search(sent.norm)
        if m:
            return sent.text[m.start("num") : m.end("num")], sent.text
    return None
