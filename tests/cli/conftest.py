"""CLI tests: typer's CliRunner on the real app, a config file per test, loopback servers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.fakes.feed_server import FeedServer, serve_in_thread


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for name in ("RULINGBOT_CONFIG", "RULINGBOT_DATABASE_URL", "RULINGBOT_FEED_CATALOG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")  # keep rich from wrapping the lines tests read
    return CliRunner()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    with serve_in_thread(FeedServer()) as server:
        yield server


def write_config(tmp_path: Path, feeds: list[str], **extra: str) -> Path:
    """A rulingbot.toml with a SQLite database in tmp_path and loopback fetching allowed."""
    feed_lines = "\n".join(
        f'[[feeds]]\nurl = "{u}"\nname = "Feed {i}"\n' for i, u in enumerate(feeds)
    )
    extra_lines = "\n".join(f"{k} = {v}" for k, v in extra.items())
    path = tmp_path / "rulingbot.toml"
    path.write_text(
        f'database_url = "sqlite+aiosqlite:///{tmp_path / "cli.db"}"\n'
        'feed_catalog = ""\n'
        f"{extra_lines}\n"
        f"{feed_lines}\n"
        "[fetch]\nallow_private_networks = true\nfirst_poll_records_only = false\n"
        "poll_jitter_seconds = 0\ntimeout_seconds = 2\n",
        encoding="utf-8",
    )
    return path
