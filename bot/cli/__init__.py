"""The `rulingbot` command line: the composition root, the only place that wires adapters in.

Each command group lives in its own module and registers itself on `app` when imported.
"""

from __future__ import annotations

# Command modules (import order = order in --help).
from bot.cli import ask, config, db, demo, digest, ingest, ops, run, summarize  # noqa: F401
from bot.cli import discord as discord_cli  # noqa: F401
from bot.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
