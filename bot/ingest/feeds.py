"""Feed parsing: RSS and Atom through feedparser, JSON Feed by hand, always on bytes we fetched.

feedparser is only ever handed bytes, never a URL, so it never touches the network. Malformed XML
(feedparser's "bozo") still yields whatever entries could be read; a document with no readable
entries at all raises `FeedParseError` with one line saying why.
"""

from __future__ import annotations

import calendar
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from bot.ingest.extract import html_to_text

logger = logging.getLogger(__name__)


class FeedParseError(Exception):
    """The body is not a feed we can read; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class FeedItem:
    title: str
    link: str | None
    guid: str | None = None
    published: datetime | None = None
    content: str = ""  # plain text of the item's content (or summary when that is all there is)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    items: list[FeedItem] = field(default_factory=list)
    warning: str | None = None  # malformed but partly readable


def parse_feed(body: bytes, *, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a fetched feed body (RSS, Atom or JSON Feed); raises FeedParseError."""
    if not body.strip():
        raise FeedParseError("empty response (no feed document)")
    if _looks_like_json(body, content_type):
        return parse_json_feed(body, url=url)
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    items = [item for item in (_rss_item(e) for e in parsed.entries) if item is not None]
    problem = _bozo_text(parsed)
    if not items:
        if _looks_like_html(body, content_type) and not parsed.get("version"):
            raise FeedParseError("not an RSS, Atom or JSON feed (the URL serves an HTML page)")
        if problem:
            raise FeedParseError(f"not a readable feed: {problem}")
        if not parsed.get("version"):
            raise FeedParseError("not an RSS, Atom or JSON feed")
    title = (parsed.feed.get("title") or "").strip() or None
    return ParsedFeed(title=title, items=items, warning=problem if problem else None)


def _bozo_text(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    name = type(exc).__name__ if exc is not None else "error"
    if name in {"CharacterEncodingOverride"}:  # decoded fine despite a contradicting header
        return None
    detail = str(exc).splitlines()[0] if exc is not None and str(exc) else name
    return f"malformed XML ({detail})"


def _entry_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, ValueError):
                continue
    return None


def _rss_item(entry: Any) -> FeedItem | None:
    title = html_to_text(entry.get("title") or "").strip()
    link = (entry.get("link") or "").strip() or None
    guid = (entry.get("id") or "").strip() or None
    if link is None and guid and guid.startswith(("http://", "https://")):
        link = guid
    if not title and not link:
        return None
    content = ""
    for block in entry.get("content") or ():
        value = block.get("value") or ""
        if len(value) > len(content):
            content = value
    summary = entry.get("summary") or ""
    text = html_to_text(content if len(content) >= len(summary) else summary)
    return FeedItem(
        title=title or (link or ""),
        link=link,
        guid=guid,
        published=_entry_time(entry),
        content=text,
    )


def _looks_like_html(body: bytes, content_type: str | None) -> bool:
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    start = body.lstrip()[:64].lower()
    return ctype == "text/html" or start.startswith((b"<!doctype html", b"<html"))


def _looks_like_json(body: bytes, content_type: str | None) -> bool:
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if ctype in {"application/feed+json", "application/json"}:
        return True
    return body.lstrip()[:1] == b"{"


def _parse_iso(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_json_feed(body: bytes, *, url: str) -> ParsedFeed:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org); feedparser does not read it."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedParseError(f"malformed JSON feed: {exc}") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FeedParseError("JSON document is not a JSON Feed (no jsonfeed.org version)")
    raw_items = data.get("items")
    if not isinstance(raw_items, list):
        raise FeedParseError("JSON Feed has no items list")
    items: list[FeedItem] = []
    for raw in raw_items:
        if not isinstance(raw, dict):
            continue
        link = raw.get("url") or raw.get("external_url")
        link = link.strip() if isinstance(link, str) and link.strip() else None
        guid = str(raw["id"]) if raw.get("id") is not None else None
        title = html_to_text(str(raw.get("title") or "")).strip()
        if raw.get("content_text"):
            text = str(raw["content_text"])
        elif raw.get("content_html"):
            text = html_to_text(str(raw["content_html"]))
        else:
            text = str(raw.get("summary") or "")
        if not title and not link:
            continue
        items.append(
            FeedItem(
                title=title or (link or ""),
                link=link,
                guid=guid,
                published=_parse_iso(raw.get("date_published") or raw.get("date_modified")),
                content=text.strip(),
            )
        )
    title = str(data.get("title") or "").strip() or None
    return ParsedFeed(title=title, items=items)
