"""Digest fan-out to many channels against a fake Slack that allows 1 message/s per channel.

Prints wall time against the rate-limit bound (the slowest channel needs messages-1 seconds
at 1 msg/s) and the lost/duplicate message counts, which must both be 0.

    .venv/bin/python bench/fanout.py [--channels 500] [--rulings 3] [--db sqlite|postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

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


async def main(channels: int, rulings: int, db_kind: str) -> int:
    tmp = tempfile.TemporaryDirectory()
    schema = None
    if db_kind == "postgres":
        from tests.conftest import drop_pg_schema, open_pg_database

        db, schema = await open_pg_database()
    else:
        db = await Database.open(f"sqlite+aiosqlite:///{Path(tmp.name) / 'fanout.db'}")
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
    async with FakeSlack(per_channel_rate=1) as slack:
        settings = Settings(
            feed_catalog="",
            slack={"api_url": slack.url, "pace_seconds": 1.0, "socket_mode": False},
            digest={"concurrency": channels},
        )
        secrets = Secrets(SLACK_BOT_TOKEN="xoxb-bench", SLACK_SIGNING_SECRET="bench")
        adapter = SlackAdapter(settings.slack, secrets, db)
        deliverer = Deliverer(
            db, settings, {"slack": adapter}, clock=SystemClock(), owner="bench", metrics=Metrics()
        )
        day = now.date()
        started = time.perf_counter()
        results = await deliverer.deliver_many([(c, day) for c in rows])
        wall = time.perf_counter() - started
        per_channel = rulings + 1
        expected = channels * per_channel
        lost = dup = 0
        for c in range(channels):
            texts = Counter(p.data["text"] for p in slack.posts(f"B{c:04d}"))
            dup += sum(n - 1 for n in texts.values() if n > 1)
            lost += max(0, per_channel - len(texts))
        bound = per_channel - 1
        outcomes = Counter(r.outcome for r in results)
        print(f"channels: {channels}, messages per channel: {per_channel}, database: {db.dialect}")
        print(f"messages posted: {len(slack.posts())} of {expected}; outcomes: {dict(outcomes)}")
        print(f"wall time: {wall:.2f}s; rate-limit bound: {bound:.2f}s (1 msg/s per channel)")
        print(
            f"throughput: {len(slack.posts()) / wall:.0f} msg/s;"
            f" 429s answered: {slack.rate_limited}"
        )
        print(f"lost: {lost}, duplicates: {dup}")
    await adapter.stop()
    await adapter.client.session.close() if getattr(adapter.client, "session", None) else None
    await db.close()
    if schema:
        await drop_pg_schema(schema)
    tmp.cleanup()
    return 0 if lost == 0 and dup == 0 else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channels", type=int, default=500)
    parser.add_argument("--rulings", type=int, default=3)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.channels, args.rulings, args.db)))
