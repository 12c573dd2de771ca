"""The judges who decided the reported ruling: titled mentions, filtered by role and court level.

Precision first: a judge is emitted only with a sentence showing them deciding (writing, ruling,
granting, joining a panel) that is not about some other ruling; lower-court judges, nominees and
background judges are left out, and an empty list is preferred to a doubtful name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from summarizer import tables
from summarizer.facts import Judge
from summarizer.gates import fold, gated, has_any
from summarizer.names import NAME, surname, trim_name
from summarizer.text import Doc, Sentence

_TITLE_ALT = "|".join(re.escape(t) for t in sorted(tables.JUDGE_TITLES, key=len, reverse=True))
_COUNTY = tables.COUNTY_JUDGE_TITLE.format(U=tables.UPPER, L=tables.LOWER)
_TITLE = rf"(?:{_COUNTY}|{_TITLE_ALT})"
_SINGLE = re.compile(rf"(?<![\w.])(?P<title>{_TITLE})(?P<plural>e?s)? (?P<name>{NAME})")
_LIST = re.compile(
    rf"(?<![\w.])(?P<title>{_TITLE})s (?P<names>{NAME}(?:, {NAME}){{0,6}},? and {NAME})"
)
_APPOSITIVE = re.compile(
    rf"(?P<name>{NAME}), (?:a|an|the) (?:(?:senior|chief|federal|U\.S\.|state|county|district|"
    r"circuit|bankruptcy|magistrate|trial|appellate|appeals court|administrative law|superior "
    r"court) ){1,3}(?:judge|justice)\b"
)
_APPOSITIVE_WORDS = (", a ", ", an ", ", the ")
_TITLE_WORDS = ("Judge", "Justice", "Chancellor")
_SPLIT_LIST = re.compile(r",? and |, ")

_POSITIVE_AFTER = re.compile(
    r"^[^;\"]{0,110}?\b(?:wrote|writes|writing|ruled|rules|granted|grants|denied|denies|"
    r"dismissed|dismisses|blocked|blocks|barred|bars|ordered|orders|found|finds|held|holds|"
    r"rejected|issued|issues|said|says|told|sentenced|sentences|approved|approves|confirmed|"
    r"upheld|upholds|struck|vacated|stayed|declined|refused|sided|concluded|threw|tossed|"
    r"halted|enjoined|handed|overruled|awarded|agreed|noted|explained|allowed|gave|certified|"
    r"temporarily|dissented|concurred|determined|decided|signed|heard)\b"
)
_POSITIVE_BEFORE = re.compile(
    r"(?:joined by|written by|authored by|writing for [^,]{0,30}, |(?:ruling|order|decision|"
    r"opinion) (?:by|from)|panel (?:of|—|-|included)|before) [^.;]{0,30}$"
)
_MAJORITY = re.compile(tables.MAJORITY_AUTHOR_CUES, re.I)
_DISSENT = re.compile(r"dissent|concurr", re.I)
_DISTRACTOR = gated(tables.DISTRACTOR_CUES, "|".join(tables.DISTRACTOR_KEYWORDS), re.I)
_LOWER_BEFORE = re.compile(
    r"(?:ruling|decision|judgment|order|opinion) (?:by|of|from) $|agreed with $|"
    r"disagreed with $|reversing $|reversed $|overturned $|before $",
)
_PANEL_CUE = re.compile(r"\bpanel\b|\bjoined\b|\bdissent|\bconcurr|\bmajority\b", re.I)
_NOMINEE = gated(
    r"nominat|nominee|confirm(?:ation|ed) (?:to|as)|assigned", "nomin|confirm|assigned", re.I
)


def _nominee(norm: str) -> bool:
    """Whether the sentence speaks of a nomination, confirmation or assignment."""
    return bool(_NOMINEE.search(norm, fold(norm)))


# Bounds on hostile input: no article names more judges or mentions one more often.
MAX_PEOPLE = 60
MAX_MENTIONS = 200


@dataclass(slots=True)
class Mention:
    name: str
    title: str | None
    sentence: Sentence
    start: int
    end: int


def _singular(title: str) -> str:
    return title


# Any title match holds one of `_TITLE_WORDS` no further than this from its start, unless it is
# a county title (whose place names have no bound on their length).
_TITLE_REACH = max(min(t.find(w) for w in _TITLE_WORDS if w in t) for t in tables.JUDGE_TITLES)
_COUNTY_WORDS = ("County", "Parish")
# A list match is a title ("... Judge", "... Justice", "... Chancellor") made plural.
_LIST_WORDS = tuple(w + "s " for w in _TITLE_WORDS)
# Any sentence with a mention holds one of these (the titles' words and the appositive nouns).
_MENTION_WORDS = (*_TITLE_WORDS, "judge", "justice")
_STOPWORDS = frozenset(tables.NAME_STOPWORDS)
_PARTICLES = frozenset(tables.NAME_PARTICLES)


def _titled(pattern: re.Pattern[str], norm: str) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(norm)` gives for a pattern that starts with a title, found
    by searching from just before each title word instead of trying every position of the
    sentence: a match holds a title word at most `_TITLE_REACH` after its start."""
    if has_any(norm, _COUNTY_WORDS):
        yield from pattern.finditer(norm)
        return
    # The next occurrence of each title word, looked for again only once passed (so a word
    # printed once at the end is not searched for again after every match).
    ahead = {w: norm.find(w) for w in _TITLE_WORDS}
    pos = 0
    while True:
        for word, at in ahead.items():
            if 0 <= at < pos:
                ahead[word] = norm.find(word, pos)
        hits = [at for at in ahead.values() if at >= 0]
        if not hits:
            return
        m = pattern.search(norm, max(pos, min(hits) - _TITLE_REACH))
        if m is None:
            return
        yield m
        pos = m.end()


