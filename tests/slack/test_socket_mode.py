"""Socket Mode against a loopback websocket server: hello, envelopes, acks by envelope_id."""

from __future__ import annotations

import pytest

from bot.settings import ConfigError
from tests.slack.conftest import RecordingHandler, make_secrets, payload

APP_TOKEN = "xapp-1-A0RULING-1234-abcdef"


def _slash_envelope(fake, envelope_id: str, text: str) -> dict:
    command = {**payload("slash_command.json"), "text": text}
    command["response_url"] = fake.response_url(envelope_id)
    return {
        "envelope_id": envelope_id,
        "type": "slash_commands",
        "payload": command,
        "accepts_response_payload": True,
    }


def _event_envelope(envelope_id: str, name: str) -> dict:
    return {
        "envelope_id": envelope_id,
        "type": "events_api",
        "payload": payload(name),
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "retry_reason": "",
    }


async def test_socket_mode_acks_envelopes_and_answers_command_and_thread_reply(
    fake_slack, make_adapter, sqlite_db
) -> None:
    fake_slack.socket_envelopes = [
        _slash_envelope(fake_slack, "env-slash", "texas"),
        _slash_envelope(fake_slack, "env-bad", "digest 25:99"),
        _event_envelope("env-event", "event_thread_reply.json"),
        _event_envelope("env-own", "event_own_message.json"),
    ]
    adapter = make_adapter(fake_slack, secrets=make_secrets(SLACK_APP_TOKEN=APP_TOKEN))
    handler = RecordingHandler(sqlite_db)
    await adapter.start(handler)
    await fake_slack.wait_for_acks("env-slash", "env-bad", "env-event", "env-own")
    await adapter.drain()

    [connection_open] = fake_slack.calls_to("apps.connections.open")
    assert connection_open.headers["Authorization"] == f"Bearer {APP_TOKEN}"
    assert fake_slack.socket_acks["env-slash"] == {}  # a plain ack; the answer comes later
    assert "Usage:" in fake_slack.socket_acks["env-bad"]["text"]
    assert fake_slack.socket_acks["env-bad"]["response_type"] == "ephemeral"

    [answer] = fake_slack.calls_to("response_url/env-slash")
    assert "Judge blocks state rule 1" in answer.data["text"]
    assert fake_slack.calls_to("response_url/env-bad") == []
    assert [c.raw for c in handler.commands] == ["texas"]

    [thread_answer] = fake_slack.posts("C0LEGAL")
    assert thread_answer.data["thread_ts"] == "1717400000.000100"
    assert [q.event_id for q in handler.questions] == ["Ev0THREAD01"]  # own message ignored

    await adapter.stop()
    assert adapter._socket is None


async def test_redelivered_event_envelope_is_answered_once(
    fake_slack, make_adapter, sqlite_db
) -> None:
    first = _event_envelope("env-1", "event_thread_reply.json")
    retry = {**_event_envelope("env-2", "event_thread_reply.json"), "retry_attempt": 1}
    fake_slack.socket_envelopes = [first, retry]
    adapter = make_adapter(fake_slack, secrets=make_secrets(SLACK_APP_TOKEN=APP_TOKEN))
    await adapter.start(RecordingHandler(sqlite_db))
    await fake_slack.wait_for_acks("env-1", "env-2")
    await adapter.drain()
    assert len(fake_slack.posts("C0LEGAL")) == 1


async def test_socket_mode_without_app_token_fails_with_one_clear_line(
    fake_slack, make_adapter, sqlite_db
) -> None:
    adapter = make_adapter(fake_slack, secrets=make_secrets())
    with pytest.raises(ConfigError) as info:
        await adapter.start(RecordingHandler(sqlite_db))
    assert "SLACK_APP_TOKEN" in str(info.value)
    assert fake_slack.calls_to("apps.connections.open") == []
