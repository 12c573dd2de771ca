"""Ranking stored rulings for `/ruling <words>`: BM25F over judge, party, court, headline and text.

Candidates come from the store (any query word as a substring of a ruling's searchable text);
this module tokenizes them the same way as the query and scores them with BM25F — term frequency
per field, weighted so a judge's or party's name outranks a word in the body, length-normalised per
field and saturated once per term — multiplied by the share of query terms a ruling contains.
Recency breaks ties. The same tokenizer serves subscription filters, so `9th Cir.` and
`Ninth Circuit`, `D.C.` and `DC`, `tariffs` and `tariff` match alike everywhere.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from bot.cards import OUTCOME_LABELS
from bot.models import Article, Facts
from bot.store import Database
from bot.store import articles as store_articles

logger = logging.getLogger(__name__)

_STOPWORD_TEXT = (
    "a an and or the of in on for to at by with from about as is was be v vs versus et al"
)
_GENERIC_TEXT = (
    "judge judges justice justices court courts ruling rulings rule rules ruled case cases"
    " law lawsuit order"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Words every ruling shares: they may rank, but never select candidates on their own.
GENERIC = frozenset(_GENERIC_TEXT.split())
_ORDINAL_WORDS = {
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
    "sixth": "6",
    "seventh": "7",
    "eighth": "8",
    "ninth": "9",
    "tenth": "10",
    "eleventh": "11",
    "twelfth": "12",
}
_EXPANSIONS = {
    "cir": ("circuit",),
    "dist": ("district",),
    "ct": ("court",),
    "fed": ("federal",),
    "scotus": ("supreme", "court"),
    "dc": ("district", "columbia"),
    "sdny": ("southern", "district", "new", "york"),
    "edny": ("eastern", "district", "new", "york"),
}
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_JOINERS = re.compile(r"(?<=\w)[.'’](?=\w)")
_WORD = re.compile(r"[a-z0-9]+")

TEXT_CHARS = 3000  # how much of the body counts for ranking (the lead carries the topic)
FIELD_WEIGHTS: dict[str, float] = {
    "judge": 4.0,
    "party": 3.0,
    "court": 2.5,
    "headline": 2.0,
    "summary": 1.0,
    "outlet": 0.5,
    "text": 0.4,
}
# Length normalisation per field: names are short and a long party list is not less about
# each party, so name fields are normalised gently; the body fully.
FIELD_B: dict[str, float] = {
    "judge": 0.3,
    "party": 0.3,
    "court": 0.3,
    "headline": 0.5,
    "summary": 0.75,
    "outlet": 0.0,
    "text": 0.75,
}
K1 = 1.2


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower-case, strip accents and join `U.S.`/`O'Neil` into one word each."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _JOINERS.sub("", text.lower())


def stem(word: str) -> str:
    """A deliberately light stemmer (plurals only), so names are never mangled into others."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def _term(raw: str) -> tuple[str, ...]:
    """The term(s) one folded word stands for; memoised, as vocabularies are small."""
    ordinal = _ORDINAL.match(raw)
    if ordinal:
        return (ordinal.group(1),)
    if raw in _ORDINAL_WORDS:
        return (_ORDINAL_WORDS[raw],)
    if raw in _EXPANSIONS:
        return _EXPANSIONS[raw]
    return (stem(raw),)


def tokens(text: str | None, *, keep_stopwords: bool = False) -> list[str]:
    """The normalised terms of `text`, in order (ordinals as digits, abbreviations expanded)."""
    if not text:
        return []
    out: list[str] = []
    for raw in _WORD.findall(fold(text)):
        if not keep_stopwords and raw in STOPWORDS:
            continue
        out.extend(_term(raw))
    return out


def contains_all(haystack: Sequence[str], needles: Iterable[str]) -> bool:
    present = set(haystack)
    return all(n in present for n in needles)


def contains_phrase(haystack: Sequence[str], phrase: Sequence[str]) -> bool:
    """True when `phrase` occurs as a contiguous run of `haystack`."""
    n = len(phrase)
    if n == 0:
        return True
    first = phrase[0]
    return any(
        haystack[i] == first and list(haystack[i : i + n]) == list(phrase)
        for i in range(len(haystack) - n + 1)
    )


