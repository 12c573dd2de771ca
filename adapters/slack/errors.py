"""One-line configuration errors of the Slack adapter (operator-facing, not chat texts)."""

from __future__ import annotations

SOCKET_MODE_NEEDS_APP_TOKEN = (
    "Socket Mode needs an app-level token (xapp-…) in SLACK_APP_TOKEN, "
    "or set slack.socket_mode = false for HTTP mode"
)
HTTP_MODE_NEEDS_SIGNING_SECRET = "HTTP mode needs SLACK_SIGNING_SECRET to verify requests"
