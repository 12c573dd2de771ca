"""The `/ruling` command surface shared by every chat platform: parse text, execute a Command."""

from bot.commands.execute import execute
from bot.commands.parse import CommandError, parse_command

__all__ = ["CommandError", "execute", "parse_command"]
