"""Whether the article's news is a decision by a court or adjudicator (not a bill, rule or suit)."""

from __future__ import annotations

import re

from summarizer import tables
from summarizer.outcome import Event, names_ruling_day
from summarizer.text import Doc

_NON_RULING = re.compile(tables.NON_RULING_LEADS, re.I)
_OTHER_NON_RULING = re.compile(tables.OTHER_NON_RULING_LEADS, re.I)
_COMMENTARY = re.compile(tables.COMMENTARY_HEADLINE, re.I)
_RULING_HEADLINE = re.compile(tables.RULING_HEADLINE, re.I)
_COURT_SUBJECT = re.compile(tables.COURT_SUBJECTS, re.I)
_CLAUSE_OPENER = re.compile(tables.CLAUSE_OPENERS, re.I)
# The court after the verb: "was blocked Monday by a judge", "lost when a judge denied ...".
_BY_COURT = re.compile(
    rf"(?: [\w.'-]+){{0,8}}? (?:by|when) (?:[\w.'-]+ ){{0,6}}?{tables.COURT_SUBJECTS}", re.I
)
_WORD = re.compile(r"[\w']+")
_EARLIER = re.compile(tables.EARLIER_TIME, re.I)


def is_ruling(doc: Doc, lead: list[Event], later: list[Event], judges_found: bool) -> bool:
    """A ruling when the headline or lead reports a court's decision; a lead about a filing,
    proposal, nomination or bill with no decision in it is not."""
    # The commentary and ruling patterns are anchored at the start: matching there is what a
    # search finds, without trying every later position.
    if doc.headline and _COMMENTARY.match(doc.headline.norm):
        return False
    if any(e.sentence.is_headline for e in lead):
        return True
    head_norm = doc.headline.norm if doc.headline else ""
    first = doc.sentences[0] if doc.sentences else None
    if first is not None and any(e.sentence is first for e in lead):
        return True
    head_non_ruling = _NON_RULING.search(head_norm) is not None
    non_ruling = head_non_ruling or bool(first and _NON_RULING.search(first.norm))
    if lead:
        if not non_ruling or any(e.cls in ("sentenced",) for e in lead):
            return True
        # A lead often opens with who sued whom and reports the ruling next: a court deciding in
        # a later lead sentence makes it a ruling, unless the headline or the first sentence
        # speaks of something other than a suit (a bill, a proposed rule, a nomination), and a
        # headline that reports a decision outweighs both. A decision told at an earlier time
        # ("in June") is the suit's background.
        if (
            head_non_ruling or (first is not None and _OTHER_NON_RULING.search(first.norm))
        ) and not _ruling_headline(head_norm):
            return False
        return any(_court_decides(e) and not _told_as_earlier(e) for e in lead)
    return not non_ruling and (bool(later and judges_found) or _ruling_headline(head_norm))


def _ruling_headline(head_norm: str) -> bool:
    """ "Judge rules in ...", "Court sides with ...": a headline that reports a decision."""
    return bool(head_norm) and _RULING_HEADLINE.match(head_norm) is not None


def _told_as_earlier(event: Event) -> bool:
    """Whether the event's sentence dates it before the news ("in June", "last year") and names
    no day of a ruling ("on Monday", "today")."""
    sent = event.sentence
    return _EARLIER.search(sent.norm) is not None and not names_ruling_day(sent)


def _court_decides(event: Event) -> bool:
    """Whether a court or judge is the subject of the event's verb: a court word opens the verb's
    clause (not after a preposition or a subordinating word, as in "filed in federal court" or
    "since a judge blocked"), or follows the verb after "by" or "when" ("was blocked by a
    judge", "lost its bid when a judge denied it")."""
    norm = event.sentence.norm
    if _BY_COURT.match(norm, event.end):
        return True
    before = norm[max(0, event.start - 200) : event.start]
    opened = 0
    for m in _CLAUSE_OPENER.finditer(before):
        opened = m.end()
    clause = before[opened:]
    actor = _COURT_SUBJECT.search(clause)
    if actor is None:
        return False
    lead_in = clause[: actor.start()].rsplit(",", 1)[-1]
    return tables.NOT_SUBJECT_WORDS.isdisjoint(w.lower() for w in _WORD.findall(lead_in))
