"""Make an untrusted chat question safe to answer: no mentions, no markup tricks, bounded length."""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

# Slack: <@U123>, <@U123|name>, <#C123|general>, <!here>, <!subteam^S1|@team>, <https://x|label>.
# Discord: <@123>, <@!123>, <@&123>, <#123>, <:emoji:123>, <a:emoji:123>, <t:1700000000:R>.
_SLACK_LINK = re.compile(r"<(https?://[^|>\s]+)(?:\|([^>]*))?>")
_MENTION = re.compile(r"<(?:[@#!][^>\s]*|a?:\w+:\d+|t:\d+(?::\w)?)>")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")


def strip_mentions(text: str) -> str:
    """Drop user, channel, role and emoji mentions; keep a link's label (or the link)."""
    text = _SLACK_LINK.sub(lambda m: m.group(2) or m.group(1), text)
    return _MENTION.sub(" ", text)


def clean_question(text: str, *, max_chars: int) -> str:
    """Mentions and control characters out, whitespace folded, cut to `max_chars` on a word."""
    text = strip_mentions(text)
    text = _CONTROL.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    if len(text) > max_chars:
        cut = text[:max_chars]
        space = cut.rfind(" ")
        text = (cut[:space] if space > max_chars // 2 else cut).rstrip()
    return text
