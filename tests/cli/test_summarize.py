"""`rulingbot summarize PATH|URL|-`: the JSON contract, headlines from files, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app
from bot.cli.summarize import split_headline
from tests.cli.conftest import write_config
from tests.fakes.feed_server import FeedServer, article_page

CONTRACT_KEYS = [
    "is_ruling",
    "headline",
    "summary",
    "judges",
    "court",
    "outcome",
    "plaintiffs",
    "defendants",
    "case_name",
    "docket",
    "decision_date",
    "key_quote",
    "evidence",
]


def test_first_line_followed_by_blank_line_is_the_headline() -> None:
    assert split_headline("Judge rules\n\nBody one.\nBody two.") == (
        "Judge rules",
        "Body one.\nBody two.",
    )
    assert split_headline("No headline here.\nSecond line.") == (
        None,
        "No headline here.\nSecond line.",
    )


def test_json_output_is_exactly_the_contract(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Court rules on something\n\nA judge ruled on a thing.\n", encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(article), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == CONTRACT_KEYS
    assert list(data["outcome"]) == ["class", "text", "motion"]


def test_stdin_is_read_with_dash(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["summarize", "-", "--json"], input="Headline from stdin\n\nSome article text.\n"
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["headline"] is not None


def test_missing_file_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["summarize", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "missing.txt: no such file" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_url_goes_through_the_guarded_fetch_and_is_stored(
    runner: CliRunner, feed_server: FeedServer, tmp_path: Path
) -> None:
    url = feed_server.add(
        "/story",
        article_page(
            "Judge blocks voter roll law",
            [
                "U.S. District Judge Ana Ortiz on Tuesday blocked the state's voter roll law.",
                "The judge granted a preliminary injunction sought by the League of Voters.",
            ],
        ),
        content_type="text/html",
    )
    config = write_config(tmp_path, [])
    result = runner.invoke(app, ["summarize", url, "--json", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert list(json.loads(result.stdout)) == CONTRACT_KEYS
    assert feed_server.hits("/story") == 1
    again = runner.invoke(app, ["summarize", url, "--config", str(config)])
    assert again.exit_code == 0 and feed_server.hits("/story") == 1  # stored, not refetched


def test_url_errors_are_one_line(
    runner: CliRunner, feed_server: FeedServer, tmp_path: Path
) -> None:
    empty = feed_server.add("/empty", "<html><body></body></html>", content_type="text/html")
    config = write_config(tmp_path, [])
    unparsable = runner.invoke(app, ["summarize", empty, "--config", str(config)])
    assert unparsable.exit_code == 1
    assert f"cannot summarize {empty}:" in unparsable.output
    assert "no article text found on the page" in unparsable.output
    private = tmp_path / "private.toml"
    private.write_text(
        f'database_url = "sqlite+aiosqlite:///{tmp_path / "p.db"}"\nfeed_catalog = ""\n'
    )
    refused = runner.invoke(app, ["summarize", empty, "--config", str(private)])
    assert refused.exit_code == 1 and "loopback address" in refused.output
    bad = runner.invoke(app, ["summarize", "ftp://example.org/x", "--config", str(config)])
    assert bad.exit_code == 1 and "only http and https" in bad.output
