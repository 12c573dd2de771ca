"""The deciding court (normalised where the article makes it derivable) and the court's level."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from summarizer import tables
from summarizer.facts import Judge
from summarizer.gates import fold, gated, has_any
from summarizer.judges import chosen_judges, literal_trie, new_york_context, new_york_supreme
from summarizer.text import Doc, Sentence

U, L = tables.UPPER, tables.LOWER
_ORD = "|".join(tables.ORDINALS)
_NUM_ORD = r"\d{1,2}(?:st|nd|rd|th)"
_PLACE = rf"[{U}][{L}]+(?: [{U}][{L}]+){{0,2}}"
_DIVISION = r"(?:(?:Northern|Southern|Eastern|Western|Middle|Central) )?District of "
# A word of a place's name, hyphened ones too ("Miami-Dade").
_PLACE_WORD = rf"[{U}][{L}]+(?:-[{U}][{L}]+)?"
# Capitalised words that open a court's name without being a place in it.
_NOT_PLACE = literal_trie(sorted([*tables.ORDINALS, *tables.NOT_PLACE_WORDS]))
# The most text a city's court name has before "Superior Court" read whole.
_CITY_HEAD = 48
_CITY_WORD = rf"(?!(?:{_NOT_PLACE})\b){_PLACE_WORD}"
_CITY_PLACE = rf"(?:Ste?\. )?{_CITY_WORD}(?: {_CITY_WORD}){{0,2}}"  # "St. Louis" too
_CITY_COURT = (
    rf"(?<![\w.'’-]){_CITY_PLACE} "
    r"(?:Superior|Circuit) Court(?! of Appeal)"
)


@dataclass(frozen=True, slots=True)
class _Tail:
    """A gate for a pattern every match of which holds a match of `pattern` that starts at most
    `back` characters before any anchor occurrence the match holds: an occurrence with none
    between there and the window's end is in no match."""

    pattern: re.Pattern[str]
    back: int = 0


# A gate is a `_Tail`, or the strings one of which the text just before an anchor occurrence
# must end with (for an anchor that sits at one place in every match, after one of them).
_Gate = tuple[str, ...] | _Tail | None


_FORMAL_STARTS = tuple(
    f"{kind} Court {word} "
    for kind in ("Superior", "Circuit", "District", "Chancery", "Probate")
    for word in ("of", "for")
)


def _after_lower_word(text: str, pos: int) -> bool:
    """Whether a lower-case letter and a space come just before `pos` (a place word's end)."""
    return pos >= 2 and text[pos - 1] == " " and _LOWER_LETTER.match(text, pos - 2) is not None


_STATE_ENDS = tuple(f"{state} " for state in tables.US_STATES.split("|"))
# The states whose Supreme Court is their top court: New York's is its general trial court.
_TOP_STATES = "|".join(s for s in tables.US_STATES.split("|") if s != "New York")
_ORD_ENDS = (*(f"{o} " for o in tables.ORDINALS), "st ", "nd ", "rd ", "th ")
_US = ("U.S. ",)

