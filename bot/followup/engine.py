"""Answer a follow-up question from one article: from its facts when it asks for one, else by
ranking the article's sentences, and never beyond what the article says.

The default engine is offline and deterministic. Questions about a fact (judge, court, outcome,
parties, date, docket) are answered from the summarizer's `Facts` with the sentence that fact
came from. Everything else ranks sentences with BM25 plus question-type cues and quotes the best
supported one verbatim. When the question's own words are not in the article, or no sentence
passes the kind's gate, the engine declines rather than guess.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot import messages
from bot.followup import cues
from bot.followup.bm25 import BM25
from bot.followup.questions import Kind, ParsedQuestion, parse, with_history
from bot.followup.sentences import Sentence, split_sentences
from bot.followup.text import SYNONYM_WEIGHT, stem, synonyms, terms, words
from bot.models import Answer, Article, Facts

logger = logging.getLogger(__name__)

# Tuned on bench/data/qa_dev.jsonl (see bench/qa.py); change them only with the bench.
UNKNOWN_MAX = 0.5  # share of the question's weight in words the article never uses
COVERAGE_MIN = 0.34  # share of the question's weight the answer sentence must carry
CUE_MIN = 0.8  # cue strength an answer needs when the question has no words of its own
SPEAKER_MIN = 0.7
CONTEXT_WEIGHT = 0.5  # a question word found only in the sentence before, same paragraph
DEFAULT_PRIOR = 0.3  # news puts what matters first
# Kinds with a strong gate need less of the question's own words; "why" and "what next"
# answers rarely repeat them.
COVERAGE_BY_KIND = {Kind.VOTE: 0.2, Kind.WHY: 0.2, Kind.NEXT: 0.25, Kind.DOCKET: 0.0}
UNKNOWN_BY_KIND = {Kind.WHY: 0.67, Kind.NEXT: 0.6}
COVERAGE_BONUS = 1.5
HEADING_BONUS = 1.5
SECOND_SENTENCE = 0.85  # a runner-up this close to the best is quoted too (why / next / about)
MAX_EVIDENCE = 2

_FACT_KINDS = frozenset(
    {
        Kind.JUDGE,
        Kind.COURT,
        Kind.OUTCOME,
        Kind.PLAINTIFFS,
        Kind.DEFENDANTS,
        Kind.WHEN,
        Kind.DOCKET,
        Kind.CASE_NAME,
    }
)
_TWO_SENTENCE_KINDS = frozenset({Kind.WHY, Kind.NEXT, Kind.ABOUT})
_PERSON = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’-]+))*\s+[A-Z][A-Za-z'’-]+")


def decline() -> Answer:
    return Answer(text=messages.FOLLOWUP_NOT_SAID, evidence=(), found=False)


@dataclass(slots=True)
class _Doc:
    sentence: Sentence
    terms: set[str]
    before: set[str]  # the previous sentence of the paragraph: who "she" is, what "it" was


def answer(
    question: str,
    article: Article,
    facts: Facts,
    history: Sequence[tuple[str, str]] = (),
) -> Answer:
    """Answer `question` about `article`; `history` is the thread's earlier (question, answer)."""
    question = question.strip()
    sentences = split_sentences(article.text)
    if not question or not sentences or not words(question):
        return decline()
    parsed, _previous = with_history(parse(question), history)
    from_facts = _answer_from_facts(parsed, facts, article, sentences)
    if from_facts is not None:
        return from_facts
    previous_answer = history[-1][1] if history and parsed.followup else ""
    return _answer_from_sentences(parsed, facts, sentences, previous_answer)


# --- facts ---------------------------------------------------------------------------------


def _answer_from_facts(
    parsed: ParsedQuestion, facts: Facts, article: Article, sentences: Sequence[Sentence]
) -> Answer | None:
    kind = parsed.kind
    if kind is None or parsed.terms or parsed.soft or parsed.context or len(parsed.kinds) > 1:
        return None  # only a plain fact question ("who sued?") is answered from the facts
    label, values, keys = _fact_value(kind, parsed, facts)
    if not values:
        return None
    evidence = _evidence_for(facts, keys, values, sentences, kind)
    if evidence is None:
        return None  # a fact the article does not show is not an answer
    return Answer(text=f"{label}: {'; '.join(values)}", evidence=(evidence,), found=True)


