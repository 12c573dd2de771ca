"""`/ruling …` text → a neutral `Command`, the same for Slack, Discord and the console.

Tolerant of what chat clients do to text: extra spaces, Slack's `<https://…|label>` link markup
and HTML escapes, typographic quotes, upper-case subcommands. Anything that looks like a
subcommand but is not one, or a subcommand with bad arguments, raises `CommandError` carrying a
one-line message and the usage line to show with it.
"""

from __future__ import annotations

import difflib
import html
import logging
import re
from functools import lru_cache
from zoneinfo import available_timezones

from bot import messages
from bot.models import ChannelRef, Command, CommandKind, Reply
from bot.settings import check_timezone, parse_hhmm
from bot.subscriptions import FilterError, parse_filter, split_terms

logger = logging.getLogger(__name__)

MAX_TEXT_CHARS = 1000

_HELP = {"help", "-h", "--help", "?", "h"}
_LATEST = {"latest", "recent", "new"}
_SUBSCRIBE = {"subscribe", "sub", "follow"}
_UNSUBSCRIBE = {"unsubscribe", "unsub", "unfollow"}
_SUBSCRIPTIONS = {"subscriptions", "subs", "list"}
_DIGEST = {"digest", "schedule"}
_OFF = {"off", "stop", "none", "disable", "disabled", "never"}
# Misspellings of these (not of short words like "help", which are also search words) are
# refused with a suggestion instead of being searched for.
_TYPO_TARGETS = ("subscribe", "unsubscribe", "subscriptions", "digest")

_SLACK_MARKUP = re.compile(r"<([^<>\s]*(?:\|[^<>]*)?)>")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_AMPM = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?$", re.I)
_COMPACT = re.compile(r"^(\d{2})(\d{2})$")

TIMEZONE_ALIASES = {
    "utc": "UTC",
    "gmt": "UTC",
    "z": "UTC",
    "eastern": "America/New_York",
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "central": "America/Chicago",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "mountain": "America/Denver",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "pacific": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
}


class CommandError(Exception):
    """Input the command surface cannot act on: a one-line `message` plus the `usage` line."""

    def __init__(self, message: str, usage: str = messages.USAGE) -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage

    def reply(self) -> Reply:
        """The ephemeral error reply adapters show for this error."""
        return Reply(
            text=f"{self.message}\nUsage: {self.usage}",
            ephemeral=True,
            is_error=True,
        )


def unwrap_chat_markup(text: str) -> str:
    """Slack's `<https://x|label>` → `https://x`, `<#C1|general>` → `#general`, `&amp;` → `&`."""

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if re.match(r"^(?:https?://|mailto:)", target, re.I):
            return target if target.lower().startswith("http") else (label or target[7:])
        if target.startswith("#"):
            return f"#{label}" if label else target
        if target.startswith(("@", "!")):
            return label
        return match.group(0)

    return html.unescape(_SLACK_MARKUP.sub(replace, text))


def normalize_time(value: str) -> str:
    """'8:00', '08:00', '0800', '8am', '7:30 pm' → 'HH:MM'; raises ValueError otherwise."""
    text = value.strip().lower()
    ampm = _AMPM.match(text)
    if ampm:
        hour, minute = int(ampm.group(1)), int(ampm.group(2) or 0)
        if not 1 <= hour <= 12:
            raise ValueError(value)
        hour = hour % 12 + (12 if ampm.group(3) == "p" else 0)
        text = f"{hour}:{minute:02d}"
    compact = _COMPACT.match(text)
    if compact:
        text = f"{compact.group(1)}:{compact.group(2)}"
    hour, minute = parse_hhmm(text)
    return f"{hour:02d}:{minute:02d}"


@lru_cache(maxsize=1)
def _timezones_by_lower_name() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def resolve_timezone(value: str) -> str:
    """An IANA timezone name, matched case-insensitively (plus US zone nicknames such as
    'Eastern' or 'CST', which mean the DST-aware zone); raises ValueError when unknown."""
    name = value.strip()
    alias = TIMEZONE_ALIASES.get(name.lower())
    if alias:
        return alias
    try:
        check_timezone(name)
        if "/" in name or name == "UTC":
            return name
    except ValueError:
        pass
    canonical = _timezones_by_lower_name().get(name.lower())
    if canonical is None or ("/" not in canonical and canonical != "UTC"):
        # Bare abbreviations such as 'EST' are fixed offsets that ignore DST: refuse them.
        raise ValueError(value)
    check_timezone(canonical)
    return canonical


def _looks_like_time(word: str) -> bool:
    return bool(re.match(r"^\d", word)) or bool(_AMPM.match(word.lower()))


