"""The permissions the bot uses, and the OAuth2 invite URL that asks for exactly those."""

from __future__ import annotations

from urllib.parse import urlencode

import discord

INVITE_BASE = "https://discord.com/oauth2/authorize"
SCOPES = ("bot", "applications.commands")


def bot_permissions() -> discord.Permissions:
    """What the bot does and nothing more.

    View Channel (see the channel and its threads), Send Messages (digests, notices),
    Embed Links (ruling cards), Create Public Threads (one thread per ruling), Send Messages in
    Threads (answers), Read Message History (replies to our messages resolve to them).
    """
    return discord.Permissions(
        view_channel=True,
        send_messages=True,
        embed_links=True,
        create_public_threads=True,
        send_messages_in_threads=True,
        read_message_history=True,
    )


def invite_url(client_id: int | str) -> str:
    query = urlencode(
        {
            "client_id": str(client_id),
            "scope": " ".join(SCOPES),
            "permissions": str(bot_permissions().value),
        }
    )
    return f"{INVITE_BASE}?{query}"
