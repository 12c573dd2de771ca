"""Decision events (verb + class) in the lead, and from them the outcome class, text and motion.

An outcome verb counts only when the court did it: "sought to block", "could strike down",
"had dismissed" and "asked the court to halt" are intent, hypothesis or background, not events;
"declined to dismiss" and "refused to block" are denials. Classes found in the headline and the
lead are combined by the documented precedence (sentenced first, other last).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from re import _parser as _sre  # type: ignore[attr-defined]
from typing import Any

from summarizer import tables
from summarizer.facts import Outcome
from summarizer.gates import fold, gated, has_any, positions
from summarizer.text import Doc, Sentence

_PATTERNS = [
    (re.compile(p, re.I), cls, informal, frozenset(tables.OUTCOME_TRIGGERS[i].split("|")))
    for i, (p, cls, informal) in enumerate(tables.OUTCOME_PATTERNS)
]
_CLAUSE_BREAK_WORDS = ("and", "but", "while", "after", "because", "as", "which", "who")
# The words before a verb, read backwards from it: the text before it reversed, matched from its
# start, gives the nearest four words (each reversed) up to a clause-break character; a word
# that holds a clause-break word (a whole run of word characters) ends the clause there.
_BREAK_CHARS = ",;:—("
_LAST_WORDS_REVERSED = re.compile(
    rf"[^\w'{_BREAK_CHARS}]*" + rf"(?:([\w']+)[^\w'{_BREAK_CHARS}]*" * 4 + ")?" * 4
)
_BREAKS_REVERSED = frozenset(w[::-1] for w in _CLAUSE_BREAK_WORDS)
_WORDS = re.compile(r"[\w']+")
_ACTOR = re.compile(tables.JUDICIAL_ACTORS, re.I)
_DISTRACTOR = gated(tables.DISTRACTOR_CUES, "|".join(tables.DISTRACTOR_KEYWORDS), re.I)
_MOTIONS = [
    (re.compile(p, re.I), name, tuple(triggers.split("|")))
    for (p, name), triggers in zip(tables.MOTIONS, tables.MOTION_TRIGGERS, strict=True)
]
_PRECEDENCE = {cls: i for i, cls in enumerate(tables.OUTCOME_PRECEDENCE)}
# The name after "sided with": up to a clause break; a capital's initial ("U.S.") is no break.
_RULED_FOR_TARGET = re.compile(
    r"\s*(?:the )?(?P<who>[^,.;]{1,80}(?:(?<=\b[A-Z])\.[^,.;]{0,80}){0,4})"
)
_DENIAL_WORDS = re.compile(r"(?:declin|refus|won't|will not|would not|did not|does not)", re.I)
LEAD_SENTENCES = 3


@dataclass(slots=True)
class Event:
    cls: str
    sentence: Sentence
    start: int
    end: int
    informal: bool
    target: str | None = None  # for ruled_for (ruled_against): who the court ruled for (against)
    # what the sentence itself says the target did: "plaintiff" for ", which sued ...",
    # "defendant" for ", which was sued ...", None when it says neither
    role: str | None = None


def _is_intent_or_negated(norm: str, start: int, cls: str) -> bool:
    """Whether the words just before the verb make it intent, negation, hypothesis or background:
    the last four words of the 60 characters before it, after the last clause break."""
    words = _words_before(norm, start)
    if cls == "sentenced" and words[-1:] == ["will"]:
        return False
    if words and words[-1] in ("was", "were", "been", "be", "is", "are", "has", "have"):
        words = words[:-1] if words[-1] not in ("be",) else words
        if words and words[-1] == "had":
            return True
    # A word that ends in "n't" is followed by the space that joins it to the next.
    return not tables.NON_EVENT_PRECEDERS.isdisjoint(words) or "n't " in " ".join(words) + " "


def _words_before(norm: str, start: int) -> list[str]:
    """The last four words (`[\\w']+`, lower-cased) of the 60 characters before `start` that
    follow the last clause break there, in order: one anchored match of the reversed text
    instead of a search for the break and a scan of the words."""
    if start <= 0:
        return []
    low = start - 61
    back = norm[start - 1 : low if low >= 0 else None : -1]
    found = _LAST_WORDS_REVERSED.match(back)
    words: list[str] = []
    for token in found.groups() if found else ():
        if token is None:
            break
        if token in _BREAKS_REVERSED:
            break
        if "'" in token:
            runs = token.split("'")
            cut = next((j for j, run in enumerate(runs) if run in _BREAKS_REVERSED), -1)
            if cut >= 0:
                if cut:  # the part of the word after the break word (an apostrophe first)
                    words.append(("'".join(runs[:cut]) + "'")[::-1].lower())
                break
        words.append(token[::-1].lower())
    words.reverse()
    return words


def _event(
    sent: Sentence, norm: str, m: re.Match[str], cls: str, informal: bool, has_actor: bool
) -> Event | None:
    """The match as a decision event, or None when intent, negation, a noun or hearsay (each
    test is pure: the cheapest are asked first)."""
    if not has_actor and cls != "sentenced":
        return None
    start = m.start()
    if cls == "sentenced" and _future_sentencing(sent, norm, m):
        return None
    if _subordinate_other_actor(norm, start):
        return None
    if cls == "other" and _background_ruled_that(norm, start):
        return None
    if _is_intent_or_negated(norm, start, cls) and not (
        cls == "denied" and _DENIAL_WORDS.match(m.group(0))
    ):
        return None
    if cls == "blocked" and _noun_use(norm, start):
        return None
    if _describes_reviewed_decision(norm, start):
        return None
    if not sent.is_headline and _loose_gerund(norm, m):
        return None
    if cls == "uphold":
        resolved = _uphold_class(norm, m.end())
        if resolved is None:
            return None
        cls = resolved
    if cls == "holding":
        cls = "struck_down" if m.start("law") >= 0 else "ruled_for_plaintiffs"
    elif cls == "verdict_found":
        cls = "verdict_defendants" if m.start("cleared") >= 0 else "verdict_plaintiffs"
    if cls in _VERDICTS:
        if not _verdict_verb(norm, m) or _background_verdict(norm, start):
            return None
        cls = _VERDICTS[cls]
    if cls == "undone":
        resolved = _undone_class(_words_before(norm, start))
        if resolved is None:
            return None
        cls = resolved
    if cls == "ruled_side":
        if norm[start : start + 5].lower() == "rules" and not _rules_verb(norm, start):
            return None
        cls = "ruled_against" if _AGAINST.search(m.group(0)) else "ruled_for"
    if cls in _SIDE_CLASSES:
        target, role = _target(norm, m)
        if (
            role is None
            and norm[start : start + 7].lower() == "awarded"
            and not _DEFENDANT_WORD.match((target or "").lower())
        ):
            role = "plaintiff"  # damages go to the side that sued; costs may go to the defence
        return Event(cls, sent, start, m.end(), informal, target, role)
    return Event(cls, sent, start, m.end(), informal)


# A subordinate clause's opening and subject, just before the verb: "after the administration ".
_SUBORDINATE_SUBJECT = re.compile(
    r"\b(?:after|because|since|before|once|until|although|though|if|when|while) "
    r"((?:[\w'’.-]+ ){1,4})$",
    re.I,
)
# Who may have decided, named in a subordinate clause's subject.
_DECIDERS = frozenset(
    ("judge", "judges", "court", "courts", "justices", "justice", "panel", "chancellor",
     "magistrate", "jury", "jurors", "he", "she", "it", "commission", "board", "arbitrator")
)  # fmt: skip


def _subordinate_other_actor(norm: str, start: int) -> bool:
    """Whether the verb is in a subordinate clause whose subject is no court: in "sued in April
    after the administration froze the funding", the freezing is what the suit was about."""
    if start < 4:
        return False
    found = _SUBORDINATE_SUBJECT.search(norm, max(0, start - 60), start)
    return found is not None and _DECIDERS.isdisjoint(found.group(1).lower().split())


