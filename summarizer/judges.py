"""The judges who decided the reported ruling: titled mentions, filtered by role and court level.

Precision first: a judge is emitted only with a sentence showing them deciding (writing, ruling,
granting, joining a panel) that is not about some other ruling; lower-court judges, nominees and
background judges are left out, and an empty list is preferred to a doubtful name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from summarizer import tables
from summarizer.facts import Judge
from summarizer.gates import fold, gated, has_any
from summarizer.names import NAME, surname, trim_name
from summarizer.text import Doc, Sentence


def literal_trie(words: list[str]) -> str:
    """A pattern for exactly `words`, factored by common prefix so the engine reads one character
    per step instead of trying every word in turn. The alternatives' order differs from the
    list's, which changes nothing only when no word is a prefix of another (then at most one
    can match at any position)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    alts = [re.escape(first) + literal_trie(rest) for first, rest in groups.items() if first]
    if "" in groups:
        alts.append("")
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


_TITLE_ALT = "|".join(re.escape(t) for t in sorted(tables.JUDGE_TITLES, key=len, reverse=True))
_COUNTY = tables.COUNTY_JUDGE_TITLE.format(U=tables.UPPER, L=tables.LOWER)
_TITLE = rf"(?:{_COUNTY}|{_TITLE_ALT})"
_SINGLE = re.compile(rf"(?<![\w.])(?P<title>{_TITLE})(?P<plural>e?s)? (?P<name>{NAME})")
_LIST = re.compile(
    rf"(?<![\w.])(?P<title>{_TITLE})s (?P<names>{NAME}(?:, {NAME}){{0,6}},? and {NAME})"
)
# What follows the name in an appositive ("Jane Roe, a federal judge").
_APPOSITIVE_ROLE = (
    r", (?:a|an|the) (?:(?:senior|chief|federal|U\.S\.|state|county|district|"
    r"circuit|bankruptcy|magistrate|trial|appellate|appeals court|administrative law|superior "
    r"court) ){1,3}(?:judge|justice)\b"
)
_APPOSITIVE = re.compile(rf"(?P<name>{NAME}){_APPOSITIVE_ROLE}")
# Every appositive match holds a match of this; where it has none, the name-first pattern (slow
# to try at every capital letter) is not tried.
_APPOSITIVE_CUE = re.compile(_APPOSITIVE_ROLE)
_TITLE_WORDS = ("Judge", "Justice", "Chancellor")
_SPLIT_LIST = re.compile(r",? and |, ")

# Verbs that show the judge named just before deciding.
_POSITIVE_VERBS = tables.words(
    """wrote writes writing ruled rules granted grants denied denies dismissed
    dismisses blocked blocks barred bars ordered orders found finds held holds rejected issued
    issues said says told sentenced sentences approved approves confirmed upheld upholds struck
    vacated stayed declined refused sided concluded threw tossed halted enjoined handed overruled
    awarded agreed noted explained allowed gave certified temporarily dissented concurred
    determined decided signed heard called described criticized questioned emphasized stressed
    reasoned acknowledged warned cited rebuked"""
)
# Only whether it matches is used: the verbs factored by prefix (with a word boundary on each
# side at most one verb can match at a place, so their order does not matter).
_POSITIVE_AFTER = re.compile(rf"^[^;\"]{{0,110}}?\b{literal_trie(sorted(_POSITIVE_VERBS))}\b")
_POSITIVE_BEFORE = re.compile(
    r"(?:joined by|written by|authored by|writing for [^,]{0,30}, |(?:ruling|order|decision|"
    r"opinion) (?:by|from)|panel (?:of|—|-|included)|before) [^.;]{0,30}$"
)
_MAJORITY = re.compile(tables.MAJORITY_AUTHOR_CUES, re.I)
# Every majority-author cue holds one of these (tested in folded text, as the cues ignore case).
_MAJORITY_WORDS = ("wrote ", "writing for ", "written", "authored", "delivered")
_MAJORITY_WORDS += ("for the majority", "for a unanimous")
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
    return has_any(fold(norm), _NOMINEE.words) and _NOMINEE.pattern.search(norm) is not None


