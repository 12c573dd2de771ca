"""Text in, facts out: pure functions that reduce a legal-news article to the facts of its ruling.

This package knows nothing of chat, storage or the network.
"""

from summarizer.facts import OUTCOME_CLASSES, Facts, Judge, Outcome
from summarizer.rules import EXTRACTOR_NAME, EXTRACTOR_VERSION, summarize

__all__ = [
    "EXTRACTOR_NAME",
    "EXTRACTOR_VERSION",
    "OUTCOME_CLASSES",
    "Facts",
    "Judge",
    "Outcome",
    "summarize",
]
