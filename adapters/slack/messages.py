"""Texts the Slack adapter shows: chat-surface notices and one-line configuration errors."""

from __future__ import annotations

NOT_READY = "rulingbot is starting up; try again in a few seconds."
INTERNAL_ERROR = "Something went wrong while answering; please try again in a minute."
MORE_RESULTS = "More results were left out; narrow the search to see them."
SOCKET_MODE_NEEDS_APP_TOKEN = (
    "Socket Mode needs an app-level token (xapp-…) in SLACK_APP_TOKEN, "
    "or set slack.socket_mode = false for HTTP mode"
)
HTTP_MODE_NEEDS_SIGNING_SECRET = "HTTP mode needs SLACK_SIGNING_SECRET to verify requests"


def usage_error(message: str, usage: str) -> str:
    """A bad `/ruling`: what is wrong, then how to write it."""
    return f"{message}\nUsage: `{usage}`" if usage else message
