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
from itertools import accumulate
from typing import Any

from summarizer import tables
from summarizer.gates import has_any
from summarizer.sentences import split_body, split_paragraphs

# Analysis stops after this many characters: no news article is longer, and it bounds the time
# spent on hostile input.
MAX_CHARS = 200_000
# Longer runs without a sentence end are read in pieces of at most this many characters.
MAX_SENTENCE = 1_500

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
        # Letters a case-insensitive pattern matches to an ASCII letter without being one: as
        # their ASCII letters, a lower-cased sentence holds every word such a pattern can match.
        "\u017f": "s",
        "\u0131": "i",
        "\u0130": "I",
        "\u212a": "K",
    }.items()
)
# The keys an ASCII text can hold.
_NORMALISE_ASCII = tuple((char, plain) for char, plain in _NORMALISE if char.isascii())
_TAG = re.compile(
    r"<(?:script|style)\b[^>]{0,500}>.{0,20000}?</(?:script|style)\s*>|<[^<>]{0,500}>", re.I | re.S
)
_SPACES = re.compile(r"[ \u00a0\t\u2009\u202f]{2,}")
# Every run `_SPACES` replaces contains one of these.
_SPACE_RUN_HINTS = ("  ", "\u00a0", "\t", "\u2009", "\u202f")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\ufeff]")
_ANCHORED_SOURCES = tuple(p for p in tables.BOILERPLATE_PARAGRAPHS if p.startswith("^"))
_ANCHORED = re.compile("|".join(f"(?:{p[1:]})" for p in _ANCHORED_SOURCES), re.I)
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
    for char, plain in _NORMALISE_ASCII if text.isascii() else _NORMALISE:
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
    if _has_control(text):
        text = _CONTROL.sub("", text)
    return text


# The characters `_CONTROL` removes, as UTF-8 bytes below 0x80 and as the others.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_CONTROL_WIDE = ("\u200b", "\u200c", "\u200d", "\ufeff")


