"""The key quotation read with the embedded quotations looked for last agrees with the reading
that looks for one in passing, sentence by sentence."""

from __future__ import annotations

import random
from pathlib import Path

from summarizer import quotes
from summarizer.text import Doc, normalise, prepare

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "dev_articles" / "articles"


def _eager(doc: Doc, judge_names: list[str]) -> tuple[str, str] | None:
    """The reading as it was: each passed-over sentence's embedded quotation read in passing."""
    judge_words = {w for name in judge_names for w in normalise(name).split() if len(w) > 2}
    embedded: tuple[str, str] | None = None
    for i in quotes._quoting(doc):
        sent = doc.sentences[i]
        norm = sent.norm
        m = quotes._LEADING.match(norm)
        if m:
            speaker = m.group("speaker") or m.group("speaker2") or ""
            ok = quotes._judicial(speaker, judge_words)
            if not ok and quotes._PRONOUN.match(speaker.strip()):
                prev = quotes._before(doc, i)
                if (
                    quotes._COURT_OR_JUSTICE.search(prev) or any(w in prev for w in judge_words)
                ) and not quotes._dissenting(prev[-200:]):
                    ok = "wrote" in norm[m.end("q") : m.end("q") + 30] or bool(judge_words)
            if ok and not quotes._dissenting(norm):
                q = m.group("q")
                start = norm.index(q)
                return quotes._trim(sent.text[start : start + len(q)]), sent.text
            continue
        if embedded is None and not quotes._dissenting(norm):
            e = quotes._embedded(norm)
            if e:
                speaker = e.group("speaker")
                ok = quotes._judicial(speaker, judge_words)
                if not ok and quotes._PRONOUN.match(speaker) is not None:
                    prev = quotes._before(doc, i)
                    ok = quotes._COURT_OR_JUDGE.search(prev) is not None or any(
                        w in prev or w in norm[: e.start()] for w in judge_words
                    )
                if ok:
                    embedded = (quotes._trim(sent.text[e.start("q") : e.end("q")]), sent.text)
    return embedded


_SENTENCES = [
    'The judge wrote that "the statute plainly forbids this conduct."',
    '"The law is clear and settled here," the spokesperson said.',
    '"This policy cannot stand under the law," Judge Kessel wrote.',
    '"We will appeal this decision promptly," she said.',
    'In a dissent, the judge wrote "the majority errs in every way."',
    'Smith said "the ruling is a disappointment to us all."',
    'She also wrote that "the agency acted without any authority."',
    "The court ruled for the city.",
    '"The order is vacated in full today," he wrote.',
    'Justice Kessel, concurring, said "I agree only in part."',
]


def test_embedded_quotation_read_last_is_the_one_read_in_passing():
    rng = random.Random(9)
    names = [[], ["Ann Kessel"], ["Ann Kessel", "Bo Li"], ["Smith Jones"]]
    docs = []
    for _ in range(600):
        body = "\n\n".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 6)))
        docs.append(prepare(body))
    for path in sorted(ARTICLES.glob("*.txt"))[:20]:
        docs.append(prepare(path.read_text(encoding="utf-8")))
    for doc in docs:
        for judge_names in names:
            assert quotes.find_key_quote(doc, judge_names) == _eager(doc, judge_names)


def test_plain_names_are_their_own_normalised_form():
    for name in [
        "Ann Kessel",
        "Ann\tKessel",
        "O`Neil",
        "O\u2019Neil",
        "Ren\u00e9e Li",
        "Bo  Li",
        "",
    ]:
        assert quotes._normalised(name) == normalise(name), name
    for code in range(128):
        assert quotes._normalised(chr(code)) == normalise(chr(code)), code
