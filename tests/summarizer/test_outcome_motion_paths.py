"""The motion named in the later events' sentences, read with only the sentences that name a
motion read for events, is what the later events' sentences give."""

from __future__ import annotations

import random
from pathlib import Path

from summarizer import outcome, rules
from summarizer.names import surname
from summarizer.text import Doc, Sentence, prepare

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "dev_articles" / "articles"

_SENTENCES = [
    "A federal judge blocked the rule on Monday, granting a preliminary injunction.",
    "Judge Kessel denied the motion to dismiss the lawsuit brought by the city.",
    "The court granted summary judgment to the company in a separate case last year.",
    "Kessel said the agency would likely lose, and she stayed the deadline.",
    "The judge issued a temporary restraining order blocking the policy.",
    "The city said it would appeal the ruling to the Ninth Circuit.",
    "Lawyers for the state filed a motion for a stay pending appeal.",
    "The panel reversed the decision and sent the case back to Judge Kessel.",
    "The court did not rule on the class certification request.",
]


def _plain(doc: Doc, surnames: list[str], earlier: list[Sentence]) -> tuple[str, str] | None:
    later = [e.sentence for e in outcome.more_events(doc, surnames)]
    return outcome.find_motion(rules._unique(earlier + later)[len(earlier) :])


def _docs() -> list[Doc]:
    rng = random.Random(11)
    docs = []
    for _ in range(300):
        body = "\n\n".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 9)))
        docs.append(prepare(body, rng.choice([None, "Judge blocks rule"])))
    for path in sorted(ARTICLES.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        docs.append(prepare(raw.split("\n", 2)[-1], raw.split("\n", 1)[0]))
    return docs


def test_later_motion_is_the_motion_of_the_later_events_sentences():
    rng = random.Random(12)
    named = 0
    for doc in _docs():
        judge_lists = [[], ["Kessel"], ["Ann Kessel", ""]]
        for judge_names in judge_lists:
            surnames = [surname(name) for name in judge_names]
            sentences = doc.sentences
            earlier_choices = [
                [],
                outcome.lead_sentences(doc),
                rules._unique(rng.sample(sentences, min(len(sentences), 3))),
            ]
            for earlier in earlier_choices:
                expected = _plain(doc, surnames, earlier)
                assert outcome.later_motion(doc, surnames, earlier) == expected
                named += expected is not None
    assert named > 100
