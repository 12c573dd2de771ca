"""kill -9 in the middle of a digest fan-out, restart: every channel holds each item once.

Real processes (the child runs the real delivery code with the Slack adapter), a real SQLite
file, real HTTP to a loopback fake Slack that records what reached it.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
from asyncio.subprocess import Process
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import SystemClock
from bot.store import Database
from tests.delivery.factories import add_channel, add_ruling
from tests.fakes.slack_api import FakeSlack

REPO = Path(__file__).resolve().parents[2]
CHANNELS, RULINGS, ITERATIONS = 4, 3, 20
LEASE = 0.4
PARALLEL = 1


async def _spawn(db_url: str, slack: FakeSlack, day: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.delivery.child_deliver",
        db_url,
        slack.url,
        day,
        str(LEASE),
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )


async def _one_iteration(tmp_path: Path, iteration: int, kill_after_fraction: float) -> bool:
    """Seed, start a child, kill -9 it mid fan-out, restart, check. True if the kill hit a run."""
    db_url = f"sqlite+aiosqlite:///{tmp_path / f'crash{iteration}.db'}"
    db = await Database.open(db_url)
    now = SystemClock().now()
    for i in range(RULINGS):
        await add_ruling(
            db,
            f"it{iteration}-r{i}",
            judge=f"Judge{i} Name{i}",
            plaintiffs=(f"Party{i} P{i}",),
            fetched=now - timedelta(minutes=30 + i),
        )
    for c in range(CHANNELS):
        await add_channel(db, f"C{c}", since=now - timedelta(days=1))
    await db.close()
    day = now.date().isoformat()
    total = CHANNELS * (RULINGS + 1)
    killed = False
    async with FakeSlack(clock_ts=True) as slack, _reaped() as procs:
        child = procs(await _spawn(db_url, slack, day))
        kill_after = max(1, min(total - 1, round(kill_after_fraction * total)))
        while len(slack.posts()) < kill_after and child.returncode is None:
            await asyncio.sleep(0.0005)
        if child.returncode is None:
            child.send_signal(signal.SIGKILL)
            killed = True
        await child.wait()
        restarted = procs(await _spawn(db_url, slack, day))
        _out, err = await asyncio.wait_for(restarted.communicate(), timeout=60)
        assert restarted.returncode == 0, err.decode()[-2000:]
        for c in range(CHANNELS):
            posts = slack.posts(f"C{c}")
            texts = Counter(p.data["text"] for p in posts)
            keys = Counter(p.data["metadata"]["event_payload"]["delivery"] for p in posts)
            # The header plus each ruling, each posted once: by text and by ledger key.
            assert len(texts) == RULINGS + 1, (iteration, c, texts)
            assert set(texts.values()) == {1}, (iteration, c, texts)
            assert len(keys) == RULINGS + 1 and set(keys.values()) == {1}, (iteration, c, keys)
            for i in range(RULINGS):
                link = f".example/it{iteration}-r{i}"
                copies = [p for p in posts if link in p.data["text"]]
                assert len(copies) == 1, (iteration, c, i, texts)
    return killed


@asynccontextmanager
async def _reaped() -> AsyncIterator[Callable[[Process], Process]]:
    """Kill and reap every child still running when the block ends (also on failure)."""
    spawned: list[Process] = []

    def track(proc: Process) -> Process:
        spawned.append(proc)
        return proc

    try:
        yield track
    finally:
        for proc in spawned:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()


@pytest.mark.slow
@pytest.mark.timeout(300)
async def test_kill_9_during_fan_out_then_restart_posts_every_item_exactly_once(
    tmp_path: Path,
) -> None:
    rng = random.Random(20260302)
    fractions = [rng.random() for _ in range(ITERATIONS)]
    killed = []
    for batch in range(0, ITERATIONS, PARALLEL):  # a few at a time: each has its own DB and fake
        killed += await asyncio.gather(
            *(_one_iteration(tmp_path, i, fractions[i]) for i in range(batch, batch + PARALLEL))
        )
    assert sum(killed) >= ITERATIONS // 2
