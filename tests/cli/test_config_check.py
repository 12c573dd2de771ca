"""`rulingbot config check` and bad configuration: one line per problem, naming the key."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app
from tests.cli.conftest import write_config


def test_valid_config_prints_ok(runner: CliRunner, tmp_path: Path) -> None:
    config = write_config(tmp_path, ["https://feeds.example/rss"])
    result = runner.invoke(app, ["config", "check", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: settings from") and "1 feeds" in result.output


def test_missing_config_file_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    result = runner.invoke(app, ["config", "check", "--config", str(missing)])
    assert result.exit_code == 1
    assert f"config error: {missing}: config file not found" in result.output


def test_every_problem_is_named_by_its_key(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(
        'feed_catalog = ""\n'
        "colour = 'blue'\n"
        "[fetch]\nconcurrency = 0\nmax_bytez = 5\n"
        "[digest]\ndefault_timezone = 'Mars/Olympus'\n"
        "[[feeds]]\nurl = 'ftp://x.example/feed'\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["config", "check", "--config", str(config)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("config error:")]
    keys = {line.split(": ")[1].split(":")[0] for line in lines}
    assert {"colour", "fetch.concurrency", "fetch.max_bytez", "digest.default_timezone"} <= keys
    assert "config error: colour: unknown key" in result.output


def test_bad_feed_urls_and_llm_without_endpoint(runner: CliRunner, tmp_path: Path) -> None:
    config = write_config(
        tmp_path,
        ["ftp://x.example/feed", "http:///nohost"],
    )
    config.write_text(config.read_text() + "[summarizer]\nbackend = 'llm'\n", encoding="utf-8")
    result = runner.invoke(app, ["config", "check", "--config", str(config)])
    assert result.exit_code == 1
    assert "feeds[0].url: refusing URL 'ftp://x.example/feed': only http and https" in result.output
    assert "feeds[1].url: malformed URL 'http:///nohost': no host" in result.output
    assert "summarizer.llm_base_url: required when summarizer.backend = 'llm'" in result.output


def test_secret_in_config_file_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "secret.toml"
    config.write_text("[slack]\nbot_token = 'xoxb-123456789'\n", encoding="utf-8")
    result = runner.invoke(app, ["config", "check", "--config", str(config)])
    assert result.exit_code == 1
    assert "slack.bot_token: secrets belong in the environment" in result.output


def test_shipped_example_and_catalog_are_valid(runner: CliRunner) -> None:
    root = Path(__file__).resolve().parents[2]
    result = runner.invoke(
        app, ["config", "check", "--config", str(root / "config" / "rulingbot.example.toml")]
    )
    assert result.exit_code == 0, result.output
    assert "OK:" in result.output


def test_commands_with_a_broken_config_fail_with_the_key(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[fetch]\ntimeout_seconds = 'soon'\n", encoding="utf-8")
    for command in (["fetch"], ["digest"], ["db", "upgrade"]):
        result = runner.invoke(app, [*command, "--config", str(config)])
        assert result.exit_code == 2
        assert "config error: fetch.timeout_seconds:" in result.output


def _documented_keys(text: str) -> set[str]:
    """Keys shown in the example, commented out or not, qualified by their [section]."""
    import re

    keys: set[str] = set()
    section = ""
    for raw in text.splitlines():
        line = raw.lstrip("# ").rstrip()
        header = re.match(r"^\[\[?([a-z_]+)\]\]?$", line)
        if header:
            section = header.group(1)
            keys.add(section)
            continue
        key = re.match(r"^([a-z_]+)\s*=", line)
        if key:
            keys.add(f"{section}.{key.group(1)}" if section else key.group(1))
    return keys


def test_example_config_documents_every_settings_key() -> None:
    from pydantic import BaseModel

    from bot.settings import FeedConfig, Settings

    root = Path(__file__).resolve().parents[2]
    documented = _documented_keys((root / "config" / "rulingbot.example.toml").read_text())
    expected: set[str] = set()
    for name, field in Settings.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            expected |= {f"{name}.{sub}" for sub in annotation.model_fields}
        else:
            expected.add(name)
    expected |= {f"feeds.{sub}" for sub in FeedConfig.model_fields}
    missing = sorted(expected - documented)
    assert not missing, f"undocumented settings keys in rulingbot.example.toml: {missing}"
