"""Slack payloads → neutral inputs, on recorded payloads: slash commands and thread questions."""

from __future__ import annotations

import pytest

from adapters.slack.inbound import plain_text, question_from_event, slash_invocation
from bot.commands import parse_command
from bot.models import ChannelRef, CommandKind, ThreadRef
from tests.slack.conftest import payload


def _question(name: str, bot_user_id: str | None = "UBOT"):
    body = payload(name)
    return question_from_event(
        body["event"], team_id=body["team_id"], event_id=body["event_id"], bot_user_id=bot_user_id
    )


def test_slash_command_payload_becomes_parser_input() -> None:
    invocation = slash_invocation(payload("slash_command.json"))
    assert invocation.channel == ChannelRef("slack", "C0LEGAL", "T0001")
    assert invocation.user_id == "U0ALICE"
    assert invocation.can_manage is True
    assert invocation.response_url == "https://hooks.slack.com/commands/T0001/1234/abcd"
    assert invocation.text == "judge:lopez & texas"  # mention dropped, entities decoded


def test_slash_command_input_parses_with_the_core_parser() -> None:
    invocation = slash_invocation(
        {**payload("slash_command.json"), "text": "subscribe judge:lopez"}
    )
    command = parse_command(
        invocation.text,
        channel=invocation.channel,
        user_id=invocation.user_id,
        can_manage=invocation.can_manage,
    )
    assert command.kind is CommandKind.SUBSCRIBE
    assert command.channel.workspace_id == "T0001"


def test_empty_slash_command_text_is_an_empty_string() -> None:
    invocation = slash_invocation({**payload("slash_command.json"), "text": ""})
    assert invocation.text == ""


def test_thread_reply_becomes_a_question_in_that_thread() -> None:
    question = _question("event_thread_reply.json")
    assert question is not None
    assert question.thread == ThreadRef("slack", "C0LEGAL", "1717400000.000100", "T0001")
    assert question.user_id == "U0ALICE"
    assert question.event_id == "Ev0THREAD01"
    assert question.text == "who sued? see https://example.org/a?x=1&y=2"


def test_thread_broadcast_is_still_a_question() -> None:
    question = _question("event_thread_broadcast.json")
    assert question is not None and question.text == "and what happens next?"


@pytest.mark.parametrize(
    "name",
    [
        "event_top_level.json",  # not in a thread
        "event_thread_parent.json",  # the thread's parent itself (thread_ts == ts)
        "event_own_message.json",
        "event_other_bot.json",
        "event_message_changed.json",
        "event_message_deleted.json",
        "event_channel_join.json",
    ],
)
def test_messages_that_are_not_questions_are_ignored(name: str) -> None:
    assert _question(name) is None


def test_our_own_message_is_ignored_by_user_id_even_without_bot_fields() -> None:
    body = payload("event_thread_reply.json")
    event = {**body["event"], "user": "UBOT"}
    assert question_from_event(event, team_id="T0001", event_id="E", bot_user_id="UBOT") is None


def test_mention_only_reply_is_not_a_question() -> None:
    body = payload("event_thread_reply.json")
    event = {**body["event"], "text": "<@UBOT>"}
    assert question_from_event(event, team_id="T0001", event_id="E", bot_user_id="UBOT") is None


def test_plain_text_decodes_slack_markup() -> None:
    assert plain_text("<#C123|legal-desk> <!here> a &lt;b&gt; <mailto:x@y.org|x>") == (
        "#legal-desk a <b> mailto:x@y.org"
    )