# (pattern, level, rank, anchors, gate). Higher rank = more formal, preferred when several name
# one court. A match must contain one of its anchors; only windows around them are searched, and
# only around the occurrences the gate (None: all) lets through. Every gate below is sound because
# no anchor occurs in its match anywhere but at the one place shown by the pattern.
_COURT_PATTERNS: tuple[tuple[str, str, int, tuple[str, ...], _Gate], ...] = (
    (
        rf"U\.S\. District Court for the {_DIVISION}(?:{tables.US_STATES}|Columbia)",
        "trial",
        9,
        ("District Court for",),
        _US,
    ),
    (
        rf"U\.S\. Bankruptcy Court for the {_DIVISION}(?:{tables.US_STATES}|Columbia)",
        "trial",
        9,
        ("Bankruptcy Court for",),
        _US,
    ),
    (rf"U\.S\. District Court in {_PLACE}", "trial", 6, ("District Court in",), _US),
    (
        rf"U\.S\. Court of Appeals for the (?:{_ORD}|{_NUM_ORD}|District of Columbia|D\.C\."
        r"|Federal) Circuit",
        "appellate",
        9,
        ("Court of Appeals for",),
        _US,
    ),
    (
        rf"(?:{_NUM_ORD}|{_ORD}) U\.S\. Circuit Court of Appeals",
        "appellate",
        7,
        ("Circuit Court of Appeals",),
        tuple(f"{end}U.S. " for end in _ORD_ENDS),
    ),
    (r"Supreme Court of the United States", "supreme", 9, ("Supreme Court of",), None),
    (rf"Supreme Court of (?:{_TOP_STATES})", "supreme", 9, ("Supreme Court of",), None),
    (r"U\.S\. Supreme Court", "supreme", 8, ("Supreme Court",), _US),
    (rf"(?:{_TOP_STATES}) Supreme Court", "supreme", 8, ("Supreme Court",), _STATE_ENDS),
    (
        rf"(?:{tables.US_STATES}) Court of Appeals?",
        "appellate",
        7,
        ("Court of Appeal",),
        _STATE_ENDS,
    ),
    (
        r"(?:Texas|Oklahoma) Court of Criminal Appeals",
        "supreme",
        8,
        ("Criminal Appeals",),
        tuple(f"{end}Court of " for end in _STATE_ENDS),
    ),
    (
        rf"(?!Texas |Oklahoma )(?:{tables.US_STATES}) Court of Criminal Appeals",
        "appellate",
        8,
        ("Criminal Appeals",),
        tuple(f"{end}Court of " for end in _STATE_ENDS),
    ),
    (
        rf"(?:{tables.US_STATES}) Appellate Court",
        "appellate",
        7,
        ("Appellate Court",),
        _STATE_ENDS,
    ),
    (
        rf"Appellate Division(?: of the {_PLACE} Supreme Court)?",
        "appellate",
        6,
        ("Appellate Division",),
        None,
    ),
    (
        rf"(?:{_ORD}|{_NUM_ORD}) (?:District )?Court of Appeals?",
        "appellate",
        5,
        ("Court of Appeal",),
        (*_ORD_ENDS, *(f"{end}District " for end in _ORD_ENDS)),
    ),
    (
        rf"(?:[{U}][{L}]+ ){{1,3}}County (?:Circuit|District|Superior|Chancery|Probate|Family|"
        r"Juvenile|Municipal|State|Criminal|Civil) Court",
        "trial",
        8,
        ("County",),
        # "County" may also be one of the leading words, so the gate looks at what follows.
        _Tail(
            re.compile(
                r"County (?:Circuit|District|Superior|Chancery|Probate|Family|Juvenile|"
                r"Municipal|State|Criminal|Civil) Court"
            )
        ),
    ),
    (
        rf"(?:[{U}][{L}]+ ){{1,3}}County Court of Common Pleas",
        "trial",
        8,
        ("County Court of",),
        None,
    ),
    (rf"(?:[{U}][{L}]+ ){{1,3}}Chancery Court", "trial", 7, ("Chancery Court",), None),
    (
        rf"(?:{tables.US_STATES}) Court of Chancery",
        "trial",
        8,
        ("Court of Chancery",),
        _STATE_ENDS,
    ),
    (r"Court of Chancery", "trial", 7, ("Court of Chancery",), None),
    (
        rf"(?:{tables.US_STATES}) (?:Superior|Circuit|District|Chancery) Court",
        "trial",
        7,
        ("Superior Court", "Circuit Court", "District Court", "Chancery Court"),
        _STATE_ENDS,
    ),
    (
        rf"(?:{tables.US_STATES}) Court of Claims",
        "trial",
        7,
        ("Court of Claims",),
        _STATE_ENDS,
    ),
    # A literal pattern's matches are its occurrences whichever part of it is the anchor: this
    # one holds a key word (below).
    (
        r"U\.S\. Court of International Trade",
        "trial",
        8,
        ("Court of International Trade",),
        _US,
    ),
    (
        r"U\.S\. Court of Federal Claims",
        "trial",
        8,
        ("Federal Claims",),
        ("U.S. Court of ",),
    ),
    (r"U\.S\. Tax Court", "trial", 8, ("Tax Court",), _US),
    (rf"federal court in {_PLACE}", "trial", 3, ("federal court in",), None),
    (rf"state court in {_PLACE}", "trial", 3, ("state court in",), None),
)
_PAIRS = tuple(
    (re.compile(p), level, rank, anchor, gate)
    for p, level, rank, anchors, gate in _COURT_PATTERNS
    for anchor in anchors
)
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
# A county's court in its formal style ("Circuit Court of Cook County", "Superior Court of
# California, County of San Francisco"); tried only at its anchors' places, where it starts.
_FORMAL_COURT = re.compile(
    rf"(?:Superior|Circuit|District|Chancery|Probate) Court (?:of|for) (?:the )?"
    rf"(?:(?:State of )?(?:{tables.US_STATES}),? )?(?:County of {_CITY_PLACE}|{_CITY_PLACE} County)"
)
_FORMAL_ANCHORS = ("Superior Court", "Circuit Court", "District Court", "Chancery Court")
_FORMAL_ANCHORS += ("Probate Court",)
# A city's or county's state trial court printed without "County" ("San Francisco Superior
# Court", "Arlington Circuit Court"; not "Manhattan District Court", a federal court's nickname
# as often as a state court's name); no word of the place is a function, date, ordinal,
# direction, title or federal word, and no circuit is one of appeals.
_CITY_PATTERN = re.compile(_CITY_COURT)
_CITY_ANCHORS = ("Superior Court", "Circuit Court")
# A county trial judge's title that names the court ("Dane County Circuit Judge", "Hinds County
# Chancellor"); "Cook County Judge" names none, as a county has several courts.
_COUNTY_TITLE = re.compile(
    rf"(?<![\w.'’-])(?P<place>{_CITY_PLACE}) County "
    r"(?:(?P<kind>Circuit|District|Superior|Chancery|Probate|Family|Juvenile|Municipal|Criminal|"
    r"Civil|Common Pleas) Judge|(?P<chancellor>Chancellor))\b"
)
# How each match of `_COUNTY_TITLE` goes on from "County".
_COUNTY_TITLE_TAILS = (
    "County Chancellor",
    *(
        f"County {kind} Judge"
        for kind in (
            *("Circuit", "District", "Superior", "Chancery", "Probate", "Family", "Juvenile"),
            *("Municipal", "Criminal", "Civil", "Common Pleas"),
        )
    ),
)
_NAME_REACH = 60  # the most of a judge's name read after a title
_BARE_SUPREME = re.compile(r"\b(?:the|The) Supreme Court\b|\bthe justices\b")
_DESTINATION = re.compile(tables.COURT_DESTINATION_CUES, re.I)
# Lower-case words one of which any match of `_DESTINATION` starts with (in folded text).
_DESTINATION_WORDS = (
    "appeal", "petition", "ask", "seek", "sought", "review ", "rehear", "take the case", "go to",
    "goes to", "head", "return", "sent back to", "remanded to", "en banc",
)  # fmt: skip
_DISTRACTOR = gated(tables.DISTRACTOR_CUES, "|".join(tables.DISTRACTOR_KEYWORDS), re.I)