def _background_ruled_that(norm: str, start: int) -> bool:
    """Whether a bare "ruled that" tells of an earlier decision: in a relative clause ("Judge X,
    who ruled that ...") or dated before this one ("last year"), it is background, and a bare
    "ruled that" has no kind of its own to outweigh that."""
    before = norm[max(0, start - 12) : start].lower()
    if before.endswith(("who ", "which ", "that ", "had ")):
        return True
    return _EARLIER.search(norm) is not None and not names_ruling_day_text(norm)


# "when Judge X sentences him in June": a present-tense "sentences" after one of these words tells
# of a sentencing still to come.
_FUTURE_SENTENCING = re.compile(r"\b(?:when|once|until|before|after|if)\b", re.I)


def _future_sentencing(sent: Sentence, norm: str, m: re.Match[str]) -> bool:
    """Whether the match is a sentencing still to come, as a body sentence says it ("faces up to
    20 years when Judge X sentences him"); a headline's present tense is the news itself."""
    if sent.is_headline or not norm.startswith("sentences", m.start()):
        return False
    return _FUTURE_SENTENCING.search(norm, max(0, m.start() - 80), m.start()) is not None


# The end of a relative clause's opening, just before its verb: "a ruling that (had) ",
# "the order, which ", "a decision that wrongly ".
_RELATIVE_OPENING = re.compile(
    r"\b(?:that|which)(?: (?:had|has|have|was|were|been|is|are)){0,2}(?: \w+ly){0,2} $", re.I
)
# A decision under review, named as the object of a verb that reviews, appeals or lets stand
# it: the verb, a few words, the decision noun and who made it, up to the relative clause.
_REVIEWED_DECISION = re.compile(
    rf"\b(?:{tables.REVIEW_VERBS})\b(?: [^ ,;]+){{0,10}}? (?:{tables.REVIEWED_DECISION_NOUNS})"
    r"(?: (?:by|of|from|in|issued by|handed down by) [^,;]{1,80}?)?,?$",
    re.I,
)


def _describes_reviewed_decision(norm: str, start: int) -> bool:
    """Whether the verb opens a relative clause on a decision that the sentence's main verb
    reviews: in "affirmed a board decision that invalidated the claims" (or "a board ruling
    invalidating the claims") and "vacated an injunction that barred the city", the inner verb
    tells what the earlier decision did, and taken as the news it would report the outcome
    reversed. A decision issued now ("issued an
    order that blocks the rule") keeps its clause."""
    if norm[start : start + 30].split(" ", 1)[0].lower().endswith("ing"):
        # A reduced clause: "affirmed a board ruling invalidating the claims".
        head = norm[max(0, start - 250) : start].rstrip()
        if _REVIEWED_DECISION.search(head) is not None:
            return True
    tail = norm[max(0, start - 40) : start]
    if "that " not in tail and "which " not in tail and "That " not in tail:
        return False
    opening = _RELATIVE_OPENING.search(tail)
    if opening is None:
        return False
    end = start - len(tail) + opening.start()
    head = norm[max(0, end - 250) : end].rstrip()
    return _REVIEWED_DECISION.search(head) is not None


_VERDICTS = {
    "verdict_plaintiffs": "ruled_for_plaintiffs",
    "verdict_defendants": "ruled_for_defendants",
}
_EARLIER = re.compile(tables.EARLIER_TIME, re.I)
# A subordinating word before the verdict in its clause: "Because he was convicted ...".
_SUBORDINATORS = tables.words(
    "because since after although though when once until before while if as"
)


_VERDICT_OBJECT = re.compile(
    r" (?-i:[A-Z]|(?:him|her|them|the|a|an|two|three|four|five|six|both|all)\b)"
)


