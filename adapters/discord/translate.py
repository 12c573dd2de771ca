"""Discord payloads → neutral inputs: app-command options → `/ruling` text, messages → questions.

Pure functions on the JSON Discord sends (interaction `data`, member permissions, message
fields), tested on recorded payloads. The core's parser does all validation; this module only
says which text a Discord invocation stands for and whether a message is a question for us.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot import messages
from bot.models import ChannelRef, ThreadRef

PLATFORM = "discord"

# The two top-level commands. Discord applies `default_member_permissions` to top-level
# commands only, so what changes a channel's schedule or subscriptions lives under its own
# command that needs Manage Channels by default (and the core checks the permission again).
COMMAND = "ruling"
SETUP_COMMAND = "ruling-setup"
PUBLIC_SUBCOMMANDS = ("latest", "search", "url", "subscriptions", "help")
SETUP_SUBCOMMANDS = ("subscribe", "unsubscribe", "digest")

ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4

ASK_PREFIX = "rulingbot:ask:"
ASK_MODAL_PREFIX = "rulingbot:askmodal:"
QUESTION_FIELD = "question"

_SUBCOMMAND_TYPES = (1, 2)  # SUB_COMMAND, SUB_COMMAND_GROUP
_URLISH = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_THREAD_NAME_MAX = 100


class UnknownInvocation(ValueError):
    """The interaction names a command or subcommand this bot does not have (a stale tree)."""


@dataclass(frozen=True, slots=True)
class Invocation:
    """A `/ruling` or `/ruling-setup` invocation as the core's parser should see it."""

    text: str
    channel: ChannelRef
    user_id: str
    can_manage: bool
    subcommand: str


def can_manage_channel(permissions: int | str | None) -> bool:
    """Manage Channels (or Administrator) in the member's resolved channel permissions.

    Interaction payloads carry the member's permissions in the channel, overwrites applied,
    as a decimal string.
    """
    try:
        value = int(permissions or 0)
    except (TypeError, ValueError):
        return False
    return bool(value & (MANAGE_CHANNELS | ADMINISTRATOR))


