"""Ingest throughput: N feeds × M items served from loopback, polled once through the real pipeline.

Prints items/s (wall clock) and the time spent per stage (fetch, parse, extract, summarize,
store). Stage times are summed over concurrent tasks, so with concurrency > 1 they add up to
more than the wall time; they show where the work goes, the wall time shows what it costs.

    .venv/bin/python bench/ingest.py --feeds 20 --items 25
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.clock import SystemClock  # noqa: E402
from bot.ingest.pipeline import STAGES, poll_feeds  # noqa: E402
from bot.settings import FeedConfig, FetchSettings, Settings  # noqa: E402
from bot.store import Database  # noqa: E402
from bot.store.db import create_engine  # noqa: E402
from tests.fakes.feed_server import FeedServer, Item, article_page, rss  # noqa: E402

ARTICLES = ROOT / "tests" / "fixtures" / "dev_articles" / "articles"


def load_articles() -> list[tuple[str, list[str]]]:
    """(headline, paragraphs) of the shipped dev articles."""
    out = []
    for path in sorted(ARTICLES.glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        out.append((head.strip(), [p.strip() for p in body.split("\n\n") if p.strip()]))
    return out


def populate(server: FeedServer, feeds: int, items: int) -> list[str]:
    corpus = load_articles()
    urls = []
    for f in range(feeds):
        entries = []
        for i in range(items):
            title, paragraphs = corpus[(f * items + i) % len(corpus)]
            path = f"/f{f}/story-{i}"
            # A per-item paragraph keeps every page's text (and content hash) distinct.
            unique = [*paragraphs, f"Filed as item {i} of feed {f} in the benchmark."]
            server.add(path, article_page(title, unique), content_type="text/html")
            entries.append(Item(title, server.url(path) + "?utm_source=bench", paragraphs[0]))
        urls.append(server.add(f"/feed{f}.xml", rss(entries, title=f"Bench feed {f}")))
    return urls


async def open_private(url: str) -> tuple[Database, Callable[[], Awaitable[None]]]:
    """The database, on PostgreSQL in a schema of its own that is dropped afterwards."""
    if not url.startswith("postgresql"):
        return await Database.open(url), _nothing
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    async with admin.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    db = await Database.open(url, connect_args={"server_settings": {"search_path": schema}})

    async def drop() -> None:
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        await admin.dispose()

    return db, drop


async def _nothing() -> None:
    return None


async def run(feeds: int, items: int, concurrency: int, database_url: str | None) -> None:
    async with FeedServer() as server:
        urls = populate(server, feeds, items)
        with tempfile.TemporaryDirectory(prefix="rulingbot-bench-") as tmp:
            url = database_url or f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
            db, cleanup = await open_private(url)
            settings = Settings(
                feed_catalog="",
                feeds=[FeedConfig(url=u, name=f"bench{i}") for i, u in enumerate(urls)],
                fetch=FetchSettings(
                    allow_private_networks=True,  # the benchmark's server is on loopback
                    first_poll_records_only=False,
                    poll_jitter_seconds=0,
                    concurrency=concurrency,
                ),
            )
            started = time.perf_counter()
            report = await poll_feeds(db, settings, clock=SystemClock())
            wall = time.perf_counter() - started
            await db.close()
            await cleanup()
    total = feeds * items
    print(f"feeds={feeds} items/feed={items} concurrency={concurrency} db={db.dialect}")
    print(
        f"polled {report.ok} feeds ok, {report.failed} failed; "
        f"{report.new_articles}/{total} articles stored"
    )
    print(f"wall {wall:.2f} s  ->  {report.new_articles / wall:.1f} items/s")
    print(f"{'stage':<10} {'total s':>9} {'ms/item':>9}")
    for stage in STAGES:
        seconds = report.timings.get(stage, 0.0)
        print(f"{stage:<10} {seconds:>9.3f} {1000 * seconds / max(total, 1):>9.2f}")
    if report.errors:
        print("errors:", *report.errors[:5], sep="\n  ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=25)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(run(args.feeds, args.items, args.concurrency, args.database_url))


if __name__ == "__main__":
    main()
