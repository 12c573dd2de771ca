"""Slack payloads → neutral inputs: slash commands for the core's parser, thread replies → Question.

Pure functions on the JSON Slack sends, tested on recorded payloads. Deciding what to ignore
(our own posts, other bots, edits, joins, top-level chatter) happens here, so the wiring only
forwards what the core must answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.models import ChannelRef, Question, ThreadRef

PLATFORM = "slack"

# Message subtypes that are still a person writing in a thread; every other subtype
# (message_changed, message_deleted, channel_join, bot_message, …) is not a question.
QUESTION_SUBTYPES = frozenset({"thread_broadcast", "file_share"})

_MENTION = re.compile(r"<[@!](?:[A-Z0-9]+|subteam\^[A-Z0-9]+|here|channel|everyone)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+(?:\|([^>]*))?>")
_LINK = re.compile(r"<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>")


@dataclass(frozen=True, slots=True)
class SlashInvocation:
    """What `bot.commands.parse_command` needs from a `/ruling` payload, plus where to answer."""

    text: str
    channel: ChannelRef
    user_id: str
    can_manage: bool
    response_url: str | None


def plain_text(text: str) -> str:
    """Slack's wire markup → what the user typed: mentions dropped, links and entities decoded."""
    text = _MENTION.sub("", text)
    text = _CHANNEL.sub(lambda m: f"#{m.group(1)}" if m.group(1) else "", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def slash_invocation(payload: dict[str, Any]) -> SlashInvocation:
    """Translate a slash-command payload (form fields as a dict).

    Any member may manage a Slack channel's digest: Slack has no per-channel permission that
    an app can read cheaply, and the workspace controls who may use the command at all.
    """
    team_id = payload.get("team_id") or None
    return SlashInvocation(
        text=plain_text(str(payload.get("text") or "")),
        channel=ChannelRef(PLATFORM, str(payload.get("channel_id") or ""), team_id),
        user_id=str(payload.get("user_id") or ""),
        can_manage=True,
        response_url=payload.get("response_url") or None,
    )


def is_from_bot(event: dict[str, Any], *, bot_user_id: str | None) -> bool:
    """True for our own messages and every other bot's (answering bots would loop)."""
    if event.get("bot_id") or event.get("bot_profile") or event.get("subtype") == "bot_message":
        return True
    return bot_user_id is not None and event.get("user") == bot_user_id


def question_from_event(
    event: dict[str, Any],
    *,
    team_id: str | None,
    event_id: str | None,
    bot_user_id: str | None = None,
) -> Question | None:
    """A `message` event that is a person's reply in a thread → Question; anything else → None."""
    if event.get("type") != "message":
        return None
    subtype = event.get("subtype")
    if subtype and subtype not in QUESTION_SUBTYPES:
        return None
    if is_from_bot(event, bot_user_id=bot_user_id):
        return None
    user = event.get("user")
    channel = event.get("channel")
    ts = event.get("ts")
    thread_ts = event.get("thread_ts")
    if not user or not channel or not thread_ts or thread_ts == ts:
        return None
    text = plain_text(str(event.get("text") or ""))
    if not text:
        return None
    workspace = team_id or event.get("team") or None
    return Question(
        text=text,
        thread=ThreadRef(PLATFORM, str(channel), str(thread_ts), workspace),
        user_id=str(user),
        event_id=event_id,
    )
