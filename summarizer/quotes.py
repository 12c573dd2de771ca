"""The key quotation: words of the court or the judge, never of a party, lawyer or spokesperson."""

from __future__ import annotations

import re

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
_DISSENT = re.compile(r"dissent|concurr", re.I)
_PRONOUN = re.compile(r"^(?:she|he)$", re.I)


def _judicial(speaker: str, judge_words: set[str]) -> bool:
    s = speaker.strip()
    if re.match(_SPEAKER_COURT, s):
        return True
    words = set(re.findall(r"[\w'\-]+", s))
    if words & judge_words:
        return True
    return bool(re.match(r"(?:Judge|Justice|Chancellor|Circuit Judge|Chief Justice)\b", s))


def find_key_quote(doc: Doc, judge_names: list[str]) -> tuple[str, str] | None:
    """(quotation without outer marks and trailing comma, sentence) or None."""
    judge_words = {w for name in judge_names for w in normalise(name).split() if len(w) > 2}
    embedded: tuple[str, str] | None = None
    for i, sent in enumerate(doc.sentences):
        norm = sent.norm
        if '"' not in norm:
            continue
        prev = " ".join(s.norm for s in doc.sentences[max(0, i - 2) : i])
        m = _LEADING.match(norm)
        if m:
            speaker = m.group("speaker") or m.group("speaker2") or ""
            ok = _judicial(speaker, judge_words)
            if (
                not ok
                and _PRONOUN.match(speaker.strip())
                and (
                    re.search(r"\b(?:the judge|the court|the justice)\b", prev, re.I)
                    or any(w in prev for w in judge_words)
                )
                and not _DISSENT.search(prev[-200:])
            ):
                ok = "wrote" in norm[m.end("q") : m.end("q") + 30] or bool(judge_words)
            if ok and not _DISSENT.search(norm):
                q = m.group("q")
                start = norm.index(q)
                return _trim(sent.text[start : start + len(q)]), sent.text
            continue
        if embedded is None and not _DISSENT.search(norm):
            e = _EMBEDDED.search(norm)
            if e:
                speaker = e.group("speaker")
                ok = _judicial(speaker, judge_words) or (
                    _PRONOUN.match(speaker) is not None
                    and (
                        re.search(r"\b(?:the judge|the court)\b", prev, re.I) is not None
                        or any(w in prev or w in norm[: e.start()] for w in judge_words)
                    )
                )
                if ok:
                    embedded = (_trim(sent.text[e.start("q") : e.end("q")]), sent.text)
    return embedded


def _trim(quote: str) -> str:
    return quote.strip().rstrip(",").strip()