def _trim(name: str) -> str:
    """`trim_name`, answered without its token loop when no token can be cut: a name with no
    comma, no stray space and no stopword keeps every token."""
    tokens = name.split(" ")
    if (
        not name
        or "," in name
        or "" in tokens
        or name[0].isspace()
        or name[-1].isspace()
        or not _STOPWORDS.isdisjoint(tokens)
        or tokens[-1] in _PARTICLES
    ):
        return trim_name(name)
    if name.endswith("'s"):
        return name[:-2]
    if name.endswith("'"):
        return name[:-1]
    return name


def _mention_sentences(doc: Doc) -> list[Sentence]:
    """The headline and body sentences that hold a title or appositive word: the body's are
    found by one search of the whole text per word."""
    head = doc.headline
    body = doc.holding(_MENTION_WORDS)
    return [head, *body] if head is not None and has_any(head.norm, _MENTION_WORDS) else body


def _list_mentions(sent: Sentence, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Mentions from "Judges A, B and C"; returns the spans the lists cover."""
    norm = sent.norm
    covered: list[tuple[int, int]] = []
    if " and " not in norm or not has_any(norm, _LIST_WORDS):
        return covered
    for m in _titled(_LIST, norm):
        names = _SPLIT_LIST.split(m.group("names"))
        offset = m.start("names")
        for raw in names:
            name = _trim(raw)
            if not name:
                continue
            pos = norm.find(raw, offset)
            offset = pos + len(raw) if pos >= 0 else offset
            mentions.append(
                Mention(
                    sent.span(pos, pos + len(name)) if pos >= 0 else name,
                    sent.span(m.start("title"), m.end("title")),
                    sent,
                    max(pos, 0),
                    max(pos, 0) + len(name),
                )
            )
        covered.append((m.start(), m.end()))
    return covered


def _single_mentions(
    sent: Sentence, covered: list[tuple[int, int]], mentions: list[Mention]
) -> None:
    """Mentions from "Judge A" outside the lists already read."""
    for m in _titled(_SINGLE, sent.norm):
        if covered and any(a <= m.start() < b for a, b in covered):
            continue
        name = _trim(m.group("name"))
        if not name:
            continue
        start = m.start("name")
        mentions.append(
            Mention(
                sent.span(start, start + len(name)),
                sent.span(m.start("title"), m.end("title")),
                sent,
                start,
                start + len(name),
            )
        )


def _appositive_mentions(sent: Sentence, mentions: list[Mention]) -> None:
    """Mentions from "A, a federal judge"."""
    norm = sent.norm
    if not ("judge" in norm or "justice" in norm) or not has_any(norm, _APPOSITIVE_WORDS):
        return
    for m in _APPOSITIVE.finditer(norm):
        name = _trim(m.group("name"))
        if name and " " in name:
            start = m.start("name")
            mentions.append(
                Mention(sent.span(start, start + len(name)), None, sent, start, start + len(name))
            )


def find_mentions(doc: Doc) -> list[Mention]:
    """Every titled or appositive judge mention, in text order."""
    mentions: list[Mention] = []
    for sent in _mention_sentences(doc):
        covered = _list_mentions(sent, mentions)
        _single_mentions(sent, covered, mentions)
        _appositive_mentions(sent, mentions)
    mentions.sort(key=lambda mm: (mm.sentence.index, mm.start))
    return mentions


def _is_trial_title(title: str | None) -> bool:
    if not title:
        return False
    return any(word in title for word in tables.TRIAL_TITLE_WORDS)


def _is_appellate_title(title: str | None) -> bool:
    if not title or _is_trial_title(title):
        return False
    return any(word in title for word in tables.APPELLATE_TITLE_WORDS)


@dataclass(slots=True)
class _Person:
    name: str
    title: str | None
    first: tuple[int, int]
    mentions: list[Mention]


def _group(mentions: list[Mention], doc: Doc) -> list[_Person]:
    """Merge mentions of one person (surname-only mentions join the fullest name)."""
    people: list[_Person] = []
    by_surname: dict[str, _Person] = {}
    for m in mentions:
        key = surname(m.name)
        person = by_surname.get(key)
        if person is None:
            person = _Person(m.name, m.title, (m.sentence.index, m.start), [])
            by_surname[key] = person
            people.append(person)
        elif len(m.name) > len(person.name) and m.name.endswith(person.name.split()[-1]):
            person.name, person.title = m.name, m.title or person.title
        person.mentions.append(m)
    # Bare-surname mentions ("Tolland wrote") count as mentions too.
    for person in people[:MAX_PEOPLE]:
        key = surname(person.name)
        if len(key) >= 3:
            _add_bare_mentions(person, key, doc)
    return people


def _is_word_char(char: str) -> bool:
    """What a regex `\\w` matches in a str pattern, or a hyphen: a name continues through it."""
    return char.isalnum() or char == "_" or char == "-"


def _bare_positions(key: str, doc: Doc) -> list[int]:
    """Offsets in `norm_text` where `key` stands as a whole word (not inside a longer word or a
    hyphenated name), leftmost first and non-overlapping, as a regex scan would find them; one
    string search over the text instead of compiling a pattern per surname and searching sentence
    by sentence. Sentences are joined by a line break, which is no word character, so a hit
    at a sentence edge is judged as within that sentence alone."""
    text = doc.norm_text
    size = len(key)
    out: list[int] = []
    pos = text.find(key)
    while pos >= 0:
        end = pos + size
        if (pos == 0 or not _is_word_char(text[pos - 1])) and (
            end >= len(text) or not _is_word_char(text[end])
        ):
            out.append(pos)
            pos = text.find(key, end)
        else:
            pos = text.find(key, pos + 1)
    return out


def _add_bare_mentions(person: _Person, key: str, doc: Doc) -> None:
    """Append each uncovered whole-word occurrence of the surname in the body, sentence by
    sentence, stopping after the sentence that takes the person past MAX_MENTIONS."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for x in person.mentions:
        covered.setdefault(x.sentence.index, []).append((x.start, x.end))
    starts, sentences = doc.starts, doc.sentences
    size = len(key)
    current = -1
    spans: list[tuple[int, int]] | tuple[()] = ()
    for pos in _bare_positions(key, doc):
        index = bisect_right(starts, pos) - 1
        if index != current:
            if len(person.mentions) > MAX_MENTIONS:
                return
            current = index
            spans = covered.get(index, ())
        start = pos - starts[index]
        if any(a <= start < b for a, b in spans):
            continue
        person.mentions.append(Mention(key, None, sentences[index], start, start + size))


def _local_distractor(m: Mention) -> bool:
    norm = m.sentence.norm
    before = norm[max(0, m.start - 90) : m.start]
    if _LOWER_BEFORE.search(before[-40:] if len(before) > 40 else before):
        return True
    clause_start = max(norm.rfind(";", 0, m.start), 0, m.start - 100)
    region = norm[clause_start : m.end + 60]
    return bool(_DISTRACTOR.search(region)) or _nominee(norm)


def _positive(m: Mention) -> bool:
    norm = m.sentence.norm
    if _POSITIVE_AFTER.search(norm[m.end : m.end + 130]):
        return True
    return bool(_POSITIVE_BEFORE.search(norm[max(0, m.start - 60) : m.start]))


def _majority_author(m: Mention) -> bool:
    norm = m.sentence.norm
    window = norm[max(0, m.start - 70) : m.end + 70]
    if not _MAJORITY.search(window):
        return False
    return not _DISSENT.search(norm[m.end : m.end + 50])


def select_judges(doc: Doc, level: str) -> list[tuple[Judge, str]]:
    """The deciding judges with the sentence that shows each deciding."""
    people = _group(find_mentions(doc), doc)
    chosen: list[tuple[Judge, str, tuple[int, int]]] = []
    for person in people:
        titles = [m.title for m in person.mentions if m.title]
        if any(_nominee(m.sentence.norm) for m in person.mentions if m.title) and not any(
            _positive(m) and not _local_distractor(m) for m in person.mentions
        ):
            continue
        if level in ("supreme", "en_banc"):
            if any(_is_trial_title(t) for t in titles):
                continue
            evidence = next(
                (m for m in person.mentions if _majority_author(m) and not _local_distractor(m)),
                None,
            )
        elif level == "appellate":
            if any(_is_trial_title(t) for t in titles):
                continue
            evidence = next(
                (
                    m
                    for m in person.mentions
                    if not _local_distractor(m)
                    and (
                        _positive(m)
                        or _PANEL_CUE.search(m.sentence.norm)
                        or "Circuit Judge" in (m.title or "")
                    )
                    and (
                        _is_appellate_title(person.title)
                        or _positive(m)
                        or (person.title or "").endswith("Judge")
                    )
                ),
                None,
            )
        else:
            if any(_is_appellate_title(t) and "Judge" not in (t or "") for t in titles):
                continue
            if any(t and "Circuit Judge" in t and "County" not in t for t in titles):
                continue
            evidence = next(
                (m for m in person.mentions if _positive(m) and not _local_distractor(m)), None
            )
        if evidence is None:
            continue
        chosen.append((Judge(person.name, person.title), evidence.sentence.text, person.first))
    chosen.sort(key=lambda c: c[2])
    if (
        level in ("trial", "agency")
        and len(chosen) > 1
        and not re.search(r"three-judge|panel", doc.norm_text[:3000])
    ):
        chosen = chosen[:1]
    return [(judge, ev) for judge, ev, _ in chosen]