# --- New York's Supreme Court: the state's general trial court -----------------------------------
# Its judges are styled "Justice" ("State Supreme Court Justice Ann Roe", "Justice Ann Roe of the
# state Supreme Court in Manhattan"), while elsewhere "Supreme Court Justice" names a top-court
# judge. A mention is read as New York's when it prints a New York place with the court, or when
# it prints only "state" (or "acting") and the article's headline and lead place it in New York and
# name no other state.
# The place names as patterns factored by common prefix (the engine reads one letter per step
# instead of trying each name in turn; where one name starts another, the longer is tried first).
_NY_PLACE = literal_trie(sorted(tables.NY_PLACE_COUNTIES))
_NY_COUNTY = literal_trie(sorted(tables.NY_COUNTIES))
_NY_NAMED = literal_trie(
    sorted(
        [*tables.NY_BOROUGHS, "the Bronx", "New York", *(f"{c} County" for c in tables.NY_COUNTIES)]
    )
)
# What names the court just before "Supreme Court" ("Manhattan ", "Nassau County ", "New York
# State "), or the bare "state " or "acting " that is New York's only in a New York article.
_NY_BEFORE = re.compile(
    rf"(?<![\w.])(?:[Aa]cting )?(?:(?P<place>{_NY_NAMED})(?: [Ss]tate)?|[Ss]tate) \Z"
    r"|(?<![\w.])[Aa]cting \Z"
)
# What names the court just after "Supreme Court": its seat, or the formal style.
_NY_AFTER = re.compile(
    rf"(?: [Jj]ustices?)? (?:in|of|for) (?:the )?(?P<city>{_NY_PLACE})\b"
    rf"| of (?:the State of New York(?:,? (?:in and for the )?County of (?P<formal>{_NY_COUNTY}))?"
    rf"|(?P<county>{_NY_COUNTY}) County|New York)\b"
)
# "Supreme Court's Appellate Division", "Appellate Division of the state Supreme Court": the
# appeals court, not the trial court.
_NY_APPEALS_AFTER = re.compile(r"(?:'s|’s)? (?:[Aa]ppellate|[Aa]ppeals?)\b")
_NY_APPEALS_BEFORE = re.compile(r"(?:Division|Term|Department),? (?:of|in) (?:the )?\Z")
# How every match of `_NY_BEFORE` ends (the regex is tried only before "Supreme Court" printed
# after one of these).
_NY_LAST_WORDS = tuple(
    f"{word} "
    for word in ["County", "York", "State", "state", "acting", "Acting"]
    + [b.split()[-1] for b in tables.NY_BOROUGHS]
)
_NY_LAST_LETTERS = frozenset(word[-2] for word in _NY_LAST_WORDS)
# The other states (and the nation), factored by common prefix (no name starts another, so the
# order of the alternatives changes nothing): the engine reads one letter per step. "Washington"
# is left out of the lead's test as it is mostly the capital; "Washington state Supreme Court"
# is still another state's by `_STATE_BEFORE`.
_STATES = [s for s in tables.US_STATES.split("|") if s != "New York"]
_OTHER_STATE = re.compile(rf"\b{literal_trie(sorted(s for s in _STATES if s != 'Washington'))}\b")
_STATE_BEFORE = re.compile(rf"{literal_trie(sorted([*_STATES, 'U.S.']))}(?:'s|’s)? \Z")
_NY_MARKER = re.compile(tables.NY_MARKERS)
# Every match of `_NY_MARKER` holds one of these.
_NY_MARKER_WORDS = ("New York", "Manhattan", "Brooklyn", "Bronx", "Queens", "Staten Island", "N.Y.")
_NY_MARKER_WORDS += ("County Supreme Court",)
_SUPREME_COURT = "Supreme Court"


def new_york_context(doc: Doc) -> bool:
    """Whether the headline and lead place the article in New York and name no other state."""
    known = doc.cache.get("new_york")
    if known is None:
        lead = [s.norm for s in doc.sentences[:3]]
        if doc.headline is not None:
            lead.append(doc.headline.norm)
        text = "\n".join(lead)
        known = (
            has_any(text, _NY_MARKER_WORDS)
            and _NY_MARKER.search(text) is not None
            and _OTHER_STATE.search(text) is None
        )
        doc.cache["new_york"] = known
    return known


