"""`rulingbot enable-feed`: a feed disabled after failing for too long is polled again."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app
from bot.settings import FeedConfig, FetchSettings
from bot.store import Database
from bot.store.feeds import list_feeds, record_feed_failure, sync_feeds
from tests.cli.conftest import write_config

FEED = "http://127.0.0.1:9/feed.xml"
NOW = datetime(2025, 5, 14, 12, 0, tzinfo=UTC)


def _db_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"


def _disable(tmp_path: Path) -> None:
    async def go() -> None:
        db = await Database.open(_db_url(tmp_path))
        try:
            await sync_feeds(db, [FeedConfig(url=FEED, name="Courts")], now=NOW)
            settings = FetchSettings(disable_after_hours=1)
            feed = (await list_feeds(db))[0]
            feed = await record_feed_failure(db, feed, "HTTP 500", now=NOW, settings=settings)
            later = NOW + timedelta(hours=2)
            await record_feed_failure(db, feed, "HTTP 500", now=later, settings=settings)
        finally:
            await db.close()

    asyncio.run(go())


def _feed(tmp_path: Path):  # type: ignore[no-untyped-def]
    async def go():  # type: ignore[no-untyped-def]
        db = await Database.open(_db_url(tmp_path))
        try:
            return (await list_feeds(db))[0]
        finally:
            await db.close()

    return asyncio.run(go())


def test_a_disabled_feed_is_enabled_and_its_failures_start_over(
    runner: CliRunner, tmp_path: Path
) -> None:
    config = write_config(tmp_path, [FEED])
    _disable(tmp_path)
    assert _feed(tmp_path).disabled_reason
    result = runner.invoke(app, ["enable-feed", FEED, "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert f"enabled Courts <{FEED}>; it was disabled: failing since" in result.output
    feed = _feed(tmp_path)
    assert feed.disabled_reason is None and feed.failure_count == 0


def test_a_feed_that_is_not_disabled_is_left_alone(runner: CliRunner, tmp_path: Path) -> None:
    config = write_config(tmp_path, [FEED])
    _disable(tmp_path)
    runner.invoke(app, ["enable-feed", FEED, "--config", str(config)])
    result = runner.invoke(app, ["enable-feed", FEED, "--config", str(config)])
    assert result.exit_code == 0
    assert "is not disabled; nothing to do" in result.output


def test_an_unknown_feed_is_one_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    config = write_config(tmp_path, [FEED])
    _disable(tmp_path)
    result = runner.invoke(
        app, ["enable-feed", "http://127.0.0.1:9/other.xml", "--config", str(config)]
    )
    assert result.exit_code == 1
    assert "no feed 'http://127.0.0.1:9/other.xml' is known" in result.output
