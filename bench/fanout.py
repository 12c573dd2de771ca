"""Digest fan-out to many channels against a fake Slack that allows 1 message/s per channel.

Prints wall time against the rate-limit bound (the slowest channel needs messages-1 seconds
at 1 msg/s) and the lost/duplicate message counts, which must both be 0. The fake Slack runs in
a process of its own (unless `--inline-fake`), so the figure measures our side, not the fake's.

    .venv/bin/python bench/fanout.py [--channels 500] [--rulings 3] [--db sqlite|postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.slack import SlackAdapter
from bot.clock import SystemClock
from bot.delivery import Deliverer
from bot.metrics import Metrics
from bot.settings import Secrets, Settings
from bot.store import Database
from bot.store.channels import list_channels
from tests.delivery.factories import add_channel, add_ruling
from tests.fakes.slack_api import FakeSlack


class FakeView:
    """What the benchmark reads back from the fake Slack, wherever it runs."""

    def __init__(self, url: str, posts: list[tuple[str, str]], rate_limited: int) -> None:
        self.url = url
        self.posts = posts  # (channel, text) in arrival order
        self.rate_limited = rate_limited


def _serve_fake(conn: Connection) -> None:
    """Child process: run the fake Slack until asked for its record."""

    async def serve() -> None:
        async with FakeSlack(per_channel_rate=1) as slack:
            conn.send(slack.url)
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, conn.recv)  # "report"
            posts = [(c.data.get("channel", ""), c.data.get("text", "")) for c in slack.posts()]
            conn.send((posts, slack.rate_limited))

    asyncio.run(serve())
    conn.close()


@asynccontextmanager
async def fake_slack(inline: bool) -> AsyncIterator[tuple[str, Any]]:
    """The fake's URL and an async `report()` returning a FakeView after the run."""
    if inline:
        async with FakeSlack(per_channel_rate=1) as slack:

            async def report_inline() -> FakeView:
                posts = [(c.data.get("channel", ""), c.data.get("text", "")) for c in slack.posts()]
                return FakeView(slack.url, posts, slack.rate_limited)

            yield slack.url, report_inline
        return
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.get_context("spawn").Process(target=_serve_fake, args=(child,))
    process.start()
    loop = asyncio.get_running_loop()
    try:
        url = await loop.run_in_executor(None, parent.recv)

        async def report() -> FakeView:
            parent.send("report")
            posts, limited = await loop.run_in_executor(None, parent.recv)
            return FakeView(url, posts, limited)

        yield url, report
    finally:
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()
            process.join()


async def main(channels: int, rulings: int, db_kind: str, inline: bool) -> int:
    tmp = tempfile.TemporaryDirectory()
    schema = None
    if db_kind == "postgres":
        from tests.conftest import drop_pg_schema, open_pg_database

        db, schema = await open_pg_database()
    else:
        db = await Database.open(f"sqlite+aiosqlite:///{Path(tmp.name) / 'fanout.db'}")
    try:
        now = SystemClock().now()
        for i in range(rulings):
            await add_ruling(
                db,
                f"bench-{i}",
                judge=f"Judge{i} N{i}",
                plaintiffs=(f"P{i} Q{i}",),
                fetched=now - timedelta(minutes=5 + i),
            )
        for c in range(channels):
            await add_channel(db, f"B{c:04d}", since=now - timedelta(days=1))
        rows = await list_channels(db, scheduled_only=True)
        async with fake_slack(inline) as (url, report):
            settings = Settings(
                feed_catalog="",
                slack={"api_url": url, "pace_seconds": 1.0, "socket_mode": False},
                digest={"concurrency": channels},
            )
            secrets = Secrets(SLACK_BOT_TOKEN="xoxb-bench", SLACK_SIGNING_SECRET="bench")
            adapter = SlackAdapter(settings.slack, secrets, db)
            try:
                deliverer = Deliverer(
                    db,
                    settings,
                    {"slack": adapter},
                    clock=SystemClock(),
                    owner="bench",
                    metrics=Metrics(),
                )
                day = now.date()
                started = time.perf_counter()
                results = await deliverer.deliver_many([(c, day) for c in rows])
                wall = time.perf_counter() - started
            finally:
                await adapter.stop()
            view = await report()
    finally:
        await db.close()
        if schema:
            await drop_pg_schema(schema)
        tmp.cleanup()
    per_channel = rulings + 1
    expected = channels * per_channel
    by_channel: dict[str, Counter[str]] = {}
    for channel, text in view.posts:
        by_channel.setdefault(channel, Counter())[text] += 1
    lost = dup = 0
    for c in range(channels):
        texts = by_channel.get(f"B{c:04d}", Counter())
        dup += sum(n - 1 for n in texts.values() if n > 1)
        lost += max(0, per_channel - len(texts))
    bound = per_channel - 1
    outcomes = Counter(r.outcome for r in results)
    where = "in this process" if inline else "in its own process"
    print(f"channels: {channels}, messages per channel: {per_channel}, database: {db.dialect}")
    print(f"fake Slack: {where}")
    print(f"messages posted: {len(view.posts)} of {expected}; outcomes: {dict(outcomes)}")
    print(f"wall time: {wall:.2f}s; rate-limit bound: {bound:.2f}s (1 msg/s per channel)")
    print(f"throughput: {len(view.posts) / wall:.0f} msg/s; 429s answered: {view.rate_limited}")
    print(f"lost: {lost}, duplicates: {dup}")
    return 0 if lost == 0 and dup == 0 else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=500)
    parser.add_argument("--rulings", type=int, default=3)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument(
        "--inline-fake", action="store_true", help="run the fake Slack in this process"
    )
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.channels, args.rulings, args.db, args.inline_fake)))