def new_york_supreme(
    text: str, at: int, new_york: Callable[[], bool]
) -> tuple[int, str | None, bool] | None:
    """For "Supreme Court" printed at `at`: where the mention of New York's Supreme Court it is
    part of starts, the county printed with it (if any), and whether it names the court's
    Appellate Division rather than the trial court; None when it is not New York's. `new_york`
    tells, when asked, whether the article is a New York one."""
    before = (
        _NY_BEFORE.search(text, max(0, at - 40), at)
        if at > 1 and text[at - 2] in _NY_LAST_LETTERS and text.endswith(_NY_LAST_WORDS, 0, at)
        else None
    )
    after = _NY_AFTER.match(text, at + len(_SUPREME_COURT))
    if before is None and after is None:
        return None
    start, county, named = at, None, False
    if before is not None:
        place = before.group("place")
        if place is not None:
            start, named = before.start(), True
            county = _county_of(place)
        elif not _STATE_BEFORE.search(text, max(0, before.start() - 40), before.start()):
            start = before.start()
    if after is not None:
        named = True
        if county is None:
            city, formal = after.group("city"), after.group("formal") or after.group("county")
            county = _county_of(city) if city else formal
    if not named and (start == at or not new_york()):
        return None
    appeals = _NY_APPEALS_AFTER.match(text, at + len(_SUPREME_COURT)) is not None or (
        _NY_APPEALS_BEFORE.search(text, max(0, start - 30), start) is not None
    )
    return start, county, appeals


def _county_of(place: str) -> str | None:
    """The county a printed place names ("Manhattan" -> "New York", "Kings County" -> "Kings"),
    or None for the state's name."""
    if place.endswith(" County"):
        return place[: -len(" County")]
    if place.startswith("the ") and place != "the Bronx":
        place = place[len("the ") :]
    return tables.NY_PLACE_COUNTIES.get(place)


# A justice's title that a New York trial justice may carry ("Justice", "Acting Justice", "state
# Supreme Court Justice", "Manhattan Supreme Court Justice"); "Presiding", "Associate" and "Chief"
# justices sit on appeals courts.
_NY_JUSTICE_TITLE = re.compile(
    rf"(?:[Aa]cting )?(?:(?:{_NY_NAMED})(?: [Ss]tate)? |[Ss]tate )?(?:Supreme Court )?Justice"
)
# The titles in `JUDGE_TITLES` that `_NY_JUSTICE_TITLE` matches.
_NY_JUSTICE_TITLES = frozenset(t for t in tables.JUDGE_TITLES if _NY_JUSTICE_TITLE.fullmatch(t))
# "a state judge in Manhattan, Justice Ann Roe": the judge's court printed before the title.
_NY_JUDGE_BEFORE = re.compile(
    rf"(?:\bjudge (?:in|from) (?:the )?{_NY_PLACE}|(?<![\w.])(?:{_NY_PLACE}|New York) "
    rf"(?:state |trial )?judge), \Z"
)
# "Justice Ann Roe of the state Supreme Court": the court printed after the name.
_NY_COURT_AFTER = re.compile(r",? (?:of|on|in) (?:the )?(?:[\w.]+ ){0,3}?Supreme Court")


# How surely a mention names one of New York's trial justices: by its own words ("Manhattan
# Supreme Court Justice Ann Roe", "Justice Ann Roe of the state Supreme Court"), which also keeps
# the person from an appeals court's bench; or by the court named in the sentence before or
# earlier in its own ("... in state Supreme Court in Manhattan. Justice Ann Roe wrote ..."), which
# only lets the person be the trial judge.
_NY_NAMED_JUSTICE = 2
_NY_NEAR_JUSTICE = 1


