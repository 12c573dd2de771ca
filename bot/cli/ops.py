"""`rulingbot why`, `status` and `enable-feed`: what the service did and why, for operators."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer
from rich.table import Table

from bot.cli.app import ConfigOption, app, console, fail, get_settings
from bot.clock import SystemClock
from bot.settings import Settings
from bot.store import Database
from bot.store.channels import ChannelRow, list_channels
from bot.store.db import DatabaseError


def _when(value) -> str:  # type: ignore[no-untyped-def]
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "—"


async def _find_channel(db: Database, spec: str) -> ChannelRow:
    platform, _, channel_id = spec.rpartition(":")
    matches = [
        c
        for c in await list_channels(db)
        if c.ref.channel_id == channel_id and (not platform or c.ref.platform == platform)
    ]
    if not matches:
        fail(f"no channel {spec!r} is known (it appears once the bot is used there)")
    if len(matches) > 1:
        names = ", ".join(f"{c.ref.platform}:{c.ref.channel_id}" for c in matches)
        fail(f"channel {spec!r} is ambiguous ({names}); say platform:id")
    return matches[0]


async def _open(settings: Settings) -> Database:
    try:
        return await Database.open(settings.effective_database_url)
    except DatabaseError as exc:
        fail(str(exc))


@app.command()
def why(
    url: Annotated[str, typer.Argument(help="The article's URL.")],
    channel: Annotated[str, typer.Option("--channel", help="Channel id, optionally platform:id.")],
    config: ConfigOption = None,
) -> None:
    """Say whether and why an article was or was not delivered to a channel."""
    from bot.delivery.explain import explain

    settings = get_settings(config)

    async def go() -> None:
        db = await _open(settings)
        try:
            row = await _find_channel(db, channel)
            result = await explain(db, settings, row, url, now=SystemClock().now())
        finally:
            await db.close()
        console.print(f"[bold]{result.verdict}[/]: {result.headline}", highlight=False)
        for line in result.details:
            console.print(f"  {line}", highlight=False)

    asyncio.run(go())


@app.command()
def status(config: ConfigOption = None) -> None:
    """Feeds (last poll, failures), channels (next digest, last delivery) and recent errors."""
    from bot.delivery import claims, ledger
    from bot.delivery.errors import recent_errors
    from bot.scheduler import next_digest_at
    from bot.store.feeds import list_feeds

    settings = get_settings(config)

    async def go() -> None:
        db = await _open(settings)
        now = SystemClock().now()
        try:
            feeds = await list_feeds(db)
            channels = await list_channels(db)
            posted = await ledger.last_posted_at(db)
            runs = {c.id: await claims.runs_for_channel(db, c.id, limit=1) for c in channels}
            errors = await recent_errors(db, limit=10)
        finally:
            await db.close()
        table = Table(title=f"Feeds ({len(feeds)})")
        for col in ("feed", "last poll", "last ok", "failures", "state"):
            table.add_column(col)
        for f in feeds:
            state = (
                f"disabled: {f.disabled_reason}"
                if f.disabled_reason
                else ("off" if not f.enabled else (f.last_error or "ok"))
            )
            table.add_row(
                f.name or f.url,
                _when(f.last_polled_at),
                _when(f.last_ok_at),
                str(f.failure_count),
                state,
            )
        console.print(table)
        table = Table(title=f"Channels ({len(channels)})")
        for col in ("channel", "digest", "next digest", "last delivery", "last run"):
            table.add_column(col)
        for c in channels:
            schedule = f"{c.digest_time} {c.timezone}" if c.digest_time else "off"
            last = runs[c.id][0] if runs[c.id] else None
            if last is None:
                run_text = "—"
            elif last.status == "failed":
                retry = (
                    f"retry {_when(last.next_attempt_at)}" if last.next_attempt_at else "gave up"
                )
                run_text = f"{last.local_date} FAILED ({last.attempts}x): {last.error}; {retry}"
            else:
                run_text = f"{last.local_date} {last.status}"
            table.add_row(
                f"{c.ref.platform}:{c.ref.channel_id}",
                schedule,
                _when(next_digest_at(c.digest_time, c.timezone, now)),
                _when(posted.get(c.id)),
                run_text,
            )
        console.print(table)
        console.print("[bold]Recent errors[/]" if errors else "No recent errors.")
        for e in errors:
            console.print(f"  {_when(e.at)}  {e.source}: {e.message}", highlight=False)

    asyncio.run(go())


@app.command("enable-feed")
def enable_feed_command(
    url: Annotated[str, typer.Argument(help="The feed's URL, as `status` lists it.")],
    config: ConfigOption = None,
) -> None:
    """Poll a feed again that was disabled after failing for too long (e.g. once its site is
    back); its failure count starts over."""
    from bot.store.feeds import enable_feed, list_feeds

    settings = get_settings(config)

    async def go() -> None:
        db = await _open(settings)
        try:
            known = [f for f in await list_feeds(db, include_unconfigured=True) if f.url == url]
            if not known:
                fail(f"no feed {url!r} is known (configured feeds appear after the first run)")
            feed = known[0]
            if not feed.disabled_reason:
                console.print(f"{feed.label} is not disabled; nothing to do.", highlight=False)
                return
            await enable_feed(db, feed.id)
        finally:
            await db.close()
        console.print(
            f"enabled {feed.label}; it was disabled: {feed.disabled_reason}", highlight=False
        )

    asyncio.run(go())
