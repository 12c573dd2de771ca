"""The project's founding example, through `rulingbot summarize --json`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app

FOUNDING = Path(__file__).resolve().parents[1] / "fixtures" / "founding_example.txt"


def test_summarize_json_gets_the_founding_example_right(runner: CliRunner) -> None:
    result = runner.invoke(app, ["summarize", str(FOUNDING), "--json"])
    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout)
    assert facts["is_ruling"] is True
    assert facts["headline"] == FOUNDING.read_text().splitlines()[0]
    assert facts["judges"] == [{"name": "Dabney Friedrich", "title": "U.S. District Judge"}]
    assert facts["outcome"]["class"] == "denied"
    assert facts["outcome"]["motion"] == "preliminary injunction"
    assert facts["plaintiffs"] == ["Centro de Trabajadores Unidos", "Immigrant Solidarity DuPage"]
    bessent, krause, irs = facts["defendants"]  # officials without their titles, then the agency
    assert (bessent, krause) == ("Scott Bessent", "Melanie Krause")
    assert irs.removeprefix("the ") == "IRS"  # as printed
    everyone = [j["name"] for j in facts["judges"]] + facts["plaintiffs"] + facts["defendants"]
    assert not any("McLaughlin" in name for name in everyone)
