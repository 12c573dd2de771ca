"""What a follow-up question asks: its kinds, the words it is about, and whom it quotes.

Classification is a table of patterns, read top to bottom; a question may match several kinds
("how long do they have to appeal?" is a number and a next step). The words a pattern consumed
are not counted again as content, so "who sued?" asks about plaintiffs and nothing else, while
"who appointed Judge Tolland?" keeps "appointed" as content the article must speak to.
"""

from __future__ import annotations

import enum
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.followup.text import GENERIC_STEMS, STOPWORDS, stem, words

logger = logging.getLogger(__name__)


class Kind(enum.StrEnum):
    JUDGE = "judge"
    COURT = "court"
    OUTCOME = "outcome"
    PLAINTIFFS = "plaintiffs"
    DEFENDANTS = "defendants"
    WHY = "why"
    NEXT = "next"
    WHEN = "when"
    QUOTE = "quote"
    ABOUT = "about"
    NUMBER = "number"
    DISSENT = "dissent"
    PRIOR = "prior"  # the lower court's earlier ruling
    DOCKET = "docket"
    CASE_NAME = "case_name"
    VOTE = "vote"  # how the judges split
    NAME = "name"  # "what is the name of the company?"


_V = r"(?:is|are|was|were|'s|s)"
_WHO = r"(?:who|whom)"
_ACTOR = (
    r"(?:the\s+)?(?:[\w.'-]+\s+){0,3}?"
    r"(?:court|judge|justices?|panel|majority|chancellor|board|jury|circuit|they|it)"
)