def subcommand_and_options(data: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """(subcommand name, {option: value}) from an APPLICATION_COMMAND interaction's `data`."""
    options = data.get("options") or []
    if not options or options[0].get("type") not in _SUBCOMMAND_TYPES:
        raise UnknownInvocation(f"/{data.get('name', '?')} without a subcommand")
    sub = options[0]
    values = {
        str(opt["name"]): str(opt.get("value", "")).strip()
        for opt in sub.get("options") or []
        if opt.get("type") not in _SUBCOMMAND_TYPES
    }
    return str(sub["name"]), values


def command_text(command: str, subcommand: str, options: dict[str, str]) -> str:
    """The text after `/ruling` that means the same as this Discord invocation.

    `search` is sent as `latest <words>`, which the parser reads as a search whatever the first
    word is (a search for "help" must not show the help). A `url` that is not a link is sent as
    is, alone, so the parser says what is wrong with it.
    """
    allowed = PUBLIC_SUBCOMMANDS if command == COMMAND else SETUP_SUBCOMMANDS
    if command not in (COMMAND, SETUP_COMMAND) or subcommand not in allowed:
        raise UnknownInvocation(f"/{command} {subcommand}")
    if subcommand == "search":
        return f"latest {options.get('words', '')}".strip()
    if subcommand == "url":
        return options.get("url", "")
    if subcommand == "subscribe":
        return f"subscribe {options.get('terms', '')}".strip()
    if subcommand == "unsubscribe":
        return f"unsubscribe {options.get('terms', '')}".strip()
    if subcommand == "digest":
        parts = [options.get("time", ""), options.get("timezone", "")]
        return " ".join(["digest", *[p for p in parts if p]])
    return subcommand  # latest, subscriptions, help


def is_url_like(value: str) -> bool:
    return bool(_URLISH.match(value.strip()))


def invocation(payload: dict[str, Any]) -> Invocation:
    """Translate an INTERACTION_CREATE payload of type APPLICATION_COMMAND.

    Raises UnknownInvocation for a command or subcommand this bot does not define.
    """
    member = payload.get("member") or {}
    user = member.get("user") or payload.get("user") or {}
    return invocation_from(
        payload.get("data") or {},
        channel_id=payload.get("channel_id"),
        guild_id=payload.get("guild_id"),
        user_id=user.get("id"),
        # Outside a guild there is no member and no channel to manage.
        permissions=member.get("permissions") if member else None,
    )


def invocation_from(
    data: dict[str, Any],
    *,
    channel_id: Any,
    guild_id: Any,
    user_id: Any,
    permissions: int | str | None,
) -> Invocation:
    """The same translation from the parts discord.py exposes on an `Interaction`."""
    subcommand, options = subcommand_and_options(data)
    text = command_text(str(data.get("name", "")), subcommand, options)
    return Invocation(
        text=text,
        channel=ChannelRef(PLATFORM, str(channel_id or ""), _str_or_none(guild_id)),
        user_id=str(user_id or ""),
        can_manage=can_manage_channel(permissions) if guild_id else False,
        subcommand=subcommand,
    )


_DISCORD_USAGE = (
    (re.compile(r"/ruling (subscribe|unsubscribe|digest)\b"), rf"/{SETUP_COMMAND} \1"),
    (re.compile(r"/ruling <words>"), "/ruling search <words>"),
    (re.compile(r"/ruling <link>"), "/ruling url <link>"),
    (re.compile(r"`/ruling`"), "`/ruling latest`"),
    # Examples of a bare search ("`/ruling ortiz transit`") need the search subcommand here.
    (
        re.compile(r"`/ruling (?!(?:latest|search|url|subscriptions|help)\b)([^`<\[][^`]*)`"),
        r"`/ruling search \1`",
    ),
    (re.compile(r"(?<![*\w])\*([^*\n]+)\*(?![*\w])"), r"**\1**"),  # Slack bold → Discord bold
)


def discord_text(text: str) -> str:
    """The core's command replies in this platform's words: its command names, its bold."""
    text = text.replace(messages.USAGE, messages.DISCORD_USAGE)
    for pattern, replacement in _DISCORD_USAGE:
        text = pattern.sub(replacement, text)
    return text


# --- buttons and modals ------------------------------------------------------------------------


def ask_custom_id(article_id: int) -> str:
    return f"{ASK_PREFIX}{article_id}"


def ask_modal_custom_id(article_id: int) -> str:
    return f"{ASK_MODAL_PREFIX}{article_id}"


def article_from_custom_id(custom_id: str, prefix: str = ASK_PREFIX) -> int | None:
    """The article id a button or modal names, or None when the id is not ours or malformed."""
    if not custom_id.startswith(prefix):
        return None
    rest = custom_id[len(prefix) :]
    return int(rest) if rest.isdigit() and len(rest) <= 19 else None


def modal_question(data: dict[str, Any]) -> str:
    """The text typed into the "Ask a question" modal (MODAL_SUBMIT `data`)."""
    for row in data.get("components") or []:
        for component in row.get("components") or []:
            if component.get("custom_id") == QUESTION_FIELD:
                return str(component.get("value") or "").strip()
    return ""


# --- thread messages ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MessageFacts:
    """What decides whether a message is a question for us; read from MESSAGE_CREATE."""

    content: str
    author_id: str
    author_is_bot: bool
    mention_ids: tuple[str, ...] = ()
    replied_author_id: str | None = None
    webhook_id: str | None = None


def message_facts(payload: dict[str, Any]) -> MessageFacts:
    author = payload.get("author") or {}
    referenced = payload.get("referenced_message") or {}
    return MessageFacts(
        content=str(payload.get("content") or ""),
        author_id=str(author.get("id") or ""),
        author_is_bot=bool(author.get("bot")),
        mention_ids=tuple(str(u.get("id")) for u in payload.get("mentions") or []),
        replied_author_id=str((referenced.get("author") or {}).get("id") or "") or None,
        webhook_id=_str_or_none(payload.get("webhook_id")),
    )


def question_text(message: MessageFacts, *, bot_user_id: str, every_message: bool) -> str | None:
    """The question a message in one of our threads asks, or None when it is not for us.

    Without the message-content intent Discord only shows us the text of messages that mention
    us or reply to us with a ping (both list us in `mentions`), so those are the questions; with
    the intent (`every_message`) any message in the thread counts. Our own messages, other bots
    and webhooks are never questions.
    """
    if message.author_is_bot or message.webhook_id or message.author_id == bot_user_id:
        return None
    addressed = bot_user_id in message.mention_ids or message.replied_author_id == bot_user_id
    if not (addressed or every_message):
        return None
    text = re.sub(rf"<@!?{re.escape(bot_user_id)}>", " ", message.content)
    text = " ".join(text.split())
    return text or None


def thread_ref(parent_channel_id: int | str, thread_id: int | str, guild_id: Any) -> ThreadRef:
    return ThreadRef(PLATFORM, str(parent_channel_id), str(thread_id), _str_or_none(guild_id))


def thread_name(title: str) -> str:
    """A thread name from a ruling's headline (Discord allows 1–100 characters)."""
    name = " ".join(title.split()) or "Ruling"
    if len(name) > _THREAD_NAME_MAX:
        name = name[: _THREAD_NAME_MAX - 1].rstrip() + "…"
    return name


def _str_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
