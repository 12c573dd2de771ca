"""Split an article into quotable sentences, skipping bylines, footers and other page residue.

Legal news is full of periods that end nothing ("U.S. District Judge", "No. 24-3318", "Okafor v.
Skyward", "Sen. Lomax", "Marguerite A. Tolland"), and quotations often run over several sentences.
A sentence here is a verbatim slice of the article text, so an answer can quote it exactly and a
reader can find it on the page. Short lines without closing punctuation ("What happens now?" is
closing punctuation; "The bottom line" is not) are kept as headings: they are never quoted, but
they tell the ranker what the paragraph below them is about.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)

# Lower-cased words that a period does not end when followed by more of the sentence.
ABBREVIATIONS = frozenset(
    """
    u.s u.k u.n d.c n.y n.j l.a a.g inc ltd llc co corp bros no nos v vs jan feb mar apr jun jul
    aug sep sept oct nov dec gov sen rep reps sens ct cir app supp dist mr mrs ms dr st jr sr lt gen
    col sgt capt prof hon atty asst dept mt ft ave blvd rev pres calif mass minn pa ind okla ariz
    fla ga ill tex wis va wash mich conn del colo tenn ky la md mo neb nev ore kan ala ark miss
    vt wyo mont ida etc al fig sec secs art para cf e.g i.e ex est approx
    """.split()  # noqa: SIM905 - a word list reads better than a list of strings
)

# Page residue: lines that are never part of the story.
_RESIDUE = re.compile(
    r"""^(?:
        by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*(?:[,|].*)?$
      | (?:related|read\s+more|see\s+also|more\s+coverage|watch)\s*:
      | click\s+here | subscribe\b | sign\s+up\b | stay\s+up\s+to\s+date
      | have\s+a\s+(?:news\s+)?tip | got\s+a\s+tip | the\s+latest\s+news\s+in\s+your
      | follow\s+us\b | already\s+a\s+subscriber | share\s+this | advertisement\b
      | media\s+contact | press\s+contact | for\s+immediate\s+release | news\s+release
      | posted\s+in\b | filed\s+under\b | copyright\b | ©
      | \((?:reporting|additional\s+reporting|editing|writing|compiled)\s+by\b
      | \(adds?\b | \(updates?\b | update\s+\d+\s*- | \#\#\#+ | -\s*30\s*- | \*\*\*+
      | all\s+rights\s+reserved | this\s+story\s+has\s+been\s+updated
      | we'll\s+keep\s+following | got\s+a\s+question\s+we\s+didn't
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s+)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_TERMINAL = re.compile(r"[.!?…][" + re.escape(_CLOSERS) + r"]*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One quotable sentence: `text` is an exact slice of the article it came from."""

    text: str
    index: int  # position among the article's quotable sentences
    paragraph: int  # which paragraph (line) it came from
    heading: str | None = None  # the heading the paragraph sits under, if any
    first_in_paragraph: bool = False


def is_residue(line: str) -> bool:
    """True for bylines, newsletter pitches, contact lines and wire tags."""
    stripped = line.strip()
    if not stripped:
        return True
    if _RESIDUE.match(stripped):
        return True
    letters = [c for c in stripped if c.isalpha()]
    # A line in capitals ("CLICK HERE FOR FULL RESULTS") is a banner, not prose.
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def is_heading(line: str) -> bool:
    """A short line that introduces what follows: no closing punctuation, or a short question."""
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) > 14:
        return False
    if stripped.endswith("?"):
        return True
    if stripped.startswith(("-", "—", "•", "*")):
        return False  # a list item, which is content
    return not _TERMINAL.search(stripped)


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the period just before `end` belongs to an abbreviation or an initial."""
    match = _WORD_BEFORE.search(text, max(0, end - 24), end)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Marguerite A. Tolland"
    return word.lower().rstrip(".") in ABBREVIATIONS


def _inside_quote(text: str, end: int) -> bool:
    """Whether position `end` lies inside an open quotation."""
    straight = text.count('"', 0, end)
    curly_open = text.count("“", 0, end)
    curly_close = text.count("”", 0, end)
    return straight % 2 == 1 or curly_open > curly_close


def _balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def split_paragraph(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) inside one paragraph."""
    spans: list[tuple[int, int]] = []
    respect_quotes = _balanced(text)
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        after = text[end:].lstrip()
        if not after:
            continue
        nxt = after[0]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        punct = match.group(0)
        if punct.startswith(".") and _is_abbreviation(text, match.start() + 1):
            # "U.S. District" goes on; "a.m. Technicians" and the answer "No. The court" end.
            word = _WORD_BEFORE.search(text, max(0, match.start() - 24), match.start() + 1)
            lowered = word.group(1).lower() if word else ""
            ends = lowered in {"a.m", "p.m"} or (lowered in {"no", "nos"} and not nxt.isdigit())
            if not ends:
                continue
        if respect_quotes and _inside_quote(text, end):
            continue
        spans.append((start, end))
        start = end + (len(text[end:]) - len(after))
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def split_sentences(text: str) -> list[Sentence]:
    """The article's quotable sentences, in order, residue and headings left out."""
    sentences: list[Sentence] = []
    heading: str | None = None
    paragraph = 0
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        paragraph += 1
        if is_residue(line):
            continue
        if is_heading(line):
            heading = line.rstrip("?:").strip()
            continue
        for number, (start, end) in enumerate(split_paragraph(line)):
            piece = line[start:end].strip()
            if len(piece) < 3:
                continue
            sentences.append(
                Sentence(
                    text=piece,
                    index=len(sentences),
                    paragraph=paragraph,
                    heading=heading,
                    first_in_paragraph=number == 0,
                )
            )
        heading = None  # a heading speaks for the paragraph right below it
    return sentences