def _verdict_verb(norm: str, m: re.Match[str]) -> bool:
    """ "convicted" and "acquitted" as a verdict: passive ("was convicted") or with whom they
    name after them ("convicted Holt"), not an adjective ("a convicted felon")."""
    word = m.group(0).lower()
    if word not in ("convicted", "acquitted", "acquits"):
        return True
    before = _WORDS.findall(norm[max(0, m.start() - 12) : m.start()])
    if before and before[-1].lower() in ("was", "were"):
        return True
    return _VERDICT_OBJECT.match(norm, m.end()) is not None


def _background_verdict(norm: str, start: int) -> bool:
    """Whether a verdict is the story's background, not its news: dated earlier ("convicted in
    March", "in 2019") with no ruling day named, told as a reason or a time ("because he was
    convicted", "after a jury convicted him") or of whom a relative clause speaks."""
    if _EARLIER.search(norm) is not None and not names_ruling_day_text(norm):
        return True
    before = norm[max(0, start - 60) : start]
    words = [w.lower() for w in _WORDS.findall(re.split(r"[,;:(—]", before)[-1])]
    # "a man who was convicted of ...": the verdict describes someone in another story
    return not _SUBORDINATORS.isdisjoint(words) or words[-1:] in (["who"], ["that"], ["which"])


_SIDE_CLASSES = ("ruled_for", "ruled_against")
# In a "ruled_side" match, the words that make it a ruling against the side named.
_AGAINST = re.compile(r"\b(?:against|blow|defeat|loss|setback|rebuke)\b", re.I)


def _target(norm: str, m: re.Match[str]) -> tuple[str | None, str | None]:
    """Who a side-taking verb names ("sided with X", "handed X a victory"), and the part a
    relative clause right after the name says X plays in the suit."""
    if m.re.groupindex and m.start("who") >= 0:
        start, end = m.span("who")
        target = norm[start:end].strip()
        if target[:4].lower() == "the ":
            target = target[4:]
    else:  # the name follows the match
        t = _RULED_FOR_TARGET.match(norm, m.end())
        if t is None:
            return None, None
        start, end = t.span("who")
        target = norm[start : min(end, start + 80)]
    # The relative clause holds one of its verbs, most often not there: looked for first.
    near = norm[start : start + 200]
    if "sued" in near or "filed" in near or "brought" in near or "challenged" in near:
        found = _PARTY_ROLE.match(norm, start)
        if found is not None:
            return target or None, "defendant" if found.group("sued") else "plaintiff"
    return target or None, None


# A party's name (a few words, none a preposition or conjunction that would start another
# phrase), then a relative clause that says it brought the suit or was sued.
_NAME_WORD = (
    r"(?!(?:in|into|against|over|on|at|by|with|from|to|under|after|before|during|but|while|"
    r"because|as|when|where|which|who|that)\b)[\w.&'-]+"
)
_PARTY_ROLE = re.compile(
    rf"(?:{_NAME_WORD} ){{0,7}}?{_NAME_WORD},? (?:which|who|that) (?:(?:had|has|have) )?"
    r"(?:(?P<sued>(?:been |was |were )sued\b)|(?:first |originally |previously )?(?:sued\b|"
    r"(?:filed|brought) (?:the |a |an |this )?(?:[\w-]+ )?(?:lawsuit|suit|complaint|case|"
    r"challenge|action|claims)\b|challenged\b))",
    re.I,
)


# --- patterns tried only where they can begin --------------------------------------------------
# Python's regex engine tries a case-insensitive pattern that opens with a word boundary at every
# character of the text: microseconds per pattern and sentence. Nearly every pattern here opens
# with one of a few whole words. Read from the parsed pattern, those words say which patterns can
# match a sentence at all (one set intersection with the sentence's words) and where (the few
# offsets at which an opening occurs in the folded sentence, whose offsets are the sentence's).


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


# Every byte but an ASCII letter, digit or underscore becomes a space: split, the bytes give the
# ASCII words of a text, and each whole word of the text that is ASCII is one of them (a
# non-ASCII letter only splits a word in two, which can add a candidate but never hide one).
_ASCII_WORDS = bytes(b if b < 128 and _is_word_char(chr(b)) else 32 for b in range(256))
_FIRST_WORD = re.compile(r"\w+")


def ascii_words(folded: str) -> list[bytes]:
    """The ASCII words of a folded text (see `_ASCII_WORDS`)."""
    return folded.encode().translate(_ASCII_WORDS).split()


_Stack = tuple[tuple[list[Any], int], ...]


