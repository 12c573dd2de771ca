"""The deciding court (normalised where the article makes it derivable) and the court's level."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer import tables
from summarizer.gates import anchored_finditer, fold, gated, has_any
from summarizer.text import Doc, Sentence

U, L = tables.UPPER, tables.LOWER
_ORD = "|".join(tables.ORDINALS)
_NUM_ORD = r"\d{1,2}(?:st|nd|rd|th)"
_PLACE = rf"[{U}][{L}]+(?: [{U}][{L}]+){{0,2}}"
_DIVISION = r"(?:(?:Northern|Southern|Eastern|Western|Middle|Central) )?District of "

# (pattern, level, rank, anchors). Higher rank = more formal, preferred when several name one
# court. A match must contain one of its anchors; only windows around them are searched.
_COURT_PATTERNS: tuple[tuple[str, str, int, tuple[str, ...]], ...] = (
    (
        rf"U\.S\. District Court for the {_DIVISION}(?:{tables.US_STATES}|Columbia)",
        "trial",
        9,
        ("District Court for",),
    ),
    (
        rf"U\.S\. Bankruptcy Court for the {_DIVISION}(?:{tables.US_STATES}|Columbia)",
        "trial",
        9,
        ("Bankruptcy Court for",),
    ),
    (rf"U\.S\. District Court in {_PLACE}", "trial", 6, ("District Court in",)),
    (
        rf"U\.S\. Court of Appeals for the (?:{_ORD}|{_NUM_ORD}|District of Columbia|D\.C\."
        r"|Federal) Circuit",
        "appellate",
        9,
        ("Court of Appeals for",),
    ),
    (
        rf"(?:{_NUM_ORD}|{_ORD}) U\.S\. Circuit Court of Appeals",
        "appellate",
        7,
        ("Circuit Court of Appeals",),
    ),
    (r"Supreme Court of the United States", "supreme", 9, ("Supreme Court of",)),
    (rf"Supreme Court of (?:{tables.US_STATES})", "supreme", 9, ("Supreme Court of",)),
    (r"U\.S\. Supreme Court", "supreme", 8, ("Supreme Court",)),
    (rf"(?:{tables.US_STATES}) Supreme Court", "supreme", 8, ("Supreme Court",)),
    (rf"(?:{tables.US_STATES}) Court of Appeals?", "appellate", 7, ("Court of Appeal",)),
    (rf"(?:{tables.US_STATES}) Court of Criminal Appeals", "supreme", 8, ("Criminal Appeals",)),
    (rf"(?:{tables.US_STATES}) Appellate Court", "appellate", 7, ("Appellate Court",)),
    (
        rf"Appellate Division(?: of the {_PLACE} Supreme Court)?",
        "appellate",
        6,
        ("Appellate Division",),
    ),
    (
        rf"(?:{_ORD}|{_NUM_ORD}) (?:District )?Court of Appeals?",
        "appellate",
        5,
        ("Court of Appeal",),
    ),
    (
        rf"(?:[{U}][{L}]+ ){{1,3}}County (?:Circuit|District|Superior|Chancery|Probate|Family|"
        r"Juvenile|Municipal|State|Criminal|Civil) Court",
        "trial",
        8,
        ("County",),
    ),
    (rf"(?:[{U}][{L}]+ ){{1,3}}County Court of Common Pleas", "trial", 8, ("County Court of",)),
    (rf"(?:[{U}][{L}]+ ){{1,3}}Chancery Court", "trial", 7, ("Chancery Court",)),
    (r"Court of Chancery", "trial", 7, ("Court of Chancery",)),
    (
        rf"(?:{tables.US_STATES}) (?:Superior|Circuit|District|Chancery) Court",
        "trial",
        7,
        ("Superior Court", "Circuit Court", "District Court", "Chancery Court"),
    ),
    (r"U\.S\. Court of International Trade", "trial", 8, ("International Trade",)),
    (r"U\.S\. Court of Federal Claims", "trial", 8, ("Federal Claims",)),
    (r"U\.S\. Tax Court", "trial", 8, ("Tax Court",)),
    (rf"federal court in {_PLACE}", "trial", 3, ("federal court in",)),
    (rf"state court in {_PLACE}", "trial", 3, ("state court in",)),
)
_COMPILED = [(re.compile(p), level, rank, anchors) for p, level, rank, anchors in _COURT_PATTERNS]
_SHORT_CIRCUIT = re.compile(
    rf"\b(?:the )?(?P<ord>{_ORD}|{_NUM_ORD}|D\.C\.|Federal)(?: U\.S\.)? Circuit\b(?! Court)"
)
_DISTRICT_ONLY = re.compile(
    rf"(?:Judge [^.;]{{3,40}}? of|in) the (?P<div>(?:Northern|Southern|Eastern|Western|Middle|"
    rf"Central) District of (?:{tables.US_STATES}))"
)
_FEDERAL_JUDGE_IN = re.compile(
    rf"\bfederal judge in (?P<city>{_PLACE})\b|\b(?:A|a) (?P<city2>{_PLACE}) federal judge\b"
)
_BARE_SUPREME = re.compile(r"\b(?:the|The) Supreme Court\b|\bthe justices\b")
_DESTINATION = re.compile(tables.COURT_DESTINATION_CUES, re.I)
# Lower-case words one of which any match of `_DESTINATION` holds (tested on folded text).
_DESTINATION_WORDS = (
    "appeal", "petition", "ask", "seek", "sought", "review ", "rehear", "take the case", "go to",
    "goes to", "head", "return", "sent back to", "remanded to", "en banc",
)  # fmt: skip
_DISTRACTOR = gated(tables.DISTRACTOR_CUES, "|".join(tables.DISTRACTOR_KEYWORDS), re.I)

# Each cue with the lower-case words one of which any match holds (tested on folded text).
_LEVEL_CUES = (
    (
        "supreme",
        gated(
            r"\bSupreme Court\b|\bjustices\b|\bJustices\b|\bhigh court\b|"
            r"\bHigh Court\b|\bhighest court\b",
            "supreme court|justices|high court|highest court",
            re.I,
        ),
    ),
    ("en_banc", gated(r"\ben banc\b", "en banc", re.I)),
    (
        "appellate",
        gated(
            rf"\bappeals court\b|\bappellate\b|\bCourt of Appeals?\b|\bcourt of appeals?\b|"
            rf"\b(?:{_ORD}|{_NUM_ORD}|D\.C\.|Federal)(?: U\.S\.)? Circ(?:uit|\.)|\bCircuit Judge|"
            rf"\bpanel\b",
            "appeals court|appellate|court of appeal|circ|panel",
            re.I,
        ),
    ),
    (
        "agency",
        gated(
            r"\badministrative law judge\b|\bALJ\b|\bNLRB\b",
            "administrative law judge|alj|nlrb",
            re.I,
        ),
    ),
    (
        "trial",
        gated(
            r"\bjudge\b|\bchancellor\b|\bmagistrate\b|\bjury\b",
            "judge|chancellor|magistrate|jury",
            re.I,
        ),
    ),
)
_CIRCUIT_TITLE = re.compile(r"(?:County|Parish) Circuit Judge|Circuit Court Judge")


def decide_level(doc: Doc) -> str:
    """supreme | en_banc | appellate | agency | trial, from the headline and the lead."""
    lead = " ".join(s.norm for s in doc.sentences[:3])
    if _LEVEL_CUES[3][1].search(lead, fold(lead)):
        return "agency"
    texts = []
    if doc.headline:
        texts.append(doc.headline.norm)
    texts.append(lead)
    for text in texts:
        if "Circuit" in text:
            text = _CIRCUIT_TITLE.sub("judge", text)
        folded = fold(text)
        found: list[tuple[int, str]] = []
        for level, cue in _LEVEL_CUES:
            m = cue.search(text, folded)
            if m:
                found.append((m.start(), level))
        if found:
            found.sort()
            level = found[0][1]
            if level == "appellate" and _LEVEL_CUES[1][1].search(text, folded):
                return "en_banc"
            if level == "trial" and _LEVEL_CUES[3][1].search(text, folded):
                return "agency"
            return level
    return "trial"


@dataclass(slots=True)
class _Candidate:
    name: str
    level: str
    rank: int
    sentence: Sentence
    position: int


def _candidates(doc: Doc, wanted: str) -> list[_Candidate]:
    """The court mentions of level `wanted` in the headline and body, in reading order (computed
    once per article and level)."""
    key = "courts:" + wanted
    cached = doc.cache.get(key)
    if cached is None:
        cached = []
        if doc.headline is not None:
            head = doc.headline
            cached.extend(_scan(head.norm, lambda pos, h=head: (h, pos), wanted))
        if doc.sentences:
            cached.extend(_scan(doc.norm_text, doc.at, wanted))
        doc.cache[key] = cached
    return cached


# Words every court anchor but a few holds, none overlapping another or itself, so one pass of
# one pattern (all start with "C": the engine skips to each "C") finds every occurrence of each.
_KEY_WORDS = ("Court", "County", "Circuit", "Criminal Appeals", "Claims")
_KEYS = re.compile("|".join(_KEY_WORDS))


def _via_key(literal: str) -> tuple[str, int] | None:
    """The key word inside `literal` and its offset there, if it holds one."""
    for word in _KEY_WORDS:
        if word in literal:
            return word, literal.index(word)
    return None


class _Occurrences:
    """Where literals occur in one text. Literals holding a key word are read off the key words'
    positions (one pass for all of them) instead of one scan of the whole text each."""

    __slots__ = ("_keyed", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        keyed: dict[str, list[int]] = {}
        for m in _KEYS.finditer(text):
            keyed.setdefault(m.group(), []).append(m.start())
        self._keyed = keyed

    def of(self, literal: str) -> list[int]:
        """The occurrences a left-to-right search resuming after each one visits."""
        text = self._text
        via = _VIA_KEY.get(literal) if literal in _VIA_KEY else _via_key(literal)
        found: list[int] = []
        if via is None:
            pos = text.find(literal)
            while pos >= 0:
                found.append(pos)
                pos = text.find(literal, pos + len(literal))
            return found
        word, shift = via
        resume = 0
        for at in self._keyed.get(word, ()):
            pos = at - shift
            if pos >= resume and text.startswith(literal, pos):
                found.append(pos)
                resume = pos + len(literal)
        return found


def _anchored(pattern: re.Pattern[str], text: str, anchor: str, positions: list[int]):  # type: ignore[no-untyped-def]
    """`anchored_finditer` over known occurrences of the anchor."""
    seen: set[int] = set()
    for pos in positions:
        lo, hi = max(0, pos - 90), min(len(text), pos + len(anchor) + 90)
        for m in pattern.finditer(text, lo, hi):
            if m.start() <= pos < m.end() and m.start() not in seen:
                seen.add(m.start())
                yield m


_PATTERN_LEVELS = frozenset(level for _, level, _, _ in _COURT_PATTERNS)


def _scan(norm: str, where, wanted: str) -> list[_Candidate]:  # type: ignore[no-untyped-def]
    """Mentions of level `wanted`. Every court pattern runs whatever the level, since a span one
    pattern takes is closed to the later ones; the other finders run only for their level."""
    found: list[_Candidate] = []

    def add(name: str | None, level: str, rank: int, start: int, end: int | None = None) -> None:
        if level != wanted:
            return
        sent, local = where(start)
        if name is None and end is not None:
            name = sent.span(local, local + (end - start))
        found.append(_Candidate(name or "", level, rank, sent, local))

    if wanted == "agency":
        _add_tribunals(norm, add)
        return found
    if wanted not in _PATTERN_LEVELS:
        return found
    occ = _Occurrences(norm)
    taken: list[tuple[int, int]] = []
    for pattern, level, rank, anchors in _COMPILED:
        for anchor in anchors:
            positions = occ.of(anchor)
            if not positions:
                continue
            for m in sorted(_anchored(pattern, norm, anchor, positions), key=lambda x: x.start()):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                add(None, level, rank, m.start(), m.end())
    if wanted == "appellate":
        for m in _anchored(_SHORT_CIRCUIT, norm, "Circuit", occ.of("Circuit")):
            if any(a <= m.start() <= b for a, b in taken):
                continue
            ordinal = m.group("ord")
            name = (
                "U.S. Court of Appeals for the District of Columbia Circuit"
                if ordinal == "D.C."
                else f"U.S. Court of Appeals for the {ordinal} Circuit"
            )
            add(name, "appellate", 4, m.start())
    elif wanted == "trial":
        for m in anchored_finditer(_DISTRICT_ONLY, norm, "District of"):
            if any(a <= m.start("div") < b for a, b in taken):
                continue
            add(f"U.S. District Court for the {m.group('div')}", "trial", 5, m.start())
        for m in anchored_finditer(_FEDERAL_JUDGE_IN, norm, "federal judge"):
            city = m.group("city") or m.group("city2")
            if city not in _STATE_NAMES:
                add(f"federal court in {city}", "trial", 2, m.start())
    elif wanted == "supreme":
        bare = [*_anchored(_BARE_SUPREME, norm, "Supreme Court", occ.of("Supreme Court"))]
        bare += anchored_finditer(_BARE_SUPREME, norm, "the justices")
        for m in bare:
            if any(a <= m.start() + 4 < b for a, b in taken):
                continue
            add("U.S. Supreme Court", "supreme", 1, m.start())
    return found


def _add_tribunals(norm: str, add) -> None:  # type: ignore[no-untyped-def]
    # Every tribunal's full name holds one of a few words: look for those first.
    bodies = [w for w in tables.AGENCY_TRIBUNAL_WORDS if w in norm]
    for name, abbreviations in tables.AGENCY_TRIBUNALS.items():
        for variant in (name, *abbreviations):
            if variant == name and not has_any(name, bodies):
                continue
            pos = norm.find(variant)
            if pos >= 0:
                add(name, "agency", 8 if variant == name else 6, pos)
                break


_VIA_KEY = {
    literal: _via_key(literal)
    for literal in {a for *_, anchors in _COURT_PATTERNS for a in anchors}
    | {"Circuit", "Supreme Court"}
}


def _names_destination(norm: str, position: int) -> bool:
    """Whether the words before a court mention make it where an appeal goes, not the ruling
    court. The cue words are looked for first: the pattern is costly to try on every mention."""
    before = norm[max(0, position - 80) : position]
    return has_any(fold(before), _DESTINATION_WORDS) and _DESTINATION.search(before) is not None


_STATE_NAMES = frozenset(tables.US_STATES.split("|"))


def select_court(doc: Doc, level: str, judge_sentences: list[str]) -> tuple[str, str] | None:
    """(court, evidence sentence) for the deciding court, or None when not printed."""
    wanted = "supreme" if level == "en_banc" else level
    if level == "en_banc":
        wanted = "appellate"
    best: tuple[float, _Candidate] | None = None
    state_supreme = False
    distracted: dict[int, bool] = {}  # by sentence index: several mentions share one sentence
    for cand in _candidates(doc, wanted):
        sent = cand.sentence
        if _names_destination(sent.norm, cand.position):
            continue
        score = 1.0 if sent.is_headline else 0.0
        judged = sent.text in judge_sentences
        if judged:
            score += 3
        if sent.norm.startswith(("The case is", "The case was")):
            score += 2
        if not judged:
            off = distracted.get(sent.index)
            if off is None:
                off = distracted[sent.index] = _DISTRACTOR.search(sent.norm) is not None
            if off:
                score -= 3
        if (
            cand.level == "supreme"
            and cand.rank >= 8
            and "U.S." not in cand.name
            and ("United States" not in cand.name)
        ):
            state_supreme = True
        score += cand.rank
        score -= sent.index * 0.01 if sent.index >= 0 else 0
        if best is None or score > best[0]:
            best = (score, cand)
    if best is None:
        return None
    cand = best[1]
    if cand.name == "U.S. Supreme Court" and cand.rank == 1 and state_supreme:
        return None
    # The formal name of the same court wins ("Supreme Court of Texas" over "Texas Supreme Court").
    key = _court_key(cand.name)
    formal = [
        c for c in _candidates(doc, wanted) if c.level == cand.level and _court_key(c.name) == key
    ]
    if key and formal:
        top = max(formal, key=lambda c: c.rank)
        if top.rank > cand.rank and not _names_destination(top.sentence.norm, top.position):
            return top.name, top.sentence.text
    return cand.name, cand.sentence.text


_ORDINAL_NUMBER = {name.lower(): i + 1 for i, name in enumerate(tables.ORDINALS)}


_SUPREME_KEY = re.compile(
    rf"({tables.US_STATES}|United States|U\.S\.) Supreme Court|Supreme Court of "
    rf"(?:the )?({tables.US_STATES}|United States)"
)
_CIRCUIT_KEY = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)|({'|'.join(tables.ORDINALS)})")


def _court_key(name: str) -> str | None:
    """One key for the printed variants of one court, or None when unsure."""
    m = _SUPREME_KEY.search(name) if "Supreme Court" in name else None
    if m:
        state = m.group(1) or m.group(2)
        return "supreme:" + ("US" if state in ("United States", "U.S.") else state)
    m = _CIRCUIT_KEY.search(name) if "Circuit" in name else None
    if m:
        number = int(m.group(1)) if m.group(1) else _ORDINAL_NUMBER[m.group(2).lower()]
        return f"circuit:{number}"
    return None
