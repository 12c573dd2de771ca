"""The case caption ("X v. Y", or an agency's "X and Y") and the docket number as printed."""

from __future__ import annotations

import re
from bisect import bisect_right

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


# A word the left side of a caption can hold: a token of `_CAPTION` or one word of a
# multi-word token, with the comma that may follow it. A match's left side never reaches back
# past a word that is not one of these.
_CHAIN_WORD = re.compile(
    rf"(?:[{U}0-9][\w.&'’\-]*|of|the|for|and|de|del|on|behalf|ex|rel\.|et|al\.|&),?"
)
_UPPER_CHAR = re.compile(rf"[{U}]")
# Every match of `_BACKGROUND` ends with one of these (case folded) at the end of the window.
_BACKGROUND_ENDS = ("in ", "after ", "under ", "since ")
_BACKGROUND_WORDS = ("citing ", "relied on ")


def _chain_start(norm: str, end: int) -> int:
    """The lowest offset a caption whose left side ends at `end` can start at: the start of the
    nearest word before `end` that no left side can hold (the first left word may be the tail of
    such a word)."""
    while True:
        space = norm.rfind(" ", 0, end)
        if not _CHAIN_WORD.fullmatch(norm, space + 1, end):
            return space + 1
        if space < 0:
            return 0
        end = space


def _caption_matches(norm: str) -> list[re.Match[str]]:
    """`_CAPTION.finditer(norm)`, with starts tried only just before each " v. ": every match
    holds exactly one " v. " (a token never reads "v."), right after its left side."""
    found: list[re.Match[str]] = []
    pos = 0
    v = norm.find(" v. ")
    while v >= 0:
        if v >= pos:
            for upper in _UPPER_CHAR.finditer(norm, max(pos, _chain_start(norm, v)), v):
                m = _CAPTION.match(norm, upper.start())
                if m:
                    found.append(m)
                    pos = m.end()
                    break
        v = norm.find(" v. ", v + 1)
    return found


def _background(window: str) -> bool:
    """Whether the words before a caption cite it as precedent (`_BACKGROUND`); every match ends
    at the window's end with a space, after one of a few words."""
    if not window.endswith(" "):
        return False
    low = fold(window)
    if not low.endswith(_BACKGROUND_ENDS) and not any(w in low for w in _BACKGROUND_WORDS):
        return False
    return _BACKGROUND.search(window) is not None


def _sentences_holding(doc: Doc, word: str) -> set[int]:
    """Indices of the body sentences whose normalised text holds `word` (no line break in it)."""
    text, starts = doc.norm_text, doc.starts
    found: set[int] = set()
    pos = text.find(word)
    while pos >= 0:
        i = bisect_right(starts, pos) - 1
        found.add(i)
        pos = text.find(word, starts[i + 1]) if i + 1 < len(starts) else -1
    return found


def find_caption(doc: Doc) -> tuple[str, str] | None:
    """(caption, sentence) for the case reported: "The case is ..." first, skipping precedents."""
    found: list[tuple[int, str, str]] = []
    versus = _sentences_holding(doc, " v. ")
    agency = _sentences_holding(doc, ", Case ")
    for i in sorted(versus | agency):
        sent = doc.sentences[i]
        norm = sent.norm
        if i in versus:
            for m in _caption_matches(norm):
                start = m.start()
                left = m.group("left")
                noise = _LEAD_NOISE.match(left)
                if noise:
                    start += noise.end()
                if _background(norm[max(0, start - 60) : start]):
                    continue
                text = sent.text[start : m.end()].rstrip(",")
                if " v. " not in text.replace("\u2019", "'") and " v. " not in text:
                    continue
                score = 2 if norm.startswith("The case is") else 0
                found.append((score, text, sent.text))
        else:
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