def _openings(pattern: str, flags: int) -> list[tuple[str, bool]] | None:
    """The lower-case texts one of which every match of `pattern` begins with, each opening with
    a whole word (a word boundary before it and after its first word), or None when the pattern
    does not open that way or its openings are not a small finite set. With each text, whether
    it is a single word that is a whole match by itself when it is a whole word of an ASCII text
    (the pattern ends there and asks nothing more, case-insensitively).

    Read from the parsed pattern: literals, sets of literals, alternations, groups and optional
    parts are followed; anything else ends the opening text there. Two words are selective
    enough: longer texts would only multiply the alternatives."""
    out: list[tuple[str, bool]] = []

    def walk(
        stack: _Stack, text: str, bounded: bool, closed: bool, breaks: int, sure: bool
    ) -> bool:
        while stack and len(text) < 40 and breaks < 2:
            items, i = stack[-1]
            if i == len(items):
                stack = stack[:-1]
                continue
            stack = (*stack[:-1], (items, i + 1))
            op, av = items[i]
            if op is _sre.LITERAL:
                char = chr(av).lower()
                if not text and not (bounded and _is_word_char(char)):
                    return False
                if not _is_word_char(char):
                    closed, breaks = True, breaks + 1
                text += char
            elif op is _sre.IN and all(o is _sre.LITERAL for o, _ in av):
                alts = [[(_sre.LITERAL, c)] for _, c in av]
                return all(
                    walk((*stack, (a, 0)), text, bounded, closed, breaks, sure) for a in alts
                )
            elif op is _sre.BRANCH:
                return all(
                    walk((*stack, (a, 0)), text, bounded, closed, breaks, sure) for a in av[1]
                )
            elif op is _sre.SUBPATTERN:
                sure = sure and not (av[1] or av[2])  # a case-sensitive part: not sure
                stack = (*stack, (av[3], 0))
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] in (0, 1) and av[1] == 1:
                if av[0] == 0 and not walk(stack, text, bounded, closed, breaks, sure):
                    return False
                stack = (*stack, (av[2], 0))
            elif op is _sre.AT and av is _sre.AT_BOUNDARY:
                if not text:
                    bounded = True
                elif _is_word_char(text[-1]):
                    closed = True
                else:
                    sure = False  # a word must follow: not known from the words alone
            else:
                break
        if not (text and closed) or len(out) >= 200:
            return False
        out.append((text, sure and not stack and breaks == 0))
        return True

    try:
        parsed = _sre.parse(pattern, flags)
    except Exception:  # a construct this reading does not know: the pattern searches everywhere
        return None
    if not walk(((list(parsed), 0),), "", False, False, 0, bool(flags & re.I)):
        return None
    return out


def _common_beginning(texts: list[str]) -> str:
    first, last = min(texts), max(texts)
    n = 0
    while n < len(first) and first[n] == last[n]:
        n += 1
    return first[:n]


def _by_first_word(openings: list[str]) -> dict[str, tuple[str, ...]]:
    """Openings grouped by their first word; within a group, an opening that extends another is
    dropped and many openings give way to their common beginning (fewer searches)."""
    groups: dict[str, list[str]] = {}
    for text in openings:
        word = _FIRST_WORD.match(text)
        assert word is not None  # every opening begins with a word character
        groups.setdefault(word.group(0), []).append(text)
    out: dict[str, tuple[str, ...]] = {}
    for word, texts in groups.items():
        kept = sorted({t for t in texts if not any(o != t and t.startswith(o) for o in texts)})
        if len(kept) > 4:
            kept = [_common_beginning(kept)]
        out[word] = tuple(kept)
    return out


@dataclass(frozen=True, slots=True)
class Openings:
    """A list of patterns indexed by the whole words their matches open with."""

    by_word: dict[bytes, tuple[tuple[int, tuple[str, ...]], ...]]
    words: frozenset[bytes]
    unopened: tuple[int, ...]  # patterns of unknown opening: tried everywhere

    @classmethod
    def of(cls, patterns: Sequence[re.Pattern[str]]) -> Openings:
        by_word: dict[bytes, list[tuple[int, tuple[str, ...]]]] = {}
        unopened: list[int] = []
        for index, pattern in enumerate(patterns):
            found = _openings(pattern.pattern, pattern.flags)
            if found is None:
                unopened.append(index)
                continue
            for word, texts in _by_first_word([text for text, _ in found]).items():
                by_word.setdefault(word.encode(), []).append((index, texts))
        table = {word: tuple(pairs) for word, pairs in by_word.items()}
        return cls(table, frozenset(table), tuple(unopened))

    def opened(self, words: list[bytes]) -> dict[int, tuple[str, ...] | None]:
        """The patterns that can match a text with these ASCII words, each with the texts its
        matches begin with (None: unknown, search everywhere)."""
        out: dict[int, tuple[str, ...] | None] = {}
        for word in self.words.intersection(words):
            for index, starts in self.by_word[word]:
                found = out.get(index)
                out[index] = starts if found is None else found + starts
        for index in self.unopened:
            out[index] = None
        return out


def _offsets(folded: str, starts: tuple[str, ...]) -> list[int]:
    if len(starts) == 1:  # the usual case: found in order, once each
        return positions(folded, starts[0])
    return sorted({pos for start in starts for pos in positions(folded, start)})


def anchored(
    pattern: re.Pattern[str], norm: str, folded: str, starts: tuple[str, ...]
) -> list[re.Match[str]]:
    """What `pattern.finditer(norm)` yields when every match begins with one of `starts` in
    `folded` (the folded `norm`): the pattern tried only at those offsets, in order, each try
    after the end of the last match (a match's boundaries and look-arounds see the whole text)."""
    return _matches_at(pattern, norm, _offsets(folded, starts))


def first_match(
    pattern: re.Pattern[str], norm: str, folded: str, starts: tuple[str, ...] | None
) -> re.Match[str] | None:
    """What `pattern.search(norm)` finds, tried only where a match can begin (see `anchored`)."""
    if starts is None:
        return pattern.search(norm)
    for pos in _offsets(folded, starts):
        m = pattern.match(norm, pos)
        if m is not None:
            return m
    return None


def find_events(sent: Sentence, *, require_actor: bool = True) -> list[Event]:
    norm = sent.norm
    low = norm.lower()
    if low.isascii():
        folded = low
        table = _OUTCOME_WORDS_ASCII
    else:
        folded = fold(norm)
        table = _OUTCOME_WORDS_OTHER
    words = ascii_words(folded)
    hits = _OUTCOMES.words.intersection(words)
    if not hits and not _OUTCOMES.unopened:
        return []
    tries = _tries(low, folded, hits, table)
    if not tries:
        return []
    events: list[Event] = []
    has_actor: bool | None = None if require_actor else True
    taken: list[tuple[int, int]] = []
    for index in sorted(tries) if len(tries) > 1 else tries:
        pattern, cls, informal, _ = _PATTERNS[index]
        offsets = tries[index]
        if offsets is None:
            matches: Iterable[re.Match[str]] = pattern.finditer(norm)
        else:
            matches = _matches_at(pattern, norm, offsets)
        for m in matches:
            if taken and any(a <= m.start() < b for a, b in taken):
                continue
            if has_actor is None:
                has_actor = _has_actor(norm, folded is low, words)
            event = _event(sent, norm, m, cls, informal, has_actor)
            if event is not None:
                events.append(event)
                taken.append((m.start(), m.end()))
    if len(events) > 1:
        events.sort(key=_START)
    return events


