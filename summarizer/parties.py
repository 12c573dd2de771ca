"""Plaintiffs and defendants in their original alignment, from how reporters describe a suit.

Patterns: "X sued Y", "brought/filed/sought by X (against Y)", "X, who had challenged the law",
"named Y as defendants", "lawsuit against Y", "the conviction of Y", the prosecuting office, "X won
approval", and the case caption as a weaker hint. Names are cleaned (titles, ages, appositives, "in
her official capacity" dropped; an office named only by its title, "the Secretary of Labor", stays
as printed), short forms are resolved to the fullest form printed, and people quoted in other roles
(spokespeople, lawyers) and justices of a court are never parties.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from summarizer import tables
from summarizer.gates import fold, has_any
from summarizer.names import NAME, expand_surname, looks_like_person, trim_name
from summarizer.text import Doc, Sentence

U, L = tables.UPPER, tables.LOWER


@dataclass(frozen=True, slots=True)
class _Anchored:
    """A pattern every match of which starts where one of `words` is printed, or `back`
    characters before: matching is tried only at those few positions. Python's engine costs tens
    of nanoseconds at every position of a sentence for a pattern that opens with a word boundary
    and an alternation; the same matches come out, in the same order."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    back: tuple[int, ...] = (0,)
    one: bool = field(init=False)  # one word and no step back: its places come in order

    def __post_init__(self) -> None:
        object.__setattr__(self, "one", len(self.words) == 1 and self.back == (0,))

    def finditer(self, text: str) -> list[re.Match[str]]:
        if self.one:
            return self._finditer_one(text)
        find = text.find
        places: list[int] = []
        for word in self.words:
            pos = find(word)
            while pos >= 0:
                places.append(pos)
                pos = find(word, pos + 1)
        if not places:
            return []
        back = self.back
        if back != (0,):
            places = [pos - b for pos in places for b in back if pos >= b]
        match = self.pattern.match
        if len(places) == 1:  # most sentences print a word once
            m = match(text, places[0])
            return [] if m is None else [m]
        found: list[re.Match[str]] = []
        end = 0
        for pos in sorted(set(places)):
            # As `finditer` does, the search goes on where the last match ended.
            if pos >= end and (m := match(text, pos)) is not None:
                found.append(m)
                end = m.end()
        return found

    def _finditer_one(self, text: str) -> list[re.Match[str]]:
        """`finditer` for one word and no step back: its places come in order, once each."""
        word = self.words[0]
        match = self.pattern.match
        found: list[re.Match[str]] = []
        end = 0
        pos = text.find(word)
        while pos >= 0:
            if pos >= end and (m := match(text, pos)) is not None:
                found.append(m)
                end = m.end()
            pos = text.find(word, pos + 1)
        return found


def _trie(words: tuple[str, ...] | list[str]) -> str:
    """An alternation matching exactly `words`, branching on one letter at a time: the engine
    tries the alternatives of a plain word list one after the other at every place, where here
    a place fails at the first letter none of the words opens with."""
    groups: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        groups.setdefault(word[:1], []).append(word[1:])
    alternatives = []
    for first, rests in groups.items():
        if len(rests) == 1:
            alternatives.append(re.escape(first + rests[0]))
            continue
        tails = [rest for rest in rests if rest]
        optional = "?" if len(tails) < len(rests) else ""
        alternatives.append(f"{re.escape(first)}(?:{_trie(tails)}){optional}")
    return "|".join(alternatives)


# The words after which a list's clause ends.
_STOP_WORDS = (
    "to", "in", "on", "over", "for", "after", "before", "because", "last", "this", "earlier",
    "seeking", "saying", "arguing", "claiming", "alleging", "accusing", "challenging", "as",
    "under", "at", "from", "when", "while", "that", "which", "who", "whose", "since", "until",
    "during", "about", "if", "alleged", "argued", "contended", "claimed", "said", "says", "say",
    "seek", "sought", "asked", "asking", "argue", "allege", "claim", "filed", "were", "was", "is",
    "are", "had", "have", "has", "will", "would", "could", "did", "can", "may", "must", "contend",
    "against",
)  # fmt: skip
# Where a list's clause ends: each alternative opens with a character of the leading class,
# which lets the engine skip every other character without trying the alternatives there; each
# then checks with a look-behind which character opened it. Only the start of a match is read.
_STOP = re.compile(
    r"[.;:?!\"(,\s-](?:"
    r"(?<=\.)(?<!\b[A-Z]\.)(?<!Inc\.)(?<!Co\.)(?<!Corp\.)(?<!Ltd\.)(?<!Jr\.)(?<!Sr\.)(?<!\bSt\.)"
    r"(?<!\bNo\.)(?!\w)|"
    r"(?<=[;:?!\"(])|"
    r"(?<=\s)(?:[—–]\s|(?:" + _trie(_STOP_WORDS) + r")\s|of [a-z]+ing\b)|"
    r"(?<=-)-|"
    r"(?<=,)\s(?:who|which|saying|arguing|claiming|alleging|accusing|seeking|challenging|"
    r"contending|asserting|where|when|while)\b"
    r")"
)
# `,\s*(?:and\s+|...)?|\s+(?:and|...)\s+` opening with the class of its first characters, as
# `_STOP` does, so the engine skips the other characters; a look-behind tells which it was.
_SEPARATORS = re.compile(
    r"[,\s](?:(?<=,)\s*(?:and\s+|as well as\s+|along with\s+|together with\s+|joined by\s+|"
    r"plus\s+)?|(?<=\s)\s*(?:and|as well as|along with|together with|joined by|plus|"
    r"on behalf of)\s+)"
)
_JOINT = [
    (p, p.replace(" and ", " \x00 ").replace(", ", " \x01 ")) for p in tables.JOINT_NAME_PHRASES
]
_LEADING = re.compile(
    r"^(?:and|the|The|its|their|his|her|all|both|also|then-|fellow|several|a few)\s+", re.I
)
# Every character that `_LEADING` (case-insensitive) matches first: its words' first letters in
# both cases, and the dotted and dotless i and long s that `re.I` takes for "i" and "s".
_LEADING_FIRST = frozenset("aAtTiIhHbBfFsS\u0130\u0131\u017f")
_CALLED = re.compile(r"\b(?:called|named|known as|dubbed)\s+(?:the\s+)?(?P<name>[A-Z].*)$")
_AGE = re.compile(r",\s*\d{1,3}\s*,?$|\s\(\d{1,3}\)$")
_CALLED_WORDS = ("called", "named", "known as", "dubbed")
_OFFICIAL_CAPACITY = re.compile(r",?\s+in (?:his|her|their|its) official capacit(?:y|ies).*$")
_GROUP = re.compile(
    rf"^(?:(?:a |the )?coalition of |(?:a )?group of )?(?:{tables.NUMBER_WORDS})\s+"
    rf"(?:[\w\-]+\s+){{0,3}}(?:{tables.GROUP_NOUNS})(?:\s+from\s+[A-Z][\w ]+)?$"
    rf"|^(?:a |the )?coalition of (?:{tables.NUMBER_WORDS}) (?:\w+ )?(?:{tables.GROUP_NOUNS})$"
)


# The articles dropped from a group, an anaphor, a coalition and a prosecuting office, compiled
# once: `re.sub` with a pattern string looks it up in the module cache at every call.
_GROUP_ARTICLE = re.compile(r"^(?:a|the|all) ")
_ANAPHOR_ARTICLE = re.compile(r"^(?:the|its|their)\s+")
_COALITION_ARTICLE = re.compile(r"^(?:a|the) ")
_THE = re.compile(r"^the ")


def _is_group(item: str) -> bool:
    """`_GROUP.match`, skipped for the many names that open with a capital: every match opens
    with a lower-case word or a digit."""
    return not item[:1].isupper() and _GROUP.match(item) is not None


