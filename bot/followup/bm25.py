"""Okapi BM25 over one article's sentences.

One article has a few dozen sentences, so a dictionary per sentence beats any vectorised library:
building the index and scoring a question take well under a millisecond, and the base install
stays free of numpy and scipy.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

K1 = 1.2
B = 0.75


class BM25:
    """Scores weighted query terms against a fixed list of tokenised documents."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self.counts = [Counter(doc) for doc in documents]
        self.lengths = [len(doc) for doc in documents]
        self.size = len(documents)
        self.avg_length = (sum(self.lengths) / self.size) if self.size else 0.0
        frequency: Counter[str] = Counter()
        for counts in self.counts:
            frequency.update(counts.keys())
        self.frequency = frequency

    def idf(self, term: str) -> float:
        """Rarer terms weigh more; a term absent from the article weighs most of all."""
        n = self.frequency.get(term, 0)
        return math.log(1.0 + (self.size - n + 0.5) / (n + 0.5))

    def contains(self, term: str) -> bool:
        return term in self.frequency

    def score(self, index: int, query: Mapping[str, float]) -> float:
        counts = self.counts[index]
        if not counts:
            return 0.0
        norm = K1 * (1.0 - B + B * self.lengths[index] / (self.avg_length or 1.0))
        total = 0.0
        for term, weight in query.items():
            tf = counts.get(term, 0)
            if tf:
                total += weight * self.idf(term) * tf * (K1 + 1.0) / (tf + norm)
        return total

    def scores(self, query: Mapping[str, float]) -> list[float]:
        return [self.score(i, query) for i in range(self.size)]
