"""Fixtures for ingest tests: a loopback feed server and settings that may reach it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.clock import FakeClock
from bot.settings import FeedConfig, FetchSettings, Settings
from tests.fakes.feed_server import FeedServer

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def make_settings(feeds: list[str] | None = None, **fetch: Any) -> Settings:
    """Settings for tests: no shipped catalog, loopback allowed explicitly, small limits."""
    fetch_options: dict[str, Any] = {
        "allow_private_networks": True,
        "timeout_seconds": 2.0,
        "poll_jitter_seconds": 0,
        "first_poll_records_only": False,
    }
    fetch_options.update(fetch)
    return Settings(
        feed_catalog="",
        feeds=[FeedConfig(url=u, name=f"feed{i}") for i, u in enumerate(feeds or [])],
        fetch=FetchSettings(**fetch_options),
    )


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer() as srv:
        yield srv


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)