def candidate_substrings(text: str) -> list[str]:
    """What the store should look for (as substrings of lower-cased text) to find candidates.

    Every spelling a term may have in stored text: `9th` and `ninth`, `cir` and `circuit`, the
    stem of a plural. Words every ruling shares are used only when nothing else is asked for.
    """
    digits_to_word = {d: w for w, d in _ORDINAL_WORDS.items()}
    out: list[str] = []
    for raw in _WORD.findall(fold(text)):
        if raw in STOPWORDS:
            continue
        ordinal = _ORDINAL.match(raw)
        if ordinal or raw in _ORDINAL_WORDS:
            number = ordinal.group(1) if ordinal else _ORDINAL_WORDS[raw]
            suffix = {"1": "st", "2": "nd", "3": "rd"}.get(number, "th")
            out += [f"{number}{suffix}", digits_to_word.get(number, f"{number}{suffix}")]
        elif raw in _EXPANSIONS:
            out += [raw, *_EXPANSIONS[raw]]
        else:
            out.append(stem(raw))
    specific = [w for w in out if w not in GENERIC and len(w) >= 3]
    chosen = specific or [w for w in out if len(w) >= 2]
    return list(dict.fromkeys(chosen))


def ruling_fields(article: Article, facts: Facts) -> dict[str, list[str]]:
    """A ruling's text split into the fields BM25F weighs differently."""
    outcome = " ".join(
        p for p in (OUTCOME_LABELS.get(facts.outcome.cls or "", ""), facts.outcome.motion) if p
    )
    return {
        "judge": tokens(" ".join(j.name for j in facts.judges)),
        "party": tokens(" ".join((*facts.plaintiffs, *facts.defendants, facts.case_name or ""))),
        "court": tokens(facts.court),
        "headline": tokens(
            " ".join(dict.fromkeys(p for p in (facts.headline, article.title) if p))
        ),
        "summary": tokens(" ".join(p for p in (facts.summary, outcome, facts.key_quote) if p)),
        "outlet": tokens(article.outlet),
        "text": tokens(article.text[:TEXT_CHARS]),
    }


@dataclass(frozen=True, slots=True)
class RulingTerms:
    """A ruling's tokenized fields and their term counts, computed once and remembered."""

    fields: dict[str, list[str]]
    counts: dict[str, Counter[str]]


_TERMS_CACHE: OrderedDict[tuple[Any, ...], RulingTerms] = OrderedDict()
TERMS_CACHE_SIZE = 4096


def _terms_key(article: Article, facts: Facts) -> tuple[Any, ...]:
    return (
        article.content_hash,
        article.title,
        article.outlet,
        facts.headline,
        facts.summary,
        tuple(j.name for j in facts.judges),
        facts.court,
        facts.plaintiffs,
        facts.defendants,
        facts.case_name,
        facts.outcome.cls,
        facts.outcome.motion,
        facts.key_quote,
    )


def ruling_terms(article: Article, facts: Facts) -> RulingTerms:
    """`ruling_fields` with counts, from a bounded cache: searches and digests see the same
    rulings again and again, and tokenizing the body is the expensive part."""
    key = _terms_key(article, facts)
    found = _TERMS_CACHE.get(key)
    if found is not None:
        _TERMS_CACHE.move_to_end(key)
        return found
    fields = ruling_fields(article, facts)
    found = RulingTerms(fields, {name: Counter(toks) for name, toks in fields.items()})
    _TERMS_CACHE[key] = found
    if len(_TERMS_CACHE) > TERMS_CACHE_SIZE:
        _TERMS_CACHE.popitem(last=False)
    return found


@dataclass(slots=True)
class Hit:
    article: Article
    facts: Facts
    score: float
    matched: int  # how many distinct query terms the ruling contains


def _when(article: Article) -> datetime:
    return article.published_at or article.fetched_at or datetime.min.replace(tzinfo=UTC)


