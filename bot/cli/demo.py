"""`rulingbot demo`: the whole pipeline offline — sample feeds on loopback, fetch, facts, digest."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.rule import Rule

from adapters.console import ConsoleAdapter
from bot.cli.app import app, console, fail
from bot.cli.db import open_database
from bot.cli.digest import show_digest
from bot.cli.ingest import print_report, run_poll
from bot.clock import SystemClock
from bot.demo import DemoServer, demo_settings
from bot.logs import setup_logging
from bot.settings import Settings


def _base_settings() -> Settings:
    """Defaults (plus RULINGBOT_* variables); the demo ignores config files on purpose."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        fail(f"environment setting {key}: {first['msg']}")


async def run_demo(keep: Path | None = None) -> None:
    base = _base_settings()
    with tempfile.TemporaryDirectory(prefix="rulingbot-demo-") as tmp:
        data_dir = keep or Path(tmp)
        data_dir.mkdir(parents=True, exist_ok=True)
        async with DemoServer() as server:
            settings = demo_settings(base, server.feed_urls, data_dir)
            console.print(
                f"Serving {len(server.articles)} sample articles in 2 feeds at {server.base} "
                f"(loopback only); database {settings.database_url}",
                style="dim",
                highlight=False,
            )
            db = await open_database(settings)
            try:
                report = await run_poll(db, settings)
                print_report(report)
                console.print(Rule())
                await show_digest(db, settings, ConsoleAdapter(console), now=SystemClock().now())
            finally:
                await db.close()


@app.command()
def demo(
    keep: Annotated[
        Path | None,
        typer.Option(help="Keep the demo database in this directory instead of a temporary one."),
    ] = None,
) -> None:
    """Run fetch → summarize → digest offline on bundled sample feeds and print the digest."""
    setup_logging("WARNING")
    asyncio.run(run_demo(keep))