_LOWER_PREFIX = re.compile(r"^(?:[a-z][\w\-']*\s+){1,6}(?=[A-Z])")
_PERSON_OF_PLACE = re.compile(rf"^(?P<name>{NAME}) of [{U}][{L}]+(?: [{U}][{L}]+)?$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_CONNECTORS = frozenset(tables.NAME_PARTICLES) | {"of", "and", "for", "the", "&", "on", "at"}
_NON_PARTY = re.compile(tables.NON_PARTY_ROLES, re.I)
_JUDICIAL = re.compile(r"\b(?:Judge|Justice|Chancellor|Magistrate)s?\b")
_JUDICIAL_WORDS = ("Judge", "Justice", "Chancellor", "Magistrate")

_SUED = _Anchored(
    re.compile(r"\b(?:had |have |has |jointly |then )?(?:sued|sues|suing)\b"),
    ("sue", "suing"),
    (0, 4, 5, 8),
)
_SUED_BY = _Anchored(
    re.compile(r"\b(?:sued|challenged) by "),
    ("sued by ", "challenged by "),
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|being|get|got|later)\s+$")
_BY = _Anchored(
    re.compile(
        r"\b(?P<verb>filed|brought|sought|initiated|led|challenged|requested|pursued)\b"
        r"(?P<gap>[^;\"]{0,140}?) by (?=[A-Z0-9a-z])"
    ),
    ("filed", "brought", "sought", "initiated", "led", "challenged", "requested", "pursued"),
)
_CASE_NOUN_BEFORE = re.compile(
    r"\b(?:lawsuit|suit|case|complaint|petition|motion|request|challenge|application|charge|"
    r"action|appeal|injunction|coalition|group|class action|law|rule|policy|order|bid|effort)s?\b"
    r"[^;]{0,100}$",
    re.I,
)
# The longest case noun `_CASE_NOUN_BEFORE` reads ("class actions").
_CASE_NOUN_SIZE = len("class actions")


# A request to end the case, just before "filed/brought by": "the motion to dismiss filed by".
_DISMISSAL_BID = re.compile(
    r"\b(?:motion|bid|request|attempt|effort|move)s? to (?:dismiss|throw out|toss)\b[^;.]{0,60}$"
)


def _case_noun_before(before: str) -> bool:
    """Whether `_CASE_NOUN_BEFORE` matches in `before`. A match ends at the end (or before a final
    line break) at most 100 characters after its noun and holds no ";": the search starts there,
    not at every place of the window (a case-insensitive alternation is tried at each)."""
    start = max(len(before) - 1 - 100 - _CASE_NOUN_SIZE, before.rfind(";") + 1, 0)
    return _CASE_NOUN_BEFORE.search(before, start) is not None


_COALITION_LED = re.compile(
    rf"\b(?P<grp>(?:a |the )?coalition of (?:{tables.NUMBER_WORDS}) (?:\w+ )?"
    rf"(?:{tables.GROUP_NOUNS}))(?: [^.;]{{0,30}}?)? led by "
)
_NAMED_PLAINTIFFS = _Anchored(
    re.compile(r"\b(?:[Nn]amed |[Ll]ead |[Cc]o-)?plaintiffs?,? (?=[A-Z])"),
    ("plaintiff",),
    (0, 3, 5, 6),
)
_CO_PLAINTIFF = _Anchored(
    re.compile(
        r"\b(?:joined|signed on|joined the (?:lawsuit|suit|case)) as (?:a )?co-?plaintiffs?\b"
    ),
    ("joined", "signed on"),
)
_LED_WITH = _Anchored(
    re.compile(r"\bled the (?:lawsuit|suit|challenge|case|coalition)(?: together)? with "),
    ("led the ",),
)
_ALONG_WITH = re.compile(r",? along with ")
_AGAINST = _Anchored(
    re.compile(
        r"\b(?:lawsuit|lawsuits|suit|suits|case|action|complaint|claims?|litigation|petition|"
        r"class action)\b(?: \w+){0,2} against "
    ),
    ("suit", "case", "action", "complaint", "claim", "litigation", "petition"),
    (0, 3, 6),
)
_THAT_FILED_AGAINST = _Anchored(
    re.compile(
        r"\b(?:lawsuit|suit|case|complaint|dispute|action|petition) (?:that|which) "
        r"(?P<p>[^.;]{3,150}?) (?:filed|brought)"
        r"(?: [^.;]{0,40}?)? against "
    ),
    ("suit", "case", "complaint", "dispute", "action", "petition"),
    (0, 3),
)
# The dots of "U.S." and of a company suffix do not end the clause of "named ... as defendants".
_NAME_DOT = r"\.(?<=\b[A-Z]\.)|\.(?<=Inc\.)|\.(?<=Co\.)|\.(?<=Corp\.)|\.(?<=Ltd\.)|\.(?<=Jr\.)"
_NAMED_AS = _Anchored(
    re.compile(rf"\bnamed (?P<d>(?:[^.;]|{_NAME_DOT}){{3,220}}?) as (?:co-?)?defendants?\b"),
    ("named ",),
)
_WERE_NAMED = re.compile(r"\b(?:are|is|were|was) (?:also )?named as (?:co-?)?defendants?\b")
_DEFENDANTS_ARE = _Anchored(
    re.compile(r"\b[Tt]he defendants? (?:are|is|were|was|include|included) "),
    ("he defendant",),
    (1,),
)
_ACCUSING = _Anchored(
    re.compile(
        r"\b(?:lawsuit|suit|complaint|class action|case)\b[^.;]{0,60}?\baccus(?:ing|ed|es) "
    ),
    ("suit", "complaint", "action", "case"),
    (0, 3, 6),
)
# "..., who had challenged the law": the one before the comma brought the challenge. Only a
# challenge to a measure counts ("challenged the ruling" is an appeal's, not a suit's), and not
# "who has challenged", which tells a record of past suits ("who has challenged many rules").
_WHO_CHALLENGED = _Anchored(
    re.compile(
        r", (?:who|which)(?P<end>) (?:had |also |jointly )?challenged (?:the |a |an |"
        r"their |its |his |her |this |that )?(?:[\w'-]+ ){0,3}?(?:laws?|polic(?:y|ies)|rules?|"
        r"bans?|statutes?|measures?|regulations?|orders?|mandates?|ordinances?|programs?|"
        r"requirements?|restrictions?|plans?|cuts?|provisions?|practices?)\b"
    ),
    (", who ", ", which "),
)
_WON_APPROVAL = _Anchored(
    re.compile(r"\b(?:won|wins|received|obtained|secured) (?:\w+ )?(?:court )?approval\b"),
    ("won ", "wins ", "received ", "obtained ", "secured "),
)
_FILED_THE = _Anchored(
    re.compile(
        r"\bfiled (?:the|an|a) (?:\w+ ){0,2}(?:application|petition|complaint|lawsuit|suit|motion|"
        r"charge)\b"
    ),
    ("filed ",),
)
_IN_FAVOR = _Anchored(
    re.compile(
        r"\bruled in favor of (?P<p>[^.;]{3,80}?) in (?:its|their|his|her) [^.;]{0,40}?"
        r"(?:lawsuit|suit|case|action) against "
    ),
    ("ruled in favor of ",),
)
_FOUND_VIOLATED = _Anchored(
    re.compile(
        rf"\b(?:found|finds|concluded) (?:that )?(?P<d>(?:{NAME}))(?: had)? "
        r"(?:violated|illegally|unlawfully|breached|infringed|discriminated|retaliated)\b"
    ),
    ("found ", "finds ", "concluded "),
)
_CRIMINAL = re.compile(
    r"\b(?:sentenc(?:ed|ing)|convict(?:ed|ion)|pleaded guilty|prosecutors?|indict(?:ed|ment)|"
    r"acquitt(?:ed|al)|murder|fraud charges)\b",
    re.I,
)
_CRIMINAL_WORDS = (
    "sentenc", "convict", "pleaded guilty", "prosecutor", "indict", "acquitt", "murder",
    "fraud charges",
)  # fmt: skip
_DEFENDANT_CRIMINAL_LIST = _Anchored(
    re.compile(
        r"\b(?:convictions?|sentencing|sentence|trial|prosecution) of (?=[A-Za-z])|"
        r"\bsentenc(?:ed|ing) (?=[A-Z])|\bsentence (?:\w+ ){0,2}to (?=[A-Z])"
    ),
    ("conviction", "sentenc", "trial", "prosecution"),
)
_LIST_WORDS = ("sentenc", "conviction", "trial", "prosecution")
# Each pattern with literals one of which every match contains.
_DEFENDANT_CRIMINAL = (
    (
        re.compile(
            rf"(?P<d>{NAME})(?:, \d{{1,3}},)? (?:was|has been|is|had been) "
            r"(?:sentenced|convicted)\b"
        ),
        ("sentenced", "convicted"),
    ),
    (
        re.compile(rf"\b[Tt]he (?:petitioner|defendant|appellant), (?P<d>{NAME}),"),
        ("petitioner, ", "defendant, ", "appellant, "),
    ),
    (re.compile(rf"^(?P<d>{NAME}), \d{{1,3}}, (?:who|was|of|a|an|the)\b"), (", ",)),
)
_PROSECUTOR = (
    (
        re.compile(
            rf"(?P<p>(?:the )?(?:U\.S\. Attorney's Office|(?:[{U}][\w.']* ){{1,4}}(?:Prosecutor's|"
            rf"District Attorney's|State's Attorney's|Attorney General's|Prosecuting Attorney's) "
            rf"Office)(?: for the (?:[{U}]\w+ ){{0,2}}District of [{U}]\w+(?: [{U}]\w+)?)?)"
        ),
        ("'s Office",),  # every alternative ends so
    ),
    (
        re.compile(
            rf"\b(?:[Aa]ttorneys|[Ll]awyers|[Pp]rosecutors) for the (?P<p>State of [{U}]\w+)"
        ),
        (" for the State of ",),
    ),
)
_GATE_WORDS = (
    "sue", "suing", " by ", "plaintiff", "defendant", "against", "named", "approval", "filed",
    "Office", "found", "onvict", "entenc", "etitioner", "State of", "led the", "joined", "alleg",
    "judgment", "favor", "sided", "accus", "rosecut", "ontend", "concluded", "finds",
    "challenged",
)  # fmt: skip
_OTHER_CASE_WORDS = ("separate", "parallel", "another", "similar", "unrelated")
_OTHER_CASE = re.compile(
    r"\b(?:separate|parallel|another|similar|unrelated) (?:\w+ )?(?:case|lawsuit|suit|challenge)\b",
    re.I,
)
_COUNSEL_FOR = re.compile(r"(?:counsel|attorneys?|lawyers?|representing)(?: for)?(?: the)? $", re.I)
_ALLEGED = _Anchored(
    re.compile(r"\b(?:alleged|allege|alleges|contend|contended)\b(?= that)"),
    ("allege", "contend"),
)
_WINNERS = _Anchored(
    re.compile(
        r"\b(?:granted summary judgment (?:to|in favor of)|ruled in favor of|sided with|entered "
        r"judgment (?:for|in favor of)) (?:the )?"
    ),
    ("granted summary judgment", "ruled in favor of", "sided with", "entered judgment"),
)
_CAPTION_SPLIT = re.compile(r"\s+v\.?s?\.?\s+")
_GOVERNMENT = re.compile(
    r"^(?:United States|the United States|State of \w+|People of|Commonwealth)"
)


@dataclass(slots=True)
class PartyLists:
    plaintiffs: list[str] = field(default_factory=list)
    defendants: list[str] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)  # "plaintiffs"/"defendants" -> sentence


