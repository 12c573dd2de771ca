"""`rulingbot discord invite`: the OAuth2 link that adds the bot to a server."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from adapters.discord.permissions import invite_url, permission_names
from bot.cli.app import ConfigOption, app, console, fail, get_settings

logger = logging.getLogger(__name__)

discord_app = typer.Typer(help="Discord: the invite link for a server.", no_args_is_help=True)
app.add_typer(discord_app, name="discord")


@discord_app.command("invite")
def invite(
    client_id: Annotated[
        str | None,
        typer.Option(
            "--client-id",
            help="The application id (Developer Portal → General Information); "
            "default: discord.application_id.",
        ),
    ] = None,
    config: ConfigOption = None,
) -> None:
    """Print the link a server admin opens to add the bot, with exactly the permissions it uses."""
    chosen = client_id
    if chosen is None:
        chosen = str(get_settings(config).discord.application_id or "") or None
    if chosen is None:
        fail("no application id: pass --client-id or set discord.application_id")
    if not chosen.strip().isdigit():
        fail(f"{chosen!r} is not a Discord application id (digits only)")
    console.print(invite_url(chosen.strip()), highlight=False, soft_wrap=True)
    names = ", ".join(permission_names())
    console.print(f"Permissions: {names}", highlight=False, style="dim", soft_wrap=True)
