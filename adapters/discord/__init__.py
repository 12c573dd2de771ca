"""Discord: `/ruling` app commands, digests as embeds, follow-up questions in ruling threads."""

from __future__ import annotations

import logging
from typing import Any

from adapters.discord.bot import DiscordAdapter, DiscordStartError
from bot.settings import Secrets, Settings

logger = logging.getLogger(__name__)


def build(settings: Settings, secrets: Secrets, db: Any) -> DiscordAdapter | None:
    """The adapter, or None when DISCORD_TOKEN is not set (Discord is simply not used)."""
    if secrets.discord_token is None or not secrets.discord_token.get_secret_value().strip():
        return None
    return DiscordAdapter(settings.discord, secrets.discord_token.get_secret_value(), db)


__all__ = ["DiscordAdapter", "DiscordStartError", "build"]