# (kind, pattern) — order is priority: the first kind found is the question's main kind.
_PATTERNS: tuple[tuple[Kind, str], ...] = (
    (
        Kind.DOCKET,
        r"\bdocket(?:\s+(?:number|no))?\b|\bcase\s+(?:number\b|no\b\.?|#)|\bfile\s+number\b",
    ),
    (
        Kind.CASE_NAME,
        r"\bcase\s+name\b|\bname\s+of\s+the\s+case\b|\bcaption\b|"
        r"\bwhat\s+(?:is|was|'s)\s+the\s+case\s+called\b",
    ),
    (
        Kind.PRIOR,
        r"\b(?:lower|trial|district)\s+(?:court|judge)(?:'s)?\b|\bcourt\s+below\b|"
        r"\bfirst\s+(?:ruling|judge|court)\b|\bearlier\s+ruling\b",
    ),
    (Kind.DISSENT, r"\bdissent(?:ed|ing|s|er|ers)?\b|\bwho\s+disagreed\b"),
    (
        Kind.VOTE,
        r"\bwhat(?:'s|\s+(?:was|is))\s+the\s+(?:\w+\s+){0,2}?(?:vote|split|tally|margin)\b|"
        r"\bhow\s+did\s+(?P<keep>(?:the\s+)?(?:[\w.-]+\s+){0,3})(?:vote|split|divide)\b|"
        r"\bby\s+what\s+margin\b|"
        r"\bhow\s+(?:divided|split|close)\b|\bwas\s+it\s+unanimous\b|\bunanimous\b|"
        r"\bwhat\s+was\s+the\s+count\b",
    ),
    (
        Kind.NAME,
        r"\b(?:what(?:'s|\s+is|\s+was)\s+)?the\s+name\s+of\b|\bwhat\s+(?:is|was)\s+.+?\s+called\b|"
        r"\bwhat(?:'s|\s+is|\s+was)\s+(?:its|his|her|their)\s+name\b",
    ),
    (
        Kind.DEFENDANTS,
        rf"\b{_WHO}\s+(?:{_V}|got)\s+(?:being\s+)?(?:sued|named|the\s+target)\b|"
        rf"\b{_WHO}\s+did\s+(?:they|he|she|it|the\s+[\w' -]+?)\s+"
        r"(?:sue|name|target|take\s+to\s+court)\b|"
        r"\bwho\s+(?:is|are|was|were)\s+the\s+(?:defendants?|respondents?)\b|\bagainst\s+whom\b|"
        rf"\b{_WHO}\s+{_V}\s+the\s+(?:suit|lawsuit|case|complaint|challenge)\s+against\b|"
        r"\bsued\s+whom\b|\bwho\s+got\s+sued\b",
    ),
    (
        Kind.PLAINTIFFS,
        r"\bwho\s+(?:sued|sues|filed|brought|challenged|petitioned|"
        r"started|led)\b(?:\s+(?:the\s+)?(?:suit|lawsuit|case|challenge|action|class\s+action))?|"
        r"\bwho\s+(?:is|are|was|were)\s+the\s+(?:plaintiffs?|petitioners?)\b|"
        rf"\bwho\s+{_V}\s+behind\s+the\s+(?:suit|lawsuit|case|challenge)\b|"
        r"\bwhich\s+(?:states|groups|cities|companies|organizations|people|parties)\s+"
        r"(?:sued|joined|challenged|filed|brought|were\s+part|are\s+(?:leading|part))\b|"
        r"\bwho\s+(?:is|was|are|were)\s+suing\b|\bwho\s+took\s+\w+\s+to\s+court\b",
    ),
    (
        Kind.JUDGE,
        r"\b(?:which|what|who(?:'s|\s+is|\s+was)?)\s+(?:the\s+)?(?:presiding\s+)?"
        r"(?:judges?|justices?|chancellor|magistrate)\b|"
        r"\bwho\s+(?:\w+\s+)?(?:ruled|decided|issued|signed|granted|denied|confirmed|approved|"
        r"dismissed|authored|presided|sentenced|handed\s+down|blocked|struck|upheld|ordered|"
        r"heard)\b|"
        r"\bwho\s+wrote\b|\bname\s+of\s+the\s+(?:judge|justice)\b|\bjudge'?s\s+name\b|"
        r"\bwho\s+(?:was|were|is|sat)\s+on\s+the\s+panel\b|\bwho\s+(?:is|was)\s+the\s+author\b",
    ),
    (
        Kind.COURT,
        r"\b(?:which|what)\s+(?:\w+\s+)?court\b|\bin\s+which\s+court\b|"
        r"\bwhere\s+(?:was|is|'s)\s+(?:the\s+case|it|this|the\s+ruling|the\s+suit|the\s+lawsuit)\s+"
        r"(?:decided|heard|filed|pending|being\s+heard)\b|\bcourt'?s?\s+name\b",
    ),
    (
        Kind.QUOTE,
        r"\bwhat\s+(?:did|does|do|has|have|had)\s+(?P<who>.+?)\s+(?:say|said|tell|told|write|wrote|"
        r"argue|argued|claim|claimed|think|contend|allege|ask|want|comment)\b|"
        r"\bhow\s+did\s+(?P<who2>.+?)\s+(?:react|respond)\b|"
        r"\bwhat\s+(?:was|is)\s+(?P<who3>.+?)(?:'s|s')\s+(?:reaction|response|comment|statement|"
        r"argument|position|view|side)\b|"
        r"\bdid\s+(?P<who4>.+?)\s+(?:comment|respond|say\s+anything)\b|"
        r"^\s*(?:and\s+)?(?:what\s+about\s+)?(?P<who5>he|she|they)\s+said\b",
    ),
    (
        Kind.WHY,
        r"\bwhy\b|\bwhat\s+(?:was|were|is|are)\s+(?:the\s+)?(?:\w+(?:'s)?\s+)?"
        r"(?:reasoning|rationale|reasons?|basis|grounds?|logic|argument)\b|"
        r"\bon\s+what\s+(?:basis|grounds?)\b|\bhow\s+come\b|\bwhat\s+caused\b|"
        rf"\bhow\s+did\s+{_ACTOR}\s+(?:justify|reason|explain|conclude|get\s+there)\b",
    ),
    (
        Kind.WHEN,
        r"^\s*(?:and\s+)?when\b|\bwhen\s+(?:is|was|will|does|did|do|are|were|can|could)\b|"
        r"\bwhat\s+(?:day|date|time|year|month)\b|\bon\s+what\s+(?:day|date)\b|\bhow\s+soon\b",
    ),
    (
        Kind.NUMBER,
        r"\bhow\s+(?:many|much|long|old|large|big|high|far|late|often|severe|steep)\b|"
        r"\bwhat(?:'s|\s+(?:was|is|were|are))\s+the\s+(?:\w+\s+){0,2}?(?:amount|total|sum|"
        r"number|maximum|minimum|percentage|penalt(?:y|ies)|fine|award|cap)\b|"
        r"\bwhat\s+percent(?:age)?\b|\bhow\s+big\b",
    ),
    (
        Kind.NEXT,
        r"\bwhat(?:'s|\s+is|\s+are)?\s+(?:happens?|comes?)\s+(?:next|now)\b|\bwhat(?:'s|\s+is)\s+next\b|"
        r"\bnext\s+steps?\b|\bwhat\s+now\b|\bnext\b|"
        rf"\bwhat\s+(?:can|could|will|might|may|should)\s+{_ACTOR}?\s*(?:[\w'-]+\s+){{0,3}}?do\s*(?:now|next)?\b|"
        r"\bwhat\s+(?:happens|will\s+happen)\s+(?:to|with)\b|\bgoing\s+forward\b|"
        r"\bwhat\s+options\b|\btry\s+again\b|"
        r"\bplan(?:s|ned)?\s+(?:to|on|next)\b|\bplanning\b|\bconsidering\b|"
        r"\bwhere\s+does\s+.+\s+go\s+from\b",
    ),
    (
        Kind.OUTCOME,
        rf"\bwhat\s+(?:did|has|have)\s+{_ACTOR}\s+(?:decide|rule|do|order|hold|find|conclude)\b|"
        r"\bwhat\s+(?:was|is|were)\s+the\s+(?:outcome|ruling|decision|result|verdict|holding|"
        r"judgment|bottom\s+line)\b|\bwho\s+(?:won|lost|prevailed)\b|"
        rf"\bdid\s+{_ACTOR}\s+(?:grant|deny|block|dismiss|rule|approve|uphold|strike|side|agree|"
        r"reverse|affirm|toss|throw)\b|"
        r"\bwhat\s+happened\b|\bhow\s+did\s+(?:the\s+)?(?:court|judge|case|panel|justices)\s+"
        r"(?:rule|come\s+out|end|decide)\b|\b(?:has|have)\s+(?:the\s+)?(?:judge|court)\s+ruled\b|"
        r"\bwhat\s+did\s+they\s+(?:decide|rule)\b|\bwho\s+did\s+the\s+\w+\s+side\s+with\b|"
        r"\bwhat\s+(?:does|do|did|must|will)\s+(?:the\s+)?[\w'-]+\s+(?:have|need)\s+to\s+do\b|"
        r"\bwhat\s+(?:is|are|was|were)\s+(?:the\s+)?[\w'-]+\s+(?:required|ordered)\s+to\b",
    ),
    (
        Kind.ABOUT,
        r"\bwhat(?:'s|\s+is|\s+was)\s+(?:the\s+|this\s+)?(?:case|lawsuit|suit|dispute|fight|it|this|"
        r"story|article)\s+(?:about|over)\b|"
        r"\bwhat\s+(?:does|did|would)\s+the\s+(?:\w+\s+)?(?:law|rule|policy|bill|statute|order|"
        r"regulation|proposal|act)\s+(?:do|say|require|mean)\b|"
        r"\bwhat\s+(?:law|rule|policy|statute|regulation)\b|\bat\s+(?:issue|stake)\b|"
        r"\bsummar(?:y|ize|ise)\b|\btl;?dr\b|\bgist\b|\bwhat\s+is\s+this\b",
    ),
)

