"""Recognising a digest message twice posted (pure): nonces for posting, matching for history.

Discord drops a second message with the same `nonce` from the same author within a few minutes
(`enforce_nonce`) and returns the first instead, so a re-post soon after a crash costs nothing.
History does not return nonces, so after a longer gap a message is recognised by what it shows:
its content and its embeds' titles and links (a ruling's link is unique in a digest).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from adapters.discord.render import Page

NONCE_MAX = 25  # Discord's limit for a string nonce


def delivery_nonce(channel_id: str, key: str, page: int) -> str:
    """A nonce for one page of the message with ledger key `key`.

    The nonce is checked per author across all channels, so the channel is part of it; hashed to
    fit Discord's 25 characters.
    """
    digest = hashlib.sha256(f"{channel_id}\n{key}\n{page}".encode()).hexdigest()
    return digest[:NONCE_MAX]


def _shown(embed: dict[str, Any]) -> tuple[str, str]:
    return (str(embed.get("title") or ""), str(embed.get("url") or ""))


def same_message(content: str, embeds: Sequence[dict[str, Any]], page: Page) -> bool:
    """Whether a posted message (content + embed dicts) is the first page `send` would post."""
    if (content or "").strip() != page.content.strip():
        return False
    return [_shown(e) for e in embeds] == [_shown(e) for e in page.embeds]
