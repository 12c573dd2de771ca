"""`rulingbot fetch`: poll every due feed once, with a progress bar and a closing summary."""

from __future__ import annotations

import asyncio

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from bot.cli.app import ConfigOption, app, console, err_console, get_settings
from bot.cli.db import open_database
from bot.clock import SystemClock
from bot.ingest.pipeline import PollReport, poll_feeds
from bot.logs import setup_logging
from bot.settings import ConfigError, Settings
from bot.store import Database


def progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]Fetching feeds"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", style="dim"),
        console=err_console,
        transient=True,
    )


async def run_poll(db: Database, settings: Settings) -> PollReport:
    """One poll with a progress bar; raises typer.Exit when the feed catalog is unusable."""
    with progress_bar() as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, label: str) -> None:
            bar.update(task, completed=done, total=total, description=label[:60])

        try:
            return await poll_feeds(db, settings, clock=SystemClock(), progress=progress)
        except ConfigError as exc:
            for problem in exc.problems:
                err_console.print(f"[bold red]config error:[/] {problem}", highlight=False)
            raise typer.Exit(2) from None


def print_report(report: PollReport) -> None:
    """The closing line, then one line per failed feed and per disabled feed."""
    if report.feeds == 0:
        console.print("No feeds are due (each is polled once per fetch.poll_interval_minutes).")
        return
    console.print(
        f"Feeds: [green]{report.ok} ok[/], {report.not_modified} not modified, "
        f"[{'red' if report.failed else 'green'}]{report.failed} failed[/]; "
        f"[bold]{report.new_articles} new articles[/]",
        highlight=False,
    )
    for label, style, lines in (
        ("failed: ", "red", sorted(report.errors)),
        ("disabled: ", "yellow", report.disabled),
        ("warning: ", "yellow", report.warnings),
    ):
        for line in lines:  # feed names and errors are data, never rich markup
            err_console.print(Text.assemble((label, style), line), soft_wrap=True)


@app.command()
def fetch(config: ConfigOption = None) -> None:
    """Poll every due feed once and store new articles with their facts."""
    settings = get_settings(config)
    setup_logging("WARNING")

    async def go() -> PollReport:
        db = await open_database(settings)
        try:
            return await run_poll(db, settings)
        finally:
            await db.close()

    report = asyncio.run(go())
    print_report(report)
    if report.failed and not (report.ok or report.not_modified):
        raise typer.Exit(1)