_COMPILED = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS)

# Words that make a kind likely without being the question's whole content: "will they appeal?"
# wants an appeal sentence, and the article must mention one.
_SOFT = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (Kind.NEXT, r"\bappeal|\bhearing\b|\bdeadline\b|\brefile\b|\btrial\s+date\b"),
    )
)
_PARTY_NOUNS = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (Kind.DEFENDANTS, r"\bdefendants?\b|\brespondents?\b"),
        (Kind.PLAINTIFFS, r"\bplaintiffs?\b|\bpetitioners?\b"),
    )
)
_ASKING_VERBS = re.compile(
    r"\s*(ask|asked|want|wanted|argue|argued|claim|claimed|contend|allege|seek|sought)\b", re.I
)
_NAME_TARGET = re.compile(
    r"\bname\s+of\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:[\w'-]+\s+){0,3}?([\w'-]+)\s*\??$"
    r"|\bwhat\s+(?:is|was)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?([\w'-]+)\s+called\b",
    re.IGNORECASE,
)

# Kinds whose trigger words are the whole question: their content lives in the cues.
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "hers", "their"})
_FOLLOWUP_START = re.compile(
    r"^\s*(?:and|also|what\s+about|how\s+about|and\s+what\s+about|ok(?:ay)?|so|then)\b",
    re.IGNORECASE,
)
_ROLE_SPEAKERS = {
    "judge": "judge",
    "justice": "judge",
    "chancellor": "judge",
    "court": "court",
    "majority": "court",
    "panel": "court",
    "justices": "court",
}
_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z'’.-]+(?:\s+[A-Z][a-zA-Z'’.-]+)*")
_HOW_MANY = re.compile(r"\bhow\s+many\s+(?:of\s+the\s+)?([a-z][\w-]*)(?:\s+([a-z][\w-]*))?", re.I)