def _new_york_justice(
    text: str,
    lo: int,
    before_lo: int,
    title_start: int,
    title: str,
    name_end: int,
    new_york: Callable[[], bool],
) -> tuple[int, int]:
    """For a justice's mention (`title` printed from `title_start`, the name ending at
    `name_end`, in a sentence starting at `lo`, the one before starting at `before_lo`): where
    its printed title starts (a New York place, "state" or "acting" printed just before "Supreme
    Court Justice" belongs to it) and whether it names a justice of New York's trial-level
    Supreme Court: `_NY_NAMED_JUSTICE` when the mention's own words say so, `_NY_NEAR_JUSTICE`
    when the court is named just before it, else 0."""
    if title not in _NY_JUSTICE_TITLES:
        return title_start, 0
    if title.endswith("Supreme Court Justice"):
        at = title_start + len(title) - len("Supreme Court Justice")
        court = new_york_supreme(text, at, new_york)
        if court is None or court[2]:
            return title_start, 0
        return min(court[0], title_start), _NY_NAMED_JUSTICE
    judge = max(lo, title_start - 50)
    if (
        text.endswith(", ", lo, title_start)
        and text.find("judge", judge, title_start) >= 0
        and _NY_JUDGE_BEFORE.search(text, judge, title_start)
    ):
        return title_start, _NY_NAMED_JUSTICE
    after = _NY_COURT_AFTER.match(text, name_end)
    if after is not None:
        court = new_york_supreme(text, after.end() - len(_SUPREME_COURT), new_york)
        named = court is not None and not court[2]
        return title_start, _NY_NAMED_JUSTICE if named else 0
    if title == "Acting Justice":
        return title_start, _NY_NAMED_JUSTICE if new_york() else 0
    # "... was dismissed by the state Supreme Court in Manhattan. Justice Ann Roe wrote ...": the
    # court named in this sentence or the one before, before the title, in a New York article.
    pos = text.rfind(_SUPREME_COURT, before_lo, title_start)
    while pos >= 0:
        court = new_york_supreme(text, pos, new_york)
        if court is not None:
            return title_start, 0 if court[2] or not new_york() else _NY_NEAR_JUSTICE
        pos = text.rfind(_SUPREME_COURT, before_lo, pos)
    return title_start, 0


# The article memo's key noting that a mention names one of New York's trial justices.
_NY_JUSTICE_KEY = "judges:new_york"


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
    new_york: int = 0  # a justice of New York's trial-level Supreme Court: see `_NY_NAMED_JUSTICE`


def _singular(title: str) -> str:
    return title


_SORTED_TITLES = sorted(tables.JUDGE_TITLES)
_PREFIX_FREE = not any(b.startswith(a) for a, b in pairwise(_SORTED_TITLES))
_PLAIN_TITLE = literal_trie(_SORTED_TITLES) if _PREFIX_FREE else _TITLE_ALT
# The title patterns without the county alternative, for sentences that print neither "County"
# nor "Parish" (where that alternative can never match, so these find exactly what the full
# patterns find).
_SINGLE_PLAIN = re.compile(rf"(?<![\w.])(?P<title>{_PLAIN_TITLE})(?P<plural>e?s)? (?P<name>{NAME})")
_LIST_PLAIN = re.compile(
    rf"(?<![\w.])(?P<title>{_PLAIN_TITLE})s (?P<names>{NAME}(?:, {NAME}){{0,6}},? and {NAME})"
)
assert all(t.endswith(_TITLE_WORDS) for t in tables.JUDGE_TITLES), "a title must end in a word"
# A title match other than a county title ends in a title word no further than this from its
# start; county titles (whose place names are unbounded) stay within their sentence.
_TITLE_REACH = max(
    len(t) - len(w) for t in tables.JUDGE_TITLES for w in _TITLE_WORDS if t.endswith(w)
)
# A title's next-to-last letter is "c" exactly when it ends in "Justice" (the others end in
# "Judge" or "Chancellor"): one character read tells a justice's title.
_JUSTICE_SECOND_LAST = {t[-2] == "c" for t in tables.JUDGE_TITLES if not t.endswith("Justice")}
assert {False} == _JUSTICE_SECOND_LAST and _TITLE_WORDS == ("Judge", "Justice", "Chancellor")
_STOPWORDS = frozenset(tables.NAME_STOPWORDS)
_PARTICLES = frozenset(tables.NAME_PARTICLES)


def _lead_cut(raw: str, name: str) -> int:
    """How many characters trimming cut from the front of `raw` ("Judge John Smith" read as an
    appositive gives "John Smith"): the printed name is sliced from there, not from the front."""
    found = raw.find(name)
    return found if found > 0 else 0


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


@dataclass(slots=True)
class _Text:
    """Sentences joined by line breaks (the body, or the headline alone), read as one string:
    no mention pattern matches a line break, so no match crosses from one sentence to the
    next, and a line break reads as the start or end of a sentence to every look-around."""

    text: str
    starts: list[int]
    sentences: list[Sentence]
    title_at: list[int]  # offsets of "Judge", "Justice" and "Chancellor", in order
    plural_at: list[int]  # those followed by "s "
    lower: list[int]  # indices of the sentences that print "judge" or "justice"
    county: dict[int, bool]  # sentence index -> whether it prints "County" or "Parish"


_STEMS = ("udge", "ustice")
_PLURAL_STEMS = ("udges ", "ustices ")


