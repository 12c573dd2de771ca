"""The judges who decided the reported ruling: titled mentions, filtered by role and court level.

Precision first: a judge is emitted only with a sentence showing them deciding (writing, ruling,
granting, joining a panel) that is not about some other ruling; lower-court judges, nominees and
background judges are left out, and an empty list is preferred to a doubtful name.
"""

from __future__ import annotations

import re
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


def find_mentions(doc: Doc) -> list[Mention]:
    """Every titled or appositive judge mention, in text order."""
    mentions: list[Mention] = []
    for sent in doc.all:
        norm = sent.norm
        if (
            "Judge" not in norm
            and "Justice" not in norm
            and "Chancellor" not in norm
            and ("judge" not in norm and "justice" not in norm)
        ):
            continue
        covered: list[tuple[int, int]] = []
        # Every title ends in one of these words; a sentence with only "judge" has no title.
        titled = has_any(norm, _TITLE_WORDS)
        for m in _LIST.finditer(norm) if titled and " and " in norm else ():
            names = _SPLIT_LIST.split(m.group("names"))
            offset = m.start("names")
            for raw in names:
                name = trim_name(raw)
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
        for m in _SINGLE.finditer(norm) if titled else ():
            if any(a <= m.start() < b for a, b in covered):
                continue
            name = trim_name(m.group("name"))
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
        appositive = ("judge" in norm or "justice" in norm) and has_any(norm, _APPOSITIVE_WORDS)
        for m in _APPOSITIVE.finditer(norm) if appositive else ():
            name = trim_name(m.group("name"))
            if name and " " in name:
                start = m.start("name")
                mentions.append(
                    Mention(
                        sent.span(start, start + len(name)), None, sent, start, start + len(name)
                    )
                )
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
        covered: dict[int, list[tuple[int, int]]] = {}
        for x in person.mentions:
            covered.setdefault(x.sentence.index, []).append((x.start, x.end))
        key = surname(person.name)
        if len(key) < 3:
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(key)}(?![\w-])")
        for sent in doc.holding((key,)):
            spans = covered.get(sent.index, ())
            for m in pattern.finditer(sent.norm):
                if any(a <= m.start() < b for a, b in spans):
                    continue
                person.mentions.append(Mention(key, None, sent, m.start(), m.end()))
            if len(person.mentions) > MAX_MENTIONS:
                break
    return people


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