@dataclass(slots=True)
class _Found:
    name: str
    side: str  # "p" | "d"
    priority: int
    sentence: Sentence
    order: int


def _joint_by_next() -> dict[str, tuple[tuple[str, int], ...]]:
    """Each phrase with the offset of its " and ", under the three characters after it."""
    table: dict[str, list[tuple[str, int]]] = {}
    for phrase in tables.JOINT_NAME_PHRASES:
        at = phrase.index(" and ")
        table.setdefault(phrase[at + 5 : at + 8], []).append((phrase, at))
    return {key: tuple(found) for key, found in table.items()}


_JOINT_BY_NEXT = _joint_by_next()


def _has_joint(text: str) -> bool:
    """Whether any joint phrase is printed, to skip the replacing loop for the many lists that
    hold none. Every phrase holds " and ": only the phrases whose next characters follow a
    printed " and " are compared there, where an alternation of all of them is tried from
    every position."""
    pos = text.find(" and ")
    while pos >= 0:
        for phrase, at in _JOINT_BY_NEXT.get(text[pos + 5 : pos + 8], ()):
            if pos >= at and text.startswith(phrase, pos - at):
                return True
        pos = text.find(" and ", pos + 1)
    return False


def _protect(text: str) -> str:
    if not _has_joint(text):
        return text
    for plain, guarded in _JOINT:
        if plain in text:
            text = text.replace(plain, guarded)
    return text


def _unprotect(text: str) -> str:
    return text.replace(" \x00 ", " and ").replace(" \x01 ", ", ")


_APPOSITIVE = re.compile(r", (?:a|an) [a-z][^,]{0,80},")


def read_list(norm: str, start: int) -> str:
    """The noun-phrase list that starts at `start`, up to the end of its clause."""
    chunk = norm[start : start + 300]
    if ", a" in chunk:  # every appositive opens so
        chunk = _APPOSITIVE.sub(",", chunk)
    m = _STOP.search(chunk)
    while m is not None:
        at = m.start()
        # Only a stop at "for" or "from" is tested: the test is a call, and most lists end
        # elsewhere.
        if chunk.startswith("for ", at + 1):
            if not _name_goes_on(chunk, at):
                return chunk[:at]
            m = _STOP.search(chunk, at + 5)
        elif chunk.startswith("from ", at + 1):
            if not _group_from_place(chunk, at):
                return chunk[:at]
            m = _STOP.search(chunk, at + 6)
        else:
            return chunk[:at]
    return chunk


_FOR_NAME_HEADS = tables.FOR_NAME_HEADS
# What follows the "for" of an organisation's name: capitalised words (joined by "of", "the",
# "for" or "&"), after at most "the" or "a".
_FOR_NAME_TAIL = re.compile(
    r"(?:the |a )?[A-Z][\w'&.-]*(?: (?:[A-Z][\w'&.-]*|of|the|for|&)){0,8}(?![\w'&.-])"
)


def _name_goes_on(chunk: str, at: int) -> bool:
    """Whether the stop " for " at `at` is the " for " of an organisation's name ("Alliance for
    Hippocratic Medicine", "Centers for Disease Control"): a head word the tables know before it,
    and capitalised words after it that end where the list's item ends (a separator, a stop or the
    end). "sued by Texas for Medicaid fraud" ends at its "for", and so does "the Attorney
    General's Office for Texas residents", whose capitals go on with a lower-case noun."""
    head = chunk.rfind(" ", 0, at) + 1
    if chunk[head:at] not in _FOR_NAME_HEADS:
        return False
    tail = _FOR_NAME_TAIL.match(chunk, at + 5)
    if tail is None:
        return False
    end = tail.end()
    return (
        end == len(chunk)
        or _STOP.match(chunk, end) is not None
        or _SEPARATORS.match(chunk, end) is not None
    )


_GROUP_NOUNS = frozenset(tables.GROUP_NOUNS.split("|"))


def _group_from_place(chunk: str, at: int) -> bool:
    """Whether the stop " from " at `at` places a group ("two voters from Apache County"): a
    group noun before it, and capitalised words after it that end the list. "recipients from
    Ohio, Georgia and New Mexico" ends at "from", as its places would be read as parties."""
    head = chunk.rfind(" ", 0, at) + 1
    if chunk[head:at] not in _GROUP_NOUNS:
        return False
    tail = _FOR_NAME_TAIL.match(chunk, at + 6)
    if tail is None or tail.end() - tail.start() < 2:  # a place is a word, not a letter
        return False
    end = tail.end()
    return end == len(chunk) or _STOP.match(chunk, end) is not None


_INTRO = re.compile(
    r"\b(?:by|request of|behalf of|joined by|along with|in favor of|sided with|ruled for|"
    r"including)\s+"
)
_RELATIVE_END = re.compile(r",\s*(?:who|which)?\s*$")
_RELATIVE = re.compile(r",\s*(?:who|which|whose|a|an)\b.*?,(?=\s)")
_INTRODUCTORY = re.compile(
    r"(?:In|On|At|Last|After|Before|Earlier|When|Since|By|For|Then|Later|Now|"
    r"This|That|Under|With|Meanwhile|Separately)\b"
)


def read_subject(norm: str, end: int) -> str:
    """The subject noun phrase(s) that end just before `end` (the verb)."""
    head = norm[max(0, end - 300) : end]
    cut = max(head.rfind(";"), head.rfind(":"), head.rfind('"'))
    head = head[cut + 1 :]
    # "... at the request of X and Y, who sued": the subject starts after the last "by/of".
    if "," in head and _RELATIVE_END.search(head):  # both patterns need a comma
        intros = list(_INTRO.finditer(head))
        if intros:
            head = head[intros[-1].end() :]
    # Drop relative clauses and introductory phrases.
    if "," in head:
        head = _RELATIVE.sub(",", head)
    segments = [seg for seg in head.split(", ") if seg.strip() not in ("who", "which", "")]
    while len(segments) > 1 and (
        _INTRODUCTORY.match(segments[0])
        or (segments[0][:1].islower() and not segments[0].startswith("the "))
    ):
        segments.pop(0)
    return ", ".join(segments).strip()