def _fact_value(
    kind: Kind, parsed: ParsedQuestion, facts: Facts
) -> tuple[str, list[str], tuple[str, ...]]:
    labels = messages.FOLLOWUP_FACT_LABELS
    if kind is Kind.JUDGE and facts.judges:
        if parsed.wants_author and len(facts.judges) > 1:
            return "", [], ()  # a panel: who wrote is in the sentences, not the list
        values = [f"{j.title} {j.name}" if j.title else j.name for j in facts.judges]
        return (
            labels["judge"] if len(values) == 1 else labels["judges"],
            values,
            ("judges", "judge"),
        )
    if kind is Kind.COURT and facts.court:
        return labels["court"], [facts.court], ("court",)
    if kind is Kind.OUTCOME and (facts.outcome.text or facts.outcome.cls):
        text = facts.outcome.text or (facts.outcome.cls or "").replace("_", " ")
        return labels["outcome"], [text], ("outcome",)
    if kind is Kind.PLAINTIFFS and facts.plaintiffs:
        return labels["plaintiffs"], list(facts.plaintiffs), ("plaintiffs",)
    if kind is Kind.DEFENDANTS and facts.defendants:
        return labels["defendants"], list(facts.defendants), ("defendants",)
    if kind is Kind.WHEN and facts.decision_date:
        return labels["decided"], [facts.decision_date], ("decision_date", "date")
    if kind is Kind.DOCKET and facts.docket:
        return labels["docket"], [facts.docket], ("docket",)
    if kind is Kind.CASE_NAME and facts.case_name:
        return labels["case_name"], [facts.case_name], ("case_name",)
    return "", [], ()


def _norm(text: str) -> str:
    return " ".join(text.split())


def _evidence_for(
    facts: Facts,
    keys: Sequence[str],
    values: Sequence[str],
    sentences: Sequence[Sentence],
    kind: Kind,
) -> str | None:
    """The article sentence a fact rests on: the summarizer's own evidence when it is verbatim,
    else the first sentence that contains the fact."""
    for key, sentence in facts.evidence.items():
        base = key.split(".")[0].split("[")[0]
        if base not in keys or not sentence:
            continue
        wanted = _norm(sentence)
        for s in sentences:
            mine = _norm(s.text)
            overlaps = wanted in mine or (mine in wanted and len(mine) > 20)
            if overlaps and (base == "outcome" or _mentions_any(mine, values)):
                return s.text
    for value in values:
        naming = [s for s in sentences if _mentions_any(s.text, [value])]
        if naming:  # the one that reads most like an answer of this kind, earliest on ties
            return max(naming, key=lambda s: (cues.cue_score(kind, s.text), -s.index)).text
    return None


def _mentions_any(text: str, values: Sequence[str]) -> bool:
    """Whether `text` names one of `values` (in full, or a person's surname) as a word; names
    are matched with their capitals, so "Nobody" is not found in "nobody asked"."""
    for value in values:
        needle = _norm(value)
        if len(needle) < 3:
            continue
        probes = [needle]
        parts = needle.split()
        if len(parts) > 1 and len(parts[-1]) > 3:
            probes.append(parts[-1])
        for probe in probes:
            if re.search(rf"(?<!\w){re.escape(probe)}(?!\w)", text):
                return True
    return False


# --- sentences -----------------------------------------------------------------------------


def _documents(sentences: Sequence[Sentence]) -> list[_Doc]:
    docs: list[_Doc] = []
    for s in sentences:
        bag = terms(s.text)
        if s.heading:
            bag += terms(s.heading)
        if "$" in s.text:
            bag.append("money")  # "$400,000" answers "how much money"
        if "%" in s.text:
            bag.append("percent")
        before: set[str] = set()
        if docs and not s.first_in_paragraph:
            before = docs[-1].terms
        docs.append(_Doc(sentence=s, terms=set(bag), before=before))
    return docs


def _surnames(text: str) -> list[str]:
    """Stemmed surnames of people named in `text`, judges first."""
    found: list[str] = []
    for match in cues.JUDGE_NAME.finditer(text):
        found.append(stem(words(match.group(1))[-1]))
    for match in _PERSON.finditer(text):
        tokens = words(match.group(0))
        if tokens:
            found.append(stem(tokens[-1]))
    return list(dict.fromkeys(found))


def _judge_surnames(facts: Facts, sentences: Sequence[Sentence]) -> list[str]:
    names = [stem(words(j.name)[-1]) for j in facts.judges if words(j.name)]
    if names:
        return names
    for s in sentences:
        for match in cues.JUDGE_NAME.finditer(s.text):
            if not re.search(r"\bdissent|\bhad\s+", s.text, re.I):
                names.append(stem(words(match.group(1))[-1]))
        if names:
            return list(dict.fromkeys(names))
    return names


