"""The console adapter: the terminal as a chat surface (digests, /ruling commands, questions)."""

from __future__ import annotations

from adapters.console.adapter import TERMINAL, ConsoleAdapter
from bot.settings import Secrets, Settings
from bot.store import Database

__all__ = ["TERMINAL", "ConsoleAdapter", "build"]


def build(settings: Settings, secrets: Secrets, db: Database) -> ConsoleAdapter:
    """The terminal needs no configuration or secrets; it is always available."""
    return ConsoleAdapter()