# Every separator holds a comma or one of these words.
_SEPARATOR_WORDS = ("and", "with", "as well as", "joined by", "plus", "behalf of")


def split_items(text: str) -> list[str]:
    if "," not in text and not any(map(text.__contains__, _SEPARATOR_WORDS)):
        pieces = [text]  # `_protect` changes nothing without " and "
    else:
        text = _protect(text)
        pieces = _SEPARATORS.split(text)
    if "\x00" in text or "\x01" in text:
        return [_unprotect(p).strip() for p in pieces if p and p.strip()]
    return [stripped for p in pieces if p and (stripped := p.strip())]


# Capitalised ASCII words ("U.S.", "Okonkwo-Barr", "Inc.": inside a word only a dot or hyphen,
# each followed by a capital, and a final dot), single-spaced, with lower-case connectors after
# the first.
_CAPITALISED = r"[A-Z][A-Za-z]*(?:[.-][A-Z][A-Za-z]*)*\.?"
_PLAIN_NAME = re.compile(
    rf"{_CAPITALISED}(?: (?:{_CAPITALISED}|"
    rf"{'|'.join(sorted(_CONNECTORS, key=len, reverse=True))})){{0,11}}"
)
_LEADING_CAPITALISED = frozenset(
    ("and", "the", "its", "their", "his", "her", "all", "both", "also", "fellow", "several")
)
_PRONOUNS = frozenset(
    ("They", "It", "He", "She", "We", "Its", "Their", "This", "That", "Who", "What", "Which",
     "Many", "Some", "Most")
)  # fmt: skip


_TITLE_TOKENS = tables.OFFICIAL_TITLE_WORDS | {"Attorney"}


def _is_plain_name(item: str) -> bool:
    """Whether `clean_item` keeps `item` as it is, shown without running its steps: a plain name
    holds nothing any step strips or rejects (no edge punctuation, digit, lower-case word,
    " of ", "'s" or lower-case "called"), so only its words need checking."""
    if len(item) > 90 or not _PLAIN_NAME.fullmatch(item):
        return False
    tokens = item.split(" ")
    first = tokens[0]
    return not (
        first.lower() in _LEADING_CAPITALISED
        or first in _PRONOUNS
        or "Judge" in item
        or "Justice" in item
        or "Chancellor" in item
        or "Magistrate" in item  # the `_JUDICIAL_WORDS`
        or not _TITLE_TOKENS.isdisjoint(tokens)
        or (len(tokens) == 1 and item.lower() in tables.GENERIC_PARTY_WORDS)
        or (" of " in item and _is_person_of_place(item))
    )


def _is_person_of_place(item: str) -> bool:
    """ "Maria Esquivel of Fresno", which `clean_item` cuts to the name."""
    m = _PERSON_OF_PLACE.match(item)
    return m is not None and looks_like_person(m.group("name"))


# A date word read as a list ("which sued in April", "sued Monday"): never a party.
_TIME_WORDS = frozenset(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
     "Saturday", "Sunday", "Today", "Yesterday", "Tomorrow")
)  # fmt: skip


def clean_item(item: str) -> str | None:
    """One party as a clean name, or None when the phrase is not a party."""
    if item in _TIME_WORDS:
        return None
    if item.startswith(("the ", "The ")):
        # Not plain as it is ("the" is a leading word); `_LEADING` strips "the " once and then
        # finds no leading word in a plain rest.
        if _is_plain_name(item[4:]):
            return item[4:]
    elif _is_plain_name(item):
        return item
    return _clean_phrase(item)


def _clean_phrase(item: str) -> str | None:
    """`clean_item` step by step."""
    item = item.strip(" ,'\"-")
    if " official capacit" in item:  # every match holds it
        item = _OFFICIAL_CAPACITY.sub("", item)
    # An age ends the text with a digit, ",", ")" or a space (before `$`'s final line break).
    last = item[-1:]
    if last.isdigit() or last == "," or last == ")" or last.isspace():
        item = _AGE.sub("", item)
    item = item.strip()
    # `_LEADING` is anchored at the start, so it matches once at most; a second leading word
    # can follow only a first one.
    if item[:1] in _LEADING_FIRST and (lead := _LEADING.match(item)) is not None:
        item = item[lead.end() :]
        if item[:1] in _LEADING_FIRST and (lead := _LEADING.match(item)) is not None:
            item = item[lead.end() :]
    # Every match holds one of the `_CALLED_WORDS`, tested here without a call.
    if "called" in item or "named" in item or "known as" in item or "dubbed" in item:
        called = _CALLED.search(item)
        if called is not None:
            item = called.group("name")
    if not item:
        return None
    if not item[0].isupper() and _GROUP.match(item) is not None:  # `_is_group`
        return _GROUP_ARTICLE.sub("", item)
    if item[0].islower():
        words = item.split()
        if 1 <= len(words) <= 3 and words[-1] in tables.ANAPHOR_HEADS:
            return item  # "the department": resolved against the article by the caller
        m = _LOWER_PREFIX.match(item)
        if not m:
            return None
        item = item[m.end() :]
    tokens = item.split()
    descriptor = [i for i, t in enumerate(tokens) if t[:1].islower() and t not in _CONNECTORS]
    if descriptor:
        tail = tokens[descriptor[-1] + 1 :]
        if not tail or tail[0] in _CONNECTORS:
            return None
        item = " ".join(tail)
    # Every match holds one of the `_JUDICIAL_WORDS`.
    judicial = "Judge" in item or "Justice" in item or "Chancellor" in item or "Magistrate" in item
    if judicial and _JUDICIAL.search(item) and not _is_justice_org(item):
        return None
    tokens = item.split()
    if len(tokens) > 12 or len(item) > 90:
        return None
    # Officials: keep the name after the title ("Treasury Secretary Scott Bessent").
    office_named = False  # the party is an office named by its title ("Secretary of Labor")
    title_positions = (
        []
        if _TITLE_TOKENS.isdisjoint(tokens)
        else [i for i, t in enumerate(tokens) if t in _TITLE_TOKENS]
    )
    if title_positions and title_positions[-1] < len(tokens) - 1:
        rest = tokens[title_positions[-1] + 1 :]
        if rest and rest[0] == "of":
            office = rest
            rest = rest[-3:] if len(rest) >= 4 and rest[-2].endswith(".") else rest[-2:]
            if not _names_holder(office, rest):
                # "the Secretary of Labor": the office is the party, named by its title.
                first = title_positions[-1]
                while first > 0 and tokens[first - 1] in _TITLE_TOKENS:
                    first -= 1
                rest = tokens[first:]
                office_named = True
        if rest and not any(t in tables.ORG_WORDS for t in rest):
            item = " ".join(rest)
            tokens = rest
    m = _PERSON_OF_PLACE.match(item) if " of " in item and not office_named else None
    if m and looks_like_person(m.group("name")):
        item = m.group("name")
    item = item.strip(" ,")
    if item.endswith("'s"):
        item = item[:-2]
    if not item or item.lower() in tables.GENERIC_PARTY_WORDS:
        return None
    if not item[0].isupper() and not any(map(str.isupper, item)):
        return None
    if item.split()[0] in _PRONOUNS or item in _TIME_WORDS:
        return None
    return item


def _names_holder(office: list[str], name: list[str]) -> bool:
    """Whether the words after a title's "of" end with its holder's name ("of State Marco
    Rubio"), not only the office ("of Homeland Security", "of Housing and Urban Development"):
    the name follows at least one word of the office and no connector."""
    before = len(office) - len(name) - 1
    if not any(t[:1].isupper() for t in office[1:]):
        return True  # no office printed after "of": no title to keep ("Chairman of")
    return before >= 1 and office[before] not in _CONNECTORS and looks_like_person(" ".join(name))


def _is_justice_org(item: str) -> bool:
    """An organisation whose name holds "Justice" ("Equal Justice Initiative", "Department of
    Justice", "Justice Department"), not a justice of a court ("Justice Elena Kagan"): it holds a
    head noun of an organisation, no other judicial word, and each "Justice" ends the name or
    comes before a head noun or a connector."""
    tokens = item.split()
    if _JUSTICE_ORG_HEADS.isdisjoint(tokens):
        return False
    for i, token in enumerate(tokens):
        if token == "Justice":
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if after is not None and after not in _JUSTICE_ORG_HEADS and after not in _CONNECTORS:
                return False
        elif _JUDICIAL.search(token):
            return False
    return True


