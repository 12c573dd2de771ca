"""The demo's printed digest carries the sample ruling's judge and outcome."""

from __future__ import annotations

from typer.testing import CliRunner

from bot.cli import app


def test_demo_digest_shows_the_founding_ruling_with_judge_and_outcome(runner: CliRunner) -> None:
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert "Judge refuses to halt IRS data-sharing deal" in result.output
    assert "Judge: U.S. District Judge Dabney Friedrich" in result.output
    assert "Outcome: Denied (preliminary injunction)" in result.output
    # Bills, nominations and newly filed suits are not rulings: they stay out of the digest.
    for not_a_ruling in ("add 40 federal judgeships", "4th Circuit vacancy", "sues EPA"):
        assert not_a_ruling not in result.output
