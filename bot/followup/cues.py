"""Question-type cues: what a sentence that answers each kind of question tends to contain.

Each kind has a short table of (pattern, weight) read against the sentence text, plus a gate:
a test the sentence must pass to be an answer at all (a "how many" answer holds a number, a
"who is the judge" answer names one). Tables are data so they read and grow easily.
"""

from __future__ import annotations

import re

from bot.followup.questions import Kind

_I = re.IGNORECASE

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|march|april|may|june|july|aug(?:ust|\.)?|"
    r"sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_NUMBER_WORD = (
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|dozens?|half|unanimous(?:ly)?|all)\b"
)

# A judicial title followed by at least one capitalised name: "U.S. District Judge Ana Ruiz".
JUDGE_NAME = re.compile(
    r"\b(?:Judges?|Justices?|Chancellor|Magistrate)\s+((?:[A-Z][A-Za-z'’.-]+)(?:\s+[A-Z][A-Za-z'’.-]+)*)"
)
COURT_NAME = re.compile(
    r"\b(?:(?:Supreme|Superior|District|Circuit|Chancery|Bankruptcy|Appellate|County|Federal)\s+"
    r"Court\b|Court\s+of\s+(?:Appeals?|Common\s+Pleas|Chancery|Federal\s+Claims|International)|"
    r"\d+(?:st|nd|rd|th)\s+U\.S\.\s+Circuit|(?:\w+\s+){0,2}Circuit\b|[Ff]ederal\s+court\s+in\s+[A-Z]|"
    r"Review\s+Commission|Labor\s+Relations\s+Board|[A-Z]\w+\s+(?:Supreme|High)\s+Court)"
)
DATE = re.compile(
    rf"\b(?:{_WEEKDAY}|{_MONTH}\s+\d|{_MONTH}\b(?=\s+(?:of|in|\d))|(?:19|20)\d\d\b|"
    r"(?:last|next|this|later\s+this|earlier\s+this|early\s+next|late\s+next)\s+"
    r"(?:week|month|year|spring|summer|fall|winter|term|session)|yesterday|today|tonight|"
    r"ago\b|within\s+\w+\s+(?:days|weeks|months)|(?:days|weeks|months)\s+(?:after|before|from))",
    _I,
)
DATE_GATE = re.compile(
    rf"\b(?:{_WEEKDAY}|{_MONTH}\s+\d|{_MONTH}\b(?=\s+(?:of|in|\d))|(?:in|by|since|until|before|after)\s+"
    rf"{_MONTH}\b|(?:19|20)\d\d\b|(?:last|next|this|later\s+this|earlier\s+this|early\s+next|"
    r"late\s+next|second\s+half\s+of\s+next|first\s+half\s+of\s+next)\s+"
    r"(?:week|month|year|spring|summer|fall|winter|term|session)|yesterday|today|tonight|ago\b|"
    r"(?:days|weeks|months)\s+(?:after|before|from))",
    _I,
)
NUMBER = re.compile(rf"\d|\$|%|{_NUMBER_WORD}", _I)
QUOTE_MARK = re.compile(r"[\"“”]")
SAY_VERB = re.compile(
    r"\b(?:said|says|say|saying|told|tells|wrote|writes|writing|added|argued|argues|arguing|asked|"
    r"called|claiming|alleging|contending|accusing|accused|alleged|"
    r"stated|noted|warned|urged|announced|contended|claimed|testified|according\s+to|"
    r"statement|interview|declined\s+to\s+comment|sought|seeks|wanted|requested)\b",
    _I,
)

VOTE = re.compile(
    r"\b\d{1,2}\s*-\s*\d{1,2}\b(?!\s*(?:cv|ca|cr)\b)(?!-)|\b\d{1,2}\s+to\s+\d{1,2}\s+(?:vote|decision|ruling)|"
    r"\bunanimous",
    _I,
)
DURATION = re.compile(
    rf"\b(?:\d+|{_NUMBER_WORD[2:-2]}|a|one)[\s-]+(?:days?|weeks?|months?|years?|hours?|minutes?|"
    r"decades?|semesters?)\b|\blife\b|\buntil\b|\bsince\s+(?:19|20)\d\d\b",
    _I,
)
MONEY = re.compile(r"\$|\b\d[\d,.]*\s*(?:million|billion|dollars|cents)\b|%|\bpercent\b", _I)
PRONOUN_START = re.compile(r"^(?:They|He|She|It|Those|These)\b")

Cue = tuple[re.Pattern[str], float]


