"""Rule-based extractor (placeholder until the rules backend lands; see summarizer issue)."""

from __future__ import annotations

from datetime import datetime

from summarizer.facts import Facts

EXTRACTOR_NAME = "rules"
EXTRACTOR_VERSION = "0"


def summarize(text: str, *, title: str | None = None, published: datetime | None = None) -> Facts:
    """Return the facts of the ruling the article reports."""
    return Facts(is_ruling=False, headline=title, summary="")