def _read_text(text: str, starts: list[int], sentences: list[Sentence]) -> _Text:
    """Where the title words and the lower-case judge nouns are. A one-letter search ("J", then
    "j") runs at memory-scan speed and the letter is rare, so reading each hit for "udge" or
    "ustice" after it costs far less than a search of the text for each stem; "Chancellor" is
    long enough for its own search to skip quickly."""
    title_at: list[int] = []
    plural_at: list[int] = []
    find, startswith = text.find, text.startswith
    pos = find("J")
    while pos >= 0:
        if startswith(_STEMS, pos + 1):
            title_at.append(pos)
            if startswith(_PLURAL_STEMS, pos + 1):
                plural_at.append(pos)
        pos = find("J", pos + 1)
    lower: set[int] = set()
    pos = find("j")
    while pos >= 0:
        if startswith(_STEMS, pos + 1):
            lower.add(bisect_right(starts, pos) - 1)
        pos = find("j", pos + 1)
    pos = find("Chancellor")
    if pos >= 0:
        while pos >= 0:
            title_at.append(pos)
            if startswith("s ", pos + 10):
                plural_at.append(pos)
            pos = find("Chancellor", pos + 10)
        title_at.sort()
        plural_at.sort()
    return _Text(text, starts, sentences, title_at, plural_at, sorted(lower), {})


def _titled(
    view: _Text, anchors: list[int], plain: re.Pattern[str], full: re.Pattern[str]
) -> list[tuple[re.Match[str], Sentence, int]]:
    """What `full.finditer` gives in each sentence (with the sentence and its offset), searched
    only from just before each title word (`anchors`): a match starting before
    `anchor - _TITLE_REACH` would need an earlier title word, unless it has a county title, and
    then it starts in the anchor's sentence. Each search stops at its sentence's end."""
    found: list[tuple[re.Match[str], Sentence, int]] = []
    text, starts, sentences, counties = view.text, view.starts, view.sentences, view.county
    pos = 0
    for at in anchors:
        if at < pos:
            continue
        index = bisect_right(starts, at) - 1
        first = starts[index]
        sent = sentences[index]
        end = first + len(sent.norm)
        county = counties.get(index)
        if county is None:
            norm = sent.norm
            county = counties[index] = "County" in norm or "Parish" in norm
        if county:
            m = full.search(text, max(pos, first), end)
        else:
            m = plain.search(text, max(pos, first, at - _TITLE_REACH), end)
        if m is None:
            pos = end + 1
        else:
            found.append((m, sent, first))
            pos = m.end()
    return found