def _has_control(text: str) -> bool:
    """Whether `_CONTROL` would remove anything: a byte-table pass over the UTF-8 text is many
    times faster than the pattern's scan (UTF-8 holds ASCII characters as themselves and never
    uses a byte below 0x80 inside another character's encoding)."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data.translate(None, _CONTROL_BYTES)) != len(data):
        return True
    return not text.isascii() and has_any(text, _CONTROL_WIDE)


def _paragraphs(text: str) -> list[str]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if has_any(text, _SPACE_RUN_HINTS):  # no line of the text has one when the text has none
        lines = [_SPACES.sub(" ", raw) if has_any(raw, _SPACE_RUN_HINTS) else raw for raw in lines]
    return list(filter(None, map(str.strip, lines)))


# Any paragraph that `_ANCHORED` or `_END` matches is found by one scan of the paragraphs joined
# by "\n": at a line start, "^" and "$" hold where they hold in the paragraph alone, and the rest
# can only match more. Matches that reach into the next line are false alarms, which the exact
# check on the paragraph alone turns away. `_FIRST_LINE` is the same test for the first paragraph.
_LINE_STARTS = "|".join(
    f"(?:{p.removeprefix('^')})" for p in _ANCHORED_SOURCES + tables.END_OF_BODY
)
_LINE_START = re.compile(f"\n(?:{_LINE_STARTS})", re.I | re.M)
_FIRST_LINE = re.compile(_LINE_STARTS, re.I | re.M)
# The same tests for lower-cased text, as plain patterns: where each alternative opens with a
# plain letter the engine turns a line away at its first character, which a case-insensitive
# pattern cannot. Lower-casing the source keeps its meaning only while it holds no upper-case
# escape (such as \S or \B), no character given by its code (\x, \u) and no inline flag.
if re.search(r"\\[A-Zux]|\(\?[A-Za-z]", _LINE_STARTS):
    raise ValueError("a line-start pattern cannot be lower-cased as text")
_LINE_START_LOW = re.compile(f"\n(?:{_LINE_STARTS.lower()})", re.M)
_FIRST_LINE_LOW = re.compile(_LINE_STARTS.lower(), re.M)
# Outside U+0130, U+0131 and U+017F (and the Kelvin sign, which lower() makes the "k" it
# matches), a character matches a letter, [A-Z], \w, \s or \d case-insensitively exactly when
# its lower case matches it as it is; and only U+0130 has a lower case of another length. In
# lower-cased text, U+0130 has become "i" and the combining dot U+0307.
_FOLDS_APART = ("\u0307", "\u0131", "\u017f")


def _suspects(paragraphs: list[str]) -> list[int]:
    """The indices, in order, of the paragraphs that may be boilerplate or the end of the body:
    every other paragraph provably is neither, so it needs no check of its own."""
    low = "\n".join(map(str.lower, paragraphs))
    if low.isascii() or not has_any(low, _FOLDS_APART):
        text, first, line_start = low, _FIRST_LINE_LOW, _LINE_START_LOW
    else:
        text, first, line_start = "\n".join(paragraphs), _FIRST_LINE, _LINE_START
    found = {0} if first.match(text) else set()
    # Each search goes forward, so each line number is counted on from the one before.
    line = done = 0
    match = line_start.search(text)
    while match:
        pos = match.start() + 1
        line += text.count("\n", done, pos)
        found.add(line)
        done = pos
        match = line_start.search(text, pos)
    for word in tables.BOILERPLATE_KEYWORDS:
        line = done = 0
        pos = low.find(word)
        while pos >= 0:
            line += low.count("\n", done, pos)
            found.add(line)
            done = pos
            pos = low.find(word, pos + 1)
    return sorted(found)


# Up to this many dropped paragraphs are deleted one by one from a copy of the list; each
# deletion moves the paragraphs after it, so more are left out by building a new list.
_FEW = 8


def _body(paragraphs: list[str]) -> tuple[str, list[int]]:
    """The body paragraphs joined by "\n" (bylines and footers out, the dateline cut from the
    first) and the index of each among `paragraphs`."""
    kept, indices = _body_paragraphs(paragraphs)
    return "\n".join(kept), indices


def _body_paragraphs(paragraphs: list[str]) -> tuple[list[str], list[int]]:
    """The body paragraphs (bylines and footers out, the dateline cut from the first) and the
    index of each among `paragraphs`."""
    if not paragraphs:
        return [], []
    dropped: set[int] = set()
    stop = len(paragraphs)
    for p_index in _suspects(paragraphs):
        para = paragraphs[p_index]
        if is_boilerplate(para):
            dropped.add(p_index)
        elif _END.match(para):
            stop = p_index
            break
    if len(dropped) <= _FEW:
        indices = list(range(stop))
        kept = paragraphs[:stop]
        for p_index in sorted(dropped, reverse=True):  # all before `stop`
            del indices[p_index], kept[p_index]
    else:
        indices = [i for i in range(stop) if i not in dropped]
        kept = [paragraphs[i] for i in indices]
    if kept:
        # No part of the pattern matches a line break: its match here is its match in the
        # paragraphs joined by "\n".
        match = _DATELINE.match(kept[0])
        if match and match.end() < len(kept[0]):
            kept[0] = kept[0][match.end() :]
    return kept, indices


def _bounded(spans: list[tuple[int, int, int]], text: str) -> list[tuple[int, int, int]]:
    """Cut any run longer than `MAX_SENTENCE` characters into pieces at spaces.

    No reported sentence comes near the limit; a longer one is a list, a table or hostile input,
    and reading it whole would let per-sentence work grow with the square of its length.
    """
    if all(end - start <= MAX_SENTENCE for start, end, _ in spans):
        return spans
    out: list[tuple[int, int, int]] = []
    for start, end, para in spans:
        while end - start > MAX_SENTENCE:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            if cut < 0:
                cut = start + MAX_SENTENCE
            out.append((start, cut, para))
            start = cut + 1 if text[cut] == " " else cut
        if end > start:
            out.append((start, end, para))
    return out


def prepare(text: str, title: str | None = None) -> Doc:
    """Split an article into a headline and body sentences, dropping bylines and footers."""
    text = clean_fragment((text or "")[:MAX_CHARS])
    headline: Sentence | None = None
    if title:
        head = clean_fragment(title[:2000])
        if has_any(head, _SPACE_RUN_HINTS):
            head = _SPACES.sub(" ", head)
        head = head.strip()
        head = _HEADLINE_PREFIX.sub("", head)
        if head:
            headline = Sentence(-1, head, normalise(head), -1, is_headline=True)
    paragraphs = _paragraphs(text)
    kept, indices = _body_paragraphs(paragraphs)
    raw = "\n".join(kept)
    # Normalising maps character to character and never makes or removes a line break.
    norm = normalise(raw)
    if not raw:
        texts: list[str] = []
        numbers: list[int] = []
    elif max(map(len, kept)) <= MAX_SENTENCE:  # no sentence is long enough to be cut
        texts, numbers = split_body(raw, norm, kept, indices)
    else:
        texts, numbers = _bounded_sentences(raw, norm, indices)
    raw_text = "\n".join(texts)
    if norm is raw:  # most articles print no character that normalising changes
        norm_text, norms = raw_text, texts
    else:
        # Normalising maps character to character and leaves line breaks: the sentences'
        # normalised texts are those of the sentences' printed texts.
        norm_text = normalise(raw_text)
        norms = norm_text.split("\n")
    sentences = list(map(Sentence, range(len(texts)), texts, norms, numbers))
    starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))
    starts.pop()
    return Doc(
        headline=headline,
        starts=starts,
        sentences=sentences,
        norm_text=norm_text,
        raw_text=raw_text,
    )


def _bounded_sentences(raw: str, norm: str, indices: list[int]) -> tuple[list[str], list[int]]:
    """The sentences of the body `raw` (`norm` normalised) as printed, and the paragraph index
    of each, with a run too long for one sentence cut into pieces."""
    spans = _bounded(split_paragraphs(norm), norm)
    return [raw[start:end] for start, end, _ in spans], [indices[para] for _, _, para in spans]