def _match(term: str, doc: _Doc) -> float:
    bag = doc.terms
    if term in bag:
        return 1.0
    if synonyms(term) & bag:
        return SYNONYM_WEIGHT
    if term in doc.before:
        return CONTEXT_WEIGHT
    return 0.0


@dataclass(slots=True)
class Candidate:
    """One sentence's standing for a question: its score, its parts, and whether it may answer."""

    index: int
    score: float
    supported: bool
    coverage: float
    parts: dict[str, float]


def score_sentences(
    parsed: ParsedQuestion,
    facts: Facts,
    sentences: Sequence[Sentence],
    previous_answer: str = "",
) -> tuple[list[Candidate], list[_Doc]] | None:
    """Every sentence scored for `parsed`; None when the question is off the article's page."""
    docs = _documents(sentences)
    index = BM25([sorted(d.terms) for d in docs])
    vocabulary = set(index.frequency)
    kind = parsed.kind

    # What the question is about, and how much of it the article never mentions.
    own = list(parsed.terms)
    weights = {t: index.idf(t) for t in own}
    total = sum(weights.values())
    unknown = sum(
        w for t, w in weights.items() if t not in vocabulary and not (synonyms(t) & vocabulary)
    )
    if own and total and unknown / total >= UNKNOWN_BY_KIND.get(kind, UNKNOWN_MAX):  # type: ignore[arg-type]
        return None
    coverage_min = COVERAGE_BY_KIND.get(kind, COVERAGE_MIN)  # type: ignore[arg-type]
    future = bool(re.search(r"\bwill\b|\bgoing\s+to\b|\bexpected\s+to\b", parsed.text, re.I))
    if kind is None and not own and not parsed.context:
        return None

    query: dict[str, float] = {}
    for t in own:
        query[t] = max(query.get(t, 0.0), 1.0)
        for syn in synonyms(t):
            query.setdefault(syn, SYNONYM_WEIGHT)
    for t in parsed.soft:
        query.setdefault(t, SYNONYM_WEIGHT)
    if parsed.how_much:
        query.setdefault("money", 0.5)
    context_kinds: list[Kind] = []
    for t, w in parsed.context.items():
        if t.startswith("@"):
            context_kinds.append(Kind(t[1:]))
        else:
            query.setdefault(t, w)

    # Whom a quote question is about.
    speaker: list[str] = list(parsed.speaker)
    speaker_is_name = any(s in parsed.names for s in speaker)
    if parsed.speaker_role == "judge" or (parsed.speaker_role == "court" and not speaker):
        speaker = _judge_surnames(facts, sentences)
        speaker_is_name = bool(speaker)
    elif parsed.speaker_role == "court":
        speaker = [*_judge_surnames(facts, sentences), "court", "majority", "panel"]
        speaker_is_name = False
    if parsed.speaker_pronoun:
        speaker = _surnames(previous_answer)[:1]
        speaker_is_name = bool(speaker)
    if kind is Kind.QUOTE and speaker and not speaker_is_name:
        weights_s = {t: index.idf(t) for t in speaker}
        total_s = sum(weights_s.values())
        known_s = sum(
            w for t, w in weights_s.items() if t in vocabulary or synonyms(t) & vocabulary
        )
        if total_s and known_s / total_s < SPEAKER_MIN:
            return None
    if kind is Kind.QUOTE and speaker_is_name and not any(s in vocabulary for s in speaker):
        return None

    names: list[str] = list(speaker) if speaker_is_name and not parsed.speaker else []
    if parsed.speaker and speaker_is_name:
        names = [s for s in speaker if s in parsed.names]

    previous_texts = [_norm(s.text) for s in sentences if _norm(s.text) in _norm(previous_answer)]
    previous_positions = [
        d.sentence.index for d in docs if _norm(d.sentence.text) in previous_texts
    ]

    # A follow-up without a fact kind of its own wants something new, near the last answer.
    fresh = bool(previous_positions) and not (set(parsed.kinds) & _FACT_KINDS)
    candidates: list[Candidate] = []
    for i, doc in enumerate(docs):
        text = doc.sentence.text
        parts: dict[str, float] = {"bm25": index.score(i, query)}
        if doc.before:  # "she wrote ..." leans on the sentence before it
            parts["before"] = 0.3 * index.score(i - 1, query)
        if doc.sentence.heading and doc.sentence.first_in_paragraph and (own or parsed.soft):
            heading_terms = set(terms(doc.sentence.heading))
            asked = [*own, *parsed.soft]
            parts["heading"] = HEADING_BONUS * sum(t in heading_terms for t in asked) / len(asked)
        if kind is not None:
            parts["cue"] = cues.cue_score(kind, text)
            parts["prior"] = cues.POSITION_PRIOR.get(kind, DEFAULT_PRIOR) / (1.0 + 0.3 * i)
        for other in parsed.kinds[1:]:
            parts[f"cue:{other.value}"] = 0.6 * cues.cue_score(other, text)
        for other in context_kinds:
            parts[f"ctx:{other.value}"] = 0.4 * cues.cue_score(other, text)

        speaker_ok = True
        if kind is Kind.QUOTE and speaker:
            speaker_ok = (
                _speaker_match(speaker, names, doc.terms, index, text)
                or _continues_quote(docs, i, speaker, names, index)
                or (
                    not names
                    and bool(doc.before)
                    and _speaker_match(speaker, names, doc.before, index)
                )
            )
            if speaker_ok and names and _speaks(text, names):
                parts["speaks"] = 1.0
            parts["speaker"] = 3.0 if speaker_ok else 0.0

        counted_ok = False
        if parsed.counted and kind is Kind.NAME:
            counted_ok = _name_next_to(text, parsed.counted, parsed.text)
        elif parsed.counted:
            counted_ok = _number_next_to(text, parsed.counted)
            parts["counted"] = 2.0 if counted_ok else 0.0
        if parsed.how_long and cues.DURATION.search(text):
            parts["duration"] = 1.0

        if previous_positions:
            if doc.sentence.index in previous_positions:
                parts["repeat"] = -3.0 if fresh else 0.0
            elif any(0 < doc.sentence.index - p <= 2 for p in previous_positions):
                same = any(
                    docs[p].sentence.paragraph == doc.sentence.paragraph for p in previous_positions
                )
                parts["near"] = 1.2 if same else 0.5

        coverage = 1.0
        if own and total:
            coverage = sum(weights[t] * _match(t, doc) for t in own) / total
            parts["cover"] = COVERAGE_BONUS * coverage
        gated = kind is not None and not (
            own and kind in (Kind.NEXT, Kind.OUTCOME, Kind.PRIOR)  # their words do the work
        )
        ok = speaker_ok and (not gated or cues.passes_gate(kind, text))  # type: ignore[arg-type]
        if not ok and kind is Kind.WHEN and future and cues.DURATION.search(text):
            ok = speaker_ok  # "when will it exit bankruptcy?" — "within 30 days"
        if parsed.how_much and kind is Kind.NUMBER:
            ok = ok and bool(cues.MONEY.search(text))
        if parsed.counted and kind in (Kind.NUMBER, Kind.NAME):
            ok = ok and counted_ok  # "how many states": a number next to "states"
        if parsed.how_long and kind is Kind.NUMBER and not parsed.counted:
            ok = ok and bool(cues.DURATION.search(text))
        if ok and own:
            ok = (
                coverage >= coverage_min
                or counted_ok
                or (kind is Kind.QUOTE and speaker_ok and bool(speaker))
            )
        if ok and not own and kind is not None and not (kind is Kind.QUOTE and speaker):
            strength = cues.cue_score(kind, text)
            if parsed.context:
                strength += sum(0.5 * cues.cue_score(k, text) for k in context_kinds)
                strength += index.score(i, {t: w for t, w in query.items() if t in doc.terms})
            ok = strength >= CUE_MIN
        candidates.append(Candidate(i, sum(parts.values()), ok, coverage, parts))
    return candidates, docs


