"""Article text made ready for extraction: HTML residue and boilerplate out, quotes normalised.

`prepare()` returns a `Doc` whose `sentences` each keep the text as printed (`text`, used for
evidence and every emitted string) and a same-length copy with straight quotes (`norm`, used
for matching), so a match's offsets in `norm` slice the printed text exactly.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from summarizer import tables
from summarizer.gates import has_any
from summarizer.sentences import split_sentences

# Analysis stops after this many characters: no news article is longer, and it bounds the time
# spent on hostile input.
MAX_CHARS = 200_000

# One character in, one character out: offsets in the normalised text are offsets in the printed.
_NORMALISE = tuple(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "`": "'",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
        "\u2010": "-",
        "\u2011": "-",
    }.items()
)
_TAG = re.compile(
    r"<(?:script|style)\b[^>]{0,500}>.{0,20000}?</(?:script|style)\s*>|<[^<>]{0,500}>", re.I | re.S
)
_SPACES = re.compile(r"[ \u00a0\t\u2009\u202f]{2,}")
# Every run `_SPACES` replaces contains one of these.
_SPACE_RUN_HINTS = ("  ", "\u00a0", "\t", "\u2009", "\u202f")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\ufeff]")
_ANCHORED = re.compile(
    "|".join(f"(?:{p[1:]})" for p in tables.BOILERPLATE_PARAGRAPHS if p.startswith("^")), re.I
)
_FLOATING = re.compile(
    "|".join(f"(?:{p})" for p in tables.BOILERPLATE_PARAGRAPHS if not p.startswith("^")), re.I
)


def is_boilerplate(para: str) -> bool:
    """A byline, footer, promotion or wire tracking line (short paragraphs only)."""
    if len(para) >= 400:
        return False
    if _ANCHORED.match(para):
        return True
    low = para.lower()
    return has_any(low, tables.BOILERPLATE_KEYWORDS) and bool(_FLOATING.search(para))


_END = re.compile("|".join(f"(?:{p})" for p in tables.END_OF_BODY), re.I)
_DATELINE = re.compile(tables.DATELINE)
_HEADLINE_PREFIX = re.compile(tables.HEADLINE_PREFIX, re.I)


def normalise(text: str) -> str:
    """Straight quotes and plain spaces; same length as `text`."""
    # One replace per character present: str.translate walks non-ASCII text one character at a
    # time, which costs more than the rest of the preparation. No replacement is itself a key.
    for char, plain in _NORMALISE:
        if char in text:
            text = text.replace(char, plain)
    return text


@dataclass(slots=True)
class Sentence:
    index: int
    text: str  # as printed
    norm: str  # same length, normalised
    paragraph: int
    is_headline: bool = False

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]


@dataclass(slots=True)
class Doc:
    headline: Sentence | None
    sentences: list[Sentence] = field(default_factory=list)  # body only, in order
    norm_text: str = ""  # all body sentences' norm joined by "\n"
    raw_text: str = ""  # all body sentences' text joined by "\n"
    cache: dict[str, Any] = field(default_factory=dict)  # per-article memo of derived tables
    starts: list[int] = field(default_factory=list)  # offset of each sentence in norm_text

    def at(self, pos: int) -> tuple[Sentence, int]:
        """The body sentence holding offset `pos` of `norm_text`, and the offset within it."""
        i = max(0, bisect_right(self.starts, pos) - 1)
        return self.sentences[i], pos - self.starts[i]

    def holding(self, words: tuple[str, ...]) -> list[Sentence]:
        """The body sentences that contain any of `words`, in order: one search of the whole
        text per word instead of one per sentence (no word may hold a line break)."""
        text, starts = self.norm_text, self.starts
        found: set[int] = set()
        for word in words:
            pos = text.find(word)
            while pos >= 0:
                i = bisect_right(starts, pos) - 1
                found.add(i)
                pos = text.find(word, starts[i + 1]) if i + 1 < len(starts) else -1
        return [self.sentences[i] for i in sorted(found)]

    @property
    def all(self) -> list[Sentence]:
        return ([self.headline] if self.headline else []) + self.sentences


def clean_fragment(text: str) -> str:
    """Remove HTML residue and control characters; collapse runs of spaces."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = _CONTROL.sub("", text)
    return text


def _paragraphs(text: str) -> list[str]:
    out: list[str] = []
    runs = has_any(text, _SPACE_RUN_HINTS)  # no line of the text has one when the text has none
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        para = (_SPACES.sub(" ", raw) if runs and has_any(raw, _SPACE_RUN_HINTS) else raw).strip()
        if para:
            out.append(para)
    return out


def prepare(text: str, title: str | None = None) -> Doc:
    """Split an article into a headline and body sentences, dropping bylines and footers."""
    text = clean_fragment((text or "")[:MAX_CHARS])
    headline: Sentence | None = None
    if title:
        head = _SPACES.sub(" ", clean_fragment(title[:2000])).strip()
        head = _HEADLINE_PREFIX.sub("", head)
        if head:
            headline = Sentence(-1, head, normalise(head), -1, is_headline=True)
    sentences: list[Sentence] = []
    first_body = True
    paragraphs = _paragraphs(text)
    # Normalising maps character to character and never makes or removes a line break, so one
    # pass over the joined paragraphs gives each paragraph's normalised copy.
    norms = normalise("\n".join(paragraphs)).split("\n")
    for p_index, para in enumerate(paragraphs):
        if is_boilerplate(para):
            continue
        if _END.match(para):
            break
        norm = norms[p_index]
        if first_body:
            match = _DATELINE.match(para)
            if match and match.end() < len(para):
                para, norm = para[match.end() :], norm[match.end() :]
            first_body = False
        for start, end in split_sentences(norm):
            sentences.append(Sentence(len(sentences), para[start:end], norm[start:end], p_index))
    starts: list[int] = []
    offset = 0
    for sent in sentences:
        starts.append(offset)
        offset += len(sent.norm) + 1
    return Doc(
        headline=headline,
        starts=starts,
        sentences=sentences,
        norm_text="\n".join(s.norm for s in sentences),
        raw_text="\n".join(s.text for s in sentences),
    )
