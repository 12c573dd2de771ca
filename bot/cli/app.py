"""The `rulingbot` typer application and what every command shares (config, errors)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from bot.settings import ConfigError, Settings, load_settings

app = typer.Typer(
    name="rulingbot",
    help="Court-ruling digests from legal-policy news, for Slack, Discord and the terminal.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

console = Console()
err_console = Console(stderr=True)

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", "-c", help="Settings file (default: $RULINGBOT_CONFIG or ./rulingbot.toml)."
    ),
]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clear line to stderr and exit non-zero."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def get_settings(config: Path | None, **overrides: object) -> Settings:
    """Load settings or exit with each problem on its own line."""
    try:
        return load_settings(config, **overrides)
    except ConfigError as exc:
        for problem in exc.problems:
            err_console.print(f"[bold red]config error:[/] {problem}", highlight=False)
        raise typer.Exit(2) from None


def stdin_text() -> str:
    return sys.stdin.read()