_JUSTICE_ORG_HEADS = tables.JUSTICE_ORG_HEADS


def _items(text: str, clean: Callable[[str], str | None] = clean_item) -> list[str]:
    """The cleaned parties of one list; "two groups, A and B" keeps only A and B."""
    pieces = split_items(text)
    if len(pieces) > 1 and ", the " in text:  # every title appositive follows so
        pieces = _without_title_appositives(pieces)
    return _settle([c for c in map(clean, pieces) if c])


# "the commissioner of ...", "the acting director of ...": an office printed after its holder.
_TITLE_OF = re.compile(r"the (?:[a-z][\w'-]* ){0,2}(?P<title>[a-z]+) of ")
_LOWER_TITLES = frozenset(w.lower() for w in tables.OFFICIAL_TITLE_WORDS if w.isalpha())


def _without_title_appositives(pieces: list[str]) -> list[str]:
    """The list without the offices that only describe the person before them ("Teresa Lind,
    the commissioner of the Minnesota Department of Labor, in her official capacity"): the
    person is the party, not the agency the office is of. "Jane Doe, the city of Fresno" keeps
    the city, whose head is no title."""
    out = [pieces[0]]
    for before, piece in pairwise(pieces):
        m = _TITLE_OF.match(piece) if piece.startswith("the ") else None
        if m and m.group("title") in _LOWER_TITLES and looks_like_person(before):
            continue
        out.append(piece)
    return out


def _settle(out: list[str]) -> list[str]:
    """A list's cleaned parties without the words that only stand for others printed with them:
    a counted group whose members follow, an anaphor whose name follows as an appositive."""
    for i, item in enumerate(out):
        if item[:1].isupper():  # neither a counted group nor an anaphor opens with a capital
            continue
        if i + 1 < len(out) and _names_next(item, out[i + 1]):
            # "his publishing company, Mercer Tone Music LLC": the name is the company, printed
            # next to it; read alone, the anaphor would stand for the article's first company.
            return _settle(out[:i] + out[i + 1 :])
        count = _group_count(item)
        if count:
            rest = out[i + 1 :]
            if len(rest) == count and not any(_is_group(r) for r in rest):
                return out[:i] + rest
    return out


def _names_next(item: str, following: str) -> bool:
    """Whether `item` is an anaphor ("publishing company") whose appositive `following` names it:
    the name holds a marker of the anaphor's head ("Mercer Tone Music LLC")."""
    words = item.split()
    markers = tables.ANAPHOR_HEADS.get(words[-1]) if len(words) <= 3 else None
    return markers is not None and any(marker in following for marker in markers)


def _group_count(item: str) -> int | None:
    """N for a counted group ("two immigrant-rights groups", "14 parents"), else None."""
    if not _is_group(item):
        return None
    word = item.split()[0].lower()
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _anaphor_head(phrase: str) -> str | None:
    """The head word ("department") of a short lower-case anaphor the tables know, else None."""
    low = phrase.lower().strip()
    low = _ANAPHOR_ARTICLE.sub("", low)
    words = low.split()
    if not words or len(words) > 3 or words[-1] not in tables.ANAPHOR_HEADS:
        return None
    return words[-1]


def _marker_pattern(head: str, marker: str) -> str:
    if marker.endswith("of"):
        return rf"\b{marker} [{U}][{L}]+(?: [{U}][{L}]+)?"
    if marker[0].isupper() and marker.endswith("."):
        return rf"(?:[{U}][\w&'.-]* ){{1,5}}{re.escape(marker)}"
    if head == "department":
        return (
            rf"(?:U\.S\. )?Department of (?:[{U}][{L}]+)(?: (?:and |& )?[{U}][{L}]+){{0,3}}"
            rf"|(?:[{U}][{L}]+ ){{1,2}}Department\b"
        )
    return rf"(?:[{U}][\w&'.-]* ){{1,4}}{re.escape(marker)}(?: of (?:[{U}][{L}]+ ?){{1,3}})?"


# Each head's markers, each with the literal every match holds ("Department" for departments;
# no match spans a line break) and its pattern, compiled once.
_MARKERS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    head: tuple(
        (
            "Department" if head == "department" else marker,
            re.compile(_marker_pattern(head, marker)),
        )
        for marker in markers
    )
    for head, markers in tables.ANAPHOR_HEADS.items()
}


def _resolve_anaphor(phrase: str, doc: Doc) -> str | None:
    head = _anaphor_head(phrase)
    return _resolve_head(head, doc) if head else None


def _resolve_head(head: str, doc: Doc) -> str | None:
    """The party an anaphor with this head names: the earliest printed name of its kind."""
    text, starts = doc.norm_text, doc.starts
    count = len(starts)
    best: tuple[int, str] | None = None
    limit = len(text)  # sentences ending later cannot hold an earlier name than `best`
    for literal, compiled in _MARKERS[head]:
        # The sentences holding the literal, in order, up to the first whose pattern matches.
        pos = text.find(literal, 0, limit)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            m = compiled.search(doc.sentences[i].norm)
            if m:
                start = starts[i] + m.start()
                if best is None or start < best[0]:
                    best = (start, m.group(0).strip())
                    limit = starts[i + 1] - 1 if i + 1 < count else len(text)
                break
            pos = text.find(literal, starts[i + 1], limit) if i + 1 < count else -1
    if best is None or "Justice" in best[1]:
        # The Justice Department is printed mostly as the government's lawyers ("the Justice
        # Department's bankruptcy watchdog"), seldom as the department a suit names.
        return None
    return clean_item(best[1])


# More candidate mentions than any article has; bounds the work on hostile input.
MAX_FOUND = 400


class _Collector:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.found: list[_Found] = []
        self.order = 0
        self.winners: list[tuple[str, Sentence]] = []
        self.anaphors: dict[str | None, str | None] = {}  # anaphor or head -> name
        self.cleaned: dict[str, list[str]] = {}  # list text -> its cleaned parties
        self.pieces: dict[str, str | None] = {}  # list piece -> its cleaned party
        self.keys: dict[str, list[str]] = {}  # name -> its key tokens
        # The sentence whose rules are running, until its off-topic test is made: the test is
        # made at its first finding, and most visited sentences yield none.
        self.untested: Sentence | None = None
        self.blocked = False  # the sentence whose rules are running is off topic

    def clean(self, piece: str) -> str | None:
        """`clean_item`, once per distinct piece in the article (lists repeat names)."""
        if piece in self.pieces:
            return self.pieces[piece]
        found = self.pieces[piece] = clean_item(piece)
        return found

    def items(self, text: str) -> list[str]:
        """`_items`, once per distinct list text in the article."""
        found = self.cleaned.get(text)
        if found is None:
            found = self.cleaned[text] = _items(text, self.clean)
        return found

    def add(self, text: str, side: str, priority: int, sent: Sentence) -> None:
        items = self.cleaned.get(text)  # `items`, without the call
        if items is None:
            items = self.cleaned[text] = _items(text, self.clean)
        for item in items:
            self.add_one(item, side, priority, sent)

    def allowed(self) -> bool:
        """Whether findings may be kept: not while the rules run on an off-topic sentence."""
        if self.untested is not None:
            self.blocked = _off_topic(self.untested.norm)
            self.untested = None
        return not self.blocked

    def winner(self, text: str, sent: Sentence) -> None:
        if self.allowed():
            self.winners.append((text, sent))

    def add_one(self, item: str, side: str, priority: int, sent: Sentence) -> None:
        if len(self.found) >= MAX_FOUND:
            return
        if self.untested is not None:  # `allowed`, without the call
            self.blocked = _off_topic(self.untested.norm)
            self.untested = None
        if self.blocked:
            return
        if item[0].islower() and not _GROUP.match(item):
            if item not in self.anaphors:
                head = _anaphor_head(item)
                if head not in self.anaphors:  # the answer depends on the head only
                    self.anaphors[head] = _resolve_head(head, self.doc) if head else None
                self.anaphors[item] = self.anaphors[head]
            resolved = self.anaphors[item]
            if resolved is None:
                return
            item = resolved
        self.found.append(_Found(item, side, priority, sent, self.order))
        self.order += 1


def _surname_cache() -> dict[str, str]:
    return {}