@dataclass(frozen=True, slots=True)
class ParsedQuestion:
    """A question reduced to what the ranker needs."""

    text: str
    kinds: tuple[Kind, ...]  # main kind first; empty for a plain content question
    terms: tuple[str, ...]  # stemmed content words not consumed by a kind's pattern
    soft: tuple[str, ...] = ()  # words that hint at a kind ("appeal"): ranked, never required
    speaker: tuple[str, ...] = ()  # stemmed words naming whom a quote question asks about
    speaker_role: str | None = None  # "judge" / "court" when the speaker is the bench
    speaker_pronoun: bool = False  # "what did she say?" — resolved from the thread
    counted: tuple[str, ...] = ()  # "how many *states*" — the thing being counted
    names: tuple[str, ...] = ()  # stemmed capitalised words in the question (people, places)
    followup: bool = False  # leans on the previous question
    wants_author: bool = False  # "who wrote the majority opinion?"
    how_much: bool = False  # an amount of money, most likely
    how_long: bool = False  # a duration
    context: dict[str, float] = field(default_factory=dict)  # terms borrowed from the thread

    @property
    def kind(self) -> Kind | None:
        return self.kinds[0] if self.kinds else None


def _speaker_of(match: re.Match[str]) -> str | None:
    for group in ("who", "who2", "who3", "who4", "who5"):
        value = match.groupdict().get(group)
        if value:
            return value.strip()
    return None


