"""Slack: slash commands, digests in Block Kit and answers in threads, via slack-bolt (async)."""

from __future__ import annotations

from adapters.slack.app import SlackAdapter, build

__all__ = ["SlackAdapter", "build"]