def _cues(*pairs: tuple[str, float], flags: int = _I) -> tuple[Cue, ...]:
    return tuple((re.compile(p, flags), w) for p, w in pairs)


CUES: dict[Kind, tuple[Cue, ...]] = {
    Kind.WHY: _cues(
        (r"\bbecause\b|\bsince\s+the\b|\bgiven\s+that\b", 1.2),
        (r"\breason(?:ed|ing|s)?\b|\brationale\b", 0.8),
        (
            r"\b(?:found|finding|concluded|concluding|held|holding|ruled|ruling|determined|"
            r"explained|reasoned|noting|noted|said|wrote|writing)\s+(?:\w+\s+){0,2}that\b",
            1.2,
        ),
        (r"\bwrote\b|\bwriting\b|\bopinion\b", 0.5),
        (r"[\"“][^\"”]{30,}[\"”],?\s+(?:[\w.'-]+\s+){0,4}(?:wrote|said)\b", 0.6),
        (r"\bin\s+(?:his|her|its|their)\s+view\b", 1.0),
        (r"\bfailed\s+to\b|\bdid\s+not\b|\bnot\s+enough\b|\binsufficient\b|\bno\s+evidence\b", 0.6),
        (r"\bviolat|\black\s+of\b|\bunconstitutional|\barbitrary\b|\bpretext", 0.6),
        (r"\bwrong\s+test\b|\bstandard\b|\bprecedent\b|\bwithout\b", 0.3),
        (r"\bcaused\b|\bled\s+to\b|\bresult(?:ed)?\s+of\b|\bdue\s+to\b", 0.8),
    ),
    Kind.NEXT: _cues(
        (r"(?<!of )(?<!Court of )\bappeal(?!ed\b|s\s+court)", 1.2),
        (r"\bappealed\b", 0.3),
        (r"\brehear|\ben\s+banc\b|\bfull\s+(?:court|board)\b", 1.0),
        (r"\bhearing\b|\bconference\b|\btrial\s+date\b|\bbriefing\b", 0.8),
        (r"\bschedul|\bset\s+for\b|\bset\s+to\b|\bhas\s+been\s+set\b|\bdue\b", 0.8),
        (r"\bwill\b|\bwould\s+(?:ask|seek|file|appeal)\b", 0.4),
        (r"\bplans?\b|\bplanned\b|\bplanning\b|\bintends?\b", 0.6),
        (r"\bnext\s+(?:week|month|year|step)\b|\bnext\b", 0.5),
        (r"\bdeadline\b|\bwithin\s+\w+\s+(?:days|weeks)\b|\b\w+\s+days\s+to\b", 0.8),
        (r"\breturns?\s+to\b|\bremand|\bsent\s+(?:it|the\s+case)\s+back\b|\bback\s+to\b", 0.8),
        (r"\bexpect", 0.6),
        (r"\bcoming\s+(?:days|weeks|months)\b", 0.6),
        (r"\bcould\b|\bmay\b|\bmight\b|\bcan\b", 0.4),
        (r"\bconsider(?:ing)?\b|\bweighing\b|\bevaluating\b|\breview(?:ing)?\b", 0.6),
        (r"\bpetition\b|\bseek\b|\bask\s+the\b|\brefile|\bamended\s+complaint\b", 0.5),
        (r"\bremains?\s+in\s+effect\b|\bstays?\s+in\s+effect\b|\bwhile\s+the\s+case\b", 0.5),
        (r"\bpending\b|\bproceeds?\b|\bcontinue", 0.3),
    ),
    Kind.WHEN: _cues(
        (rf"\b{_WEEKDAY}\b", 1.2),
        (rf"\b{_MONTH}\s+\d", 1.2),
        (rf"\b(?:in|by|since|until|before|after|from)\s+{_MONTH}\b", 0.9),
        (r"\b(?:19|20)\d\d\b", 0.6),
        (
            r"\b(?:last|next|this|later\s+this|earlier\s+this|early\s+next)\s+"
            r"(?:week|month|year|spring|summer|fall|winter)\b|\btoday\b|\byesterday\b",
            1.0,
        ),
        (r"\bwithin\s+\w+\s+(?:days|weeks|months)\b|\b\w+\s+days\s+after\b", 0.8),
        (r"\bset\b|\bscheduled\b|\bexpected\b|\bdue\b|\buntil\b|\bby\b", 0.3),
    ),
    Kind.NUMBER: _cues(
        (r"\d", 1.0),
        (_NUMBER_WORD, 0.6),
        (r"\$|%|\bpercent\b|\bmillion\b|\bbillion\b", 0.5),
        (r"\b\d+\s*-\s*\d+\b", 0.4),
    ),
    Kind.JUDGE: (
        (JUDGE_NAME, 2.0),
        *_cues(
            (r"\bwrote\s+for\b|\bwriting\s+for\b|\bopinion\b|\bpresided\b|\bpresiding\b", 0.5),
            (
                r"\b(?:granted|issued|denied|ruled|ordered|confirmed|approved|handed\s+down|"
                r"dismissed|blocked|sentenced|concluded|found)\b",
                0.4,
            ),
            (r"\bdissent", -1.2),
            (r"\bhad\s+(?:\w+\s+)?(?:ruled|granted|blocked|struck|reduced|denied|found)\b", -0.8),
            (r"\bassigned\b|\bnominat", -0.4),
        ),
    ),
    Kind.COURT: (
        (COURT_NAME, 1.6),
        *_cues(
            (r"\bthe\s+case\s+is\b|\bpending\s+in\b|\bin\s+the\s+U\.S\.\b", 0.6),
            (r"\bcourt\b|\bpanel\b|\bjustices\b", 0.4),
            (r"\bhad\s+(?:\w+\s+)?(?:ruled|granted|blocked|struck|reduced)\b", -0.6),
        ),
    ),
    Kind.OUTCOME: _cues(
        (
            r"\b(?:blocked|barred|granted|denied|dismissed|upheld|upholds|struck|reversed|"
            r"affirmed|vacated|sentenced|approved|ordered|ruled|tossed|threw\s+out|sided|"
            r"rejected|confirmed|overturned|reinstated|refused|halted|paused|stayed|"
            r"entered\s+judgment|set\s+aside|thrown\s+out|wipes?\s+out)\b",
            1.2,
        ),
        (r"\bno\s+ruling\b|\bhas\s+not\s+ruled\b", 1.5),
        (r"\brequires?\b|\brequired\b|\bmust\b|\bordered\b|\bhas\s+to\b", 0.6),
        (r"\bjudge\b|\bcourt\b|\bjustices\b|\bpanel\b", 0.3),
        (r"\bhad\s+(?:\w+\s+)?(?:ruled|granted|blocked|struck|reduced|denied)\b", -0.8),
    ),
    Kind.PLAINTIFFS: _cues(
        (r"\bsued\b|\bsuing\b|\bsues\b", 1.2),
        (r"\b(?:filed|brought|challenged|led)\s+(?:\w+\s+){0,4}by\b", 1.4),
        (r"\bfiled\b|\bbrought\b|\bchallenge\s+was\b", 0.6),
        (r"\bplaintiffs?\b|\bpetitioners?\b|\bco-plaintiff\b|\bcharging\s+party\b", 1.0),
        (r"\bled\s+(?:the\s+)?(?:lawsuit|suit|challenge)\b|\bled\s+by\b|\bon\s+behalf\s+of\b", 0.8),
        (r"\bjoined\s+(?:by|as)\b|\bcoalition\b|\balong\s+with\b|\btogether\s+with\b", 0.5),
        (r"\bas\s+defendants\b|\bdefendants?\s+(?:are|were)\b", -0.8),
    ),
    Kind.DEFENDANTS: _cues(
        (r"\bas\s+defendants?\b|\bnamed\b.*\bdefendants?\b|\bdefendants\s+are\b", 1.8),
        (r"\bsued\s+(?:the|a|an|[A-Z])", 1.2),
        (r"\b(?:lawsuit|suit|case|complaint|action)\s+against\s+(?!it\b|them\b)", 1.2),
        (r"\bagainst\s+(?!it\b|them\b|him\b|her\b)|\bdefendants?\b|\brespondents?\b", 0.8),
        (r"\bsued\b|\blawsuit\s+named\b|\bsuit\s+named\b|\bnamed\b", 0.6),
        (r"\bin\s+(?:his|her)\s+official\s+capacity\b", 0.5),
    ),
    Kind.QUOTE: (
        (QUOTE_MARK, 0.8),
        (SAY_VERB, 0.8),
    ),
    Kind.ABOUT: _cues(
        (r"\blaw\b|\brule\b|\bpolicy\b|\bstatute\b|\bact\b|\bprogram\b|\bbill\b", 0.4),
        (r"\brequires?\b|\bwould\s+have\b|\bbars?\b|\bmakes?\b|\bchalleng|\baccus|\bover\b", 0.4),
        (r"\bsued\b|\blawsuit\b|\bclaims?\b|\ballege", 0.3),
    ),
    Kind.DISSENT: (
        (JUDGE_NAME, 1.0),
        *_cues(
            (r"\bdissent", 2.0),
            (r"\bdisagree|\bin\s+(?:his|her)\s+view\b", 0.6),
            (r"\bwrote\b|\bargued\b", 0.4),
        ),
    ),
    Kind.PRIOR: _cues(
        (
            r"\bhad\s+(?:\w+\s+)?(?:ruled|blocked|granted|struck|found|reduced|denied|dismissed|"
            r"sided|allowed|revived|approved)\b",
            1.5,
        ),
        (r"\b(?:lower|trial|district)\s+(?:court|judge)\b|\bU\.S\.\s+District\s+Judge\b", 0.8),
        (r"\blast\s+year\b|\bearlier\b|\bafter\s+a\s+\w+(?:-day)?\s+trial\b|\bpresided\b", 0.4),
        (r"\breversing\b|\breversed\b|\boverturned\b|\bagreed\s+with\b", 0.4),
    ),
    Kind.VOTE: (
        (VOTE, 2.0),
        *_cues(
            (r"\bvot|\bruling\b|\bdecision\b|\bdivided\b|\bsplit\b|\bruled\b|\bpanel\b", 0.5),
            (r"\bpassed\b|\bapproved\b|\bopinion\b", 0.3),
        ),
    ),
    Kind.DOCKET: _cues(
        (
            r"\bNo\.\s*\d|\bCase\s+(?:No\.\s*)?\d|\bDocket\s+No\.|\bcase\s+number\b",
            2.0,
        ),
    ),
    Kind.CASE_NAME: (
        (re.compile(r"\b[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*\s+v\.\s+[A-Z]"), 2.0),
        (re.compile(r"\bThe\s+case\s+is\b|\bcaptioned\b"), 0.6),
        (
            re.compile(
                r"\b[A-Z][\w.&'-]+(?:\s+[A-Z][\w.&'-]+)*\s+and\s+[A-Z][\w.&'-]+.*\bCase\s+\d"
            ),
            1.0,
        ),
    ),
}

