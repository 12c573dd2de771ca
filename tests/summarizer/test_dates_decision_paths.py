"""The decision date read up to the first specific date agrees with the reading of every
event's date."""

from __future__ import annotations

import random
from datetime import datetime

from summarizer import dates, rules
from summarizer.outcome import lead_events, lead_sentences, more_events
from summarizer.text import Doc, Sentence, prepare


def _every_date(events, decisive, published, doc: Doc, judge_printed: list[Sentence]):
    """The reading as it was: every event's date, then the specific one first."""
    ordered = ([decisive] if decisive else []) + [e for e in events if e is not decisive]
    found: list[tuple[str, str]] = []
    for ev in ordered:
        if ev.sentence.is_headline:
            continue
        printed = dates.find_date(ev.sentence.norm, ev.sentence.text, ev.start)
        if printed:
            found.append((printed, ev.sentence.text))
    if not found:
        for sent in judge_printed + lead_sentences(doc):
            printed = dates.find_date(sent.norm, sent.text, 0)
            if printed:
                found.append((printed, sent.text))
                break
    if not found:
        return None
    specific = [f for f in found if f[0].lower() not in ("today", "tonight")]
    printed, sentence = (specific or found)[0]
    return dates.resolve(printed, published), sentence


_SENTENCES = [
    "A federal judge blocked the rule today, the court said in an order.",
    "The judge on Monday dismissed the lawsuit filed by the city of Alder.",
    "The court tonight reversed the conviction of the former mayor.",
    "The judge granted the motion to dismiss on May 5, 2024, the order shows.",
    "Judge Kessel denied the request for a stay, saying the law was clear.",
    "The panel affirmed the judgment on Jan. 3 in a short ruling by the court.",
    "The court said nothing more about the case in its brief order.",
]


def test_decision_date_read_up_to_the_first_specific_date_is_the_full_reading():
    rng = random.Random(10)
    published = datetime(2025, 5, 14, 12, 0)
    checked = 0
    for _ in range(400):
        body = "\n\n".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 6)))
        doc = prepare(body, rng.choice([None, "Judge blocks rule today"]))
        events = lead_events(doc) + more_events(doc, ["Kessel"])
        judge_printed = [s for s in doc.sentences if "Kessel" in s.text]
        for decisive in [None, *events[:3]]:
            for when in (published, None):
                expected = _every_date(events, decisive, when, doc, judge_printed)
                got = rules._decision_date(events, decisive, when, doc, judge_printed)
                assert got == expected, body
                checked += expected is not None
    assert checked > 500
