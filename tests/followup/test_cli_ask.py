"""`rulingbot ask PATH "question" [--json]`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from tests.conftest import DEV_ARTICLES

ARTICLE = DEV_ARTICLES / "articles" / "013.txt"


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    for name in ("RULINGBOT_CONFIG", "RULINGBOT_DATABASE_URL", "RULINGBOT_FOLLOWUP__ENGINE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray ./rulingbot.toml
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()


def test_ask_json_prints_exactly_answer_evidence_found(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", str(ARTICLE), "Why was the case dismissed?", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"answer", "evidence", "found"}
    assert data["found"] is True
    assert isinstance(data["answer"], str)
    assert isinstance(data["evidence"], list) and data["evidence"]
    assert "She dismissed the case for lack of standing." in data["evidence"]


def test_ask_json_for_an_unanswerable_question(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["ask", str(ARTICLE), "How much did the camera system cost?", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "answer": "The article doesn't say.",
        "evidence": [],
        "found": False,
    }


def test_ask_prints_the_quoted_sentence(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ask", str(ARTICLE), "<@U1> why was the case dismissed?"])
    assert result.exit_code == 0, result.output
    assert "> She dismissed the case for lack of standing." in result.stdout


def test_ask_a_missing_file_is_one_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ask", str(tmp_path / "nope.txt"), "who sued?"])
    assert result.exit_code == 1
    assert "cannot read" in result.output