_START = attrgetter("start")


def _matches_at(pattern: re.Pattern[str], norm: str, offsets: list[int]) -> list[re.Match[str]]:
    """`anchored` at offsets already found."""
    out: list[re.Match[str]] = []
    end = 0
    for pos in offsets:
        if pos < end:
            continue
        m = pattern.match(norm, pos)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def _tries(
    low: str, folded: str, hits: set[bytes], table: dict[bytes, tuple[_Entry, ...]]
) -> dict[int, list[int] | None]:
    """The outcome patterns worth running on a sentence, each with the offsets, ascending, at
    which its matches can begin (None: search the whole sentence).

    A pattern runs only when one of its table triggers is in the lower-cased sentence (that gate
    decides, as it always has) and a text its matches begin with is in the folded sentence,
    opening with a word of the sentence (`hits`). The trigger needs no scan when every text the
    word's matches begin with holds a trigger, or the word holds one, and the sentence is ASCII
    (lower-casing and folding then agree): a text is found only where a trigger is."""
    out: dict[int, list[int] | None] = {}
    merged: set[int] = set()
    gate: dict[int, bool] = {}
    for word in hits:
        for index, starts, triggers in table[word]:
            if triggers is not None:
                passed = gate.get(index)
                if passed is None:
                    passed = gate[index] = has_any(low, triggers)
                if not passed:
                    continue
            for start in starts:
                pos = folded.find(start)
                if pos < 0:
                    continue
                found = out.get(index)
                if found is None:
                    found = out[index] = []
                else:
                    merged.add(index)
                while pos >= 0:
                    found.append(pos)
                    pos = folded.find(start, pos + 1)
    for index in merged:
        out[index] = sorted(set(out[index] or ()))
    for index in _OUTCOMES.unopened:
        if has_any(low, _PATTERNS[index][3]):
            out[index] = None
    return out


_OUTCOMES = Openings.of([p for p, _, _, _ in _PATTERNS])
# With each opening word, its patterns: (index, the texts a match begins with, the triggers to
# look for, or None when the gate is known to pass wherever one of the texts is). In an ASCII
# sentence a trigger inside every text, or inside the word itself, needs no scan.
_Entry = tuple[int, tuple[str, ...], tuple[str, ...] | None]


def _entries(ascii_text: bool) -> dict[bytes, tuple[_Entry, ...]]:
    """The table for sentences that are ASCII (`ascii_text`) or not."""
    out: dict[bytes, tuple[_Entry, ...]] = {}
    for word, pairs in _OUTCOMES.by_word.items():
        entries: list[_Entry] = []
        for index, starts in pairs:
            triggers = tuple(_PATTERNS[index][3])
            sure = ascii_text and (
                any(t.encode() in word for t in triggers)
                or all(any(t in start for t in triggers) for start in starts)
            )
            entries.append((index, starts, None if sure else triggers))
        out[word] = tuple(entries)
    return out


_OUTCOME_WORDS_ASCII = _entries(True)
_OUTCOME_WORDS_OTHER = _entries(False)
_ACTORS = Openings.of([_ACTOR])
_ACTOR_WORDS = frozenset(
    text.encode() for text, whole in _openings(_ACTOR.pattern, _ACTOR.flags) or [] if whole
)


def _has_actor(norm: str, ascii_text: bool, words: list[bytes]) -> bool:
    """Whether a judicial actor is named: "judge" or "court" as a word of an ASCII sentence is a
    match by itself; otherwise the pattern is searched (an actor word usually comes early)."""
    if ascii_text and not _ACTOR_WORDS.isdisjoint(words):
        return True
    return not _ACTORS.words.isdisjoint(words) and bool(_ACTOR.search(norm))


_NOUN_BEFORE = frozenset(
    [
        "building",
        "road",
        "city",
        "the",
        "a",
        "an",
        "of",
        "two",
        "three",
        "several",
        "voting",
        "power",
        "starting",
        "stumbling",
        "mental",
        "cell",
        "apartment",
        "housing",
        "writer's",
        "creative",
    ]
)
_AFFIRM = re.compile(rf"(?:{tables.AFFIRM_NOUNS})\b", re.I)
_LAW = re.compile(rf"(?:{tables.LAW_NOUNS})\b", re.I)


def _single_words(nouns: str) -> frozenset[str]:
    """The lower-case words `(?:nouns)\b` matches whole, case-insensitively, in a word without
    spaces: its one-word alternatives, each plain or with an optional final "s"."""
    out: set[str] = set()
    for alternative in nouns.split("|"):
        if " " in alternative:
            continue  # never the whole of a word without spaces
        stem = alternative.removesuffix("s?")
        if not stem.isalpha():
            raise ValueError(f"not a plain word: {alternative!r}")
        out.update({stem, stem + "s"} if stem != alternative else {stem.lower()})
    return frozenset(word.lower() for word in out)


# In normalised text (no letter that case-folds to an ASCII letter without being one) a bare word
# fullmatches `_AFFIRM` or `_LAW` exactly when its lower case is one of these.
_AFFIRM_WORDS = _single_words(tables.AFFIRM_NOUNS)
_LAW_WORDS = _single_words(tables.LAW_NOUNS)


_GERUND_HOSTS = tables.words(
    "order orders ruling rulings decision decisions injunction opinion judgment judge court "
    "panel justices"
)


