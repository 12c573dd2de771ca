"""A loopback HTTP server for the demo: two sample feeds (RSS and JSON Feed) and article pages.

It binds 127.0.0.1 on a free port and serves only what `articles.json` bundles, so the demo
runs the real fetcher, guard, parser and extractor without any network beyond this machine.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from importlib import resources
from types import TracebackType
from typing import Any

from aiohttp import web

logger = logging.getLogger(__name__)

# Feed links carry the tracking parameters real feeds add; canonical URLs drop them.
TRACKING = {"wire": "?utm_source=rss&utm_medium=feed", "reporter": "?ref=jsonfeed"}


@dataclass(frozen=True, slots=True)
class DemoArticle:
    slug: str
    title: str
    feeds: tuple[str, ...]
    hours_ago: float
    paragraphs: tuple[str, ...]


def _data() -> dict[str, Any]:
    text = resources.files("bot.demo").joinpath("articles.json").read_text(encoding="utf-8")
    return json.loads(text)


def demo_articles() -> list[DemoArticle]:
    return [
        DemoArticle(
            slug=a["slug"],
            title=a["title"],
            feeds=tuple(a["feeds"]),
            hours_ago=float(a["hours_ago"]),
            paragraphs=tuple(a["paragraphs"]),
        )
        for a in _data()["articles"]
    ]


def article_html(article: DemoArticle, outlet: str) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(article.title)} | {escape(outlet)}</title>"
        f"<link rel='canonical' href='/articles/{article.slug}.html'>"
        "</head><body>"
        f"<header><nav><a href='/'>{escape(outlet)}</a> · <a href='/courts'>Courts</a> · "
        "<a href='/policy'>Policy</a> · <a href='/subscribe'>Subscribe</a></nav></header>"
        f"<main><article><h1>{escape(article.title)}</h1>{body}</article></main>"
        "<section id='comments' class='comments'><h2>Comments</h2>"
        "<div class='comment'><p>Reader comment: this is outrageous, the judge should resign "
        "immediately and everyone involved should be ashamed.</p></div></section>"
        "<footer>© Demo Legal Media. Sample articles written for the rulingbot demo.</footer>"
        "</body></html>"
    )


class DemoServer:
    """`async with DemoServer() as server: server.feed_urls` — serves until the block ends."""

    def __init__(self, *, now: datetime | None = None) -> None:
        data = _data()
        self.feeds: dict[str, dict[str, str]] = data["feeds"]
        self.articles = demo_articles()
        self.now = now or datetime.now(UTC)
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def feed_urls(self) -> dict[str, str]:
        """Feed title → URL."""
        return {f["title"]: self.base + f["path"] for f in self.feeds.values()}

    async def __aenter__(self) -> DemoServer:
        app = web.Application()
        for key, feed in self.feeds.items():
            app.router.add_get(feed["path"], self._feed_handler(key))
        app.router.add_get("/articles/{slug}.html", self._article)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def _items(self, key: str) -> list[DemoArticle]:
        return [a for a in self.articles if key in a.feeds]

    def _link(self, key: str, article: DemoArticle) -> str:
        return f"{self.base}/articles/{article.slug}.html{TRACKING.get(key, '')}"

    def _published(self, article: DemoArticle) -> datetime:
        return self.now - timedelta(hours=article.hours_ago)

    def _feed_handler(self, key: str):  # type: ignore[no-untyped-def]
        async def handler(request: web.Request) -> web.Response:
            if self.feeds[key]["path"].endswith(".json"):
                return web.json_response(self._json_feed(key), content_type="application/feed+json")
            return web.Response(body=self._rss(key), content_type="application/rss+xml")

        return handler

    def _rss(self, key: str) -> bytes:
        title = self.feeds[key]["title"]
        parts = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<rss version="2.0"><channel>',
            f"<title>{escape(title)}</title><link>{self.base}/</link>",
            "<description>Sample legal news for the rulingbot demo</description>",
        ]
        for article in self._items(key):
            parts.append(
                "<item>"
                f"<title>{escape(article.title)}</title>"
                f"<link>{escape(self._link(key, article))}</link>"
                f"<guid isPermaLink='false'>demo-{article.slug}</guid>"
                f"<pubDate>{format_datetime(self._published(article))}</pubDate>"
                f"<description>{escape(article.paragraphs[0])}</description>"
                "</item>"
            )
        parts.append("</channel></rss>")
        return "\n".join(parts).encode("utf-8")

    def _json_feed(self, key: str) -> dict[str, Any]:
        return {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.feeds[key]["title"],
            "home_page_url": f"{self.base}/",
            "items": [
                {
                    "id": f"demo-{article.slug}",
                    "url": self._link(key, article),
                    "title": article.title,
                    "summary": article.paragraphs[0],
                    "content_text": article.paragraphs[0],
                    "date_published": self._published(article).isoformat(),
                }
                for article in self._items(key)
            ],
        }

    async def _article(self, request: web.Request) -> web.Response:
        slug = request.match_info["slug"]
        for article in self.articles:
            if article.slug == slug:
                outlets = [self.feeds[k]["title"] for k in article.feeds]
                return web.Response(
                    text=article_html(article, outlets[0]), content_type="text/html"
                )
        return web.Response(status=404, text="not found")
