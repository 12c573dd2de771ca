"""`rulingbot fetch` and `rulingbot digest` through the real CLI against loopback feeds."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app
from bot.models import Facts, Judge, Outcome
from bot.store import Database
from bot.store.articles import get_article, save_facts
from tests.cli.conftest import write_config
from tests.fakes.feed_server import FeedServer, Item, article_page, rss

RULING = [
    "U.S. District Judge Ana Ortiz on Tuesday blocked the state's new voter roll law.",
    "The judge granted a preliminary injunction sought by the League of Voters.",
]


def test_fetch_prints_counts_and_one_line_per_failed_feed(
    runner: CliRunner, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.add("/story", article_page("Judge blocks law", RULING), content_type="text/html")
    good = feed_server.add("/good.xml", rss([Item("Judge blocks law", feed_server.url("/story"))]))
    bad = feed_server.add("/bad.xml", "nope", status=500)
    config = write_config(tmp_path, [good, bad, "http://127.0.0.1:9/closed.xml"])
    result = runner.invoke(app, ["fetch", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "Feeds: 1 ok, 0 not modified, 2 failed; 1 new articles" in result.output
    assert f"failed: Feed 1 <{bad}>: HTTP 500 Internal Server Error" in result.output
    assert "failed: Feed 2 <http://127.0.0.1:9/closed.xml>: cannot connect" in result.output


def test_fetch_with_a_malformed_feed_url_names_the_key(runner: CliRunner, tmp_path: Path) -> None:
    config = write_config(tmp_path, ["notaurl"])
    result = runner.invoke(app, ["fetch", "--config", str(config)])
    assert "Feed 0 <notaurl>: refusing URL 'notaurl': only http and https" in result.output
    assert result.exit_code == 1  # every feed failed


def _mark_ruling(db_path: Path, when: datetime) -> None:
    async def go() -> None:
        db = await Database.open(f"sqlite+aiosqlite:///{db_path}")
        article = await get_article(db, 1)
        assert article is not None
        facts = Facts(
            is_ruling=True,
            headline="Judge Ortiz blocks voter roll law",
            summary="A federal judge blocked the law.",
            judges=(Judge("Ana Ortiz", "U.S. District Judge"),),
            outcome=Outcome("blocked", "blocked", "preliminary injunction"),
            plaintiffs=("League of Voters",),
            defendants=("State of Example",),
        )
        await save_facts(db, article, facts, extractor="test", version="99", now=when)
        await db.close()

    asyncio.run(go())


def test_digest_prints_new_rulings_once_and_advances_the_cursor(
    runner: CliRunner, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.add("/story", article_page("Judge blocks law", RULING), content_type="text/html")
    feed = feed_server.add("/f.xml", rss([Item("Judge blocks law", feed_server.url("/story"))]))
    config = write_config(tmp_path, [feed])
    assert runner.invoke(app, ["fetch", "--config", str(config)]).exit_code == 0
    _mark_ruling(tmp_path / "cli.db", datetime.now(UTC))
    first = runner.invoke(app, ["digest", "--config", str(config)])
    second = runner.invoke(app, ["digest", "--config", str(config)])
    again = runner.invoke(app, ["digest", "--config", str(config), "--since", "2d"])
    assert first.exit_code == 0, first.output
    assert "Judge Ortiz blocks voter roll law" in first.output
    assert "Judge: U.S. District Judge Ana Ortiz" in first.output
    assert "Outcome: Blocked (preliminary injunction)" in first.output
    assert "1 new" in first.output
    assert "Judge Ortiz" not in second.output and "No new rulings" in second.output
    assert "Judge Ortiz blocks voter roll law" in again.output  # --since looks back


def test_digest_rejects_a_bad_since(runner: CliRunner, tmp_path: Path) -> None:
    config = write_config(tmp_path, [])
    result = runner.invoke(app, ["digest", "--config", str(config), "--since", "yesterday"])
    assert result.exit_code == 1
    assert "--since 'yesterday' is neither a duration" in result.output