def extract_parties(doc: Doc, caption: str | None, criminal_hint: bool) -> PartyLists:
    """Plaintiffs and defendants with the sentence each list came from."""
    col = _Collector(doc)
    criminal = criminal_hint or _mentions_crime(doc.norm_text[:_HEAD], _crime_head(doc))
    sentences = doc.sentences
    # Every visited sentence holds a rule word, and each civil rule word holds one of
    # `_GATE_WORDS`: the gate on those words always passes here.
    for index, mask in _visits(doc, criminal):
        sent = sentences[index]
        norm = sent.norm
        col.untested, col.blocked = sent, False
        while mask:  # the rules of the set bits, lowest first
            bit = mask & -mask
            _RULE_OF_BIT[bit](col, norm, sent)
            mask ^= bit
    col.untested, col.blocked = None, False
    if caption:
        _add_caption(col, caption, criminal)
    _add_winners(col)
    return _finish(col, doc)


def _off_topic(norm: str) -> bool:
    """A question, another case, or a friend-of-the-court filing: no party is read there."""
    if norm.rstrip().endswith("?"):
        return True
    low = norm.lower()
    if any(map(low.__contains__, _OTHER_CASE_WORDS)) and _OTHER_CASE.search(norm):
        return True
    return "amic" in low or "friend-of-the-court" in low


def _sued(col: _Collector, norm: str, sent: Sentence) -> None:
    for m in _SUED.finditer(norm):
        if norm[m.end() : m.end() + 3] == " by" or _PASSIVE_BEFORE.search(
            norm[max(0, m.start() - 12) : m.start()]
        ):
            continue
        subject = read_subject(norm, m.start())
        if subject:
            col.add(subject, "p", 3, sent)
        col.add(read_list(norm, m.end() + 1), "d", 3, sent)
        along = (
            _ALONG_WITH.search(norm, m.end()) if norm.find(" along with ", m.end()) >= 0 else None
        )
        if along:
            col.add(read_list(norm, along.end()), "p", 3, sent)


def _by(col: _Collector, norm: str, sent: Sentence) -> None:
    """The three patterns that hold " by ", in their order."""
    for m in _SUED_BY.finditer(norm):
        col.add(read_list(norm, m.end()), "p", 3, sent)
    if "led by" in norm and "coalition of " in norm:  # every match holds both
        for m in _COALITION_LED.finditer(norm):
            col.add_one(_COALITION_ARTICLE.sub("", m.group("grp")), "p", 3, sent)
    for m in _BY.finditer(norm):
        if "amicus" in m.group("gap") or "brief" in m.group("gap"):
            continue
        before = norm[max(0, m.start() - 100) : m.start()] + " " + m.group("gap")
        if not _case_noun_before(before):
            continue
        listed = read_list(norm, m.end())
        # Only a defendant moves to dismiss the case against it.
        col.add(listed, "d" if _DISMISSAL_BID.search(before) else "p", 3, sent)
        # "brought by X against Y": the list ends at "against", and Y is sued.
        end = m.end() + len(listed)
        if norm.startswith(" against ", end):
            col.add(read_list(norm, end + 9), "d", 3, sent)


def _named_plaintiffs(col: _Collector, norm: str, sent: Sentence) -> None:
    for m in _NAMED_PLAINTIFFS.finditer(norm):
        if _COUNSEL_FOR.search(norm[max(0, m.start() - 40) : m.start()]):
            continue
        col.add(read_list(norm, m.end()), "p", 3, sent)


def _alleged(col: _Collector, norm: str, sent: Sentence) -> None:
    for m in _ALLEGED.finditer(norm):
        subject = read_subject(norm, m.start())
        if subject and subject[0].isupper():
            col.add(subject, "p", 1, sent)


def _winners(col: _Collector, norm: str, sent: Sentence) -> None:
    for m in _WINNERS.finditer(norm):
        col.winner(read_list(norm, m.end()), sent)


def _who_challenged(col: _Collector, norm: str, sent: Sentence) -> None:
    for m in _WHO_CHALLENGED.finditer(norm):
        col.add(read_subject(norm, m.end("end")), "p", 2, sent)


def _led_with(col: _Collector, norm: str, sent: Sentence) -> None:
    for m in _LED_WITH.finditer(norm):
        col.add(read_subject(norm, m.start()), "p", 3, sent)
        col.add(read_list(norm, m.end()), "p", 3, sent)


def _against(col: _Collector, norm: str, sent: Sentence) -> None:
    for m in _THAT_FILED_AGAINST.finditer(norm):
        col.add(m.group("p"), "p", 3, sent)
        col.add(read_list(norm, m.end()), "d", 3, sent)
    for m in _AGAINST.finditer(norm):
        col.add(read_list(norm, m.end()), "d", 2, sent)


# Every match of both patterns of `_named_defendants` holds one of these.
_AS_DEFENDANT = (" as defendant", " as co-defendant", " as codefendant")


def _named_defendants(col: _Collector, norm: str, sent: Sentence) -> None:
    if "named" not in norm or not has_any(norm, _AS_DEFENDANT):
        return
    for m in _NAMED_AS.finditer(norm):
        col.add(m.group("d"), "d", 3, sent)
    for m in _WERE_NAMED.finditer(norm):
        col.add(read_subject(norm, m.start()), "d", 3, sent)


def _in_favor(col: _Collector, norm: str, sent: Sentence) -> None:
    for m in _IN_FAVOR.finditer(norm):
        col.add(m.group("p"), "p", 3, sent)
        col.add(read_list(norm, m.end()), "d", 3, sent)


def _found_violated(col: _Collector, norm: str, sent: Sentence) -> None:
    for m in _FOUND_VIOLATED.finditer(norm):
        col.add(m.group("d"), "d", 2, sent)


def _criminal_list(col: _Collector, norm: str, sent: Sentence) -> None:
    if has_any(norm, _LIST_WORDS):
        for m in _DEFENDANT_CRIMINAL_LIST.finditer(norm):
            col.add(read_list(norm, m.end()), "d", 3, sent)


def _criminal_name(which: int) -> Callable[[_Collector, str, Sentence], None]:
    pattern, literals = _DEFENDANT_CRIMINAL[which]

    def run(col: _Collector, norm: str, sent: Sentence) -> None:
        if has_any(norm, literals):
            for m in pattern.finditer(norm):
                col.add(trim_name(m.group("d")), "d", 3, sent)

    return run


def _prosecutor(which: int) -> Callable[[_Collector, str, Sentence], None]:
    pattern, literals = _PROSECUTOR[which]

    def run(col: _Collector, norm: str, sent: Sentence) -> None:
        if has_any(norm, literals):
            for m in pattern.finditer(norm):
                col.add_one(_THE.sub("", m.group("p")), "p", 3, sent)

    return run


# Every rule in the order it is applied to a sentence, with words one of which any sentence it
# can match holds (each word also holds one of `_GATE_WORDS`, or the rule is criminal-only); the
# sentences to visit are found by one search of the whole text per word. A longer word is found
# faster: the search skips further past each character the word does not hold.
def _list_after(
    pattern: re.Pattern[str] | _Anchored, side: str, priority: int
) -> Callable[[_Collector, str, Sentence], None]:
    """A rule whose parties are the list printed after each match ("defendants are A and B")."""

    def rule(col: _Collector, norm: str, sent: Sentence) -> None:
        for m in pattern.finditer(norm):
            col.add(read_list(norm, m.end()), side, priority, sent)

    return rule


def _subject_before(
    pattern: re.Pattern[str] | _Anchored, side: str, priority: int
) -> Callable[[_Collector, str, Sentence], None]:
    """A rule whose party is the subject of each match's clause ("A filed the suit")."""

    def rule(col: _Collector, norm: str, sent: Sentence) -> None:
        for m in pattern.finditer(norm):
            col.add(read_subject(norm, m.start()), side, priority, sent)

    return rule


_co_plaintiff = _subject_before(_CO_PLAINTIFF, "p", 3)
_defendants_are = _list_after(_DEFENDANTS_ARE, "d", 3)
_accusing = _list_after(_ACCUSING, "d", 2)
_won_approval = _subject_before(_WON_APPROVAL, "p", 2)
_filed_the = _subject_before(_FILED_THE, "p", 2)

