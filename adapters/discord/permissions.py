"""The permissions the bot uses, and the OAuth2 invite URL that asks for exactly those."""

from __future__ import annotations

from urllib.parse import urlencode

import discord

INVITE_BASE = "https://discord.com/oauth2/authorize"
SCOPES = ("bot", "applications.commands")


# (discord.py flag, the name Discord's UI shows): what the bot does and nothing more.
USED_PERMISSIONS = (
    ("view_channel", "View Channel"),  # see the channel and its threads
    ("send_messages", "Send Messages"),  # digests and notices
    ("embed_links", "Embed Links"),  # ruling cards
    ("create_public_threads", "Create Public Threads"),  # one thread per ruling
    ("send_messages_in_threads", "Send Messages in Threads"),  # answers
    ("read_message_history", "Read Message History"),  # answers reply to the question asked
)


def bot_permissions() -> discord.Permissions:
    return discord.Permissions(**{flag: True for flag, _ in USED_PERMISSIONS})


def permission_names() -> list[str]:
    return [label for _, label in USED_PERMISSIONS]


def invite_url(client_id: int | str) -> str:
    query = urlencode(
        {
            "client_id": str(client_id),
            "scope": " ".join(SCOPES),
            "permissions": str(bot_permissions().value),
        }
    )
    return f"{INVITE_BASE}?{query}"
