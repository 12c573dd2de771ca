"""Carry out a parsed `/ruling` command against the store and answer with a `Reply`.

Bad arguments in a `Command` an adapter built itself (not through `parse_command`) are caught
here too and answered with the same ephemeral error and usage line. Changes to a channel's
schedule or subscriptions need `command.can_manage_channel`; nothing is written otherwise.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot import messages
from bot.cards import ruling_card
from bot.clock import Clock
from bot.commands.parse import CommandError, normalize_time, resolve_timezone
from bot.models import Card, Command, CommandKind, Reply
from bot.search import Story, latest_rulings, search_rulings
from bot.settings import Settings
from bot.store import Database
from bot.store import channels as store_channels
from bot.subscriptions import OUTCOME_CHOICES, Filter, FilterError, parse_filter

logger = logging.getLogger(__name__)

LATEST_COUNT = 5
SEARCH_COUNT = 5
MAX_SUBSCRIPTIONS = 25


def _info(text: str) -> Reply:
    return Reply(text=text, ephemeral=True)


def _refusal(text: str) -> Reply:
    return Reply(text=text, ephemeral=True, is_error=True)


def next_run(hhmm: str, timezone: str, now: datetime) -> datetime:
    """The next digest instant, in the channel's local time, exactly as the scheduler sees it."""
    from bot.scheduler import next_digest_at  # the scheduler's rule, not a second opinion

    at = next_digest_at(hhmm, timezone, now)
    assert at is not None  # hhmm is set
    return at.astimezone(ZoneInfo(timezone))


def _window(settings: Settings) -> timedelta:
    return timedelta(days=settings.digest.merge_window_days)


def _cards(stories: list[Story]) -> tuple[Card, ...]:
    return tuple(ruling_card(s.hit.article, s.hit.facts, also=s.also or None) for s in stories)


def _when(moment: datetime) -> str:
    return moment.strftime("%a %b %d, %H:%M %Z")


async def execute(command: Command, *, db: Database, settings: Settings, clock: Clock) -> Reply:
    """The reply to `command`. Raises only for unexpected failures (the core reports those)."""
    try:
        handler = _HANDLERS[command.kind]
        return await handler(command, db, settings, clock)
    except CommandError as exc:
        return exc.reply()


async def _help(command: Command, db: Database, settings: Settings, clock: Clock) -> Reply:
    return _info(messages.HELP.format(outcomes=OUTCOME_CHOICES))


async def _latest(command: Command, db: Database, settings: Settings, clock: Clock) -> Reply:
    stories = await latest_rulings(db, limit=LATEST_COUNT, merge_window=_window(settings))
    if not stories:
        return _info(messages.NO_RULINGS_YET)
    header = (
        messages.LATEST_ONE
        if len(stories) == 1
        else messages.LATEST_HEADER.format(count=len(stories))
    )
    return Reply(text=header, cards=_cards(stories))


async def _search(command: Command, db: Database, settings: Settings, clock: Clock) -> Reply:
    query = " ".join(command.args).strip()
    if not query:
        return await _latest(command, db, settings, clock)
    try:
        result = await search_rulings(db, query, limit=SEARCH_COUNT, merge_window=_window(settings))
    except FilterError as exc:
        raise CommandError(str(exc), messages.USAGE_SEARCH) from None
    if not result.stories:
        return _info(messages.NO_MATCH.format(query=query))
    shown = len(result.stories)
    if result.total == 1:
        header = messages.SEARCH_HEADER_ONE.format(query=query)
    elif shown == result.total:
        header = messages.SEARCH_HEADER_ALL.format(total=result.total, query=query)
    else:
        header = messages.SEARCH_HEADER.format(shown=shown, total=result.total, query=query)
    return Reply(text=header, cards=_cards(result.stories))


