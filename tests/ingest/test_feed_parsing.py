"""Feed parsing on fetched bytes: RSS, Atom, JSON Feed, malformed XML, non-UTF-8."""

from __future__ import annotations

import json

import pytest

from bot.ingest.extract import ExtractError, extract_page, html_to_text
from bot.ingest.feeds import FeedParseError, parse_feed
from tests.fakes.feed_server import Item, article_page, atom, rss


def test_rss_items_with_text_and_dates() -> None:
    body = rss([Item("Judge blocks rule", "https://e.com/a", "<p>A judge <b>blocked</b> it.</p>")])
    parsed = parse_feed(body, url="https://e.com/feed", content_type="application/rss+xml")
    assert parsed.title == "Test Legal Wire"
    [item] = parsed.items
    assert (item.title, item.link, item.content) == (
        "Judge blocks rule",
        "https://e.com/a",
        "A judge blocked it.",
    )
    assert item.published is not None and item.published.tzinfo is not None


def test_atom_entries() -> None:
    parsed = parse_feed(atom([Item("Court upholds law", "https://e.com/b", "Text")]), url="u")
    assert [(i.title, i.link) for i in parsed.items] == [("Court upholds law", "https://e.com/b")]


def test_json_feed_is_parsed_without_feedparser() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "JSON Wire",
            "items": [
                {
                    "id": "1",
                    "url": "https://e.com/j",
                    "title": "Appeals court reverses",
                    "content_html": "<p>The court reversed.</p>",
                    "date_published": "2026-03-02T10:00:00Z",
                },
                {"id": "2", "title": "", "content_text": "no link or title"},
            ],
        }
    ).encode()
    parsed = parse_feed(body, url="https://e.com/feed.json", content_type="application/feed+json")
    assert parsed.title == "JSON Wire"
    [item] = parsed.items
    assert item.content == "The court reversed." and item.published.isoformat().startswith(
        "2026-03-02T10:00"
    )


def test_malformed_xml_keeps_the_entries_it_could_read() -> None:
    good = rss([Item("First ruling", "https://e.com/1"), Item("Second", "https://e.com/2")])
    broken = good.replace(b"</channel></rss>", b"<item><title>Cut off & broken</ti")
    parsed = parse_feed(broken, url="u")
    assert [i.title for i in parsed.items][:2] == ["First ruling", "Second"]
    assert parsed.warning and "malformed XML" in parsed.warning


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<rss><channel><item><title>x", "not a readable feed"),
        (b"<html><body><p>Not a feed at all</p></body></html>", "not"),
        (b"   ", "empty response"),
        (b'{"version": "nope"}', "not a JSON Feed"),
        (b'{"broken json', "malformed JSON feed"),
    ],
)
def test_unreadable_documents_raise_one_line(body: bytes, message: str) -> None:
    with pytest.raises(FeedParseError, match=message) as info:
        parse_feed(body, url="u")
    assert "\n" not in str(info.value)


def test_windows_1252_feed_decodes_correctly() -> None:
    body = rss([Item("Judge’s “final” ruling — café", "https://e.com/1")], encoding="windows-1252")
    assert "’".encode("cp1252") in body  # really encoded as windows-1252
    for ctype in ("application/rss+xml", "text/xml", None):
        [item] = parse_feed(body, url="u", content_type=ctype).items
        assert item.title == "Judge’s “final” ruling — café"


def test_page_extraction_excludes_comments_and_reads_canonical() -> None:
    page = article_page(
        "Judge blocks agency rule",
        [
            "A federal judge on Monday blocked the agency's new rule, finding it likely unlawful.",
            "The ruling applies nationwide while the case proceeds in the district court.",
        ],
        canonical="/stories/judge-blocks-rule",
        comments=["COMMENT: this judge should be impeached immediately, outrageous!"],
    )
    result = extract_page(page.encode(), url="https://e.com/x")
    assert "blocked the agency's new rule" in result.text
    assert "impeached" not in result.text
    assert result.canonical_href == "/stories/judge-blocks-rule"


@pytest.mark.parametrize("body", [b"", b"\x00\x01\x02binary", b"<html><body></body></html>"])
def test_pages_without_article_text_raise(body: bytes) -> None:
    with pytest.raises(ExtractError):
        extract_page(body, url="https://e.com/x")


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    text = html_to_text("<p>One &amp; two</p><script>alert(1)</script><p>Three</p>")
    assert text == "One & two\n\nThree"
