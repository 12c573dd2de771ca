"""The key quotation: words of the court or the judge, never of a party, lawyer or spokesperson."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from summarizer.gates import fold, has_any
from summarizer.text import Doc, normalise

_VERBS = (
    r"(?:wrote|writes|said|says|told|added|concluded|explained|held|found|noted|declared|ruled|"
    r"stated|observed|warned)"
)
_SPEAKER_COURT = (
    r"(?:the|The) (?:judge|court|Court|majority|panel|order|opinion|ruling|decision|justices|"
    r"chancellor|magistrate)(?: [^,\"]{0,60}?)?"
)
_QUOTE = r'"(?P<q>[^"]{12,600})"'
_LEADING = re.compile(
    rf'^{_QUOTE},? (?:(?P<speaker>[^"]{{1,80}}?) {_VERBS}\b|{_VERBS} (?P<speaker2>[^"]{{1,60}}))'
)
_EMBEDDED = re.compile(
    rf"(?P<speaker>{_SPEAKER_COURT}|\b[A-Z][\w'\-]+|\b(?:she|he)) (?:{_VERBS}|also {_VERBS})"
    rf"(?: that)?[^\"]{{0,160}}?{_QUOTE}"
)
# Every match of `_EMBEDDED` holds one of these, its speaker ending at most `_SPEAKER_REACH`
# characters before it ("The " + the longest court word + " " + 60 + " also") unless the
# speaker is one long word.
_SPACE_VERB = re.compile(rf" {_VERBS}")
_SPEAKER_REACH = len("The ") + len("magistrate") + 1 + 60 + len(" also")
_WORD_CHAR = re.compile(r"[\w'\-]")
_DISSENT = re.compile(r"dissent|concurr", re.I)
_DISSENT_WORDS = ("dissent", "concurr")
_PRONOUN = re.compile(r"^(?:she|he)$", re.I)
_SPEAKER_COURT_START = re.compile(_SPEAKER_COURT)
_SPEAKER_WORDS = re.compile(r"[\w'\-]+")
_SPEAKER_TITLE = re.compile(r"(?:Judge|Justice|Chancellor|Circuit Judge|Chief Justice)\b")
_COURT_OR_JUSTICE = re.compile(r"\b(?:the judge|the court|the justice)\b", re.I)
_COURT_OR_JUDGE = re.compile(r"\b(?:the judge|the court)\b", re.I)


def _judicial(speaker: str, judge_words: set[str]) -> bool:
    s = speaker.strip()
    if _SPEAKER_COURT_START.match(s):
        return True
    words = set(_SPEAKER_WORDS.findall(s))
    if words & judge_words:
        return True
    return bool(_SPEAKER_TITLE.match(s))


def _dissenting(text: str) -> bool:
    """`_DISSENT` found in `text`; asked only when the case-folded text holds one of its words."""
    low = fold(text)
    return any(w in low for w in _DISSENT_WORDS) and _DISSENT.search(text) is not None


def _quoting(doc: Doc) -> Iterator[int]:
    """Indices of the body sentences holding a straight quote, in order (one character search
    per such sentence instead of a test of every sentence)."""
    text, starts = doc.norm_text, doc.starts
    pos = text.find('"')
    while pos >= 0:
        i = bisect_right(starts, pos) - 1
        yield i
        if i + 1 >= len(starts):
            return
        pos = text.find('"', starts[i + 1])


def _embedded(norm: str) -> re.Match[str] | None:
    """`_EMBEDDED.search(norm)`, skipped when no verb precedes the last quote mark and begun
    no earlier than the first verb's speaker can start."""
    verb = _SPACE_VERB.search(norm, 0, norm.rfind('"'))
    if verb is None:
        return None
    lo = max(0, verb.start() - _SPEAKER_REACH)
    while lo > 0 and _WORD_CHAR.match(norm, lo - 1):
        lo -= 1
    return _EMBEDDED.search(norm, lo)


def _before(doc: Doc, i: int) -> str:
    """The two sentences before sentence `i`, joined."""
    return " ".join(s.norm for s in doc.sentences[max(0, i - 2) : i])


def find_key_quote(doc: Doc, judge_names: list[str]) -> tuple[str, str] | None:
    """(quotation without outer marks and trailing comma, sentence) or None.

    A quotation that leads its sentence wins wherever it is; only when none does is the first
    embedded one looked for, in the sentences passed over (each reading is the sentence's own,
    so reading them last gives what reading them in passing would)."""
    judge_words = {w for name in judge_names for w in _normalised(name).split() if len(w) > 2}
    passed: list[int] = []
    for i in _quoting(doc):
        sent = doc.sentences[i]
        norm = sent.norm
        m = _LEADING.match(norm)
        if m:
            speaker = m.group("speaker") or m.group("speaker2") or ""
            ok = _judicial(speaker, judge_words)
            if not ok and _PRONOUN.match(speaker.strip()):
                prev = _before(doc, i)
                if (
                    _COURT_OR_JUSTICE.search(prev) or any(w in prev for w in judge_words)
                ) and not _dissenting(prev[-200:]):
                    ok = "wrote" in norm[m.end("q") : m.end("q") + 30] or bool(judge_words)
            if ok and not _dissenting(norm):
                q = m.group("q")
                start = norm.index(q)
                return _trim(sent.text[start : start + len(q)]), sent.text
            continue
        passed.append(i)
    for i in passed:
        found = _embedded_quote(doc, i, judge_words)
        if found is not None:
            return found
    return None


def _embedded_quote(doc: Doc, i: int, judge_words: set[str]) -> tuple[str, str] | None:
    """The quotation sentence `i` holds after a judicial speaker's verb, with the sentence."""
    sent = doc.sentences[i]
    norm = sent.norm
    if _dissenting(norm):
        return None
    e = _embedded(norm)
    if not e:
        return None
    speaker = e.group("speaker")
    ok = _judicial(speaker, judge_words)
    if not ok and _PRONOUN.match(speaker) is not None:
        prev = _before(doc, i)
        ok = _COURT_OR_JUDGE.search(prev) is not None or any(
            w in prev or w in norm[: e.start()] for w in judge_words
        )
    if not ok:
        return None
    return _trim(sent.text[e.start("q") : e.end("q")]), sent.text


# The ASCII characters that normalising replaces: an ASCII name without them is its own
# normalised form.
_ASCII_NORMALISED = tuple(chr(c) for c in range(128) if normalise(chr(c)) != chr(c))


def _normalised(name: str) -> str:
    """`normalise(name)`, without its pass over every replaced character for a plain name."""
    if name.isascii() and not has_any(name, _ASCII_NORMALISED):
        return name
    return normalise(name)


def _trim(quote: str) -> str:
    return quote.strip().rstrip(",").strip()
