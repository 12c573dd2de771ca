"""Whether the article's news is a decision by a court or adjudicator (not a bill, rule or suit)."""

from __future__ import annotations

import re

from summarizer import tables
from summarizer.outcome import Event
from summarizer.text import Doc

_NON_RULING = re.compile(tables.NON_RULING_LEADS, re.I)
_COMMENTARY = re.compile(tables.COMMENTARY_HEADLINE, re.I)


def is_ruling(doc: Doc, lead: list[Event], later: list[Event], judges_found: bool) -> bool:
    """A ruling when the headline or lead reports a court's decision; a lead about a filing,
    proposal, nomination or bill with no decision in it is not."""
    # The commentary pattern is anchored at the start: matching there is what a search finds,
    # without trying every later position.
    if doc.headline and _COMMENTARY.match(doc.headline.norm):
        return False
    if any(e.sentence.is_headline for e in lead):
        return True
    head_norm = doc.headline.norm if doc.headline else ""
    first = doc.sentences[0] if doc.sentences else None
    if first is not None and any(e.sentence is first for e in lead):
        return True
    non_ruling = bool(_NON_RULING.search(head_norm) or (first and _NON_RULING.search(first.norm)))
    if lead:
        return not non_ruling or any(e.cls in ("sentenced",) for e in lead)
    return bool(later and judges_found and not non_ruling)