def parse(question: str) -> ParsedQuestion:
    """Classify one question on its own, without the thread."""
    text = question.replace("’", "'").replace("‘", "'").strip()
    kinds: list[Kind] = []
    consumed = [False] * len(text)
    speaker_text: str | None = None
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text):
            if kind not in kinds:
                kinds.append(kind)
            if kind is Kind.QUOTE and speaker_text is None:
                speaker_text = _speaker_of(match)
                who_span = next((match.span(g) for g in match.groupdict() if match.group(g)), None)
                for i in range(*match.span()):
                    if who_span is None or not (who_span[0] <= i < who_span[1]):
                        consumed[i] = True
                continue
            for i in range(*match.span()):
                consumed[i] = True
    soft_terms: list[str] = []
    for kind, pattern in _SOFT:
        for match in pattern.finditer(text):
            if kind not in kinds:
                kinds.append(kind)
            soft_terms.extend(stem(w) for w in words(match.group(0)))
    for kind, pattern in _PARTY_NOUNS:
        match = pattern.search(text)
        if match is None:
            continue
        if not kinds:  # "and the defendants?": the noun is the question
            kinds.append(kind)
            for i in range(*match.span()):
                consumed[i] = True
        elif kind not in kinds:  # "can the plaintiffs refile?": the noun is its subject
            kinds.append(kind)
    if Kind.QUOTE in kinds and speaker_text and kinds[0] is not Kind.QUOTE:
        kinds.remove(Kind.QUOTE)
        kinds.insert(0, Kind.QUOTE)  # "what did the dissent say?" wants words, not a name
    if Kind.PRIOR in kinds and Kind.OUTCOME in kinds:
        kinds.remove(Kind.OUTCOME)  # "what did the lower court decide?" is about the lower court
    remainder = "".join(" " if consumed[i] else ch for i, ch in enumerate(text))
    if speaker_text:
        after = text[text.find(speaker_text) + len(speaker_text) :]
        asking = _ASKING_VERBS.match(after)
        if asking:
            remainder += " " + asking.group(1)
    if Kind.QUOTE in kinds and speaker_text:
        remainder = remainder.replace(speaker_text, " ")
    residual: dict[str, None] = {}
    for word in words(remainder):
        if word in STOPWORDS:
            continue
        s = stem(word)
        if s in GENERIC_STEMS:
            continue
        residual.setdefault(s, None)

    speaker: tuple[str, ...] = ()
    role: str | None = None
    pronoun = False
    if speaker_text:
        speaker_words = [w for w in words(speaker_text) if w not in STOPWORDS or w in _PRONOUNS]
        if speaker_words and all(w in _PRONOUNS for w in speaker_words):
            pronoun = True
        else:
            plain = [w for w in speaker_words if w not in _PRONOUNS]
            roles = {_ROLE_SPEAKERS[w] for w in plain if w in _ROLE_SPEAKERS}
            others = [w for w in plain if w not in _ROLE_SPEAKERS and w not in {"the", "lower"}]
            if roles and not others:
                role = "judge" if "judge" in roles else "court"
            speaker = tuple(dict.fromkeys(stem(w) for w in plain))
    counted: tuple[str, ...] = ()
    name_target = _NAME_TARGET.search(text)
    how_many = _HOW_MANY.search(text)
    if how_many:
        first, second = how_many.groups()
        counted = (stem(first),)
        if second and second.lower() not in STOPWORDS and not second.lower().endswith("ed"):
            counted += (stem(second),)  # "truck trips", "polling places"
    elif name_target:
        counted = (stem(name_target.group(1) or name_target.group(2)),)
    names = tuple(
        dict.fromkeys(
            stem(w)
            for m in _CAPITALISED.finditer(text)
            if m.start() > 0
            for w in words(m.group(0))
            if w not in STOPWORDS
        )
    )
    lowered = text.lower()
    how_much = bool(re.search(r"\bhow\s+(?:much|big|large)\b(?!\s+(?:time|longer))", lowered))
    how_long = bool(
        re.search(r"\bhow\s+(?:long|late|soon)\b|\bhow\s+much\s+(?:time|longer)\b", lowered)
    )
    wants_author = bool(
        re.search(r"\bwho\s+(?:wrote|authored|is\s+the\s+author)|\bwrote\s+for\b", lowered)
    ) or ("majority" in lowered and Kind.JUDGE in kinds)
    all_words = words(text)
    followup = (
        bool(_FOLLOWUP_START.match(text))
        or pronoun
        or len(all_words) <= 2
        or any(w in _PRONOUNS or w in {"it", "that", "this"} for w in all_words)
    )
    soft = tuple(dict.fromkeys(t for t in soft_terms if t in residual))
    return ParsedQuestion(
        text=text,
        kinds=tuple(kinds),
        terms=tuple(t for t in residual if t not in soft),
        soft=soft,
        speaker=speaker,
        speaker_role=role,
        speaker_pronoun=pronoun,
        counted=counted,
        names=names,
        followup=followup,
        wants_author=wants_author,
        how_much=how_much,
        how_long=how_long,
    )


def with_history(
    parsed: ParsedQuestion, history: Sequence[tuple[str, str]]
) -> tuple[ParsedQuestion, ParsedQuestion | None]:
    """Lean a short follow-up on the previous question; returns it with that previous question.

    "And the defendants?" keeps its own kind; "Why?" after "Who dissented?" borrows the
    dissent; "what did she say?" borrows whoever the previous answer named.
    """
    if not history or not parsed.followup:
        return parsed, None
    previous = parse(history[-1][0])
    kinds = parsed.kinds or previous.kinds
    context: dict[str, float] = {}
    for term in previous.terms + previous.speaker:
        if term not in parsed.terms:
            context[term] = 0.5
    for kind in previous.kinds:
        if kind not in kinds:
            context.setdefault(f"@{kind.value}", 0.5)
    speaker = parsed.speaker
    role = parsed.speaker_role
    if parsed.speaker_pronoun and not speaker:
        role = None
    merged = ParsedQuestion(
        text=parsed.text,
        kinds=tuple(kinds),
        terms=parsed.terms,
        soft=parsed.soft,
        speaker=speaker,
        speaker_role=role,
        speaker_pronoun=parsed.speaker_pronoun,
        counted=parsed.counted,
        names=parsed.names,
        followup=True,
        wants_author=parsed.wants_author,
        how_much=parsed.how_much,
        how_long=parsed.how_long,
        context=context,
    )
    return merged, previous