# Each cue with the lower-case words one of which any match holds (tested on folded text).
# A state's or the nation's top court as the subject ("Ohio's top court ruled", "the state's top
# court"), not a court's rank in passing ("a top court official").
_TOP_COURT = r"(?<=['’]s |s['’] )top court\b"
# How a cue naming a court of last resort by its rank starts.
_TOP_WORDS = ("top", "Top", "high", "High")
_LEVEL_CUES = (
    (
        "supreme",
        gated(
            rf"\bSupreme Court\b|\bjustices\b|\bJustices\b|\bhigh court\b|"
            rf"\bHigh Court\b|\bhighest court\b|{_TOP_COURT}|\bcourt of criminal appeals\b",
            "supreme court|justices|high court|highest court|top court|court of criminal appeals",
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


def _never() -> bool:
    """For a text of no article: never a New York one."""
    return False


_CIRCUIT_TITLE = re.compile(r"(?:County|Parish) Circuit Judge|Circuit Court Judge")


def decide_level(doc: Doc) -> str:
    """supreme | en_banc | appellate | agency | trial, from the headline and the lead."""
    lead = " ".join(s.norm for s in doc.sentences[:3])
    lead_folded = fold(lead)
    if _LEVEL_CUES[3][1].search(lead, lead_folded):
        return "agency"

    def new_york() -> bool:
        return new_york_context(doc)

    if doc.headline:
        level = _level_in(doc.headline.norm, None, new_york)
        if level:
            return level
    return _level_in(lead, lead_folded, new_york) or "trial"


# Each level cue split into its alternatives: the start of a cue's first match is the earliest
# start of one of theirs. Each alternative but the ordinal circuit one is a word (a lower-case
# literal) between word boundaries, found where the folded text holds the word.
_WORD_CUES = tuple(
    (level, word, re.compile(pattern, re.I))
    for level, words in (
        (
            "supreme",
            (
                "supreme court",
                "justices",
                "high court",
                "highest court",
                "top court",
                "court of criminal appeals",
            ),
        ),
        ("en_banc", ("en banc",)),
        ("appellate", ("appeals court", "appellate", "court of appeal", "circuit judge", "panel")),
        ("agency", ("administrative law judge", "alj", "nlrb")),
        ("trial", ("judge", "chancellor", "magistrate", "jury")),
    )
    for word in words
    for pattern in (
        {
            "court of appeal": r"\bcourt of appeals?\b",
            "circuit judge": r"\bcircuit judge",
            "top court": _TOP_COURT,
        }.get(word, rf"\b{word}\b"),
    )
)
_CUE_OF_WORD = {word: (level, pattern) for level, word, pattern in _WORD_CUES}
# The words factored by common prefix (none starts another, so the order of the alternatives
# changes nothing): the engine reads one letter per step instead of trying every word.
_CUE_WORD = re.compile(literal_trie(sorted(_CUE_OF_WORD)))
_CIRCUIT_CUE = re.compile(
    rf"\b(?:{_ORD}|{_NUM_ORD}|D\.C\.|Federal)(?: U\.S\.)? Circ(?:uit|\.)", re.I
)
# The most text a match of `_CIRCUIT_CUE` has before its "circ".
_CIRCUIT_CUE_HEAD = max(len(w) for w in (*tables.ORDINALS, "00th", "D.C.", "Federal")) + 6


def _level_in(text: str, folded: str | None, new_york: Callable[[], bool] = _never) -> str | None:
    """The level of the cue printed first in `text` (of two at one place, the level first in
    alphabetical order), or None. `folded` is `fold(text)` when given; `new_york` tells, when
    asked, whether the article is a New York one."""
    if "Circuit" in text:
        titled = _CIRCUIT_TITLE.sub("judge", text)
        if titled != text:
            text, folded = titled, None
    if folded is None:
        folded = fold(text)
    if len(folded) != len(text):  # never so far: folding keeps every character's place
        return _level_by_patterns(text, folded, new_york)
    # A cue match at a place holds its word there in the folded text, so the words' places are
    # the only ones to try, in reading order; no word starts another, so one is found at each.
    first = len(text)
    found: list[tuple[int, str]] = []
    m = _CUE_WORD.search(folded)
    while m is not None:
        at = m.start()
        level, pattern = _CUE_OF_WORD[m.group()]
        if pattern.match(text, at) is not None:
            first = at
            found.append((at, level))
            break
        m = _CUE_WORD.search(folded, at + 1)
    circ = folded.find("circ", 0, first + _CIRCUIT_CUE_HEAD + 4)
    if circ >= 0:
        m = _CIRCUIT_CUE.search(text, max(0, circ - _CIRCUIT_CUE_HEAD))
        if m is not None and m.start() <= first:
            found.append((m.start(), "appellate"))
    return _settle(text, folded, found, new_york)


def _level_by_patterns(text: str, folded: str, new_york: Callable[[], bool] = _never) -> str | None:
    """`_level_in` by the whole cue patterns."""
    found: list[tuple[int, str]] = []
    for level, cue in _LEVEL_CUES:
        m = cue.search(text, folded)
        if m:
            found.append((m.start(), level))
    return _settle(text, folded, found, new_york)


def _settle(
    text: str, folded: str, found: list[tuple[int, str]], new_york: Callable[[], bool] = _never
) -> str | None:
    """The level of the first cue found, refined by New York's courts and by the en banc and
    agency cues."""
    if not found:
        return None
    at, level = min(found)
    if level == "supreme" and text.startswith(_TOP_WORDS, at):
        # Read from the owner's name ("appeal to Ohio's top court"): a possessive is no word of
        # the destination cues.
        owner = text.rfind(" ", 0, max(0, at - 1)) + 1 if at >= 2 and text[at - 2] in "s'’" else at
        if _names_destination(text, owner):
            return None  # "the state will appeal to its highest court": a lower court ruled
    if level == "supreme" and text.startswith("Supreme Court", at):
        level = _new_york_level(text, at, new_york) or level
    # Texas's and Oklahoma's Courts of Criminal Appeals are their states' top criminal courts;
    # elsewhere (Alabama, Tennessee) such a court hears appeals from trial courts.
    if (
        level == "supreme"
        and folded.startswith("court of criminal appeals", at)
        and not text[max(0, at - 9) : at].endswith(("Texas ", "Oklahoma "))
    ):
        level = "appellate"
    if level == "appellate" and _LEVEL_CUES[1][1].search(text, folded):
        return "en_banc"
    if level == "trial" and _LEVEL_CUES[3][1].search(text, folded):
        return "agency"
    return level


# Cues of a court above a trial court, read after a first cue naming New York's Supreme Court.
_HIGHER_CUE = re.compile(
    r"\b(?:(?P<supreme>Supreme Court|justices|high court|highest court)|(?P<en_banc>en banc)|"
    r"appeals court|appellate|court of appeals?|panel)\b",
    re.I,
)


# Words that speak of a court above the trial court without being a level cue.
_REVIEW_CUE = re.compile(r"\b(?:top|lower|trial)[ -]court\b", re.I)


def _new_york_level(text: str, at: int, new_york: Callable[[], bool]) -> str | None:
    """The level a first cue "Supreme Court" at `at` gives when it names New York's Supreme
    Court (None when it does not): appellate for its Appellate Division; otherwise trial, unless
    a later cue names a court above it (not as where an appeal goes), whose ruling on the trial
    justice's is then the one reported ("Manhattan Supreme Court Justice Roe's ruling was
    reversed by the Appellate Division")."""
    court = new_york_supreme(text, at, new_york)
    if court is None:
        return None
    if court[2]:
        return "appellate"
    if _REVIEW_CUE.search(text):
        return None  # "New York's top court ... reversing a lower court": the court above
    for m in _HIGHER_CUE.finditer(text, at + len("Supreme Court")):
        if m.group("supreme") == "Supreme Court":
            later = new_york_supreme(text, m.start(), new_york)
            if later is not None:
                if later[2] and not _names_destination(text, later[0]):
                    return "appellate"
                continue
        if _names_destination(text, m.start()):
            continue
        return "supreme" if m.group("supreme") else "en_banc" if m.group("en_banc") else "appellate"
    return "trial"


@dataclass(slots=True)
class _Candidate:
    name: str
    level: str
    rank: int
    sentence: Sentence
    position: int
    # For a court read from a judge's title ("Dane County Circuit Judge Ann Roe"), not printed:
    # the text just after the title, which starts with the judge's name.
    judge: str | None = None


def _candidates(doc: Doc, wanted: str) -> list[_Candidate]:
    """The court mentions of level `wanted` in the headline and body, in reading order (computed
    once per article and level)."""
    key = "courts:" + wanted
    cached = doc.cache.get(key)
    if cached is None:
        cached = []

        def new_york() -> bool:
            return new_york_context(doc)

        if doc.headline is not None:
            head = doc.headline
            cached.extend(_scan(head.norm, lambda pos, h=head: (h, pos), wanted, new_york))
        if doc.sentences:
            cached.extend(_scan(doc.norm_text, doc.at, wanted, new_york))
        doc.cache[key] = cached
    return cached


# Words most court anchors hold, in groups none of whose words overlaps another or itself, so
# one pass of one pattern per group finds every occurrence of each (all of a group start with one
# letter: the engine skips from one to the next like a plain substring search).
_KEY_GROUPS = (("Court", "County", "Circuit", "Criminal Appeals", "Claims"), ("court in",))
# A group of one word is sought with `str.find`, which beats the engine on a lone literal.
_KEYS = tuple(group[0] if len(group) == 1 else re.compile("|".join(group)) for group in _KEY_GROUPS)


def _via_key(literal: str) -> tuple[str, int] | None:
    """A key word inside `literal` and its offset there, if it holds one."""
    for group in _KEY_GROUPS:
        for word in group:
            if word in literal:
                return word, literal.index(word)
    return None


# "Circuit" sits at one place in a short circuit name: after one of these, not before " Court".
_SHORT_CIRCUIT_ENDS = tuple(
    f"{o}{sep}"
    for o in (*tables.ORDINALS, "st", "nd", "rd", "th", "D.C.", "Federal")
    for sep in (" ", " U.S. ")
)
_BARE_SUPREME_ENDS = ("the ", "The ")
# Every match of `_DISTRICT_ONLY` holds this, starting at most 16 characters before any
# "District of" in it ("of the Southern " or "in the Southern " before the last one, as "Judge
# ... of" ends in "of"; any other is earlier in the match). A court's full name ("Court for the
# Southern District of") holds none.
_DISTRICT_TAIL = _Tail(
    re.compile(r"(?:in|of) the (?:Northern|Southern|Eastern|Western|Middle|Central) District of "),
    16,
)
_LOWER_LETTER = re.compile(f"[{L}]")
_ANCHORS = tuple(dict.fromkeys([*(pair[3] for pair in _PAIRS), "Circuit", "Probate Court"]))


# Anchors read off a key word: those starting with it (with the text all of them start with),
# and the others by the last characters of the text before the key word in them.
_Group = tuple[tuple[str, str], ...]
_Keyed = tuple[tuple[str, _Group] | None, dict[str, tuple[tuple[int, str, _Group], ...]]]
_TAIL = 3  # every text before a key word in an anchor is at least this long


def _by_key() -> tuple[dict[str, _Keyed], list[str]]:
    """For each key word, the anchors holding it: those it starts, and the others grouped by the
    text before the key word in them (looked up by its last `_TAIL` characters), each with the
    rest from the key word on; and the anchors that hold none."""
    starting: dict[str, list[tuple[str, str]]] = {}
    before: dict[str, dict[str, dict[str, list[tuple[str, str]]]]] = {}
    unkeyed: list[str] = []
    for anchor in _ANCHORS:
        via = _via_key(anchor)
        if via is None:
            unkeyed.append(anchor)
            continue
        word, shift = via
        if shift == 0:
            starting.setdefault(word, []).append((anchor, anchor))
            continue
        assert shift >= _TAIL, anchor
        prefix = anchor[:shift]
        by_prefix = before.setdefault(word, {}).setdefault(prefix[-_TAIL:], {})
        by_prefix.setdefault(prefix, []).append((anchor, anchor[shift:]))
    keyed: dict[str, _Keyed] = {}
    for word in dict.fromkeys([*starting, *before]):
        group = starting.get(word)
        head = None if group is None else (_common_start([r for _, r in group]), tuple(group))
        tails = {
            tail: tuple((len(prefix), prefix, tuple(g)) for prefix, g in by_prefix.items())
            for tail, by_prefix in before.get(word, {}).items()
        }
        keyed[word] = (head, tails)
    return keyed, unkeyed


def _common_start(texts: list[str]) -> str:
    """The longest text all of `texts` start with."""
    first, last = min(texts), max(texts)
    size = 0
    while size < min(len(first), len(last)) and first[size] == last[size]:
        size += 1
    return first[:size]


_BY_KEY, _UNKEYED = _by_key()


def _anchor_positions(text: str) -> dict[str, list[int]]:
    """Each present anchor's occurrences, as a search resuming after each one visits them. Those
    holding a key word are read off the key words' few positions (the few characters before each
    looked up once) instead of one scan of the whole text each."""
    found: dict[str, list[int]] = {}
    for keys in _KEYS:
        if isinstance(keys, str):
            hits = [(keys, at) for at in _find_all(text, keys)]
        else:
            hits = [(m.group(), m.start()) for m in keys.finditer(text)]
        for word, at in hits:
            head, tails = _BY_KEY[word]
            if head is not None and text.startswith(head[0], at):
                for anchor, rest in head[1]:
                    if text.startswith(rest, at):
                        _note(found, anchor, at)
            if tails and at >= _TAIL:
                for shift, prefix, group in tails.get(text[at - _TAIL : at], ()):
                    if shift <= at and text.startswith(prefix, at - shift):
                        for anchor, rest in group:
                            if text.startswith(rest, at):
                                _note(found, anchor, at - shift)
    for anchor in _UNKEYED:
        out = _find_all(text, anchor)
        if out:
            found[anchor] = out
    return found


def _note(found: dict[str, list[int]], anchor: str, pos: int) -> None:
    """Adds an occurrence unless it overlaps the last one kept (a search resumes past that)."""
    out = found.get(anchor)
    if out is None:
        found[anchor] = [pos]
    elif pos >= out[-1] + len(anchor):
        out.append(pos)


def _find_all(text: str, literal: str) -> list[int]:
    """The occurrences of `literal` a search resuming after each one visits."""
    found: list[int] = []
    pos = text.find(literal)
    while pos >= 0:
        found.append(pos)
        pos = text.find(literal, pos + len(literal))
    return found


def _passing(text: str, anchor: str, positions: list[int], gate: _Gate) -> list[int]:
    """The anchor occurrences the gate cannot rule out of every match."""
    if gate is None:
        return positions
    if isinstance(gate, _Tail):
        size, reach, back = len(text), len(anchor) + 90, gate.back
        search = gate.pattern.search
        return [p for p in positions if search(text, max(0, p - back), min(size, p + reach))]
    return [p for p in positions if text.endswith(gate, 0, p)]


def _anchored(
    pattern: re.Pattern[str], text: str, anchor: str, positions: list[int]
) -> list[re.Match[str]]:
    """`anchored_finditer` over given occurrences of the anchor (an occurrence left out must be
    one whose window yields nothing), as a list: most calls find none or one."""
    if not positions:
        return []
    found: list[re.Match[str]] = []
    seen: set[int] = set()
    size, reach = len(text), len(anchor) + 90
    back = _HEAD_BY_ID.get(id(pattern), 90)
    for pos in positions:
        # Matches come in order and never overlap: after the first that ends past the anchor,
        # none holds it, so the rest of the window is not searched.
        for m in pattern.finditer(text, max(0, pos - back), min(size, pos + reach)):
            if m.end() > pos:
                if m.start() <= pos and m.start() not in seen:
                    seen.add(m.start())
                    found.append(m)
                break
    return found


def _pattern(anchor: str, rank: int) -> re.Pattern[str]:
    """The court pattern of this anchor and rank."""
    (pattern,) = {p for p, _, r, a, _ in _PAIRS if a == anchor and r == rank}
    return pattern


# The ordinal patterns, none of which the engine can skip through quickly, with the most text a
# match has before its anchor. A window may start there instead of 90 characters back because
# each match holds one anchor occurrence, and no match's text from its anchor on can end inside
# another's text before the anchor (that part starts with a digit, an ordinal's capital or "the "
# and the former holds none, or a "t" followed by a word character): every match before the one
# holding an occurrence ends before the earliest place that one can start, so a search from there
# finds it first, as a search from further back does.
_ORD_WIDTH = max(len(word) for word in (*tables.ORDINALS, "00th", "D.C.", "Federal"))
_HEADS = {
    _pattern("Circuit Court of Appeals", 7): _ORD_WIDTH + len(" U.S. "),
    _pattern("Court of Appeal", 5): _ORD_WIDTH + len(" District "),
    _SHORT_CIRCUIT: len("the ") + _ORD_WIDTH + len(" U.S. "),
}


# (By identity: a compiled pattern's hash is computed anew from its code at each call.)
_HEAD_BY_ID = {id(pattern): back for pattern, back in _HEADS.items()}
# The formal style starts with its anchor; a place name longer than a city court's is not read
# whole (none is).
_HEAD_BY_ID[id(_FORMAL_COURT)] = 0
_HEAD_BY_ID[id(_CITY_PATTERN)] = _CITY_HEAD
_HEAD_BY_ID[id(_COUNTY_TITLE)] = _CITY_HEAD


_TITLE_CASE_WORDS = 40  # more words than a headline has


def _title_cased(text: str) -> bool:
    """Whether `text` is a headline in title case (two words in three capitalised)."""
    words = text.split(None, _TITLE_CASE_WORDS)
    if len(words) > _TITLE_CASE_WORDS:
        return False
    return sum(1 for w in words if w[:1].isupper()) * 3 >= len(words) * 2


def _start(m: re.Match[str]) -> int:
    return m.start()


def _could_be_federal_judge_in(text: str, pos: int) -> bool:
    """ "federal judge" sits at one place in each of the two forms: first, before " in ", or last,
    after a place name (whose last letter is lower-case) and a space."""
    return text.startswith("federal judge in ", pos) or (
        pos >= 2 and text[pos - 1] == " " and _LOWER_LETTER.match(text, pos - 2) is not None
    )


_PATTERN_LEVELS = frozenset(pair[1] for pair in _PAIRS)


class _Taken:
    """The spans court patterns have already read, asked about in constant time: a list of spans
    asked with `any()` costs time in the square of the mentions on a page that repeats them."""

    __slots__ = ("covered", "ends")

    def __init__(self, size: int) -> None:
        self.covered = bytearray(size + 1)
        self.ends: set[int] = set()

    def add(self, start: int, end: int) -> None:
        self.covered[start:end] = b"\x01" * (end - start)
        self.ends.add(end)

    def inside(self, pos: int) -> bool:
        """Whether some span has start <= pos < end."""
        return self.covered[pos] == 1

    def touching(self, pos: int) -> bool:
        """Whether some span has start <= pos <= end."""
        return self.covered[pos] == 1 or pos in self.ends


def _scan(  # type: ignore[no-untyped-def]
    norm: str, where, wanted: str, new_york: Callable[[], bool] = _never
) -> list[_Candidate]:
    """Mentions of level `wanted`. Every court pattern runs whatever the level, since a span one
    pattern takes is closed to the later ones; the other finders run only for their level.
    `new_york` tells, when asked, whether the article is a New York one (where a bare "state
    Supreme Court" is New York's trial court)."""
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
    present = _anchor_positions(norm)
    taken = _Taken(len(norm))
    for pattern, level, rank, anchor, gate in _PAIRS if present else ():
        positions = present.get(anchor)
        if positions is None:
            continue
        positions = _passing(norm, anchor, positions, gate)
        if not positions:
            continue
        matches = _anchored(pattern, norm, anchor, positions)
        if len(matches) > 1:
            matches.sort(key=_start)
        for m in matches:
            if taken.inside(m.start()):
                continue
            taken.add(m.start(), m.end())
            add(None, level, rank, m.start(), m.end())
    if wanted == "appellate":
        circuits = [
            p
            for p in present.get("Circuit", ())
            if not norm.startswith(" Court", p + 7) and norm.endswith(_SHORT_CIRCUIT_ENDS, 0, p)
        ]
        for m in _anchored(_SHORT_CIRCUIT, norm, "Circuit", circuits):
            if taken.touching(m.start()):
                continue
            ordinal = m.group("ord")
            name = (
                "U.S. Court of Appeals for the District of Columbia Circuit"
                if ordinal == "D.C."
                else f"U.S. Court of Appeals for the {ordinal} Circuit"
            )
            add(name, "appellate", 4, m.start())
    elif wanted == "trial":
        districts = _passing(norm, "District of", _find_all(norm, "District of"), _DISTRICT_TAIL)
        for m in _anchored(_DISTRICT_ONLY, norm, "District of", districts):
            if taken.inside(m.start("div")):
                continue
            add(f"U.S. District Court for the {m.group('div')}", "trial", 5, m.start())
        _add_county_courts(norm, present, taken, add)
        titles = [p for p in present.get("County", ()) if norm.startswith(_COUNTY_TITLE_TAILS, p)]
        for m in _anchored(_COUNTY_TITLE, norm, "County", titles):
            if taken.inside(m.start()):
                continue
            kind = "Chancery" if m.group("chancellor") else m.group("kind")
            court = "Court of Common Pleas" if kind == "Common Pleas" else f"{kind} Court"
            sent, local = where(m.start())
            name = f"{m.group('place')} County {court}"
            after = norm[m.end() + 1 : m.end() + 1 + _NAME_REACH]
            found.append(_Candidate(name, "trial", 7, sent, local, after))
        judges = [
            p for p in _find_all(norm, "federal judge") if _could_be_federal_judge_in(norm, p)
        ]
        for m in _anchored(_FEDERAL_JUDGE_IN, norm, "federal judge", judges):
            city = m.group("city") or m.group("city2")
            if city not in _STATE_NAMES:
                add(f"federal court in {city}", "trial", 2, m.start())
        for at in present.get("Supreme Court", ()):
            if taken.inside(at):
                continue
            court = new_york_supreme(norm, at, new_york)
            if court is not None and not court[2]:
                start, county, _ = court
                name = f"{NY_SUPREME}, {county} County" if county else NY_SUPREME
                add(name, "trial", 7, start)
    elif wanted == "supreme":
        supremes = _passing(
            norm, "Supreme Court", present.get("Supreme Court", []), _BARE_SUPREME_ENDS
        )
        bare = _anchored(_BARE_SUPREME, norm, "Supreme Court", supremes)
        bare += _anchored(_BARE_SUPREME, norm, "the justices", _find_all(norm, "the justices"))
        for m in bare:
            if taken.inside(m.start() + 4):
                continue
            at = m.start() + 4
            if norm.startswith("Supreme Court", at) and new_york_supreme(norm, at, new_york):
                continue  # "the Supreme Court in Manhattan": New York's trial court
            add("U.S. Supreme Court", "supreme", 1, m.start())
    return found


def _add_county_courts(norm: str, present: dict[str, list[int]], taken: _Taken, add) -> None:  # type: ignore[no-untyped-def]
    """A county's or city's trial court in the formal style or by the place's name alone. Read
    after the court patterns, whose spans they never overlap but where they print the same
    court; an anchor inside a span already read is in no match (the formal style starts with
    it, and a city's court is no longer than the county court holding it)."""
    formal = [
        p
        for anchor in _FORMAL_ANCHORS
        for p in present.get(anchor, ())
        if norm.startswith(_FORMAL_STARTS, p) and not taken.inside(p)
    ]
    city = [
        p
        for anchor in _CITY_ANCHORS
        for p in present.get(anchor, ())
        if _after_lower_word(norm, p) and not taken.inside(p)
    ]
    if city and _title_cased(norm):
        city = []  # "Lender Loses Superior Court Bid": a headline's capitals name no place
    for pattern, positions, rank in ((_FORMAL_COURT, formal, 8), (_CITY_PATTERN, city, 7)):
        if not positions:
            continue
        positions.sort()
        for m in _anchored(pattern, norm, "Superior Court", positions):
            if taken.inside(m.start()):
                continue
            taken.add(m.start(), m.end())
            add(None, "trial", rank, m.start(), m.end())


def _add_tribunals(norm: str, add) -> None:  # type: ignore[no-untyped-def]
    first = _tribunal_names(norm)
    for name, abbreviations in tables.AGENCY_TRIBUNALS.items():
        pos = first.get(name, -1)
        if pos >= 0:
            add(name, "agency", 8, pos)
            continue
        for variant in abbreviations:
            pos = norm.find(variant)
            if pos >= 0:
                add(name, "agency", 6, pos)
                break


# Each tribunal's full name under the one word of `AGENCY_TRIBUNAL_WORDS` it holds, with the
# word's offset in it.
def _tribunals_by_word() -> dict[str, list[tuple[str, int]]]:
    by_word: dict[str, list[tuple[str, int]]] = {}
    for name in tables.AGENCY_TRIBUNALS:
        (word,) = [w for w in tables.AGENCY_TRIBUNAL_WORDS if w in name]
        assert name.count(word) == 1, name
        by_word.setdefault(word, []).append((name, name.index(word)))
    return by_word


_TRIBUNALS_BY_WORD = _tribunals_by_word()


def _tribunal_names(norm: str) -> dict[str, int]:
    """Where each tribunal's full name first occurs: read at the occurrences of the word it
    holds (a few scans for all names instead of one per name)."""
    first: dict[str, int] = {}
    for word, names in _TRIBUNALS_BY_WORD.items():
        for at in _find_all(norm, word):
            for name, shift in names:
                if name not in first and at >= shift and norm.startswith(name, at - shift):
                    first[name] = at - shift
    return first


def _names_destination(norm: str, position: int) -> bool:
    """Whether the words before a court mention make it where an appeal goes, not the ruling
    court. The pattern is costly to search for (case-insensitive, it is tried at every place), so
    it is tried only where a match can start: each of its matches starts with a cue word."""
    before = norm[max(0, position - 80) : position]
    folded = fold(before)
    if not has_any(folded, _DESTINATION_WORDS):
        return False
    if len(folded) != len(before):  # never so far: folding keeps every character's place
        return _DESTINATION.search(before) is not None
    return _matches_at(_DESTINATION, before, folded, _DESTINATION_WORDS)


def _distracts(norm: str) -> bool:
    """Whether a sentence holds a distractor cue (a ruling other than the one reported)."""
    return _DISTRACTOR.found_from(norm, tables.DISTRACTOR_STARTS)


def _matches_at(pattern: re.Pattern[str], text: str, folded: str, starts: tuple[str, ...]) -> bool:
    """Whether `pattern` matches `text` at a place where `folded` (its fold) holds one of
    `starts`: the same as a search when each match starts with one of them."""
    for start in starts:
        at = folded.find(start)
        while at >= 0:
            if pattern.match(text, at) is not None:
                return True
            at = folded.find(start, at + 1)
    return False


_STATE_NAMES = frozenset(tables.US_STATES.split("|"))
# New York's trial-level Supreme Court as reported, with ", <name> County" when the article prints
# the county, borough or county seat ("Manhattan Supreme Court" is "New York Supreme Court, New
# York County"; "state Supreme Court in Brooklyn" is "New York Supreme Court, Kings County").
NY_SUPREME = "New York Supreme Court"


def select_court(doc: Doc, level: str, judge_sentences: list[str]) -> tuple[str, str] | None:
    """(court, evidence sentence) for the deciding court, or None when not printed."""
    wanted = "appellate" if level == "en_banc" else level  # an en banc court is a court of appeals
    candidates = _candidates(doc, wanted)
    if wanted == "trial" and candidates:
        candidates = _fitting(candidates, chosen_judges(doc))
    cand = _best(candidates, judge_sentences) if candidates else None
    if cand is None:
        return None
    if cand.name == "U.S. Supreme Court" and cand.rank == 1 and _names_state_supreme(candidates):
        return None
    # The formal name of the same court wins ("Supreme Court of Texas" over "Texas Supreme Court").
    key = _court_key(cand.name)
    formal = (
        [c for c in candidates if c.level == cand.level and _court_key(c.name) == key]
        if key
        else []
    )
    if formal:
        top = max(formal, key=lambda c: c.rank)
        if top.rank > cand.rank and not _names_destination(top.sentence.norm, top.position):
            return top.name, top.sentence.text
    return cand.name, cand.sentence.text


# Title words of a state trial judge, and of a federal one.
_STATE_TITLE = re.compile(
    r"County|Parish|Superior|Chancellor|Probate|Family|Juvenile|Municipal|State |Common Pleas|"
    r"Criminal Court|Civil Court"
)
_FEDERAL_TITLE = re.compile(r"U\.S\.|Bankruptcy")


def _fitting(candidates: list[_Candidate], judges: list[Judge]) -> list[_Candidate]:
    """The trial courts that may be the ruling judge's. A court read from a judge's title counts
    only for a judge who decided (the title of a judge whose earlier ruling is recounted names
    another court); and when the first deciding judge's title tells a federal judge from a state
    one, the other system's courts are another case's ("Last year, Kern County Superior Court
    Judge Roe had blocked the rule; on Monday U.S. District Judge Doe ..."): none beats one of
    them."""
    if not judges:
        kept = [c for c in candidates if c.judge is None]
        return kept if len(kept) != len(candidates) else candidates
    first = judges[0].title
    federal = None
    if first:
        if _FEDERAL_TITLE.search(first):
            federal = True
        elif _STATE_TITLE.search(first):
            federal = False
    surnames = [j.name.rsplit(" ", 1)[-1] for j in judges]
    kept = []
    for c in candidates:
        if c.judge is not None:
            if any(c.judge.startswith(j.name) for j in judges):
                kept.append(c)
            continue
        if federal is not None and _is_federal(c.name) != federal:
            continue
        # A court printed as the title of a judge none of the deciding ones is ("Kern County
        # Superior Court Judge Roe had blocked the rule" when Doe decided) is Roe's court.
        norm, end = c.sentence.norm, c.position + len(c.name)
        if norm.startswith(_JUDGE_AFTER_COURT, end) and norm.startswith(c.name, c.position):
            after = norm[end : end + _NAME_REACH]
            if not any(name in after for name in surnames):
                continue
        kept.append(c)
    return kept if len(kept) != len(candidates) else candidates


_JUDGE_AFTER_COURT = (" Judge ", " Justice ", " Chancellor ", " Vice Chancellor ", " Chief Judge ")


def _is_federal(court: str) -> bool:
    return "U.S." in court or "United States" in court or court.startswith("federal ")


# (bound, index, points, judged): see `_best`.
_Bound = tuple[float, int, int, bool]


def _bound_order(entry: _Bound) -> tuple[float, int]:
    return -entry[0], entry[1]


def _best(candidates: list[_Candidate], judge_sentences: list[str]) -> _Candidate | None:
    """The first of the highest-scoring candidates that do not name where an appeal goes.

    A score is the candidate's bound, less 3 when its sentence is no judge's and holds a
    distractor cue. Candidates are visited by falling bound, so the costly tests (destination,
    distractor) stop at the first whose bound cannot beat the best score found: a score never
    exceeds its bound, and of equal scores the one read first wins."""
    bounds: list[_Bound] = []
    for i, cand in enumerate(candidates):
        sent = cand.sentence
        judged = sent.text in judge_sentences
        points = (1 if sent.is_headline else 0) + (3 if judged else 0) + cand.rank
        if sent.norm.startswith(("The case is", "The case was")):
            points += 2
        bounds.append((_score(points, sent.index), i, points, judged))
    if len(bounds) > 1:
        bounds.sort(key=_bound_order)
    best: tuple[float, int] | None = None
    distracted: dict[int, bool] = {}  # by sentence index: several mentions share one sentence
    for bound, i, points, judged in bounds:
        if best is not None and (bound < best[0] or (bound == best[0] and i > best[1])):
            break
        cand = candidates[i]
        sent = cand.sentence
        if _names_destination(sent.norm, cand.position):
            continue
        score = bound
        if not judged:
            off = distracted.get(sent.index)
            if off is None:
                off = distracted[sent.index] = _distracts(sent.norm)
            if off:
                score = _score(points - 3, sent.index)
        if best is None or score > best[0] or (score == best[0] and i < best[1]):
            best = (score, i)
    return None if best is None else candidates[best[1]]


def _score(points: int, index: int) -> float:
    """Points less a little for each sentence read before (whole numbers are exact floats, so
    this is the sum of the terms in any order)."""
    return float(points) - (index * 0.01 if index >= 0 else 0)


def _names_state_supreme(candidates: list[_Candidate]) -> bool:
    """Whether a formal state supreme court is named, not where an appeal goes."""
    return any(
        c.level == "supreme"
        and c.rank >= 8
        and "U.S." not in c.name
        and "United States" not in c.name
        and not _names_destination(c.sentence.norm, c.position)
        for c in candidates
    )


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
