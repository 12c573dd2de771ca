"""The platform-neutral domain model that the core, the store and every adapter speak.

No platform imports here: adapters translate Slack and Discord payloads into these types and
render `Reply` back into Block Kit or embeds.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from summarizer.facts import Facts, Judge, Outcome

__all__ = [
    "Answer",
    "Article",
    "Card",
    "ChannelRef",
    "Command",
    "CommandKind",
    "Digest",
    "DigestItem",
    "Facts",
    "Judge",
    "Outcome",
    "Question",
    "Reply",
    "SentMessage",
    "ThreadRef",
]


@dataclass(slots=True)
class Article:
    """One news article as stored: fetched once, however many channels will see it."""

    url: str
    canonical_url: str
    title: str
    text: str
    content_hash: str
    outlet: str | None = None
    published_at: datetime | None = None
    fetched_at: datetime | None = None
    feed_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class ChannelRef:
    """Where a digest goes: a channel on one platform (workspace = Slack team / Discord guild)."""

    platform: str  # "slack" | "discord" | "console"
    channel_id: str
    workspace_id: str | None = None


@dataclass(frozen=True, slots=True)
class ThreadRef:
    """A thread under a posted message: `thread_id` is Slack's parent ts or a Discord thread id."""

    platform: str
    channel_id: str
    thread_id: str
    workspace_id: str | None = None


@dataclass(frozen=True, slots=True)
class Card:
    """One ruling, ready to render: an errbot-style card (title, link, summary, fields)."""

    title: str
    summary: str
    url: str | None = None
    fields: tuple[tuple[str, str], ...] = ()  # (name, value), e.g. ("Judge", "…")
    context: str | None = None  # outlet · time · "also reported by …"
    article_id: int | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """What the core answers; one Reply renders as one platform message."""

    text: str  # plain-text fallback, always present
    cards: tuple[Card, ...] = ()
    ephemeral: bool = False
    evidence: tuple[str, ...] = ()  # article sentences an answer rests on
    is_error: bool = False
    # A digest message's stable identity (from the delivery ledger): adapters attach it to the
    # post so that, after a crash, the same message can be recognised on the platform.
    delivery_key: str | None = None


@dataclass(frozen=True, slots=True)
class SentMessage:
    """What an adapter reports after posting: the platform's message id and, if any, its thread."""

    message_id: str
    thread: ThreadRef | None = None


class CommandKind(enum.StrEnum):
    LATEST = "latest"
    SEARCH = "search"
    SUMMARIZE_URL = "url"
    SUBSCRIBE = "subscribe"
    UNSUBSCRIBE = "unsubscribe"
    SUBSCRIPTIONS = "subscriptions"
    DIGEST_SET = "digest"
    DIGEST_OFF = "digest_off"
    HELP = "help"


@dataclass(frozen=True, slots=True)
class Command:
    """A `/ruling` invocation after parsing, independent of the platform it came from."""

    kind: CommandKind
    channel: ChannelRef
    user_id: str
    args: tuple[str, ...] = ()  # words / URL / terms; for DIGEST_SET: ("08:00", "America/Chicago")
    can_manage_channel: bool = True  # Discord: Manage Channels; Slack: any member
    raw: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    """A follow-up question asked in a ruling's thread."""

    text: str
    thread: ThreadRef
    user_id: str
    event_id: str | None = None  # platform event id, for exactly-once answering
    article_id: int | None = None  # set when the platform names the ruling directly (a button)


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    evidence: tuple[str, ...] = ()
    found: bool = False


@dataclass(slots=True)
class DigestItem:
    """One story in a digest: the lead article, its facts, and other outlets that reported it."""

    article: Article
    facts: Facts
    also_reported_by: list[Article] = field(default_factory=list)
    score: float = 0.0


@dataclass(slots=True)
class Digest:
    """A channel's digest for one local date."""

    channel: ChannelRef
    local_date: date
    items: list[DigestItem]
    generated_at: datetime
