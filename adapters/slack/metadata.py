"""Slack message metadata that names a digest message, so a resumed run can recognise it (pure).

A digest message carries `{"event_type": "rulingbot_delivery", "event_payload": {"delivery":
KEY}}` where KEY is the ledger's stable key for that message. Posting metadata needs no scope
beyond `chat:write`; `conversations.history` returns it when asked with `include_all_metadata`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

DELIVERY_EVENT = "rulingbot_delivery"


def delivery_metadata(key: str) -> dict[str, Any]:
    """The `metadata` argument of `chat.postMessage` for the message with ledger key `key`."""
    return {"event_type": DELIVERY_EVENT, "event_payload": {"delivery": key}}


def delivery_key_of(message: dict[str, Any]) -> str | None:
    """The ledger key a history message carries, or None when it is not one of our digests."""
    metadata = message.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("event_type") != DELIVERY_EVENT:
        return None
    payload = metadata.get("event_payload")
    key = payload.get("delivery") if isinstance(payload, dict) else None
    return key if isinstance(key, str) else None


def find_delivery(messages: Iterable[dict[str, Any]], key: str) -> str | None:
    """The ts of the (oldest) message carrying `key`, or None."""
    found = [str(m["ts"]) for m in messages if delivery_key_of(m) == key and m.get("ts")]
    return min(found, key=float) if found else None