def _list_mentions(view: _Text, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Mentions from "Judges A, B and C"; returns the spans (in the joined text) the lists
    cover."""
    covered: list[tuple[int, int]] = []
    for m, sent, first in _titled(view, view.plural_at, _LIST_PLAIN, _LIST):
        norm = sent.norm
        names = _SPLIT_LIST.split(m.group("names"))
        offset = m.start("names") - first
        title = sent.text[m.start("title") - first : m.end("title") - first]
        for raw in names:
            name = _trim(raw)
            if not name:
                continue
            pos = norm.find(raw, offset)
            offset = pos + len(raw) if pos >= 0 else offset
            if pos >= 0:
                pos += _lead_cut(raw, name)
            mentions.append(
                Mention(
                    sent.text[pos : pos + len(name)] if pos >= 0 else name,
                    title,
                    sent,
                    max(pos, 0),
                    max(pos, 0) + len(name),
                )
            )
        covered.append((m.start(), m.end()))
    return covered


def _single_mentions(
    view: _Text, covered: list[tuple[int, int]], mentions: list[Mention], doc: Doc
) -> None:
    """Mentions from "Judge A" outside the lists already read (whose spans come in text order
    without overlapping, so the one that could hold a match is found by bisection). A justice's
    mention is asked whether it names one of New York's trial justices; the article's memo
    notes that one does."""

    def new_york() -> bool:
        return new_york_context(doc)

    covered_starts = [a for a, _ in covered]
    for m, sent, first in _titled(view, view.title_at, _SINGLE_PLAIN, _SINGLE):
        if covered:
            k = bisect_right(covered_starts, m.start()) - 1
            if k >= 0 and m.start() < covered[k][1]:
                continue
        raw = m.group("name")
        name = _trim(raw)
        if not name:
            continue
        start = m.start("name") - first
        if name is not raw:
            start += _lead_cut(raw, name)
        end = start + len(name)
        title_start, title_end = m.span("title")
        ny = 0
        if view.text[title_end - 2] == "c":  # "Justice" (see `_JUSTICE_SECOND_LAST`)
            index = bisect_right(view.starts, first) - 1
            title_start, ny = _new_york_justice(
                view.text,
                first,
                view.starts[index - 1] if index > 0 else first,
                title_start,
                view.text[title_start:title_end],
                first + end,
                new_york,
            )
            if ny:
                doc.cache[_NY_JUSTICE_KEY] = True
        printed = sent.text
        mentions.append(
            Mention(
                printed[start:end],
                printed[title_start - first : title_end - first],
                sent,
                start,
                end,
                ny,
            )
        )


def _appositive_mentions(view: _Text, mentions: list[Mention]) -> None:
    """Mentions from "A, a federal judge", in the sentences printing a lower-case judge noun."""
    for index in view.lower:
        sent = view.sentences[index]
        norm = sent.norm
        if not _APPOSITIVE_CUE.search(norm):
            continue
        for m in _APPOSITIVE.finditer(norm):
            name = _trim(m.group("name"))
            if name and " " in name:
                start = m.start("name") + _lead_cut(m.group("name"), name)
                mentions.append(
                    Mention(
                        sent.text[start : start + len(name)], None, sent, start, start + len(name)
                    )
                )


def find_mentions(doc: Doc) -> list[Mention]:
    """Every titled or appositive judge mention, in text order."""
    views = [_read_text(doc.norm_text, doc.starts, doc.sentences)]
    if doc.headline is not None:
        views.insert(0, _read_text(doc.headline.norm, [0], [doc.headline]))
    # Kinds are gathered apart and put in order by one stable sort: within a sentence, mentions
    # at the same offset keep the order lists, single titles, appositives. Single titles alone
    # are already in order (headline first, then each sentence's matches left to right).
    lists: list[Mention] = []
    singles: list[Mention] = []
    appositives: list[Mention] = []
    for view in views:
        covered = _list_mentions(view, lists) if view.plural_at else []
        _single_mentions(view, covered, singles, doc)
        _appositive_mentions(view, appositives)
    if not lists and not appositives:
        return singles
    mentions = lists + singles + appositives
    mentions.sort(key=lambda mm: (mm.sentence.index, mm.start))
    return mentions


# Title words read by one search each instead of a loop over the words.
_TRIAL_WORD = re.compile("|".join(re.escape(w) for w in tables.TRIAL_TITLE_WORDS))
_APPELLATE_WORD = re.compile("|".join(re.escape(w) for w in tables.APPELLATE_TITLE_WORDS))


def _is_trial_title(title: str | None) -> bool:
    if not title:
        return False
    return _TRIAL_WORD.search(title) is not None


def _is_appellate_title(title: str | None) -> bool:
    if not title or _is_trial_title(title):
        return False
    return _APPELLATE_WORD.search(title) is not None


# What a printed title tells the filters, as bits; titles come from a small set, so each is read
# once per process (the memo is emptied if hostile input fills it).
_TRIAL = 1
_OFF_TRIAL = 2  # an appellate title without "Judge", or a circuit judge not of a county
_APPELLATE = 4
_TITLE_FLAGS: dict[str, int] = {}
_MAX_TITLE_FLAGS = 4096


def _title_flags(title: str) -> int:
    flags = _TITLE_FLAGS.get(title)
    if flags is None:
        flags = _TRIAL if _is_trial_title(title) else 0
        appellate = _is_appellate_title(title)
        if appellate:
            flags |= _APPELLATE
        if (appellate and "Judge" not in title) or (
            "Circuit Judge" in title and "County" not in title
        ):
            flags |= _OFF_TRIAL
        if len(_TITLE_FLAGS) >= _MAX_TITLE_FLAGS:
            _TITLE_FLAGS.clear()
        _TITLE_FLAGS[title] = flags
    return flags


@dataclass(slots=True)
class _Person:
    name: str
    title: str | None
    first: tuple[int, int]
    mentions: list[Mention]  # titled and appositive, in text order
    key: str  # the surname the mentions were grouped by (also the surname of `name`)
    rank: int  # place among the people, in order of first mention
    bare: list[Mention] | None = None  # surname-only mentions, once read


_SUFFIXES = frozenset(tables.NAME_SUFFIXES)


def _surname(name: str) -> str:
    """`surname`, read off the last space where it cannot differ: in a printable string without
    a comma the only whitespace is the plain space, so `split()`'s last token is what follows the
    last space (unless that is empty or a suffix such as "Jr.")."""
    if "," in name or not name.isprintable():
        return surname(name)
    last = name[name.rfind(" ") + 1 :]
    if not last or last in _SUFFIXES:
        return surname(name)
    return last


def _group(mentions: list[Mention]) -> list[_Person]:
    """Merge mentions of one person (surname-only mentions join the fullest name)."""
    people: list[_Person] = []
    by_surname: dict[str, _Person] = {}
    for m in mentions:
        key = _surname(m.name)
        person = by_surname.get(key)
        if person is None:
            person = _Person(m.name, m.title, (m.sentence.index, m.start), [], key, len(people))
            by_surname[key] = person
            people.append(person)
        elif len(m.name) > len(person.name) and m.name.endswith(person.name.split()[-1]):
            person.name, person.title = m.name, m.title or person.title
        person.mentions.append(m)
    return people


def _every_mention(person: _Person, doc: Doc) -> Iterator[Mention]:
    """The person's titled mentions, then their bare-surname ones ("Tolland wrote"), which are
    read only when asked for: most people are settled by a titled mention or by their title."""
    yield from person.mentions
    if person.bare is None:
        readable = person.rank < MAX_PEOPLE and len(person.key) >= 3
        person.bare = _bare_mentions(person, doc) if readable else []
    yield from person.bare


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


def _bare_mentions(person: _Person, doc: Doc) -> list[Mention]:
    """Each whole-word occurrence of the surname in the body outside the person's titled
    mentions, sentence by sentence, stopping after the sentence that takes the person past
    MAX_MENTIONS."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for x in person.mentions:
        covered.setdefault(x.sentence.index, []).append((x.start, x.end))
    key = person.key
    starts, sentences = doc.starts, doc.sentences
    size = len(key)
    titled = len(person.mentions)
    bare: list[Mention] = []
    current = -1
    spans: list[tuple[int, int]] | tuple[()] = ()
    for pos in _bare_positions(key, doc):
        index = bisect_right(starts, pos) - 1
        if index != current:
            if titled + len(bare) > MAX_MENTIONS:
                break
            current = index
            spans = covered.get(index, ())
        start = pos - starts[index]
        if any(a <= start < b for a, b in spans):
            continue
        bare.append(Mention(key, None, sentences[index], start, start + size))
    return bare


# Every alternative of `_LOWER_BEFORE` ends in one of these and a space before the end (or a
# final line break, which `$` also matches before).
_LOWER_BEFORE_ENDS = ("by ", "of ", "from ", "with ", "reversing ", "reversed ", "overturned ")
_LOWER_BEFORE_ENDS += ("before ", "\n")


class _Reading:
    """Per-article memo of what the filters ask about a whole sentence."""

    __slots__ = ("nominee", "panel")

    def __init__(self) -> None:
        self.nominee: dict[int, bool] = {}
        self.panel: dict[int, bool] = {}

    def is_nominee(self, sent: Sentence) -> bool:
        known = self.nominee.get(sent.index)
        if known is None:
            known = self.nominee[sent.index] = _nominee(sent.norm)
        return known

    def has_panel_cue(self, sent: Sentence) -> bool:
        known = self.panel.get(sent.index)
        if known is None:
            known = self.panel[sent.index] = _PANEL_CUE.search(sent.norm) is not None
        return known

    def local_distractor(self, m: Mention) -> bool:
        norm = m.sentence.norm
        before = norm[max(0, m.start - 40) : m.start]
        if before.endswith(_LOWER_BEFORE_ENDS) and _LOWER_BEFORE.search(before):
            return True
        clause_start = max(norm.rfind(";", 0, m.start), 0, m.start - 100)
        region = norm[clause_start : m.end + 60]
        # The gate on `lower()`, not `fold()`, as the cue check has always read it.
        if has_any(region.lower(), _DISTRACTOR.words) and _DISTRACTOR.pattern.search(region):
            return True
        return self.is_nominee(m.sentence)


def _positive(m: Mention) -> bool:
    norm = m.sentence.norm
    if _POSITIVE_AFTER.search(norm[m.end : m.end + 130]):
        return True
    return bool(_POSITIVE_BEFORE.search(norm[max(0, m.start - 60) : m.start]))


def _majority_author(m: Mention) -> bool:
    norm = m.sentence.norm
    window = norm[max(0, m.start - 70) : m.end + 70]
    if not has_any(fold(window), _MAJORITY_WORDS) or not _MAJORITY.search(window):
        return False
    return not _DISSENT.search(norm[m.end : m.end + 50])


def _evidence(person: _Person, level: str, doc: Doc, reading: _Reading) -> Mention | None:
    """The mention showing the person deciding at this court level, if they may be one of its
    judges at all. A person titled in a nomination's sentence needs a deciding mention outside
    any distractor; that is asked last, of a candidate already found, as it can only turn a
    candidate away (and a trial candidate is such a mention already)."""
    titled = [m for m in person.mentions if m.title]
    flags = 0
    for m in titled:
        flags |= _title_flags(m.title or "")
    if flags & _OFF_TRIAL and _NY_JUSTICE_KEY in doc.cache:
        surest = max(m.new_york for m in titled)
        if surest == _NY_NAMED_JUSTICE or (
            surest and level not in ("supreme", "en_banc", "appellate")
        ):
            flags = _new_york_flags(titled)
    if level in ("supreme", "en_banc"):
        found = None if flags & _TRIAL else _supreme_evidence(person, doc, reading)
    elif level == "appellate":
        found = None if flags & _TRIAL else _appellate_evidence(person, doc, reading)
    else:
        return None if flags & _OFF_TRIAL else _trial_evidence(person, doc, reading)
    if found is None or not any(reading.is_nominee(m.sentence) for m in titled):
        return found
    return found if _trial_evidence(person, doc, reading) is not None else None


def _new_york_flags(titled: list[Mention]) -> int:
    """The title flags of one of New York's trial justices: a justice's title is a trial title
    there ("Justice Roe" is the "Manhattan Supreme Court Justice Ann Roe" of the lead), while
    any other title keeps what it tells."""
    flags = 0
    for m in titled:
        title = m.title or ""
        flags |= _TRIAL if _NY_JUSTICE_TITLE.fullmatch(title) else _title_flags(title)
    return flags


def _supreme_evidence(person: _Person, doc: Doc, reading: _Reading) -> Mention | None:
    for m in _every_mention(person, doc):
        if _majority_author(m) and not reading.local_distractor(m):
            return m
    return None


def _appellate_evidence(person: _Person, doc: Doc, reading: _Reading) -> Mention | None:
    appellate_title = bool(person.title) and _title_flags(person.title or "") & _APPELLATE
    judge_title = (person.title or "").endswith("Judge")
    for m in _every_mention(person, doc):
        if reading.local_distractor(m):
            continue
        # Read once: both conditions ask it.
        positive = _positive(m)
        if (
            positive or reading.has_panel_cue(m.sentence) or "Circuit Judge" in (m.title or "")
        ) and (appellate_title or positive or judge_title):
            return m
    return None


def _trial_evidence(person: _Person, doc: Doc, reading: _Reading) -> Mention | None:
    """The first mention with a deciding verb outside any distractor."""
    for m in _every_mention(person, doc):
        if _positive(m) and not reading.local_distractor(m):
            return m
    return None


def select_judges(doc: Doc, level: str) -> list[tuple[Judge, str]]:
    """The deciding judges with the sentence that shows each deciding."""
    reading = _Reading()
    # A trial court with no panel in sight keeps only its first judge with evidence; people come
    # in order of first mention (the headline's sentence index is below the body's), so the
    # people after that one need no reading.
    trial = level in ("trial", "agency")
    chosen: list[tuple[Judge, str]] = []
    for person in _group(find_mentions(doc)):
        evidence = _evidence(person, level, doc, reading)
        if evidence is not None:
            chosen.append((Judge(person.name, person.title), evidence.sentence.text))
            if trial and len(chosen) == 1 and not _mentions_panel(doc.norm_text):
                break
    doc.cache[_CHOSEN_KEY] = [judge for judge, _ in chosen]
    return chosen


_CHOSEN_KEY = "judges:chosen"


def chosen_judges(doc: Doc) -> list[Judge]:
    """The judges `select_judges` last chose for this article (none when it has not been asked),
    so the court can be read against the ruling judge's title."""
    return doc.cache.get(_CHOSEN_KEY, [])  # type: ignore[no-any-return]


def _mentions_panel(text: str) -> bool:
    """Whether the first 3,000 characters print "three-judge" or "panel"."""
    return text.find("panel", 0, 3000) >= 0 or text.find("three-judge", 0, 3000) >= 0