def _loose_gerund(norm: str, m: re.Match[str]) -> bool:
    """ "too comfortable blocking policies" is talk about blocking, not a decision; an "-ing"
    verb counts after a comma ("..., blocking the rule") or a ruling noun ("an order blocking")."""
    first = m.group(0).split(None, 1)[0].lower()
    if not first.endswith("ing") or first in ("sentencing",):
        return False
    before = norm[max(0, m.start() - 30) : m.start()].rstrip()
    if before.endswith(","):
        return False
    words = _WORDS.findall(before)
    return not (words and words[-1].lower() in _GERUND_HOSTS)


def _noun_use(norm: str, start: int) -> bool:
    """ "building blocks", "a block": the word is a noun, not the verb."""
    words = _WORDS.findall(norm[max(0, start - 25) : start])
    return bool(words) and words[-1].lower() in _NOUN_BEFORE


_RULING_SUBJECTS = tables.words("judge court panel justice jury magistrate chancellor tribunal")


def _rules_verb(norm: str, start: int) -> bool:
    """ "The judge rules against", "Ruiz rules in favor of": "rules" is the verb after a court
    or a name; after any other word ("the new rules against") it is the noun."""
    words = _WORDS.findall(norm[max(0, start - 25) : start])
    if not words:
        return False
    last = words[-1]
    low = last.lower()
    return low in _RULING_SUBJECTS or (
        last[0].isupper() and low not in _NOUN_BEFORE and low != "new" and "'" not in last
    )


def _uphold_class(norm: str, end: int) -> str | None:
    """ "upheld the conviction" is affirmed, "upheld the law" is upheld: the first noun decides."""
    for word in norm[end : end + 120].split()[:9]:
        bare = word.strip(",.;:'\"").lower()
        if bare in _AFFIRM_WORDS:
            return "affirmed"
        if bare in _LAW_WORDS:
            return "upheld"
    return None


_CASE_WORDS = _single_words(tables.CASE_NOUNS)
_PREPOSITIONS = tables.words("over to on against of in for by from with about under")
_PASSIVE = frozenset(["was", "were", "been", "is", "are", "got", "gets", "get"])


def _undone_class(words: list[str]) -> str | None:
    """ "the law was tossed by the court": a passive verb's class from the noun of its subject
    (a law struck down, a suit dismissed, a decision reversed); None when the verb is not
    passive or its subject none of these."""
    if not words or words[-1] not in _PASSIVE:
        return None
    for word in words[:-1]:
        if word in _PREPOSITIONS:  # "the suit over the law": the head noun is not in sight
            return None
        bare = word.removesuffix("'s")
        if bare in _CASE_WORDS:
            return "dismissed"
        if bare in _AFFIRM_WORDS:
            return "reversed"
        if bare in _LAW_WORDS:
            return "struck_down"
    return None


def lead_sentences(doc: Doc) -> list[Sentence]:
    """The first substantive sentences: headings, questions and one-liners are skipped."""
    cached = doc.cache.get("lead_sentences")
    if cached is None:
        cached = doc.cache["lead_sentences"] = tuple(_lead_sentences(doc))
    return list(cached)


def _lead_sentences(doc: Doc) -> Iterable[Sentence]:
    found = 0
    for sent in doc.sentences:
        text = sent.norm.rstrip()
        if len(text) < 40 or text.endswith("?") or text[-1:] not in ".!\"'":
            continue
        yield sent
        found += 1
        if found == LEAD_SENTENCES:
            return


def lead_events(doc: Doc) -> list[Event]:
    """Events of the headline and the first sentences, skipping background sentences."""
    events: list[Event] = []
    if doc.headline:
        events.extend(find_events(doc.headline))
    for sent in lead_sentences(doc):
        fresh: bool | None = None  # asked only of an event in background wording
        for ev in find_events(sent):
            low = max(0, ev.start - 80)
            region = sent.norm[low : ev.end + 40]
            if _distracted(region) and _distracted(
                _object_relative_as_present(
                    _own_had_as_present(region, ev.start - low, ev.end - low), ev.end - low
                )
            ):
                if fresh is None:
                    fresh = names_ruling_day(sent)
                if not fresh:
                    continue
            events.append(ev)
    return events


# A relative clause on what follows the verb: ", which had sued", ", who had", "that had".
_OBJECT_RELATIVE_HAD = re.compile(r"(?:, (?:which|who)|\bthat) (had)\b", re.I)


def _object_relative_as_present(region: str, end: int) -> str:
    """The region with "had" read as "has" in a relative clause after the verb (which ends at
    `end`): "ruled for the club, which had sued the agency" tells of the party, and the verb is
    no background for it. The text keeps its length, and a cue before the verb its force."""
    tail = region[end:]
    if "had" not in tail.lower():
        return region
    return region[:end] + _OBJECT_RELATIVE_HAD.sub(_present, tail)


_HAD = re.compile(r"\bhad\b", re.I)


def _own_had_as_present(region: str, start: int, end: int) -> str:
    """The region with "had" read as "has" inside the event (`start` to `end`): in "held that
    the district had retaliated" the tense is the holding's reported speech, no earlier event.
    The text keeps its length."""
    own = region[start:end]
    if "had" not in own.lower():
        return region
    return region[:start] + _HAD.sub("has", own) + region[end:]


def _present(m: re.Match[str]) -> str:
    return m.group(0)[: m.start(1) - m.start()] + "has"


def _distracted(text: str) -> bool:
    """`_DISTRACTOR.search(text)` finds something."""
    return _DISTRACTOR.found_from(text, tables.DISTRACTOR_STARTS)


def names_ruling_day(sent: Sentence) -> bool:
    """A sentence about this ruling despite a background cue: it names the day of the ruling."""
    return _RULING_DAY.search(sent.norm) is not None


def names_ruling_day_text(norm: str) -> bool:
    """`names_ruling_day` of a sentence's normalised text."""
    return _RULING_DAY.search(norm) is not None