_RULE_TABLE: tuple[tuple[Callable[[_Collector, str, Sentence], None], tuple[str, ...]], ...] = (
    (_sued, ("sue", "suing")),
    (_by, (" by ",)),
    (_named_plaintiffs, ("plaintiff",)),
    (_alleged, ("allege", "contend")),
    (_winners, ("in favor of ", "judgment", "sided with ")),
    (_co_plaintiff, ("plaintiff",)),
    (_led_with, ("led the ",)),
    (_who_challenged, ("challenged",)),
    (_against, ("against",)),
    (_named_defendants, ("defendant",)),  # both patterns need "named" and "defendant"
    (_defendants_are, ("defendant",)),
    (_accusing, ("accus",)),
    (_won_approval, ("approval",)),
    (_filed_the, ("filed",)),
    (_in_favor, ("in favor of ",)),
    (_found_violated, ("found", "finds", "concluded")),
)
_CRIMINAL_TABLE: tuple[tuple[Callable[[_Collector, str, Sentence], None], tuple[str, ...]], ...] = (
    (_criminal_list, ("sentenc", "convict", "trial", "prosecution")),
    (_criminal_name(0), ("sentenc", "convict")),
    (_criminal_name(1), ("petitioner, ", "defendant", "appellant, ")),
    (_criminal_name(2), ()),  # sentences with ", " and a digit: `_COMMA_DIGIT`
    (_prosecutor(0), ("Office",)),
    (_prosecutor(1), (" for the State of ",)),
)
_RULES = tuple(rule for rule, _ in _RULE_TABLE + _CRIMINAL_TABLE)
_RULE_OF_BIT = {1 << bit: rule for bit, rule in enumerate(_RULES)}


def _word_masks(table: tuple, first_bit: int) -> dict[str, int]:
    masks: dict[str, int] = {}
    for bit, (_, words) in enumerate(table, first_bit):
        for word in words:
            masks[word] = masks.get(word, 0) | 1 << bit
    return masks


_CIVIL_MASKS = _word_masks(_RULE_TABLE, 0)
_ALL_MASKS = _CIVIL_MASKS | {
    word: _CIVIL_MASKS.get(word, 0) | mask
    for word, mask in _word_masks(_CRIMINAL_TABLE, len(_RULE_TABLE)).items()
}
_COMMA_DIGIT = re.compile(r", \d")
_COMMA_DIGIT_MASK = 1 << (len(_RULE_TABLE) + 3)


def _visits(doc: Doc, criminal: bool) -> list[tuple[int, int]]:
    """(sentence index, bit mask of the rules that can match there), in sentence order."""
    text, starts = doc.norm_text, doc.starts
    find = text.find
    last = len(starts) - 1
    masks: dict[int, int] = {}
    for word, mask in (_ALL_MASKS if criminal else _CIVIL_MASKS).items():
        pos = find(word)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            masks[i] = masks[i] | mask if i in masks else mask
            if i == last:
                break
            pos = find(word, starts[i + 1])
    if criminal:
        pos = 0
        while (m := _COMMA_DIGIT.search(text, pos)) is not None:
            i = bisect_right(starts, m.start()) - 1
            masks[i] = masks.get(i, 0) | _COMMA_DIGIT_MASK
            if i == last:
                break
            pos = starts[i + 1]
    return sorted(masks.items())


# How much of the article's start `_mentions_crime` reads.
_HEAD = 4000


def _folded_head(doc: Doc) -> str:
    """`fold(doc.norm_text[:_HEAD])`, folded a sentence at a time: most sentences are ASCII and
    lower-case fast, where a whole text with one dash lower-cases character by character. Folding
    maps each character on its own but for a final sigma, whose context never crosses the line
    breaks that join the sentences: the pieces joined are the whole folded."""
    starts = doc.starts
    count = bisect_right(starts, _HEAD)
    if not count:
        return fold(doc.norm_text[:_HEAD])
    pieces = [fold(sent.norm) for sent in doc.sentences[: count - 1]]
    pieces.append(fold(doc.norm_text[starts[count - 1] : _HEAD]))
    return "\n".join(pieces)


# The non-ASCII characters news text prints most: dashes, which fold to themselves.
_DASHES = ("\u2014", "\u2013")


def _crime_head(doc: Doc) -> str:
    """The article's start as `_mentions_crime` reads it: its fold, or with its dashes made "?"
    when no other character is non-ASCII, lower-cased whole. No ASCII word holds a dash or a
    "?", so each is found where it is found in the fold; a text made ASCII so lower-cases fast,
    where folding it a sentence at a time costs several times as much."""
    head = doc.norm_text[:_HEAD]
    if not head.isascii():
        for dash in _DASHES:
            head = head.replace(dash, "?")
        if not head.isascii():
            return _folded_head(doc)
    return head.lower()  # what `fold` does with ASCII text


def _mentions_crime(head: str, folded: str | None = None) -> bool:
    """`_CRIMINAL` searched from the first of its words: every match starts with one of them.
    `folded`: `fold(head)` when already made."""
    if folded is None:
        folded = fold(head)
    found = [p for p in map(folded.find, _CRIMINAL_WORDS) if p >= 0]
    if not found:
        return False
    # Offsets agree only when folding kept every character one character long.
    start = min(found) if len(folded) == len(head) else 0
    return bool(_CRIMINAL.search(head, start))


def _add_winners(col: _Collector) -> None:
    """Everyone the court ruled for stands with the known party among them."""
    if not col.winners:
        return
    keys = col.keys
    for text, sent in col.winners:
        items = col.items(text)
        for item in items:
            if item not in keys:
                keys[item] = _key_tokens(item)
        # `_same_keys` both ways, each name's key tokens computed once; each side is looked for
        # only until it is seen, and only a single side is used.
        keyed = [(item, keys[item]) for item in items]
        sides: set[str] = set()
        for f in col.found:
            if f.priority < 1 or f.side in sides:
                continue
            name = f.name
            tb = keys.get(name)
            if tb is None:
                tb = keys[name] = _key_tokens(name)
            for item, ta in keyed:
                # `_same_keys` one way or the other: the shorter key list (either, when as long)
                # opens or closes the longer.
                short, longer = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
                width = len(short)
                if item == name or (
                    width and (longer[:width] == short or longer[-width:] == short)
                ):
                    sides.add(f.side)
                    break
            if len(sides) > 1:
                break
        if len(sides) == 1:
            side = sides.pop()
            for item in items:
                col.add_one(item, side, 1, sent)


_ET_AL = re.compile(r",?\s+et al\.?$")


def _first_printing(doc: Doc, caption: str) -> Sentence | None:
    """The first body sentence whose text holds the caption: without a line break the caption
    lies inside one sentence of the joined text, found by one search."""
    if "\n" in caption:
        return next((s for s in doc.sentences if caption in s.text), None)
    pos = doc.raw_text.find(caption)
    return doc.at(pos)[0] if pos >= 0 else None


def _add_caption(col: _Collector, caption: str, criminal: bool) -> None:
    parts = _CAPTION_SPLIT.split(caption, maxsplit=1)
    if len(parts) != 2:
        return
    left, right = (_ET_AL.sub("", p) if "et al" in p else p for p in map(str.strip, parts))
    if criminal and _GOVERNMENT.match(right):
        left, right = right, left
    sent = _first_printing(col.doc, caption)
    if sent is None:
        return
    col.add(left, "p", 1, sent)
    col.add(right, "d", 1, sent)


_KEY_SKIP = frozenset(("the", "of", "and"))


def _key_tokens(name: str) -> list[str]:
    # Lower-casing neither makes nor removes white space: the tokens of the lower-cased name
    # are the lower-cased tokens. Without a comma or a dot, stripping them changes no token.
    low = name.lower()
    if "," not in low and "." not in low:
        return [t for t in low.split() if t not in _KEY_SKIP]
    return [t.strip(",.") for t in low.split() if t not in _KEY_SKIP]


def _same_keys(a: str, b: str, keys: dict[str, list[str]]) -> bool:
    """Whether `a` is a short form of `b` ("Kansas"/"State of Kansas", "Rowe"/"Kalista Rowe"),
    given the key tokens of both."""
    if a == b:
        return True
    ta, tb = keys[a], keys[b]
    if not ta or len(ta) > len(tb):
        return False
    return bool(tb[: len(ta)] == ta or tb[-len(ta) :] == ta)


