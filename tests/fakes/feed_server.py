"""A loopback HTTP server for feeds and article pages, with the misbehaviours real sites show.

Serves registered paths on 127.0.0.1 (ignoring query strings, like most sites): conditional GET
with ETag / Last-Modified, error statuses, slow answers, redirects, gzip, and bodies streamed in
chunks (so a 50 MB answer never sits in memory). Records every request it receives.
"""

from __future__ import annotations

import asyncio
import gzip as gzip_module
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from types import TracebackType

from aiohttp import web

from tests.fakes.loopback import serve


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "application/rss+xml"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    delay: float = 0.0
    redirect_to: str | None = None
    stream_bytes: int = 0  # > 0: stream this many bytes instead of `body`
    chunk: int = 64 * 1024


@dataclass(frozen=True)
class SeenRequest:
    path: str
    query: str
    headers: dict[str, str]


class FeedServer:
    """`async with FeedServer() as server: server.add("/feed", rss(...)); server.url("/feed")`."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.routes: dict[str, Route] = {}
        self.requests: list[SeenRequest] = []
        self.streamed: dict[str, int] = {}  # path -> bytes actually written
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def __aenter__(self) -> FeedServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner, self.port = await serve(app, self.host, shutdown_timeout=0.1)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def add(self, path: str, body: bytes | str = b"", **options: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route(status=status, redirect_to=location)
        return self.url(path)

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(SeenRequest(request.path, request.query_string, dict(request.headers)))
        route = self.routes.get(request.path)
        if route is None:
            return web.Response(status=404, text="not found")
        if route.delay:
            await asyncio.sleep(route.delay)
        if route.redirect_to is not None:
            return web.Response(status=route.status, headers={"Location": route.redirect_to})
        headers = dict(route.headers)
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        if route.status == 200 and (
            (route.etag and request.headers.get("If-None-Match") == route.etag)
            or (
                route.last_modified
                and request.headers.get("If-Modified-Since") == route.last_modified
            )
        ):
            return web.Response(status=304, headers=headers)
        if route.stream_bytes:
            return await self._stream(request, route, headers)
        body = route.body
        if route.gzip:
            body = gzip_module.compress(body)
            headers["Content-Encoding"] = "gzip"
        headers["Content-Type"] = route.content_type
        return web.Response(status=route.status, body=body, headers=headers)

    async def _stream(
        self, request: web.Request, route: Route, headers: dict[str, str]
    ) -> web.StreamResponse:
        headers["Content-Type"] = route.content_type
        response = web.StreamResponse(status=route.status, headers=headers)
        response.content_length = route.stream_bytes
        await response.prepare(request)
        sent = 0
        block = b"<p>" + b"x" * (route.chunk - 7) + b"</p>\n"
        try:
            while sent < route.stream_bytes:
                piece = block[: route.stream_bytes - sent]
                await response.write(piece)
                sent += len(piece)
                self.streamed[request.path] = sent
        except (ConnectionResetError, ConnectionError, asyncio.CancelledError):
            return response
        await response.write_eof()
        return response


# ---------------------------------------------------------------- documents


@dataclass(frozen=True)
class Item:
    title: str
    link: str
    description: str = ""
    guid: str | None = None
    published: datetime | None = None


def _date(when: datetime | None) -> str:
    return format_datetime(when or datetime(2026, 3, 2, 12, 0, tzinfo=UTC))


def rss(items: list[Item], *, title: str = "Test Legal Wire", encoding: str = "utf-8") -> bytes:
    parts = [
        f'<?xml version="1.0" encoding="{encoding}"?>',
        '<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><link>http://example.org/</link>",
        "<description>test feed</description>",
    ]
    for item in items:
        parts.append(
            "<item>"
            f"<title>{escape(item.title)}</title>"
            f"<link>{escape(item.link)}</link>"
            f"<guid>{escape(item.guid or item.link)}</guid>"
            f"<pubDate>{_date(item.published)}</pubDate>"
            f"<description>{escape(item.description)}</description>"
            "</item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts).encode(encoding)


def atom(items: list[Item], *, title: str = "Test Atom Wire") -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(title)}</title><id>urn:test:feed</id>",
        "<updated>2026-03-02T12:00:00Z</updated>",
    ]
    for item in items:
        parts.append(
            "<entry>"
            f"<title>{escape(item.title)}</title>"
            f'<link rel="alternate" href="{escape(item.link)}"/>'
            f"<id>{escape(item.guid or item.link)}</id>"
            "<updated>2026-03-02T12:00:00Z</updated>"
            f'<content type="html">{escape(item.description)}</content>'
            "</entry>"
        )
    parts.append("</feed>")
    return "\n".join(parts).encode("utf-8")


def article_page(
    title: str, paragraphs: list[str], *, canonical: str | None = None, comments: list[str] = ()
) -> str:
    head = f"<title>{escape(title)}</title>"
    if canonical:
        head += f'<link rel="canonical" href="{escape(canonical)}">'
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    comment_html = "".join(f'<div class="comment"><p>{escape(c)}</p></div>' for c in comments)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/about'>About</a></nav></header>"
        f"<main><article><h1>{escape(title)}</h1>{body}</article></main>"
        + (f'<section id="comments" class="comments">{comment_html}</section>' if comments else "")
        + "<footer>Copyright Test News</footer></body></html>"
    )


@contextmanager
def serve_in_thread(server: FeedServer) -> Iterator[FeedServer]:
    """Run `server` on its own event loop in a thread, for code that calls asyncio.run itself
    (the CLI under typer's CliRunner)."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="feed-server", daemon=True)
    thread.start()
    asyncio.run_coroutine_threadsafe(server.start(), loop).result(10)
    try:
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