async def _summarize_url(command: Command, db: Database, settings: Settings, clock: Clock) -> Reply:
    if len(command.args) != 1 or not command.args[0].strip():
        raise CommandError(messages.URL_NOT_ALONE, messages.USAGE_URL)
    url = command.args[0].strip()
    # Imported here: fetching pulls in the HTTP and extraction stack, which nothing else needs.
    from bot.ingest.net import FetchError
    from bot.ingest.pipeline import fetch_article_url

    try:
        article, facts = await fetch_article_url(db, settings, url, clock=clock)
    except FetchError as exc:
        error = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return _refusal(messages.FETCH_FAILED.format(url=url, error=error))
    template = messages.URL_RULING if facts.is_ruling else messages.URL_NOT_RULING
    return Reply(text=template.format(url=article.url), cards=(ruling_card(article, facts),))


def _parse_terms(query: str, usage: str) -> Filter:
    try:
        return parse_filter(query)
    except FilterError as exc:
        raise CommandError(str(exc), usage) from None


def _listing(subs: list[store_channels.SubscriptionRow]) -> str:
    return "\n".join(
        messages.SUBSCRIPTION_LINE.format(number=i, description=_describe(sub), query=sub.query)
        for i, sub in enumerate(subs, 1)
    )


def _describe(sub: store_channels.SubscriptionRow) -> str:
    stored = Filter.from_dict(sub.filters)
    if stored.is_empty:
        try:
            stored = parse_filter(sub.query)
        except FilterError:
            return sub.query
    return stored.describe()


async def _subscribe(command: Command, db: Database, settings: Settings, clock: Clock) -> Reply:
    if not command.can_manage_channel:
        return _refusal(messages.NEED_MANAGE_SUBSCRIPTIONS)
    wanted = _parse_terms(" ".join(command.args), messages.USAGE_SUBSCRIBE)
    now = clock.now()
    channel = await store_channels.ensure_channel(
        db, command.channel, now=now, timezone=settings.digest.default_timezone
    )
    existing = await store_channels.list_subscriptions(db, channel.id)
    if any(sub.query == wanted.query for sub in existing):
        return _info(messages.ALREADY_SUBSCRIBED.format(description=wanted.describe()))
    if len(existing) >= MAX_SUBSCRIPTIONS:
        return _refusal(
            messages.SUBSCRIPTION_LIMIT.format(
                limit=MAX_SUBSCRIPTIONS, usage=messages.USAGE_UNSUBSCRIBE
            )
        )
    added = await store_channels.add_subscription(
        db, channel.id, wanted.query, wanted.to_dict(), now=now, user_id=command.user_id
    )
    if not added:  # a concurrent identical subscribe won the race
        return _info(messages.ALREADY_SUBSCRIBED.format(description=wanted.describe()))
    logger.info("channel %s subscribed to %r", channel.id, wanted.query)
    text = messages.SUBSCRIBED.format(description=wanted.describe())
    if channel.digest_time is None:
        text += messages.NO_DIGEST_HINT
    return Reply(text=text)


async def _unsubscribe(command: Command, db: Database, settings: Settings, clock: Clock) -> Reply:
    if not command.can_manage_channel:
        return _refusal(messages.NEED_MANAGE_SUBSCRIPTIONS)
    channel = await store_channels.get_channel(db, command.channel)
    subs = await store_channels.list_subscriptions(db, channel.id) if channel else []
    if channel is None or not subs:
        return _info(messages.UNSUBSCRIBE_NOTHING)
    arg = " ".join(command.args).strip()
    if arg.lower() == "all":
        removed = await store_channels.remove_subscriptions(db, channel.id)
        logger.info("channel %s removed all %d subscriptions", channel.id, removed)
        return Reply(text=messages.UNSUBSCRIBED_ALL.format(count=removed))
    if not arg:
        if len(subs) > 1:
            return _refusal(
                messages.UNSUBSCRIBE_WHICH.format(count=len(subs), listing=_listing(subs))
            )
        target = subs[0]
    elif arg.startswith("#") and arg[1:].isdigit():
        number = int(arg[1:])
        if not 1 <= number <= len(subs):
            return _refusal(
                messages.UNSUBSCRIBE_NUMBER_RANGE.format(number=number, listing=_listing(subs))
            )
        target = subs[number - 1]
    else:
        wanted = _parse_terms(arg, messages.USAGE_UNSUBSCRIBE)
        found = [
            s for s in subs if s.query == wanted.query or Filter.from_dict(s.filters) == wanted
        ]
        if not found:
            return _refusal(
                messages.UNSUBSCRIBE_NOT_FOUND.format(
                    description=wanted.describe(), listing=_listing(subs)
                )
            )
        target = found[0]
    await store_channels.remove_subscriptions(db, channel.id, target.query)
    logger.info("channel %s unsubscribed from %r", channel.id, target.query)
    return Reply(text=messages.UNSUBSCRIBED.format(description=_describe(target)))


