"""`/ruling` text → Command: every subcommand, chat markup, and bad input with its usage line."""

from __future__ import annotations

import pytest

from bot import messages
from bot.commands import CommandError, parse_command
from bot.commands.parse import normalize_time, resolve_timezone, unwrap_chat_markup
from bot.models import ChannelRef, CommandKind

CHANNEL = ChannelRef("slack", "C123", "T1")


def parse(text: str, *, can_manage: bool = True):  # type: ignore[no-untyped-def]
    return parse_command(text, channel=CHANNEL, user_id="U1", can_manage=can_manage)


def error_of(text: str) -> CommandError:
    with pytest.raises(CommandError) as info:
        parse(text)
    return info.value


@pytest.mark.parametrize("text", ["", "   ", "latest", " Latest "])
def test_nothing_or_latest_means_latest_rulings(text: str) -> None:
    command = parse(text)
    assert command.kind is CommandKind.LATEST
    assert command.args == ()


@pytest.mark.parametrize("text", ["help", "HELP", "  Help  me ", "--help", "-h", "?"])
def test_help_in_any_case_and_spelling(text: str) -> None:
    assert parse(text).kind is CommandKind.HELP


def test_words_are_a_search_keeping_quoted_phrases_and_filters() -> None:
    command = parse('  ortiz   transit  party:"New York" "voting rights" ')
    assert command.kind is CommandKind.SEARCH
    assert command.args == ("ortiz", "transit", 'party:"New York"', '"voting rights"')


def test_latest_followed_by_words_searches_the_words() -> None:
    command = parse("latest immigration")
    assert (command.kind, command.args) == (CommandKind.SEARCH, ("immigration",))


def test_search_with_a_bad_outcome_is_refused_with_the_search_usage() -> None:
    err = error_of("outcome:victorious tariffs")
    assert "victorious" in err.message
    assert err.usage == messages.USAGE_SEARCH


def test_unknown_keys_in_a_search_are_words_not_errors() -> None:
    assert parse("re:tariffs").args == ("re:tariffs",)


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("https://news.example/a", "https://news.example/a"),
        ("<https://news.example/a?x=1&amp;y=2>", "https://news.example/a?x=1&y=2"),
        ("<https://news.example/a|news.example/a>", "https://news.example/a"),
        ("   <HTTPS://news.example/b|label with spaces>  ", "HTTPS://news.example/b"),
        ("www.news.example/c", "https://www.news.example/c"),
    ],
)
def test_a_sole_link_summarizes_it_whatever_slack_did_to_it(text: str, url: str) -> None:
    command = parse(text)
    assert (command.kind, command.args) == (CommandKind.SUMMARIZE_URL, (url,))


def test_a_link_among_other_words_is_refused_not_searched() -> None:
    err = error_of("look at https://news.example/a please")
    assert err.message == messages.URL_NOT_ALONE
    assert err.usage == messages.USAGE_URL


def test_subscribe_stores_canonical_terms_regardless_of_order_case_and_quotes() -> None:
    first = parse('subscribe Immigration court:"9th Circuit" outcome:Blocked')
    second = parse("SUBSCRIBE outcome:blocked  court:“9th circuit”   immigration")
    assert first.kind is CommandKind.SUBSCRIBE
    assert first.args == second.args == ('immigration court:"9th circuit" outcome:blocked',)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("subscribe", messages.SUBSCRIBE_EMPTY),
        ("subscribe outcome:victorious", "victorious"),
        ("subscribe cout:9th", "cout:"),
        ('subscribe party:"New York', messages.UNBALANCED_QUOTE),
        ("subscribe judge:", "judge:"),
        ("subscribe https://news.example/a", messages.URL_IN_TERMS),
    ],
)
def test_bad_subscribe_terms_are_refused_with_the_subscribe_usage(text: str, needle: str) -> None:
    err = error_of(text)
    assert needle in err.message
    assert err.usage == messages.USAGE_SUBSCRIBE


def test_subscribe_tolerates_a_space_after_the_key() -> None:
    assert parse("subscribe court: ninth").args == ("court:ninth",)