def _answer_from_sentences(
    parsed: ParsedQuestion,
    facts: Facts,
    sentences: Sequence[Sentence],
    previous_answer: str,
) -> Answer:
    result = score_sentences(parsed, facts, sentences, previous_answer)
    if result is None:
        return decline()
    candidates, docs = result
    kind = parsed.kind
    ranked = sorted(
        ((c.score, c.index) for c in candidates if c.supported), key=lambda x: (-x[0], x[1])
    )
    if not ranked:
        return decline()
    best_score, best = ranked[0]
    chosen = [best]
    if len(docs[best].sentence.text.split()) < 5 and best + 1 < len(docs):
        if docs[best + 1].sentence.paragraph == docs[best].sentence.paragraph:
            chosen.append(best + 1)  # "No." says little without what follows
    elif kind is Kind.QUOTE and best + 1 < len(docs) and _is_bare_quote(docs, best + 1):
        chosen.append(best + 1)
    elif kind in _TWO_SENTENCE_KINDS and len(ranked) > 1:
        runner_score, runner = ranked[1]
        if runner_score >= SECOND_SENTENCE * best_score and runner_score > 0:
            chosen.append(runner)
    evidence = tuple(docs[i].sentence.text for i in sorted(chosen)[:MAX_EVIDENCE])
    return Answer(text=" ".join(evidence), evidence=evidence, found=True)