# How much earlier sentences are favoured, per kind: ledes carry outcome and subject.
POSITION_PRIOR: dict[Kind, float] = {
    Kind.OUTCOME: 1.6,
    Kind.ABOUT: 2.0,
    Kind.JUDGE: 0.6,
    Kind.COURT: 0.5,
    Kind.PLAINTIFFS: 0.6,
    Kind.DEFENDANTS: 0.4,
    Kind.WHEN: 0.4,
    Kind.VOTE: 0.6,
    Kind.PRIOR: -0.8,  # the lede reports the new ruling, not the one under review
}

# A kind's cue total is capped so one kind cannot drown the words of the question.
CUE_CAP = 2.6


def cue_score(kind: Kind, text: str) -> float:
    total = 0.0
    if kind in (Kind.PLAINTIFFS, Kind.JUDGE, Kind.COURT) and PRONOUN_START.match(text):
        total -= 0.6  # "They sued ..." names no one
    for pattern, weight in CUES.get(kind, ()):
        if pattern.search(text):
            total += weight
    return max(-2.0, min(CUE_CAP, total))


def passes_gate(kind: Kind, text: str) -> bool:
    """Whether `text` can answer a question of this kind at all."""
    if kind is Kind.NUMBER:
        return bool(NUMBER.search(text))
    if kind is Kind.WHEN:
        return bool(DATE_GATE.search(text)) or bool(
            re.search(r"\bnot\s+(?:been\s+)?(?:set|scheduled)\b", text, _I)
        )
    if kind is Kind.JUDGE:
        return bool(JUDGE_NAME.search(text))
    if kind is Kind.COURT:
        return bool(COURT_NAME.search(text)) or bool(re.search(r"\bcourt\b", text, _I))
    if kind is Kind.DISSENT:
        return bool(re.search(r"\bdissent", text, _I))
    if kind is Kind.QUOTE:
        return bool(QUOTE_MARK.search(text) or SAY_VERB.search(text))
    if kind is Kind.DOCKET:
        return cue_score(kind, text) > 0
    if kind is Kind.VOTE:
        return bool(VOTE.search(text))
    if kind is Kind.CASE_NAME:
        return cue_score(kind, text) >= 1.0
    if kind in (Kind.PLAINTIFFS, Kind.DEFENDANTS, Kind.NEXT, Kind.OUTCOME, Kind.PRIOR):
        return cue_score(kind, text) > 0
    return True
