"""Article text from a fetched page (trafilatura, comments excluded) and from feed HTML snippets.

Pages are untrusted: whatever they contain is only ever treated as text. Raises `ExtractError`
with a one-line reason when a page holds no article; the pipeline then falls back to the feed
item's own content and stores the reason.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura

logger = logging.getLogger(__name__)

MIN_ARTICLE_CHARS = 80
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "tr",
    "pre",
}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


class ExtractError(Exception):
    """No article text could be had from the page; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    title: str | None = None
    canonical_href: str | None = None  # as written in <link rel=canonical>, unresolved
    site_name: str | None = None


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML snippet (feed content), keeping paragraph breaks."""
    if "<" not in fragment:
        return _tidy(html.unescape(fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _tidy(html.unescape(re.sub(r"<[^>]*>", " ", fragment)))
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
    return _tidy(root.text_content())


def find_canonical_href(tree: lxml.html.HtmlElement) -> str | None:
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href"):
            return str(link.get("href"))
    return None


def extract_page(body: bytes, *, url: str) -> PageText:
    """The main text of an article page; raises ExtractError when there is none."""
    if not body.strip():
        raise ExtractError("empty page")
    try:
        tree = trafilatura.load_html(body)
    except (ValueError, lxml.etree.LxmlError) as exc:
        raise ExtractError(f"unparsable page: {exc}") from None
    if tree is None:
        raise ExtractError("unparsable page (not HTML)")
    canonical_href = find_canonical_href(tree)
    try:
        document = trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml/parser errors on hostile pages
        raise ExtractError(f"unparsable page: {type(exc).__name__}: {exc}") from None
    text = _tidy(getattr(document, "text", None) or "") if document is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise ExtractError("no article text found on the page")
    return PageText(
        text=text,
        title=(getattr(document, "title", None) or None),
        canonical_href=canonical_href,
        site_name=(getattr(document, "sitename", None) or None),
    )
