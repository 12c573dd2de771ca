"""Ack latency of signed `/ruling` requests against the Slack adapter in HTTP mode, on loopback.

Runs the real aiohttp server with the adapter's routes, the real core on a temporary SQLite
database holding generated rulings, and a loopback fake Slack for auth.test and response_url.
Sends requests open-loop at a fixed rate (each at its scheduled time, however slow the last
one was) and prints ack latency p50/p99, errors, and how many answers arrived afterwards.

    .venv/bin/python bench/slack_ack.py [--rate 100] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adapters.slack import SlackAdapter
from bot.clock import SystemClock
from bot.core import Core
from bot.models import Article, Facts, Judge, Outcome
from bot.settings import Secrets, Settings
from bot.store import Database
from bot.store.articles import content_hash, save_article, save_facts
from summarizer import EXTRACTOR_NAME, EXTRACTOR_VERSION
from tests.fakes.loopback import serve
from tests.fakes.slack_api import FakeSlack

SIGNING_SECRET = "bench-signing-secret"
JUDGES = ["Maria Lopez", "Alan Park", "Ruth Okafor", "David Chen", "Ines Moreau"]
QUERIES = ["", "lopez", "texas", "judge:park", "injunction", "ninth circuit", "help"]


async def seed(db: Database, count: int) -> None:
    now = datetime.now(UTC)
    for i in range(count):
        judge = JUDGES[i % len(JUDGES)]
        text = f"Judge {judge} ruled on case {i} in Texas, granting an injunction."
        article = Article(
            url=f"https://news.example.org/{i}",
            canonical_url=f"https://news.example.org/{i}",
            title=f"Judge {judge} rules in case {i}",
            text=text,
            content_hash=content_hash(text),
            outlet="Bench Wire",
            published_at=now,
            fetched_at=now,
        )
        article = (await save_article(db, article)).article
        facts = Facts(
            is_ruling=True,
            headline=article.title,
            summary=f"{judge} granted an injunction in case {i}.",
            judges=(Judge(judge, "U.S. District Judge"),),
            court="U.S. Court of Appeals for the Ninth Circuit" if i % 2 else "W.D. Texas",
            outcome=Outcome("granted", "granted", "preliminary injunction"),
            plaintiffs=(f"Plaintiff {i}",),
            defendants=("State of Texas",),
        )
        await save_facts(
            db, article, facts, extractor=EXTRACTOR_NAME, version=EXTRACTOR_VERSION, now=now
        )


def signed(body: bytes) -> dict[str, str]:
    ts = str(int(time.time()))
    mac = hmac.new(SIGNING_SECRET.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256)
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": "v0=" + mac.hexdigest(),
        "Content-Type": "application/x-www-form-urlencoded",
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def run(rate: float, seconds: float) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = await Database.open(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}")
        await seed(db, 60)
        async with FakeSlack() as fake:
            settings = Settings(feed_catalog="", slack={"api_url": fake.url, "socket_mode": False})
            secrets = Secrets(SLACK_BOT_TOKEN="xoxb-bench", SLACK_SIGNING_SECRET=SIGNING_SECRET)
            adapter = SlackAdapter(settings.slack, secrets, db)
            await adapter.start(Core(db, settings, SystemClock()))
            app = aiohttp.web.Application()
            app.add_routes(adapter.web_routes())
            runner, port = await serve(app)
            url = f"http://127.0.0.1:{port}/slack/events"

            latencies: list[float] = []
            errors: list[str] = []
            total = int(rate * seconds)

            async def one(session: aiohttp.ClientSession, i: int) -> None:
                fields = {
                    "team_id": "T0001",
                    "channel_id": f"C{i % 20:04d}",
                    "user_id": f"U{i % 50:04d}",
                    "command": "/ruling",
                    "text": QUERIES[i % len(QUERIES)],
                    "response_url": fake.response_url(f"r{i}"),
                    "trigger_id": f"t{i}",
                }
                body = urlencode(fields).encode()
                started = time.perf_counter()
                try:
                    async with session.post(url, data=body, headers=signed(body)) as resp:
                        await resp.read()
                        if resp.status != 200:
                            errors.append(f"HTTP {resp.status}")
                except aiohttp.ClientError as exc:
                    errors.append(type(exc).__name__)
                latencies.append((time.perf_counter() - started) * 1000)

            connector = aiohttp.TCPConnector(limit=200)
            async with aiohttp.ClientSession(connector=connector) as session:
                # Warm-up: bolt's auth.test and the first database connection.
                await one(session, -1)
                await adapter.drain(timeout=10)
                latencies.clear()
                errors.clear()
                fake.calls.clear()
                start = time.perf_counter()
                tasks = []
                for i in range(total):
                    delay = start + i / rate - time.perf_counter()
                    if delay > 0:
                        await asyncio.sleep(delay)
                    tasks.append(asyncio.create_task(one(session, i)))
                await asyncio.gather(*tasks)
                wall = time.perf_counter() - start
            await adapter.drain(timeout=30)
            answered = sum(1 for c in fake.calls if c.method.startswith("response_url/"))
            await adapter.stop()
            await runner.cleanup()
        await db.close()

    print(f"slack_ack: {total} signed /ruling requests at {rate:g}/s over {wall:.1f} s (loopback)")
    print(
        f"  ack latency ms: p50 {statistics.median(latencies):.1f}  "
        f"p95 {percentile(latencies, 95):.1f}  p99 {percentile(latencies, 99):.1f}  "
        f"max {max(latencies):.1f}"
    )
    print(f"  errors: {len(errors)}" + (f" ({', '.join(sorted(set(errors)))})" if errors else ""))
    print(f"  answers posted to response_url afterwards: {answered}/{total}")
    target = percentile(latencies, 99) <= 50 and not errors
    print(f"  target p99 <= 50 ms, no errors: {'met' if target else 'NOT met'}")
    return 0 if target else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=100.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=10.0, help="duration")
    args = parser.parse_args()
    raise SystemExit(asyncio.run(run(args.rate, args.seconds)))


if __name__ == "__main__":
    main()
