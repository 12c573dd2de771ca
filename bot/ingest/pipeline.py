"""The ingest pipeline: poll due feeds, fetch and extract new articles, store them with facts.

Each feed is polled on its own: one failing feed is recorded (with backoff, eventually disabled)
and never stops the others. Each article is stored once (canonical URL before fetching its page,
content hash after) and gets its facts once, whichever feed brought it first.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urljoin, urlsplit

from bot.analysis import ensure_facts
from bot.clock import Clock
from bot.ingest.canonical import canonicalize, resolve_canonical
from bot.ingest.catalog import configured_feeds
from bot.ingest.extract import ExtractError, extract_page
from bot.ingest.feeds import FeedItem, FeedParseError, parse_feed
from bot.ingest.guard import FetchError, validate_url
from bot.ingest.net import FEED_ACCEPT, PAGE_ACCEPT, Fetcher, FetchResult
from bot.models import Article, Facts
from bot.settings import Settings
from bot.store import Database
from bot.store.articles import content_hash, find_article, save_article
from bot.store.feeds import (
    FeedRow,
    claim_due_feeds,
    next_regular_poll,
    record_feed_failure,
    record_feed_not_modified,
    record_feed_ok,
    sync_feeds,
)

logger = logging.getLogger(__name__)

STAGES = ("fetch", "parse", "extract", "summarize", "store")
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")

# progress(done, total, label): called once with done=0 after claiming, then after each feed.
Progress = Callable[[int, int, str], None]


@dataclass
class PollReport:
    """What one poll did; `errors` holds one line per failed feed, naming it."""

    feeds: int = 0
    ok: int = 0
    not_modified: int = 0
    failed: int = 0
    new_articles: int = 0
    known_articles: int = 0
    items: int = 0
    errors: list[str] = field(default_factory=list)
    disabled: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def summary_line(self) -> str:
        return (
            f"{self.ok} feeds ok, {self.not_modified} not modified, {self.failed} failed; "
            f"{self.new_articles} new articles"
        )


@contextmanager
def _timed(report: PollReport, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        report.timings[stage] += time.perf_counter() - start


class _NoLock:
    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, *exc: object) -> None:
        return None


def _is_html(result: FetchResult) -> bool:
    ctype = (result.content_type or "").split(";", 1)[0].strip().lower()
    return ctype in HTML_TYPES


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


class _Poll:
    """The state of one poll_feeds call, shared by the per-feed tasks."""

    def __init__(self, db: Database, settings: Settings, fetcher: Fetcher, now: datetime) -> None:
        self.db = db
        self.settings = settings
        self.fetcher = fetcher
        self.now = now
        self.report = PollReport()
        # Items in flight across all feeds: bounds memory and database contention on big polls.
        self._item_slots = asyncio.Semaphore(settings.fetch.concurrency)
        # SQLite has one writer: queueing writes here is faster than SQLite's sleeping busy
        # handler. PostgreSQL takes them concurrently.
        self._writes: AbstractAsyncContextManager[object] = (
            asyncio.Lock() if not db.is_postgres else _NoLock()
        )

    async def poll(self, feed: FeedRow) -> None:
        try:
            await self._poll(feed)
        except Exception as exc:  # a bug in one feed's handling must not stop the others
            logger.exception("feed %s: unexpected error", feed.label)
            await self._fail(feed, f"internal error: {type(exc).__name__}: {exc}")

    async def _fail(self, feed: FeedRow, error: str) -> None:
        line = error.splitlines()[0] if error else "unknown error"
        self.report.failed += 1
        self.report.errors.append(f"{feed.label}: {line}")
        updated = await record_feed_failure(
            self.db, feed, line, now=self.now, settings=self.settings.fetch
        )
        if updated.disabled_reason:
            self.report.disabled.append(f"{feed.label}: disabled, {updated.disabled_reason}")
            logger.warning("feed %s disabled: %s", feed.label, updated.disabled_reason)

    def _next_poll(self) -> datetime:
        jitter = random.uniform(0, self.settings.fetch.poll_jitter_seconds)
        return next_regular_poll(self.now, self.settings.fetch, jitter)

    async def _poll(self, feed: FeedRow) -> None:
        try:
            with _timed(self.report, "fetch"):
                result = await self.fetcher.fetch(
                    feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT
                )
        except FetchError as exc:
            await self._fail(feed, str(exc))
            return
        if result.not_modified:
            self.report.not_modified += 1
            await record_feed_not_modified(
                self.db, feed.id, now=self.now, next_poll_at=self._next_poll()
            )
            return
        try:
            with _timed(self.report, "parse"):
                parsed = parse_feed(result.body, url=result.url, content_type=result.content_type)
        except FeedParseError as exc:
            suffix = " (body cut at fetch.max_bytes)" if result.truncated else ""
            await self._fail(feed, f"{exc}{suffix}")
            return
        if parsed.warning:
            self.report.warnings.append(f"{feed.label}: {parsed.warning}")
        records_only = self.settings.fetch.first_poll_records_only and not feed.first_poll_done
        outlet = feed.outlet or parsed.title or feed.name or _host(feed.url)
        self.report.items += len(parsed.items)
        outcomes = await asyncio.gather(
            *(
                self._item(feed, item, result.url, outlet, digestible=not records_only)
                for item in parsed.items
            )
        )
        self.report.new_articles += sum(1 for o in outcomes if o)
        self.report.ok += 1
        await record_feed_ok(
            self.db,
            feed.id,
            now=self.now,
            next_poll_at=self._next_poll(),
            etag=result.etag,
            last_modified=result.last_modified,
        )

    async def _item(
        self, feed: FeedRow, item: FeedItem, feed_url: str, outlet: str, *, digestible: bool
    ) -> bool:
        try:
            async with self._item_slots:
                return await self._store_item(feed, item, feed_url, outlet, digestible=digestible)
        except Exception:  # one bad item never costs the feed its other items
            logger.exception("feed %s: item %r failed", feed.label, item.link)
            return False

    async def _store_item(
        self, feed: FeedRow, item: FeedItem, feed_url: str, outlet: str, *, digestible: bool
    ) -> bool:
        if not item.link:
            return False
        link = urljoin(feed_url, item.link)
        try:
            validate_url(link)
        except FetchError:
            logger.info("feed %s: skipping item with unusable link %r", feed.label, item.link)
            return False
        canonical = canonicalize(link)
        with _timed(self.report, "store"):
            known = await find_article(self.db, canonical_url=canonical)
        if known is not None:
            self.report.known_articles += 1
            return False
        text, extract_error = item.content, None
        shown_url = canonical  # what cards link to: the story without tracking parameters
        if self.settings.fetch.fetch_pages:
            try:
                page_text, canonical, shown_url = await self._page(link)
            except (FetchError, ExtractError) as exc:
                extract_error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            else:
                text = page_text
                with _timed(self.report, "store"):
                    known = await find_article(self.db, canonical_url=canonical)
                if known is not None:
                    self.report.known_articles += 1
                    return False
        if not text.strip():
            text = item.title
            extract_error = extract_error or "no text in the page or the feed item"
        article = Article(
            url=shown_url,
            canonical_url=canonical,
            title=item.title,
            text=text,
            content_hash=content_hash(text),
            outlet=outlet,
            published_at=item.published,
            fetched_at=self.now,
            feed_id=feed.id,
        )
        async with self._writes:
            with _timed(self.report, "store"):
                saved = await save_article(
                    self.db, article, digestible=digestible, extract_error=extract_error
                )
            if not saved.created:
                self.report.known_articles += 1
                return False
            with _timed(self.report, "summarize"):
                await ensure_facts(self.db, saved.article, settings=self.settings, now=self.now)
        return True

    async def _page(self, link: str) -> tuple[str, str, str]:
        """(text, canonical URL, cleaned final URL) of an article page; raises FetchError or
        ExtractError."""
        with _timed(self.report, "fetch"):
            page = await self.fetcher.fetch(link, accept=PAGE_ACCEPT)
        if not _is_html(page):
            raise ExtractError(f"page is not HTML ({page.content_type})")
        with _timed(self.report, "extract"):
            extracted = extract_page(page.body, url=page.url)
        canonical = resolve_canonical(page.url, extracted.canonical_href) or canonicalize(page.url)
        return extracted.text, canonical, canonicalize(page.url)


async def poll_feeds(
    db: Database,
    settings: Settings,
    *,
    clock: Clock,
    progress: Progress | None = None,
    fetcher: Fetcher | None = None,
) -> PollReport:
    """Sync the configured feeds, then poll each due feed once; raises ConfigError only when the
    feed catalog itself is unreadable."""
    now = clock.now()
    await sync_feeds(db, configured_feeds(settings), now=now)
    lease = timedelta(minutes=settings.fetch.poll_interval_minutes)
    claimed = await claim_due_feeds(db, now, lease=lease)
    own_fetcher = fetcher is None
    active = fetcher or Fetcher(settings.fetch)
    state = _Poll(db, settings, active, now)
    state.report.feeds = len(claimed)
    if progress:
        progress(0, len(claimed), "")
    done = 0

    async def run(feed: FeedRow) -> None:
        nonlocal done
        await state.poll(feed)
        done += 1
        if progress:
            progress(done, len(claimed), feed.label)

    try:
        await asyncio.gather(*(run(feed) for feed in claimed))
    finally:
        if own_fetcher:
            await active.aclose()
    report = state.report
    logger.info("poll: %s", report.summary_line())
    return report


async def fetch_article_url(
    db: Database,
    settings: Settings,
    url: str,
    *,
    clock: Clock,
    fetcher: Fetcher | None = None,
) -> tuple[Article, Facts]:
    """Fetch, extract, store and summarise one article now (for `/ruling <url>` and the CLI).

    The SSRF guard applies per `fetch.allow_private_networks`. Raises FetchError with one line.
    """
    validate_url(url)
    now = clock.now()
    canonical = canonicalize(url)
    known = await find_article(db, canonical_url=canonical)
    if known is not None:
        return known, await ensure_facts(db, known, settings=settings, now=now)
    active = fetcher or Fetcher(settings.fetch)
    try:
        page = await active.fetch(url, accept=PAGE_ACCEPT)
    finally:
        if fetcher is None:
            await active.aclose()
    if not _is_html(page):
        raise FetchError(f"{url} is not an HTML page ({page.content_type})")
    try:
        extracted = extract_page(page.body, url=page.url)
    except ExtractError as exc:
        raise FetchError(f"{url}: {exc}") from None
    canonical = resolve_canonical(page.url, extracted.canonical_href) or canonicalize(page.url)
    known = await find_article(db, canonical_url=canonical)
    if known is not None:
        return known, await ensure_facts(db, known, settings=settings, now=now)
    article = Article(
        url=canonicalize(page.url),
        canonical_url=canonical,
        title=extracted.title or url,
        text=extracted.text,
        content_hash=content_hash(extracted.text),
        outlet=extracted.site_name or _host(page.url),
        published_at=None,
        fetched_at=now,
    )
    saved = await save_article(db, article)
    facts = await ensure_facts(db, saved.article, settings=settings, now=now)
    return saved.article, facts
