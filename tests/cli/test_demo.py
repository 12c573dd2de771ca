"""`rulingbot demo`: the whole pipeline offline, twice, never beyond its own loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.demo import DemoServer, demo_articles
from tests.fakes.feed_server import FeedServer, Item, rss, serve_in_thread


def test_demo_bundles_a_dozen_varied_articles() -> None:
    articles = demo_articles()
    assert len(articles) >= 12
    slugs = " ".join(a.slug for a in articles)
    for kind in ("bill", "nominee", "sues", "denied", "upholds", "sentenced"):
        assert kind in slugs


def test_demo_runs_offline_twice_without_touching_the_catalog(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with serve_in_thread(FeedServer()) as decoy:
        # A catalog named in the environment must not be polled by the demo.
        decoy.add("/feed.xml", rss([Item("Decoy", decoy.url("/decoy"))]))
        catalog = tmp_path / "catalog.toml"
        catalog.write_text(f'[[feeds]]\nurl = "{decoy.url("/feed.xml")}"\n', encoding="utf-8")
        monkeypatch.setenv("RULINGBOT_FEED_CATALOG", str(catalog))
        first = runner.invoke(app, ["demo"])
        second = runner.invoke(app, ["demo"])
        assert decoy.requests == []
    for result in (first, second):
        assert result.exit_code == 0, result.output
        assert "Feeds: 2 ok, 0 not modified, 0 failed; 13 new articles" in result.output
        assert "Court ruling" in result.output or "No new rulings" in result.output


async def test_demo_server_serves_feeds_and_pages_on_loopback_only() -> None:
    async with DemoServer() as server:
        assert server.base.startswith("http://127.0.0.1:")
        assert set(server.feed_urls) == {"Demo Legal Wire", "Demo Court Reporter"}