async def _subscriptions(command: Command, db: Database, settings: Settings, clock: Clock) -> Reply:
    channel = await store_channels.get_channel(db, command.channel)
    subs = await store_channels.list_subscriptions(db, channel.id) if channel else []
    if not subs:
        return _info(messages.SUBSCRIPTIONS_NONE)
    return _info(f"{messages.SUBSCRIPTIONS_HEADER}\n{_listing(subs)}")


async def _digest_set(command: Command, db: Database, settings: Settings, clock: Clock) -> Reply:
    now = clock.now()
    if not command.args:
        channel = await store_channels.get_channel(db, command.channel)
        if channel is None or channel.digest_time is None:
            return _info(messages.DIGEST_SHOW_OFF)
        upcoming = next_run(channel.digest_time, channel.timezone, now)
        return _info(
            messages.DIGEST_SHOW.format(
                time=channel.digest_time, timezone=channel.timezone, next=_when(upcoming)
            )
        )
    if not command.can_manage_channel:
        return _refusal(messages.NEED_MANAGE_DIGEST)
    if len(command.args) > 2:
        raise CommandError(messages.DIGEST_BAD_ARGS, messages.USAGE_DIGEST)
    try:
        hhmm = normalize_time(command.args[0])
    except ValueError:
        raise CommandError(
            messages.DIGEST_BAD_TIME.format(value=command.args[0]), messages.USAGE_DIGEST
        ) from None
    existing = await store_channels.get_channel(db, command.channel)
    zone_name = (
        command.args[1]
        if len(command.args) == 2
        else (existing.timezone if existing else settings.digest.default_timezone)
    )
    try:
        zone = resolve_timezone(zone_name)
    except ValueError:
        raise CommandError(
            messages.DIGEST_BAD_TIMEZONE.format(value=zone_name), messages.USAGE_DIGEST
        ) from None
    channel = existing or await store_channels.ensure_channel(
        db, command.channel, now=now, timezone=zone
    )
    await store_channels.update_channel(db, channel.id, digest_time=hhmm, timezone=zone)
    logger.info("channel %s digest set to %s %s", channel.id, hhmm, zone)
    upcoming = next_run(hhmm, zone, now)
    return Reply(text=messages.DIGEST_SET.format(time=hhmm, timezone=zone, next=_when(upcoming)))


async def _digest_off(command: Command, db: Database, settings: Settings, clock: Clock) -> Reply:
    if not command.can_manage_channel:
        return _refusal(messages.NEED_MANAGE_DIGEST)
    channel = await store_channels.get_channel(db, command.channel)
    if channel is None or channel.digest_time is None:
        return _info(messages.DIGEST_ALREADY_OFF)
    await store_channels.update_channel(db, channel.id, digest_time=None)
    logger.info("channel %s digest turned off", channel.id)
    return Reply(text=messages.DIGEST_OFF)


_HANDLERS = {
    CommandKind.HELP: _help,
    CommandKind.LATEST: _latest,
    CommandKind.SEARCH: _search,
    CommandKind.SUMMARIZE_URL: _summarize_url,
    CommandKind.SUBSCRIBE: _subscribe,
    CommandKind.UNSUBSCRIBE: _unsubscribe,
    CommandKind.SUBSCRIPTIONS: _subscriptions,
    CommandKind.DIGEST_SET: _digest_set,
    CommandKind.DIGEST_OFF: _digest_off,
}