def _finish(col: _Collector, doc: Doc) -> PartyLists:
    cache = _surname_cache()
    text = doc.norm_text
    resolved: list[tuple[str, _Found]] = []  # each mention under its final name
    names_seen: dict[str, str | None] = {}
    non_party: dict[str, bool] = {}
    for f in col.found:
        if f.name in names_seen:
            final = names_seen[f.name]
            if final is not None:
                resolved.append((final, f))
            continue
        names_seen[f.name] = None
        name = f.name  # acronyms stay as printed ("IRS")
        if " " not in name and not _ACRONYM.match(name) and name not in _STATE_NAMES:
            org = _org_for(doc, name)
            if org and any(g.name == org and g.sentence is f.sentence for g in col.found):
                # "Mercer and his company, Mercer Tone Music LLC": a list does not name one
                # party twice, so the short form is someone else (the person, "Dwayne Mercer").
                org = None
            name = org if org else expand_surname(name, text, cache)
        if name not in non_party:
            non_party[name] = _is_non_party_person(name, text)
        if non_party[name]:
            continue
        names_seen[f.name] = name
        resolved.append((name, f))
    # Merge short forms into the fullest form printed.
    # Ties in length keep the order the names were found in, so the same article always
    # merges a short form into the same longer name ("Smith": "Jane Smith" before "John Smith").
    names = sorted(dict.fromkeys(name for name, _ in resolved), key=len, reverse=True)
    known = col.keys
    keyed = [(n, len(n), t, len(t)) for n in names for t in (known.get(n) or _key_tokens(n),)]
    canonical: dict[str, str] = {}
    for name, size, ta, width in keyed:
        target = None
        if width:  # no key tokens: a short form of nothing
            first, last = ta[0], ta[-1]
            # `_same_keys` inlined, the end tokens compared before the slices; the names longer
            # than `name` lead the list (longest first).
            for longer, longer_size, tb, longer_width in keyed:
                if longer_size <= size:
                    break
                if width <= longer_width and (
                    (tb[0] == first and tb[:width] == ta) or (tb[-1] == last and tb[-width:] == ta)
                ):
                    target = longer
                    break
        canonical[name] = canonical.get(target, target) if target else name
    best_side: dict[str, tuple[int, str, int]] = {}
    for name, f in resolved:
        key = canonical[name]
        current = best_side.get(key)
        if current is None or f.priority > current[0]:
            best_side[key] = (f.priority, f.side, min(f.order, current[2]) if current else f.order)
    out = PartyLists()
    ordered = sorted(best_side.items(), key=lambda kv: kv[1][2])
    for key, (_, side, _) in ordered:
        (out.plaintiffs if side == "p" else out.defendants).append(key)
    out.plaintiffs = _drop_covered_groups(out.plaintiffs)
    out.defendants = _drop_covered_groups(out.defendants)
    for name, f in resolved:
        field_name = "plaintiffs" if f.side == "p" else "defendants"
        key = canonical[name]
        if key in getattr(out, field_name) and field_name not in out.evidence:
            out.evidence[field_name] = f.sentence.text
            if len(out.evidence) == 2:  # both sides have their sentence
                break
    return out


_CORP = r"(?:Inc\.|LLC|L\.P\.|LP|LLP|Co\.|Corp\.|Corporation|Company|Ltd\.|PLC)"
_CORP_WORDS = ("Inc.", "LLC", "L.P.", "LP", "Co.", "Corp.", "Corporation", "Company", "Ltd.", "PLC")
# `\b[{U}]...` with the capital read first and the boundary checked behind it (the capital is a
# word character, so the boundary means no word character before it): the engine skips every
# position that does not hold a capital instead of trying the pattern there.
_ORG_NAME = re.compile(rf"[{U}](?<!\w.)[\w&.'-]*(?: (?:[{U}][\w&.'-]*|&|and|of)){{0,5}} {_CORP}")


def _org_for(doc: Doc, name: str) -> str | None:
    """The first company name printed with a corporate suffix that starts with the one-word
    short form `name` ("Gulfstream" -> "Gulfstream Coastal Insurance Co.")."""
    prefix = name + " "
    if "\n" in prefix:
        return None  # no company name spans a line break
    # A match never spans a line break, so only sentences holding both the short form and a
    # suffix can hold it.
    # The sentences holding the short form are found one at a time: the first company name
    # ends the search.
    text, starts = doc.norm_text, doc.starts
    count = len(starts)
    pos = text.find(prefix)
    while pos >= 0:
        i = bisect_right(starts, pos) - 1
        norm = doc.sentences[i].norm
        if has_any(norm, _CORP_WORDS):
            found = _org_in(norm, prefix, pos - starts[i])
            if found is not None:
                return found
        pos = text.find(prefix, starts[i + 1]) if i + 1 < count else -1
    return None


# Characters no company name holds: one before a place bounds the names that can cover it.
_ORG_BARRIERS = (",", ";", '"', "(")
# Where a match of `_ORG_NAME` can start: its first character and the boundary before it.
_ORG_START = re.compile(rf"[{U}](?<!\w.)")


def _org_in(norm: str, prefix: str, at: int) -> str | None:
    """The first company name `_ORG_NAME.finditer(norm)` yields that starts with `prefix`,
    printed first at `at`. Such a name starts where the prefix is printed; it is yielded unless an
    earlier match covers its start, and an earlier match covering it starts after the last
    barrier character before it. The search is followed from there (or from where it was
    followed to) only up to each place whose name matches, trying only capitals that can open a
    match: each capital of the sentence once, where the search through the whole sentence tries
    every one of them."""
    followed = end = 0  # the search is followed up to `followed`; its last match ends at `end`
    while at >= 0:
        found = _ORG_NAME.match(norm, at)
        if found is not None:
            start = max([norm.rfind(char, followed, at) for char in _ORG_BARRIERS]) + 1
            if start > followed:
                # No match crosses the barrier: the places after it are all tried.
                followed = end = start
            for capital in _ORG_START.finditer(norm, followed, at):
                place = capital.start()
                if place >= end and (m := _ORG_NAME.match(norm, place)) is not None:
                    end = m.end()
            followed = at
            if end <= at:
                return found.group(0)
        at = norm.find(prefix, at + 1)
    return None


_STATE_NAMES = frozenset(tables.US_STATES.split("|"))
_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
_COUNTED_STATES = re.compile(r"(?:coalition of )?(\w+) (?:other )?states$")


def _drop_covered_groups(names: list[str]) -> list[str]:
    """ "a coalition of five other states" adds nothing when all five are named."""
    if "other" not in "\x00".join(names):  # no counted group: nothing to drop
        return names
    named_states = [n for n in names if n in _STATE_NAMES or n.startswith("State of ")]
    out = []
    for name in names:
        m = _COUNTED_STATES.match(name) if "other" in name else None
        if m:
            word = m.group(1)
            count = int(word) if word.isdecimal() else _NUMBERS.get(word, 99)
            if len(named_states) - 1 >= count:
                continue
        out.append(name)
    return out


_ROLE_BEFORE = re.compile(rf"(?:{tables.NON_PARTY_ROLES})(?: for [^.,]{{1,60}})?,? $", re.I)
_ROLE_AFTER = re.compile(
    rf"^, (?:a |an |the )?(?:[\w-]+ ){{0,4}}(?:{tables.NON_PARTY_ROLES})\b", re.I
)


def _is_non_party_person(name: str, text: str) -> bool:
    """A person the article presents as a spokesperson, lawyer or commentator."""
    if not looks_like_person(name):
        return False
    size = len(name)
    pos = text.find(name)
    while pos >= 0:
        # Both patterns need a role word; the one before also ends in a space (or a space and
        # the final line break `$` allows), the one after starts with ", ": the windows are cut
        # only when they do.
        low = max(0, pos - 90)
        if text.endswith((" ", " \n"), low, pos) and _role_before(text[low:pos]):
            return True
        if text.startswith(", ", pos + size):
            after = text[pos + size : pos + size + 60]
            if _has_role(after) and _ROLE_AFTER.match(after):
                return True
        pos = text.find(name, pos + 1)
    return False


def _has_role(text: str) -> bool:
    return has_any(fold(text), tables.NON_PARTY_ROLE_WORDS)


def _role_before(before: str) -> bool:
    """Whether `_ROLE_BEFORE` matches in `before`. Every match opens with a role word, so the
    pattern is tried only where the folded text prints one (offsets agree when folding kept
    every character one character long); a search from each position in turn costs several
    microseconds on a window, as the pattern opens with a case-insensitive alternation."""
    low = fold(before)
    if not has_any(low, tables.NON_PARTY_ROLE_WORDS):
        return False
    if len(low) != len(before):
        return _ROLE_BEFORE.search(before) is not None
    match = _ROLE_BEFORE.match
    for word in tables.NON_PARTY_ROLE_WORDS:
        pos = low.find(word)
        while pos >= 0:
            if match(before, pos):
                return True
            pos = low.find(word, pos + 1)
    return False
