"""`rulingbot digest`: print the terminal's digest of new rulings and move its cursor on."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer

from adapters.console import TERMINAL, ConsoleAdapter
from bot.cards import ruling_card
from bot.cli.app import ConfigOption, app, console, fail, get_settings
from bot.cli.db import open_database
from bot.clock import SystemClock
from bot.delivery.fanout import header_text, item_text
from bot.digest import DigestPlan, build_digest
from bot.logs import setup_logging
from bot.models import ChannelRef, Reply
from bot.settings import Settings
from bot.store import Database
from bot.store.channels import ensure_channel, get_channel, update_channel

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str, now: datetime) -> datetime:
    """'36h', '7d', '2w', '2026-03-01' or an ISO time (UTC unless it says otherwise)."""
    match = _DURATION.match(value)
    if match:
        amount, unit = float(match.group(1)), match.group(2).lower()
        return now - timedelta(**{_UNITS[unit]: amount})
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(
            f"--since {value!r} is neither a duration (36h, 7d) nor a date (2026-03-01)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def show_digest(
    db: Database,
    settings: Settings,
    adapter: ConsoleAdapter,
    *,
    now: datetime,
    since: datetime | None = None,
    limit: int | None = None,
    channel: ChannelRef = TERMINAL,
) -> DigestPlan:
    """Build the channel's digest, send it through the console adapter, advance the cursor.

    The terminal channel is created on first use covering everything stored (a terminal has
    no subscription date to respect).
    """
    row = await ensure_channel(db, channel, now=now, name="terminal")
    if row.last_digest_at is None and row.since > EPOCH:
        await update_channel(db, row.id, since=EPOCH)
        row = await get_channel(db, channel)
        assert row is not None
    plan = await build_digest(db, settings, row, now=now, since=since, limit=limit)
    await adapter.send(channel, Reply(text=header_text(plan)))
    for item, text in zip(plan.digest.items, item_text(plan), strict=True):
        card = ruling_card(item.article, item.facts, item.also_reported_by or None)
        await adapter.send(channel, Reply(text=text, cards=(card,)))
    await update_channel(db, row.id, last_digest_at=plan.window_end or now)
    return plan


@app.command()
def digest(
    config: ConfigOption = None,
    since: Annotated[
        str | None,
        typer.Option(help="Look back this far instead of since the last digest: 36h, 7d, a date."),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, max=100, help="At most this many rulings.")
    ] = None,
) -> None:
    """Print the digest of rulings stored since the last `digest` (the terminal's channel)."""
    settings = get_settings(config)
    setup_logging("WARNING")
    now = SystemClock().now()
    try:
        since_at = parse_since(since, now) if since else None
    except ValueError as exc:
        fail(str(exc))

    async def go() -> None:
        db = await open_database(settings)
        try:
            await show_digest(
                db, settings, ConsoleAdapter(console), now=now, since=since_at, limit=limit
            )
        finally:
            await db.close()

    asyncio.run(go())
