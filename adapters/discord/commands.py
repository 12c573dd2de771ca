"""The app commands as Discord registers them: `/ruling …` for everyone, `/ruling-setup …` for
those who may manage the channel.

This is the Discord counterpart of a Slack manifest: names, options and their descriptions.
Every callback hands the interaction to one function; the translation of its options into the
core's command text is `translate.invocation_from`, so the callbacks ignore their arguments.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from functools import lru_cache
from zoneinfo import available_timezones

import discord
from discord import app_commands

from adapters.discord.translate import COMMAND, SETUP_COMMAND

logger = logging.getLogger(__name__)

OnCommand = Callable[[discord.Interaction], Awaitable[None]]
AUTOCOMPLETE_CHOICES = 25


@lru_cache(maxsize=1)
def _timezones() -> tuple[str, ...]:
    return tuple(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))


def timezone_choices(current: str) -> list[app_commands.Choice[str]]:
    """Up to 25 IANA names containing what was typed (prefix matches first)."""
    needle = current.strip().lower().replace(" ", "_")
    names = _timezones()
    if needle:
        prefix = [n for n in names if n.lower().startswith(needle)]
        inner = [n for n in names if needle in n.lower() and n not in prefix]
        names = tuple(prefix + inner)
    return [app_commands.Choice(name=n, value=n) for n in names[:AUTOCOMPLETE_CHOICES]]


def build_commands(on_command: OnCommand) -> list[app_commands.Group]:
    """The two command groups; every subcommand calls `on_command(interaction)`."""
    ruling = app_commands.Group(
        name=COMMAND,
        description="Court rulings from the news: latest, search, summarize a link",
        guild_only=True,
    )
    setup = app_commands.Group(
        name=SETUP_COMMAND,
        description="This channel's daily digest and subscriptions (needs Manage Channels)",
        guild_only=True,
        default_permissions=discord.Permissions(manage_channels=True),
    )

    @ruling.command(name="latest", description="The 5 latest rulings")
    async def latest(interaction: discord.Interaction) -> None:
        await on_command(interaction)

    @ruling.command(
        name="search", description="Stored rulings matching a judge, party, court or topic"
    )
    @app_commands.describe(words='e.g. ortiz transit, judge:tolland, party:"New York"')
    async def search(
        interaction: discord.Interaction, words: app_commands.Range[str, 1, 300]
    ) -> None:
        await on_command(interaction)

    @ruling.command(name="url", description="Summarize the article at this link now")
    @app_commands.describe(url="The article's address (https://…)")
    async def url(interaction: discord.Interaction, url: app_commands.Range[str, 1, 2000]) -> None:
        await on_command(interaction)

    @ruling.command(name="subscriptions", description="This channel's subscriptions")
    async def subscriptions(interaction: discord.Interaction) -> None:
        await on_command(interaction)

    @ruling.command(name="help", description="How to use the ruling commands")
    async def help_(interaction: discord.Interaction) -> None:
        await on_command(interaction)

    @setup.command(name="subscribe", description="Only carry rulings matching these terms")
    @app_commands.describe(terms='Topic words and filters: immigration court:"9th circuit"')
    async def subscribe(
        interaction: discord.Interaction, terms: app_commands.Range[str, 1, 300]
    ) -> None:
        await on_command(interaction)

    @setup.command(name="unsubscribe", description="Remove a subscription (or all)")
    @app_commands.describe(terms="The terms as listed, their number, or all (empty: list them)")
    async def unsubscribe(
        interaction: discord.Interaction, terms: app_commands.Range[str, 1, 300] | None = None
    ) -> None:
        await on_command(interaction)

    @setup.command(name="digest", description="Set the daily digest time, turn it off, or show it")
    @app_commands.describe(
        time="HH:MM (24-hour), or off; empty shows the schedule",
        timezone="IANA timezone, e.g. America/Chicago",
    )
    async def digest(
        interaction: discord.Interaction,
        time: app_commands.Range[str, 1, 20] | None = None,
        timezone: app_commands.Range[str, 1, 64] | None = None,
    ) -> None:
        await on_command(interaction)

    @digest.autocomplete("timezone")
    async def digest_timezone(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return timezone_choices(current)

    return [ruling, setup]
