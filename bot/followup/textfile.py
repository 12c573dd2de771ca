"""Read an article from a plain-text file: a headline line, a blank line, then the body."""

from __future__ import annotations

import logging
from pathlib import Path

from bot.models import Article
from bot.store.articles import content_hash

logger = logging.getLogger(__name__)


def article_from_text(raw: str, *, source: str) -> Article:
    """Split a headline off the body when the text starts "headline, blank line"; else no title."""
    text = raw.replace("\r\n", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    title = ""
    body = text
    if len(lines) > 2 and lines[0].strip() and not lines[1].strip():
        title = lines[0].strip()
        body = "\n".join(lines[2:])
    return Article(
        url=source,
        canonical_url=source,
        title=title,
        text=body.strip("\n"),
        content_hash=content_hash(body),
    )


def read_article(path: Path) -> Article:
    """Raises OSError when the file cannot be read and UnicodeDecodeError when it is not text."""
    return article_from_text(path.read_text(encoding="utf-8"), source=path.resolve().as_uri())