def rank(
    query_terms: Sequence[str],
    candidates: Iterable[tuple[Article, Facts]],
    *,
    phrase_fields: Sequence[str] = ("judge", "party", "court", "headline"),
    boost: Callable[[Article, Facts], float] | None = None,
) -> list[Hit]:
    """Score `candidates` against `query_terms` (already tokenized); best first, then newest.

    Candidates containing none of the terms are dropped (the store's substring match is looser
    than whole-term matching). With no terms at all, every candidate is kept, newest first.
    """
    terms = list(dict.fromkeys(query_terms))
    docs = [(a, f, ruling_terms(a, f)) for a, f in candidates]
    if not terms:
        hits = [Hit(a, f, 0.0, 0) for a, f, _ in docs]
        hits.sort(key=lambda h: _when(h.article), reverse=True)
        return hits
    if not docs:
        return []
    avg_len = {
        name: max(1.0, sum(len(r.fields[name]) for _, _, r in docs) / len(docs))
        for name in FIELD_WEIGHTS
    }
    # Pseudo-frequency per (doc, term): field tf weighted and length-normalised, summed.
    pseudo: list[dict[str, float]] = []
    for _, _, ruling in docs:
        fields, field_counts = ruling.fields, ruling.counts
        row: dict[str, float] = {}
        for term in terms:
            total = 0.0
            for name, weight in FIELD_WEIGHTS.items():
                tf = field_counts[name].get(term, 0)
                if tf:
                    b = FIELD_B[name]
                    norm = 1 - b + b * len(fields[name]) / avg_len[name]
                    total += weight * tf / norm
            if total:
                row[term] = total
        pseudo.append(row)
    n_docs = len(docs)
    df = Counter(term for row in pseudo for term in row)
    idf = {t: math.log(1 + (n_docs - df[t] + 0.5) / (df[t] + 0.5)) for t in terms}
    hits: list[Hit] = []
    for (article, facts, ruling), row in zip(docs, pseudo, strict=True):
        if not row:
            continue
        score = sum(idf[t] * tf * (K1 + 1) / (K1 + tf) for t, tf in row.items())
        score *= len(row) / len(terms)  # rulings with every term outrank partial matches
        if len(terms) > 1 and any(
            contains_phrase(ruling.fields[name], terms) for name in phrase_fields
        ):
            score *= 1.5  # "new york" as a party beats "new" here and "york" there
        if boost is not None:
            score *= boost(article, facts)
        hits.append(Hit(article, facts, score, len(row)))
    hits.sort(key=lambda h: (round(h.score, 9), _when(h.article)), reverse=True)
    return hits


@dataclass(slots=True)
class Story:
    """One ruling as shown: its best report, plus other outlets' reports of the same story."""

    hit: Hit
    also: list[Article]


def distinct_stories(hits: Sequence[Hit], *, limit: int, window: timedelta) -> list[Story]:
    """The first `limit` different stories among ranked `hits`, duplicates folded into "also".

    Several outlets report one ruling; showing it three times would crowd out the others.
    Only the first few times `limit` hits are compared, so a long result list stays cheap.
    """
    from bot.digest.similarity import same_story, shingles

    stories: list[tuple[Story, frozenset[int]]] = []
    for hit in hits[: max(limit * 4, 20)]:
        mine = (hit.article, hit.facts, shingles(f"{hit.article.title} {hit.article.text}"))
        for story, theirs in stories:
            lead = (story.hit.article, story.hit.facts, theirs)
            if same_story(lead, mine, window):
                story.also.append(hit.article)
                break
        else:
            if len(stories) < limit:
                stories.append((Story(hit, []), mine[2]))
    return [story for story, _ in stories]


@dataclass(slots=True)
class SearchResult:
    stories: list[Story]  # best first, at most the limit asked for
    total: int  # how many reports matched in all

    @property
    def hits(self) -> list[Hit]:
        return [story.hit for story in self.stories]


async def search_rulings(
    db: Database,
    query: str,
    *,
    limit: int = 5,
    pool: int = 400,
    merge_window: timedelta = timedelta(days=4),
) -> SearchResult:
    """Stored rulings matching `query`: words are ranked, `key:value` filters must hold.

    Raises FilterError (a ValueError) for a malformed filter such as an unknown outcome.
    """
    from bot.subscriptions import Filter, parse_filter  # subscriptions builds on this module

    parsed = parse_filter(query, strict=False)
    required = Filter(
        courts=parsed.courts, judges=parsed.judges, parties=parsed.parties, outcomes=parsed.outcomes
    )
    named = " ".join((*parsed.words, *parsed.courts, *parsed.judges, *parsed.parties))
    terms = tokens(named)
    substrings = candidate_substrings(named)
    if substrings:
        rows = await store_articles.search_rulings(db, substrings, limit=pool, in_text=True)
        candidates = [(a, f) for a, f, _ in rows]
    else:
        candidates = await store_articles.rulings_between(db, digestible_only=False, limit=pool)
    if not required.is_empty:
        candidates = [(a, f) for a, f in candidates if required.matches(a, f)]
    boost = None
    if "scotus" in _WORD.findall(fold(named)):
        # "scotus" reads as "supreme court"; prefer the U.S. one over the states'.
        scotus = Filter(courts=("scotus",))
        boost = lambda a, f: 2.0 if scotus.matches(a, f) else 1.0  # noqa: E731
    hits = rank(terms, candidates, boost=boost)
    stories = distinct_stories(hits, limit=limit, window=merge_window)
    return SearchResult(stories=stories, total=len(hits))


async def latest_rulings(
    db: Database, *, limit: int = 5, pool: int = 50, merge_window: timedelta = timedelta(days=4)
) -> list[Story]:
    """The newest stored rulings by publication time (fetch time when a page gives none)."""
    rows = await store_articles.rulings_between(db, digestible_only=False, limit=pool)
    return distinct_stories(rank([], rows), limit=limit, window=merge_window)