def parse_digest_args(words: list[str]) -> tuple[str, ...]:
    """`[]` (show), `["off"]`, or a time and an optional timezone in either order → args."""
    usage = messages.USAGE_DIGEST
    if not words:
        return ()
    if len(words) == 2 and _AMPM.match(" ".join(words).lower()):
        words = ["".join(words)]  # "8 am"
    elif len(words) == 3 and _AMPM.match(" ".join(words[:2]).lower()):
        words = ["".join(words[:2]), words[2]]
    if len(words) > 2:
        raise CommandError(messages.DIGEST_BAD_ARGS, usage)
    if len(words) == 2 and not _looks_like_time(words[0]) and _looks_like_time(words[1]):
        words = [words[1], words[0]]
    time_word = words[0]
    try:
        hhmm = normalize_time(time_word)
    except ValueError:
        raise CommandError(messages.DIGEST_BAD_TIME.format(value=time_word), usage) from None
    if len(words) == 1:
        return (hhmm,)
    try:
        zone = resolve_timezone(words[1])
    except ValueError:
        raise CommandError(messages.DIGEST_BAD_TIMEZONE.format(value=words[1]), usage) from None
    return (hhmm, zone)


def _suggest(word: str) -> str | None:
    if len(word) < 5:
        return None
    close = difflib.get_close_matches(word, _TYPO_TARGETS, n=1, cutoff=0.8)
    return close[0] if close else None


def _rest_after_first_word(text: str) -> str:
    parts = text.split(None, 1)
    return parts[1] if len(parts) > 1 else ""


def parse_command(
    text: str | None, *, channel: ChannelRef, user_id: str, can_manage: bool = True
) -> Command:
    """Parse the text after `/ruling`; raises CommandError(message, usage) on bad input."""
    raw = text or ""
    if len(raw) > MAX_TEXT_CHARS:
        raise CommandError(messages.TOO_LONG.format(length=len(raw), limit=MAX_TEXT_CHARS))
    clean = " ".join(unwrap_chat_markup(raw).split())
    words = clean.split()

    def command(kind: CommandKind, *args: str) -> Command:
        return Command(
            kind=kind,
            channel=channel,
            user_id=user_id,
            args=tuple(args),
            can_manage_channel=can_manage,
            raw=raw,
        )

    if not words:
        return command(CommandKind.LATEST)
    first = words[0].lower()
    rest_text = _rest_after_first_word(clean)
    rest = words[1:]

    if first in _HELP:
        return command(CommandKind.HELP)
    if first in _LATEST and not rest:
        return command(CommandKind.LATEST)
    if first in _SUBSCRIPTIONS:
        if rest:
            raise CommandError(
                messages.TAKES_NO_ARGUMENTS.format(word=first), messages.USAGE_SUBSCRIPTIONS
            )
        return command(CommandKind.SUBSCRIPTIONS)
    if first in _SUBSCRIBE:
        if not rest:
            raise CommandError(messages.SUBSCRIBE_EMPTY, messages.USAGE_SUBSCRIBE)
        try:
            parsed = parse_filter(rest_text)
        except FilterError as exc:
            raise CommandError(str(exc), messages.USAGE_SUBSCRIBE) from None
        return command(CommandKind.SUBSCRIBE, parsed.query)
    if first in _UNSUBSCRIBE:
        if not rest:
            return command(CommandKind.UNSUBSCRIBE)
        if len(rest) == 1 and rest[0].lower() == "all":
            return command(CommandKind.UNSUBSCRIBE, "all")
        if len(rest) == 1 and rest[0].lstrip("#").isdigit():
            return command(CommandKind.UNSUBSCRIBE, "#" + rest[0].lstrip("#"))
        try:
            parsed = parse_filter(rest_text)
        except FilterError as exc:
            raise CommandError(str(exc), messages.USAGE_UNSUBSCRIBE) from None
        return command(CommandKind.UNSUBSCRIBE, parsed.query)
    if first in _DIGEST:
        if len(rest) == 1 and rest[0].lower() in _OFF:
            return command(CommandKind.DIGEST_OFF)
        return command(CommandKind.DIGEST_SET, *parse_digest_args(rest))

    urls = [w for w in words if _URL.match(w)]
    if urls:
        if len(words) > 1:
            raise CommandError(messages.URL_NOT_ALONE, messages.USAGE_URL)
        url = urls[0]
        if url.lower().startswith("www."):
            url = "https://" + url
        return command(CommandKind.SUMMARIZE_URL, url)

    if first.startswith("-"):
        raise CommandError(messages.UNKNOWN_OPTION.format(word=words[0]))
    suggestion = _suggest(first)
    if suggestion:
        raise CommandError(messages.UNKNOWN_SUBCOMMAND.format(word=words[0], suggestion=suggestion))

    search_words = rest if first in _LATEST else words
    search_text = " ".join(search_words)
    try:
        parse_filter(search_text, strict=False)
        terms = split_terms(search_text)
    except FilterError as exc:
        raise CommandError(str(exc), messages.USAGE_SEARCH) from None
    return command(CommandKind.SEARCH, *terms)