def _speaker_match(
    speaker: Sequence[str], names: Sequence[str], bag: set[str], index: BM25, text: str = ""
) -> bool:
    """A named speaker needs their (sur)name in the sentence, with any role word ("Mulcahy's
    lawyer") or a synonym of it close by; an unnamed one ("the city solicitor") most words."""
    named = [s for s in speaker if s in names]
    if named:
        if named[-1] not in bag:
            return False
        roles = [s for s in speaker if s not in names]
        return all(_near(text, named[-1], s) for s in roles) if text else True
    weights = {t: index.idf(t) for t in speaker}
    total = sum(weights.values()) or 1.0
    hits = sum(
        w * (1.0 if t in bag else SYNONYM_WEIGHT if synonyms(t) & bag else 0.0)
        for t, w in weights.items()
    )
    return hits / total >= SPEAKER_MIN


def _is_bare_quote(docs: Sequence[_Doc], i: int) -> bool:
    """A sentence that only continues the quotation before it, in the same paragraph."""
    text = docs[i].sentence.text
    return (
        i > 0
        and docs[i - 1].sentence.paragraph == docs[i].sentence.paragraph
        and text[:1] in '"“'
        and not cues.SAY_VERB.search(text)
    )


def _continues_quote(
    docs: Sequence[_Doc], i: int, speaker: Sequence[str], names: Sequence[str], index: BM25
) -> bool:
    return _is_bare_quote(docs, i) and _speaker_match(speaker, names, docs[i - 1].terms, index)


_NUMBERISH = re.compile(r"^(?:\$?[\d.,]+%?|" + cues._NUMBER_WORD[2:-2] + r")$", re.I)


def _number_next_to(text: str, counted: Sequence[str]) -> bool:
    """Whether a number stands just before the counted thing: "19 states", "212 titles"."""
    tokens = re.findall(r"[\w$%.,'-]+", text)
    stems = [stem(t.strip(".,").lower()) for t in tokens]
    wanted = set(counted)
    for c in counted:
        wanted |= synonyms(c)
    for i, s in enumerate(stems):
        if s not in wanted:
            continue
        for j in range(max(0, i - 3), i):
            if _NUMBERISH.match(tokens[j].strip(".,")) or re.match(r"^\$?\d", tokens[j]):
                return True
    return False


_PROPER = re.compile(r"^[A-Z][A-Za-z'’&.-]*$")


def _name_next_to(text: str, target: Sequence[str], question: str) -> bool:
    """Whether a proper name the question does not already give stands near the thing asked
    about: "the name of the company" wants "Corriveau Logistics" beside "company"."""
    tokens = re.findall(r"[\w'’&.-]+", text)
    asked = {stem(w) for w in words(question)}
    wanted = set(target)
    for i, token in enumerate(tokens):
        if stem(token.strip(".").lower()) not in wanted:
            continue
        for j in range(max(0, i - 4), min(len(tokens), i + 5)):
            word = tokens[j].strip(".")
            if j and _PROPER.match(word) and stem(word.lower()) not in asked:
                return True
    return False


def _speaks(text: str, names: Sequence[str]) -> bool:
    """Whether a named person is the one speaking ("Pike said", "said Pike"), not the one
    spoken to ("the judge told Vandersloot")."""
    for name in names:
        pattern = (
            rf"(?i)\b{re.escape(name)}\w*\W+(?:\w+\W+){{0,3}}?(?:said|wrote|told|argued|added)\b"
        )
        if re.search(pattern, text) or re.search(rf"(?i)\bsaid\s+\w*\s*{re.escape(name)}", text):
            return True
    return False


def _near(text: str, name: str, role: str, window: int = 5) -> bool:
    """Whether `role` (or a synonym) stands within `window` words of `name` in `text`."""
    stems = [stem(w) for w in words(text)]
    roles = {role} | synonyms(role)
    spots = [i for i, s in enumerate(stems) if s == name]
    return any(
        stems[j] in roles
        for i in spots
        for j in range(max(0, i - window), min(len(stems), i + window + 1))
    )