@pytest.mark.parametrize(
    ("text", "args"),
    [
        ("unsubscribe", ()),
        ("unsubscribe ALL", ("all",)),
        ("unsubscribe 2", ("#2",)),
        ("unsubscribe #3", ("#3",)),
        ("unsub Immigration outcome:struck", ("immigration outcome:struck_down",)),
    ],
)
def test_unsubscribe_forms(text: str, args: tuple[str, ...]) -> None:
    command = parse(text)
    assert (command.kind, command.args) == (CommandKind.UNSUBSCRIBE, args)


def test_subscriptions_lists_and_takes_no_arguments() -> None:
    assert parse("Subscriptions").kind is CommandKind.SUBSCRIPTIONS
    err = error_of("subscriptions please")
    assert err.usage == messages.USAGE_SUBSCRIPTIONS


@pytest.mark.parametrize(
    ("text", "args"),
    [
        ("digest 08:00 America/Chicago", ("08:00", "America/Chicago")),
        ("DIGEST 8:00 america/chicago", ("08:00", "America/Chicago")),
        ("digest America/Chicago 08:00", ("08:00", "America/Chicago")),
        ("digest 7:30pm Europe/Berlin", ("19:30", "Europe/Berlin")),
        ("digest 8 am eastern", ("08:00", "America/New_York")),
        ("digest 0615 UTC", ("06:15", "UTC")),
        ("digest 09:00", ("09:00",)),
        ("digest", ()),
    ],
)
def test_digest_schedule_forms(text: str, args: tuple[str, ...]) -> None:
    command = parse(text)
    assert (command.kind, command.args) == (CommandKind.DIGEST_SET, args)


@pytest.mark.parametrize("text", ["digest off", "digest OFF", "digest stop"])
def test_digest_off(text: str) -> None:
    assert parse(text).kind is CommandKind.DIGEST_OFF


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("digest 25:00 America/Chicago", "25:00"),
        ("digest 08:61 UTC", "08:61"),
        ("digest breakfast UTC", "breakfast"),
        ("digest 08:00 Mars/Olympus", "Mars/Olympus"),
        ("digest 08:00 EST5EDT", "EST5EDT"),
        ("digest 08:00 America/Chicago daily", messages.DIGEST_BAD_ARGS),
    ],
)
def test_bad_digest_time_or_timezone_is_refused_with_the_digest_usage(
    text: str, needle: str
) -> None:
    err = error_of(text)
    assert needle in err.message
    assert err.usage == messages.USAGE_DIGEST


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("subscibe immigration", "subscribe"), ("digets 08:00 UTC", "digest")],
)
def test_a_misspelled_subcommand_is_refused_with_a_suggestion(text: str, suggestion: str) -> None:
    err = error_of(text)
    assert suggestion in err.message
    assert err.usage == messages.USAGE


def test_an_option_looking_word_is_refused() -> None:
    assert "--verbose" in error_of("--verbose ortiz").message


def test_overlong_input_is_refused_before_any_work() -> None:
    assert "too long" in error_of("x" * 5000).message


def test_the_error_reply_is_ephemeral_and_carries_the_usage_line() -> None:
    reply = error_of("digest 99:99 UTC").reply()
    assert reply.ephemeral and reply.is_error
    assert reply.text.endswith(f"Usage: {messages.USAGE_DIGEST}")


def test_permission_and_origin_are_carried_on_the_command() -> None:
    command = parse("digest off", can_manage=False)
    assert command.can_manage_channel is False
    assert (command.channel, command.user_id, command.raw) == (CHANNEL, "U1", "digest off")


def test_slack_channel_and_user_mentions_unwrap_to_plain_text() -> None:
    assert unwrap_chat_markup("<#C1|general> <@U2> x &lt;y&gt;") == "#general  x <y>"


def test_time_and_timezone_normalisers() -> None:
    assert normalize_time("12am") == "00:00"
    assert normalize_time("12:15 pm") == "12:15"
    with pytest.raises(ValueError):
        normalize_time("13pm")
    assert resolve_timezone("europe/berlin") == "Europe/Berlin"
    assert resolve_timezone("CST") == "America/Chicago"
    with pytest.raises(ValueError):
        resolve_timezone("Nowhere/Town")
