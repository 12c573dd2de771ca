"""Two real processes on one PostgreSQL: each of 50 digests posted once, each feed polled once."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.clock import SystemClock
from bot.store import Database
from bot.store.db import create_engine
from tests.conftest import PG_URL, require_pg
from tests.delivery.factories import add_channel, add_ruling
from tests.fakes.feed_server import FeedServer
from tests.fakes.slack_api import FakeSlack

REPO = Path(__file__).resolve().parents[2]
CHANNELS = 50


async def _fresh_database() -> tuple[str, str]:
    name = f"race_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()
    return name, PG_URL.rsplit("/", 1)[0] + f"/{name}"


async def _drop_database(name: str) -> None:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.timeout(180)
async def test_two_processes_post_each_digest_once_on_postgres() -> None:
    require_pg()
    name, url = await _fresh_database()
    try:
        db = await Database.open(url)
        now = SystemClock().now()
        for i in range(2):
            await add_ruling(
                db,
                f"race-{i}",
                judge=f"Judge{i} N{i}",
                plaintiffs=(f"P{i} Q{i}",),
                fetched=now - timedelta(minutes=10 + i),
            )
        for c in range(CHANNELS):
            await add_channel(db, f"R{c}", since=now - timedelta(days=1))
        await db.close()
        async with FakeSlack(clock_ts=True) as slack:
            procs = [
                await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-m",
                    "tests.delivery.child_deliver",
                    url,
                    slack.url,
                    now.date().isoformat(),
                    "5",
                    cwd=REPO,
                    stdout=asyncio.subprocess.PIPE,
                    stderr=asyncio.subprocess.PIPE,
                    env=dict(os.environ),
                )
                for _ in range(2)
            ]
            outs = await asyncio.wait_for(
                asyncio.gather(*(p.communicate() for p in procs)), timeout=150
            )
            assert [p.returncode for p in procs] == [0, 0], [e.decode()[-1500:] for _, e in outs]
            posted_by = [int(o.decode().split()[-1]) for o, _ in outs]
            for c in range(CHANNELS):
                texts = Counter(p.data["text"] for p in slack.posts(f"R{c}"))
                assert len(texts) == 3 and set(texts.values()) == {1}, (c, texts)
            assert sum(posted_by) == CHANNELS * 3
    finally:
        await _drop_database(name)


POLLER = """
import asyncio, sys
from bot.clock import SystemClock
from bot.ingest.pipeline import poll_feeds
from bot.settings import Settings
from bot.store import Database

async def main(url, feeds):
    settings = Settings(database_url=url, feed_catalog="",
                        feeds=[{"url": f} for f in feeds.split(",")],
                        fetch={"allow_private_networks": True, "fetch_pages": False})
    db = await Database.open(url)
    report = await poll_feeds(db, settings, clock=SystemClock())
    await db.close()
    print(report.ok + report.not_modified + report.failed)

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.timeout(120)
async def test_two_processes_poll_each_feed_once_per_interval() -> None:
    require_pg()
    name, url = await _fresh_database()
    try:
        db = await Database.open(url)  # migrate once, before the race
        await db.close()
        async with FeedServer() as server:
            feeds = []
            for i in range(20):
                path = f"/feed{i}.xml"
                server.add(path, _rss(i), delay=0.05)
                feeds.append(server.url(path))
            procs = [
                await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-c",
                    POLLER,
                    url,
                    ",".join(feeds),
                    cwd=REPO,
                    stdout=asyncio.subprocess.PIPE,
                    stderr=asyncio.subprocess.PIPE,
                )
                for _ in range(2)
            ]
            outs = await asyncio.wait_for(
                asyncio.gather(*(p.communicate() for p in procs)), timeout=100
            )
            assert [p.returncode for p in procs] == [0, 0], [e.decode()[-1500:] for _, e in outs]
            assert [server.hits(f"/feed{i}.xml") for i in range(20)] == [1] * 20
            assert sum(int(o.decode().split()[-1]) for o, _ in outs) == 20
    finally:
        await _drop_database(name)


def _rss(i: int) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire {i}</title>'
        "<link>https://wire.example/</link><description>d</description>"
        f"<item><title>Item {i}</title><link>https://wire.example/{i}</link>"
        f"<description>Judge Ann Lee denied the motion in case {i}.</description></item>"
        "</channel></rss>"
    ).replace("{i}", str(i))
