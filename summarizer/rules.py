"""The default backend: deterministic, offline rules that turn an article into grounded facts."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from operator import attrgetter

from summarizer import dates
from summarizer.case import find_caption, find_docket
from summarizer.courts import decide_level, select_court
from summarizer.facts import Facts, Judge
from summarizer.gates import fold
from summarizer.judges import select_judges
from summarizer.names import surname
from summarizer.outcome import (
    Event,
    build_outcome,
    find_motion,
    later_motion,
    lead_events,
    lead_sentences,
    more_events,
    resolve_class,
)
from summarizer.parties import extract_parties
from summarizer.quotes import find_key_quote
from summarizer.ruling import is_ruling
from summarizer.summary import build_summary
from summarizer.text import Doc, Sentence, prepare

logger = logging.getLogger(__name__)

EXTRACTOR_NAME = "rules"
EXTRACTOR_VERSION = "6"

_CRIMINAL_LEAD = re.compile(r"\b(?:sentenc|convict|pleaded guilty|prosecut)", re.I)
_TEXT = attrgetter("text")
_CRIMINAL_WORDS = ("sentenc", "convict", "pleaded guilty", "prosecut")


def summarize(text: str, *, title: str | None = None, published: datetime | None = None) -> Facts:
    """Return the facts of the ruling the article reports; never raises on odd input."""
    doc = prepare(text or "", title)
    headline = doc.headline.text if doc.headline else (title or None)
    fallback = _lead_summary(doc)
    if not doc.sentences and doc.headline is None:
        return Facts(is_ruling=False, headline=headline, summary="")
    level = decide_level(doc)
    lead = lead_events(doc)
    judge_hits = select_judges(doc, level)
    judges = [j for j, _ in judge_hits]
    # The later sentences' events matter only when the lead has none, when the lead's events
    # settle no class, or when no earlier sentence names the motion: most articles need none.
    later_found: list[list[Event]] = []

    def later() -> list[Event]:
        if not later_found:
            later_found.append(more_events(doc, [surname(j.name) for j in judges]))
        return later_found[0]

    if not is_ruling(doc, lead, later() if not lead else [], bool(judges)):
        return Facts(is_ruling=False, headline=headline, summary=fallback)

    evidence: dict[str, str] = {}
    if judge_hits:
        evidence["judges"] = judge_hits[0][1]
    caption = find_caption(doc)
    criminal = _criminal_lead(doc)
    parties = extract_parties(doc, caption[0] if caption else None, criminal)
    evidence.update(parties.evidence)

    events = lead or later()
    cls, decisive = resolve_class(events, parties.plaintiffs, parties.defendants)
    bare = decisive is not None and decisive.cls == "other"  # a lead saying only "ruled that"
    if (cls is None or bare) and lead and later():
        # Such a lead gives way to a later sentence naming the kind of decision.
        later_cls, later_decisive = resolve_class(later(), parties.plaintiffs, parties.defendants)
        if later_cls is not None and (cls is None or later_cls != "other"):
            cls, decisive = later_cls, later_decisive
    text_event = _text_event(events, decisive)

    event_sentences = [e.sentence for e in events if not e.sentence.is_headline]
    judge_sentences = [ev for _, ev in judge_hits]
    judge_printed = _printed_as(doc, judge_sentences)
    court_hit = select_court(doc, level, judge_sentences + [s.text for s in event_sentences])
    court = court_hit[0] if court_hit else None
    if court_hit:
        evidence["court"] = court_hit[1]

    # The first sentence naming a motion wins, so the later events' sentences (read last) are
    # looked at only when the earlier ones name none.
    earlier = _unique(event_sentences + judge_printed)
    # When the later events are not read yet, only those of sentences naming a motion are.
    motion_hit = find_motion(earlier) or (
        find_motion(_unique(earlier + [e.sentence for e in later()])[len(earlier) :])
        if later_found
        else later_motion(doc, [surname(j.name) for j in judges], earlier)
    )
    motion = motion_hit[0] if motion_hit else None
    outcome = build_outcome(cls, text_event, motion)
    if text_event is not None and cls is not None:
        evidence["outcome"] = text_event.sentence.text

    decision_date = _decision_date(events, decisive, published, doc, judge_printed)
    if decision_date:
        evidence["decision_date"] = decision_date[1]

    quote_hit = find_key_quote(doc, [j.name for j in judges])
    if quote_hit:
        evidence["key_quote"] = quote_hit[1]
    if caption:
        evidence["case_name"] = caption[1]
    docket = find_docket(doc)
    if docket:
        evidence["docket"] = docket[1]

    summary = build_summary(
        judges, court, level, outcome, parties.plaintiffs, parties.defendants, fallback
    )
    facts = Facts(
        is_ruling=True,
        headline=headline,
        summary=summary,
        judges=tuple(judges),
        court=court,
        outcome=outcome,
        plaintiffs=tuple(parties.plaintiffs),
        defendants=tuple(parties.defendants),
        case_name=caption[0] if caption else None,
        docket=docket[0] if docket else None,
        decision_date=decision_date[0] if decision_date else None,
        key_quote=quote_hit[0] if quote_hit else None,
        evidence=evidence,
    )
    return ground(facts, doc)


def _criminal_lead(doc: Doc) -> bool:
    """Whether the headline and the first sentences speak of a prosecution; the pattern is asked
    only when the case-folded text holds one of its words."""
    head = [doc.headline.norm] if doc.headline else []
    lead = " ".join(head + [s.norm for s in doc.sentences[:4]])
    low = fold(lead)
    return any(w in low for w in _CRIMINAL_WORDS) and _CRIMINAL_LEAD.search(lead) is not None


def _printed_as(doc: Doc, texts: list[str]) -> list[Sentence]:
    """The body sentences printed exactly as one of `texts`, in order: the sentences' texts are
    compared with each text by list.count and list.index, in C, instead of one membership test
    per sentence in Python."""
    if not texts:
        return []
    printed = list(map(_TEXT, doc.sentences))
    found: set[int] = set()
    done: list[str] = []
    for text in texts:
        if text in done:
            continue
        done.append(text)
        start = 0
        for _ in range(printed.count(text)):
            start = printed.index(text, start) + 1
            found.add(start - 1)
    return [doc.sentences[i] for i in sorted(found)]


def _unique(sentences: list) -> list:  # type: ignore[type-arg]
    seen: set[int] = set()
    out = []
    for s in sentences:
        if id(s) not in seen:
            seen.add(id(s))
            out.append(s)
    return out


def _text_event(events: list[Event], decisive: Event | None) -> Event | None:
    """Prefer a body sentence's wording of the decisive class over the headline's."""
    if decisive is None:
        return None
    if decisive.sentence.is_headline:
        for ev in events:
            if ev.cls == decisive.cls and not ev.sentence.is_headline:
                return ev
    return decisive


def _decision_date(
    events: list[Event],
    decisive: Event | None,
    published: datetime | None,
    doc: Doc,
    judge_printed: list[Sentence],
) -> tuple[str, str] | None:
    """The date printed nearest the decisive verb; "today" (often the press release's own day)
    only when nothing more specific is printed; then the judge's and the lead's sentences."""
    ordered = ([decisive] if decisive else []) + [e for e in events if e is not decisive]
    # The first specific date wins outright: the events after it are not read.
    first: tuple[str, str] | None = None
    for ev in ordered:
        if ev.sentence.is_headline:
            continue
        printed = dates.find_date(ev.sentence.norm, ev.sentence.text, ev.start)
        if printed:
            if printed.lower() not in ("today", "tonight"):
                return dates.resolve(printed, published), ev.sentence.text
            if first is None:
                first = (printed, ev.sentence.text)
    if first is None:
        for sent in judge_printed + lead_sentences(doc):
            printed = dates.find_date(sent.norm, sent.text, 0)
            if printed:
                first = (printed, sent.text)
                break
    elif judge_printed:
        # A press release's "today" is the day it announces the ruling; the judge's own sentence
        # may give the day the order itself was issued ("Judge X issued the order on May 12").
        for sent in judge_printed:
            if not _ISSUED.search(sent.norm):
                continue
            printed = dates.find_date(sent.norm, sent.text, 0)
            if printed and printed.lower() not in ("today", "tonight"):
                return dates.resolve(printed, published), sent.text
    if first is None:
        return None
    return dates.resolve(first[0], published), first[1]


_ISSUED = re.compile(
    r"\b(?:issued|signed|entered|filed|handed down) (?:the|an?|her|his) "
    r"(?:\w+ )?(?:order|ruling|decision|opinion|judgment|injunction)\b"
)


def _lead_summary(doc: Doc) -> str:
    for sent in doc.sentences[:3]:
        if len(sent.text) >= 40 and sent.text[-1:] in ".!\"'”’":
            return sent.text if len(sent.text) <= 400 else sent.text[:397].rsplit(" ", 1)[0] + "…"
    return doc.headline.text if doc.headline else ""


def ground(facts: Facts, doc: Doc) -> Facts:
    """Drop any judge, party, quote or caption that does not occur in the article as printed."""
    raw = doc.raw_text
    head = doc.headline.text if doc.headline else ""

    def ok(value: str | None) -> bool:
        # As printed means in the body joined with the headline after a line break; only a value
        # with a line break can occur there without occurring in one of the two.
        if not value:
            return False
        return value in raw or value in head or ("\n" in value and value in f"{raw}\n{head}")

    judges = tuple(j for j in facts.judges if ok(j.name))
    plaintiffs = tuple(p for p in facts.plaintiffs if ok(p))
    defendants = tuple(d for d in facts.defendants if ok(d))
    quote = facts.key_quote if ok(facts.key_quote) else None
    case_name = facts.case_name if ok(facts.case_name) else None
    docket = facts.docket if ok(facts.docket) else None
    dropped = [
        key
        for key, value in (
            ("judges", judges),
            ("plaintiffs", plaintiffs),
            ("defendants", defendants),
            ("key_quote", quote),
            ("case_name", case_name),
            ("docket", docket),
        )
        if not value and key in facts.evidence
    ]
    if (
        not dropped
        and len(judges) == len(facts.judges)
        and len(plaintiffs) == len(facts.plaintiffs)
        and len(defendants) == len(facts.defendants)
        and quote == facts.key_quote
        and case_name == facts.case_name
        and docket == facts.docket
    ):
        return facts  # everything is printed: the facts stand as they are
    evidence = dict(facts.evidence)
    for key in dropped:
        evidence.pop(key, None)
    return Facts(
        is_ruling=facts.is_ruling,
        headline=facts.headline,
        summary=facts.summary,
        judges=tuple(Judge(j.name, j.title) for j in judges),
        court=facts.court,
        outcome=facts.outcome,
        plaintiffs=plaintiffs,
        defendants=defendants,
        case_name=case_name,
        docket=docket,
        decision_date=facts.decision_date,
        key_quote=quote,
        evidence=evidence,
    )
