"""Discord payloads → the core's command text, permissions, questions (recorded payloads)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from adapters.discord import translate
from bot.commands import CommandError, parse_command
from bot.models import CommandKind

PAYLOADS = Path(__file__).parent / "payloads"
BOT = "901"


def payload(name: str) -> dict[str, Any]:
    return json.loads((PAYLOADS / f"{name}.json").read_text())


def parsed(name: str):
    inv = translate.invocation(payload(name))
    return parse_command(
        inv.text, channel=inv.channel, user_id=inv.user_id, can_manage=inv.can_manage
    )


def test_search_words_that_look_like_a_subcommand_are_still_a_search() -> None:
    command = parsed("slash_search")
    assert command.kind is CommandKind.SEARCH
    assert "help" in command.args and "judge:ortiz" in " ".join(command.args)
    assert command.channel.channel_id == "2001" and command.channel.workspace_id == "1000"
    assert command.user_id == "3001"


def test_member_without_manage_channels_cannot_manage() -> None:
    inv = translate.invocation(payload("slash_digest_member"))
    assert inv.can_manage is False
    command = parse_command(inv.text, channel=inv.channel, user_id=inv.user_id, can_manage=False)
    assert command.kind is CommandKind.DIGEST_SET
    assert command.args == ("08:00", "Europe/Berlin")
    assert command.can_manage_channel is False


def test_administrator_counts_as_manage_channels() -> None:
    inv = translate.invocation(payload("slash_unsubscribe_admin_role"))
    assert inv.can_manage is True
    assert inv.text == "unsubscribe"


def test_digest_off_maps_to_the_core_digest_off() -> None:
    assert parsed("slash_digest_off_admin").kind is CommandKind.DIGEST_OFF


def test_url_option_is_sent_alone() -> None:
    command = parsed("slash_url")
    assert command.kind is CommandKind.SUMMARIZE_URL
    assert command.args == ("https://news.example.org/a/1",)


@pytest.mark.parametrize(
    ("sub", "options", "text"),
    [
        ("latest", {}, "latest"),
        ("help", {}, "help"),
        ("subscriptions", {}, "subscriptions"),
        ("search", {"words": "transit ortiz"}, "latest transit ortiz"),
    ],
)
def test_public_subcommands_become_core_text(sub: str, options: dict, text: str) -> None:
    assert translate.command_text("ruling", sub, options) == text


@pytest.mark.parametrize(
    ("sub", "options", "text"),
    [
        ("subscribe", {"terms": "immigration court:9th"}, "subscribe immigration court:9th"),
        ("unsubscribe", {"terms": "all"}, "unsubscribe all"),
        ("digest", {}, "digest"),
        ("digest", {"time": "8am", "timezone": "America/Chicago"}, "digest 8am America/Chicago"),
    ],
)
def test_setup_subcommands_become_core_text(sub: str, options: dict, text: str) -> None:
    assert translate.command_text("ruling-setup", sub, options) == text


@pytest.mark.parametrize(
    ("command", "sub"), [("ruling", "subscribe"), ("ruling-setup", "latest"), ("other", "x")]
)
def test_subcommands_under_the_wrong_command_are_unknown(command: str, sub: str) -> None:
    with pytest.raises(translate.UnknownInvocation):
        translate.command_text(command, sub, {})


def test_command_without_subcommand_is_unknown() -> None:
    with pytest.raises(translate.UnknownInvocation):
        translate.subcommand_and_options({"name": "ruling", "options": []})


def test_bad_timezone_is_refused_by_the_core_parser_with_usage_in_discord_words() -> None:
    text = translate.command_text("ruling-setup", "digest", {"time": "08:00", "timezone": "Mars/X"})
    with pytest.raises(CommandError) as err:
        parse_command(text, channel=translate.ChannelRef("discord", "1"), user_id="u")
    shown = translate.discord_text(err.value.reply().text)
    assert "Mars/X" in shown
    assert "/ruling-setup digest" in shown and "/ruling digest" not in shown


def test_help_text_names_discord_commands() -> None:
    from bot import messages

    text = translate.discord_text(messages.HELP)
    assert "`/ruling search ortiz transit`" in text
    assert "`/ruling-setup subscribe <terms>`" in text
    assert "`/ruling url <link>`" in text
    assert "**/ruling**" in text


@pytest.mark.parametrize(
    ("permissions", "expected"),
    [(None, False), ("0", False), (str(1 << 4), True), (str(1 << 3), True), ("junk", False)],
)
def test_can_manage_channel_reads_the_permission_bits(permissions, expected) -> None:
    assert translate.can_manage_channel(permissions) is expected


def test_mention_is_a_question_without_the_mention() -> None:
    facts = translate.message_facts(payload("message_mention"))
    assert translate.question_text(facts, bot_user_id=BOT, every_message=False) == "who sued?"


def test_reply_to_the_bot_is_a_question() -> None:
    facts = translate.message_facts(payload("message_reply"))
    assert facts.replied_author_id == BOT
    text = translate.question_text(facts, bot_user_id=BOT, every_message=False)
    assert text == "and the defendants?"


def test_plain_message_counts_only_with_message_content() -> None:
    facts = translate.message_facts(payload("message_plain_no_intent"))
    assert translate.question_text(facts, bot_user_id=BOT, every_message=False) is None
    with_text = translate.MessageFacts("what next?", "3002", False)
    assert translate.question_text(with_text, bot_user_id=BOT, every_message=True) == "what next?"


def test_other_bots_and_ourselves_are_never_questions() -> None:
    facts = translate.message_facts(payload("message_other_bot"))
    assert translate.question_text(facts, bot_user_id=BOT, every_message=True) is None
    own = translate.MessageFacts("hello", BOT, True)
    assert translate.question_text(own, bot_user_id=BOT, every_message=True) is None
    hooked = translate.MessageFacts("x", "5", False, (BOT,), webhook_id="77")
    assert translate.question_text(hooked, bot_user_id=BOT, every_message=True) is None


def test_a_bare_mention_asks_nothing() -> None:
    facts = translate.MessageFacts(f"<@{BOT}>", "3002", False, (BOT,))
    assert translate.question_text(facts, bot_user_id=BOT, every_message=False) is None


def test_modal_question_and_custom_ids_round_trip() -> None:
    data = payload("modal_submit")["data"]
    assert translate.modal_question(data) == "What happens next?"
    assert translate.article_from_custom_id(data["custom_id"], translate.ASK_MODAL_PREFIX) == 42
    assert translate.article_from_custom_id(translate.ask_custom_id(7)) == 7
    assert translate.article_from_custom_id("rulingbot:ask:x1") is None
    assert translate.article_from_custom_id("other:ask:1") is None


def test_thread_names_fit_discord() -> None:
    assert translate.thread_name("  A   ruling ") == "A ruling"
    assert len(translate.thread_name("x" * 300)) == 100
    assert translate.thread_name("") == "Ruling"
