"""Canonical URLs: one spelling per story."""

from __future__ import annotations

import pytest

from bot.ingest.canonical import canonicalize, resolve_canonical


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://News.Example.COM:443/a/b", "https://news.example.com/a/b"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://e.com/story#comments", "https://e.com/story"),
        (
            "https://e.com/s?utm_source=tw&utm_MEDIUM=social&id=7&fbclid=abc&gclid=1",
            "https://e.com/s?id=7",
        ),
        ("https://e.com/s?mc_cid=1&mc_eid=2&ref=rss&b=2&a=1", "https://e.com/s?a=1&b=2"),
        ("https://e.com//double//slash", "https://e.com/double/slash"),
        ("https://e.com/p%20q", "https://e.com/p%20q"),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


def test_same_story_with_different_trackers_has_one_canonical_url() -> None:
    a = canonicalize("https://news.example/judge-rules?utm_source=feed1&utm_campaign=x")
    b = canonicalize("https://NEWS.example/judge-rules?fbclid=123#top")
    assert a == b == "https://news.example/judge-rules"


def test_rel_canonical_is_honoured_on_the_same_site_only() -> None:
    page = "https://www.courtnews.example/2026/03/story?page=2"
    assert (
        resolve_canonical(page, "/2026/03/story") == "https://www.courtnews.example/2026/03/story"
    )
    assert (
        resolve_canonical(page, "https://courtnews.example/story?utm_source=x")
        == "https://courtnews.example/story"
    )
    assert resolve_canonical(page, "https://other.example/their-story") is None
    assert resolve_canonical(page, "javascript:alert(1)") is None
    assert resolve_canonical(page, "") is None
    assert resolve_canonical("https://a.co.uk/x", "https://b.co.uk/x") is None