_RULING_DAY = re.compile(
    r"\b(?:[Oo]n|[Ll]ate|[Ee]arly) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\btoday\b"
)


# "the judge", "The court", ...: a whole "the" or "The" before one of these whole words. Searched
# as "he <word>" over the whole text at once (a literal opening the regex engine finds fast; no
# noun holds "he ", so no two matches overlap), the "t" or "T" and the boundary before it are
# checked at each match.
_COURT_CUE_TAIL = re.compile(r"he (?:judge|court|panel|justices|majority|chancellor)\b")


def _court_cued(doc: Doc) -> set[int]:
    """The body sentences in which "the judge", "the court" (and so on) occur."""
    text, starts = doc.norm_text, doc.starts
    found: set[int] = set()
    for m in _COURT_CUE_TAIL.finditer(text):
        pos = m.start()
        if pos and text[pos - 1] in "tT" and (pos == 1 or not _is_word_char(text[pos - 2])):
            found.add(bisect_right(starts, pos) - 1)
    return found


def more_events(doc: Doc, judge_surnames: list[str]) -> list[Event]:
    """Events of later sentences in which a deciding judge or "the judge/court" acts."""
    events: list[Event] = []
    for sent in _later_sentences(doc, judge_surnames):
        events.extend(_kept_events(sent))
    return events


def _later_sentences(doc: Doc, judge_surnames: list[str]) -> list[Sentence]:
    """The sentences after the lead that hold a surname or a court cue, in order."""
    surnames = [s for s in judge_surnames if s]
    lead = {s.index for s in lead_sentences(doc)}
    first_lead = min(lead, default=0)
    # A surname with a line break is in no sentence.
    named = {s.index for s in doc.holding(tuple(s for s in surnames if "\n" not in s))}
    return [
        doc.sentences[index]
        for index in sorted(named | _court_cued(doc))
        if index not in lead and index >= first_lead
    ]


def _kept_events(sent: Sentence) -> list[Event]:
    """The sentence's events, or none when it speaks of another ruling."""
    found = find_events(sent)
    # Most sentences hold no event: the background test is for those that do.
    if found and not _distracted(sent.norm):
        return found
    return []


def later_motion(
    doc: Doc, judge_surnames: list[str], earlier: list[Sentence]
) -> tuple[str, str] | None:
    """What `find_motion` finds in the sentences of `more_events(doc, judge_surnames)` that are
    not among `earlier`, in order: the same sentences asked for a motion first, and only one that
    names a motion read for events. Few later sentences name a motion: when none of them holds
    a word a motion opens with (one reading of them all), none is read at all."""
    skip = {id(sent) for sent in earlier}
    rest = [sent for sent in _later_sentences(doc, judge_surnames) if id(sent) not in skip]
    if not rest:
        return None
    # The ASCII words of the texts joined by a line break are those of each text (lower-casing
    # turns no other character into an ASCII letter once fold has replaced the few that do).
    words = ascii_words(fold("\n".join([sent.norm for sent in rest])))
    if not _MOTION_OPENINGS.unopened and _MOTION_OPENINGS.words.isdisjoint(words):
        return None
    for sent in rest:
        low = fold(sent.norm)
        words = ascii_words(low)
        if not _MOTION_OPENINGS.unopened and _MOTION_OPENINGS.words.isdisjoint(words):
            continue
        name = _motion_named(sent.norm, low, words)
        if name is not None and _kept_events(sent):
            return name, sent.text
    return None


def resolve_class(
    events: list[Event], plaintiffs: list[str], defendants: list[str]
) -> tuple[str | None, Event | None]:
    """The outcome class by precedence, and the event that decided it."""
    classes: dict[str, Event] = {}
    effects: dict[str, Event] = {}  # "handed X a victory": the decision's effect, told loosely
    has_summary_judgment = False
    for ev in events:
        cls = ev.cls
        if cls in _SIDE_CLASSES:
            side = _side(ev.target or "", ev.role, plaintiffs, defendants)
            if side is None:
                continue
            cls = _FOR[side] if cls == "ruled_for" else _FOR[_OTHER_SIDE[side]]
            if ev.informal:
                effects.setdefault(cls, ev)
                continue
            if "summary judgment" in ev.sentence.norm[ev.start : ev.end + 5].lower():
                has_summary_judgment = True
        classes.setdefault(cls, ev)
    if has_summary_judgment:
        dismissed = classes.get("dismissed")
        if dismissed is not None and dismissed.informal:
            del classes["dismissed"]
    in_part = classes.pop("in_part", None)
    if not classes:
        classes = effects
    if "ruled_for_plaintiffs" in classes and "ruled_for_defendants" in classes:
        # each side said to have won: neither is the outcome
        del classes["ruled_for_plaintiffs"], classes["ruled_for_defendants"]
    if not classes:
        return None, None
    if (
        "affirmed" in classes
        and "reversed" in classes
        and not (
            {"sentenced", "approved", "struck_down", "upheld", "blocked", "dismissed"}
            & set(classes)
        )
    ):
        return "other", classes["reversed"]
    if in_part is not None and ({"affirmed", "reversed"} & set(classes)):
        return "other", in_part
    best = min(classes, key=lambda c: _PRECEDENCE.get(c, 99))
    return best, classes[best]


_FOR = {"plaintiff": "ruled_for_plaintiffs", "defendant": "ruled_for_defendants"}
_OTHER_SIDE = {"plaintiff": "defendant", "defendant": "plaintiff"}


