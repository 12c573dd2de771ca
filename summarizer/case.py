"""The case caption ("X v. Y", or an agency's "X and Y") and the docket number as printed."""

from __future__ import annotations

import re
from bisect import bisect_right

from summarizer import tables
from summarizer.gates import fold, has_any, positions
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
# Each docket pattern with the word its matches hold ("No" or "Case ") at one of the given
# offsets from the match's start (farthest first, so that candidate starts ascend): a pattern is
# tried only at those starts, never scanned along the text (a leading `\b` keeps the regex
# engine from skipping ahead by itself), and the text is searched once per word, not per pattern.
_DOCKETS = (
    (
        re.compile(r"\b(?:Docket|Case) No\. ?[A-Z0-9][\w:.\-]*(?: [0-9][\w:.\-]*)?(?<![.,])"),
        "No",
        (len("Docket "), len("Case ")),
    ),
    (re.compile(r"\bNos?\. \d{1,2}[:\-][\w:\-]+(?<![.,\-])"), "No", (0,)),
    (re.compile(r"\bCase \d{1,2}-[A-Z]{2}-\d{3,}"), "Case ", (0,)),
    (re.compile(r"\bNo\. \d{2,}[\w:\-]*(?<![.,\-])"), "No", (0,)),
)
# The patterns that only match text holding "No.".
_NEEDS_NO_PERIOD = (True, False, False, True)
_CASE_NUMBER = re.compile(r"\bcase (?:number|no\.) (?P<num>\d[\w:\-]+[\w])", re.I)


# A word the left side of a caption can hold: a token of `_CAPTION` or one word of a
# multi-word token, with the comma that may follow it. A match's left side never reaches back
# past a word that is not one of these.
_CHAIN_WORD = re.compile(
    rf"(?:[{U}0-9][\w.&'’\-]*|of|the|for|and|de|del|on|behalf|ex|rel\.|et|al\.|&),?"
)
_UPPER_CHAR = re.compile(rf"[{U}]")
# Where a match of `_BACKGROUND` can start, in the case-folded window: before one of these
# endings, at one of these words, or (for a year) at one of these digit pairs.
_BACKGROUND_ENDINGS = (
    "decision in ",
    "ruling in ",
    "precedent in ",
    "framework in ",
    "opinion in ",
    "holding in ",
    "case in ",
    "after ",
    "under ",
    "since ",
)
_BACKGROUND_WORDS = ("citing ", "relied on ")
_BACKGROUND_YEARS = ("19", "20")


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
    """Whether the words before a caption cite it as precedent (`_BACKGROUND`), with the pattern
    tried only where a match can start (every match ends with a space at the window's end)
    instead of at each of the window's sixty offsets."""
    if not window.endswith(" "):
        return False
    low = fold(window)  # same length as the window, every offset kept
    starts: list[int] = []
    if low.endswith(_BACKGROUND_ENDINGS):
        starts = [len(low) - len(end) for end in _BACKGROUND_ENDINGS if low.endswith(end)]
    for word in _BACKGROUND_WORDS:
        if word in low:
            starts.extend(positions(low, word))
    if low.endswith("in "):
        for year in _BACKGROUND_YEARS:
            if year in window:
                starts.extend(positions(window, year))
    return any(_BACKGROUND.match(window, start) for start in starts)


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


def _case_word(doc: Doc) -> list[int]:
    """Offsets of "Case " in the joined body, found once for the caption and the docket."""
    found = doc.cache.get("case.Case")
    if found is None:
        found = doc.cache["case.Case"] = positions(doc.norm_text, "Case ")
    return found


def find_caption(doc: Doc) -> tuple[str, str] | None:
    """(caption, sentence) for the case reported: "The case is ..." first, skipping precedents."""
    found: list[tuple[int, str, str]] = []
    versus = _sentences_holding(doc, " v. ")
    text, starts = doc.norm_text, doc.starts
    agency = {bisect_right(starts, p) - 1 for p in _case_word(doc) if text[p - 2 : p] == ", "}
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


# The letters fold() does not simply lower-case.
_FOLD_CHANGES = ("\u0130", "\u0131", "\u017f")


def _lower_body(doc: Doc) -> str | None:
    """The body lower-cased with every offset kept, or None when a letter of `_FOLD_CHANGES`
    makes lower() and fold() differ. Lower-casing a text with one non-ASCII letter is several
    times slower than lower-casing its sentences one by one (most of them ASCII)."""
    text = doc.norm_text
    if text.isascii():
        return text.lower()
    if has_any(text, _FOLD_CHANGES):
        return None
    return "\n".join(map(str.lower, [sent.norm for sent in doc.sentences]))


def _starting(text: str, word: str) -> list[int]:
    """Every offset of `word` in `text`, found by walking the occurrences of its first character:
    for a short word whose first character is rare in prose ("No": a capital N) that is several
    times faster than searching for the word itself."""
    found: list[int] = []
    first = word[0]
    pos = text.find(first)
    while pos >= 0:
        if text.startswith(word, pos):
            found.append(pos)
        pos = text.find(first, pos + 1)
    return found


def _first_at(
    pattern: re.Pattern[str], text: str, places: list[int], offsets: tuple[int, ...]
) -> re.Match[str] | None:
    """The leftmost match of `pattern` in `text`, tried only at the given offsets before each of
    `places` (ascending, and no closer than the offsets' spread)."""
    for pos in places:
        for offset in offsets:
            if pos >= offset:
                m = pattern.match(text, pos - offset)
                if m:
                    return m
    return None


def _case_number(doc: Doc, low: str | None) -> tuple[str, str] | None:
    """A case number after "case number" or "case no." in any case, with its sentence; `low` is
    `_lower_body(doc)`."""
    if low is not None:
        # A match starts where the folded body reads "case n".
        m = _first_at(_CASE_NUMBER, doc.norm_text, positions(low, "case n"), (0,))
        if m:
            return doc.raw_text[m.start("num") : m.end("num")], doc.at(m.start())[0].text
        return None
    for sent in doc.sentences:
        if "case n" not in fold(sent.norm):
            continue
        m = _CASE_NUMBER.search(sent.norm)
        if m:
            return sent.text[m.start("num") : m.end("num")], sent.text
    return None


def find_docket(doc: Doc) -> tuple[str, str] | None:
    """The docket number as printed, with its sentence. Every pattern is matched in the joined
    body: none crosses a line break, so its first match there is the first sentence's."""
    text = doc.norm_text
    found = {"No": _starting(text, "No"), "Case ": _case_word(doc)}
    has_no = any(text.startswith("No.", pos) for pos in found["No"])
    lowered = False
    low: str | None = None
    if not has_no and not found["Case "]:
        low, lowered = _lower_body(doc), True
        if low is None:
            if not any("case n" in sent.norm.lower() for sent in doc.sentences):
                return None
        elif "case n" not in low:
            return None
    for (pattern, word, offsets), needs_no in zip(_DOCKETS, _NEEDS_NO_PERIOD, strict=True):
        if needs_no and not has_no:
            continue
        m = _first_at(pattern, text, found[word], offsets)
        if m:
            return doc.raw_text[m.start() : m.end()], doc.at(m.start())[0].text
    return _case_number(doc, low if lowered else _lower_body(doc))
