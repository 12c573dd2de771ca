"""`rulingbot db upgrade`, and opening the database for every other command."""

from __future__ import annotations

import asyncio

import typer

from bot.cli.app import ConfigOption, app, console, fail, get_settings
from bot.settings import Settings
from bot.store import Database
from bot.store.db import current_revision, describe_url

db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")


async def open_database(settings: Settings, *, url: str | None = None) -> Database:
    """Open (and migrate) the configured database, or exit with one line saying why not."""
    target = url or settings.effective_database_url
    try:
        return await Database.open(target)
    except Exception as exc:  # driver errors differ per dialect; all mean the same to a user
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        fail(f"cannot open database {describe_url(target)}: {detail}")


@db_app.command("upgrade")
def upgrade(config: ConfigOption = None) -> None:
    """Create or migrate the database schema to the current version (safe to repeat)."""
    settings = get_settings(config)

    async def go() -> None:
        db = await open_database(settings)
        try:
            revision = await current_revision(db.engine)
        finally:
            await db.close()
        console.print(
            f"Database {describe_url(settings.effective_database_url)} is at revision {revision}.",
            highlight=False,
        )

    asyncio.run(go())