def _side(
    target: str, role: str | None, plaintiffs: list[str], defendants: list[str]
) -> str | None:
    """Whether the target is a plaintiff or a defendant: by the parties it names, by a word for
    a side, by what its own sentence says it did ("X, which sued ..."), or, for a government
    body or official named among no party when every plaintiff found is private, the defence.
    None when the text supports no side, or two."""
    low = target.lower()
    head = _head(low)
    as_plaintiff = any(_named_by(head, party.lower()) for party in plaintiffs)
    as_defendant = any(_named_by(head, party.lower()) for party in defendants)
    side: str | None = None
    if as_plaintiff != as_defendant:
        side = "plaintiff" if as_plaintiff else "defendant"
    elif as_plaintiff:
        return None  # named on both sides: no side to tell
    elif _PLAINTIFF_WORD.match(low):
        side = "plaintiff"
    elif _DEFENDANT_WORD.match(low):
        side = "defendant"
    if role is not None:
        return role if side in (None, role) else None
    if (
        side is None
        and plaintiffs
        and _governmental(low, head_only=True)
        and not any(_governmental(party.lower(), head_only=False) for party in plaintiffs)
    ):
        return "defendant"
    return side


_GOVERNMENT = re.compile(
    r"\b(?:administration|government|department|agency|officials?|secretary|governor|"
    r"attorney general|commission|board|bureau|city|cities|county|counties|states?|"
    r"commonwealth|township|village|district|prosecutors?|police|sheriff'?s?|"
    rf"{tables.US_STATES.lower()})\b"
)
# A target that is a government body by its words, not by a state's name inside a private
# party's ("ACLU of Texas"), nor by a union or association of officers.
_TARGET_GOVERNMENT = re.compile(
    r"(?:[\w.&'-]+ ){0,4}?(?:administration|government|department|agency|officials|"
    r"secretary|governor|attorney general|commission|bureau|city|county|state|commonwealth|"
    r"township|village|school district|school board)\b(?!'s? (?:union|association))"
)


def _governmental(name: str, *, head_only: bool) -> bool:
    """Whether a lower-cased name is a government's: for a target, its first words name the
    body; for a party found, any word or a state's name does."""
    if head_only:
        return _TARGET_GOVERNMENT.match(name) is not None
    return _GOVERNMENT.search(name) is not None


_PLAINTIFF_WORD = re.compile(r"(?:the )?(?:plaintiffs?|challengers|petitioners)\b")
_DEFENDANT_WORD = re.compile(r"(?:the )?(?:defendants?|respondents?|defen[sc]e)\b")
_STOP = tables.words("the of and a an for in on at to inc. llc co. corp. state city county")


@lru_cache(maxsize=512)
def _name_words(party: str) -> frozenset[str]:
    """The words of a lower-cased party's name that can name it (a party is asked about for
    each side-taking event, and the same parties recur)."""
    return frozenset(w for w in _WORDS.findall(party) if w not in _STOP and len(w) > 2)


def _head(target: str) -> set[str]:
    """The first words of a lower-cased target, where its name is."""
    return set(_WORDS.findall(target)[:6])


def _named_by(head: set[str], party: str) -> bool:
    """Whether a target whose first words are `head` names the lower-cased party."""
    words = _name_words(party)
    if not words:
        return False
    if words & head:
        return True
    # "the city" for "City of Alder Springs", "the company" for "X Inc."
    for anaphor in ("city", "county", "state", "district", "department", "board"):
        if anaphor in head and anaphor in party:
            return True
    return False


def find_motion(sentences: list[Sentence]) -> tuple[str, str] | None:
    """The first request named in the decisive sentences, normalised."""
    for sent in sentences:
        low = fold(sent.norm)
        name = _motion_named(sent.norm, low, ascii_words(low))
        if name is not None:
            return name, sent.text
    return None


def _motion_named(norm: str, low: str, words: list[bytes]) -> str | None:
    """The request named first in a sentence, given its folded text and that text's words."""
    best: tuple[int, str] | None = None
    # Only the motions one of whose opening words the sentence has can match in it.
    opened = _MOTION_OPENINGS.opened(words)
    for index in sorted(opened):
        pattern, name, triggers = _MOTIONS[index]
        if not has_any(low, triggers):
            continue
        m = first_match(pattern, norm, low, opened[index])
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None


_MOTION_OPENINGS = Openings.of([p for p, _, _ in _MOTIONS])


_TEXT_END = re.compile(
    r"[,;:]|\s(?:after|because|while|saying|ruling that|finding that|"
    r"holding that|and said|citing)\s"
)


# A word before "ruling/finding/holding that" that makes it the noun of a decision ("upheld a
# lower-court ruling that ..."), not the participle that opens a new clause.
_DECISION_NOUN_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|his|her|their|this|earlier|prior|previous|lower[- ]court|"
    r"trial[- ]court|district[- ]court)|'s?|\d{4}) $",
    re.I,
)


def _noun_ruling(rest: str, m: re.Match[str]) -> bool:
    """Whether a "ruling that" (or "finding that", "holding that") end is the object noun."""
    word = m.group(0)[1:8].lower()
    if word not in ("ruling ", "finding", "holding"):
        return False
    return _DECISION_NOUN_BEFORE.search(rest[max(0, m.start() - 20) : m.start() + 1]) is not None


def outcome_text(event: Event) -> str:
    """The decisive verb phrase as printed, cut at the end of its clause (at most 20 words)."""
    sent = event.sentence
    rest = sent.norm[event.start :]
    m = _TEXT_END.search(rest, len(event.sentence.norm[event.start : event.end]))
    while m is not None and _noun_ruling(rest, m):
        m = _TEXT_END.search(rest, m.end() - 1)
    end = event.start + (m.start() if m else len(rest))
    text = sent.text[event.start : end].strip().rstrip(".")
    words = text.split()
    if len(words) > 20:
        text = " ".join(words[:20]) + "…"
    return text


def build_outcome(cls: str | None, event: Event | None, motion: str | None) -> Outcome:
    if cls is None or event is None:
        return Outcome(cls=None, text=None, motion=motion)
    return Outcome(cls=cls, text=outcome_text(event), motion=motion)
