"""Multi-workspace installs: OAuth flow, installation and state stores on our database,
per-workspace tokens for posting, and uninstall / token revocation."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import aiohttp
import pytest
from slack_sdk.oauth.installation_store.models.installation import Installation

from adapters.slack.installations import DatabaseInstallationStore, DatabaseOAuthStateStore
from bot.clock import FakeClock
from bot.models import ChannelRef, Reply
from bot.ports import DeliveryError
from tests.slack.conftest import RecordingHandler, make_secrets, serve, sign

NOW = datetime(2024, 6, 3, 8, 0, tzinfo=UTC)
OAUTH = {"SLACK_BOT_TOKEN": "", "SLACK_CLIENT_ID": "111.222", "SLACK_CLIENT_SECRET": "shh-secret"}


def _installation(team: str, token: str, installed_at: float) -> Installation:
    return Installation(
        app_id="A0RULING",
        team_id=team,
        team_name=f"Team {team}",
        bot_token=token,
        bot_id="B0001",
        bot_user_id="UBOT",
        bot_scopes=["commands", "chat:write"],
        user_id="U0ADMIN",
        installed_at=installed_at,
    )


async def test_installation_store_round_trip_newest_wins(any_db) -> None:
    store = DatabaseInstallationStore(any_db, clock=FakeClock(NOW))
    await store.async_save(_installation("T1", "xoxb-old", 1.0))
    store.clock = FakeClock(datetime(2024, 6, 4, tzinfo=UTC))
    await store.async_save(_installation("T1", "xoxb-new", 2.0))
    await store.async_save(_installation("T2", "xoxb-other", 3.0))

    bot = await store.async_find_bot(enterprise_id=None, team_id="T1")
    assert bot is not None and bot.bot_token == "xoxb-new"
    assert bot.bot_scopes == ["commands", "chat:write"]
    found = await store.async_find_installation(enterprise_id=None, team_id="T2")
    assert found is not None and found.team_name == "Team T2" and found.user_id == "U0ADMIN"
    assert await store.async_find_bot(enterprise_id=None, team_id="T9") is None

    await store.async_delete_all(enterprise_id=None, team_id="T1")
    assert await store.async_find_bot(enterprise_id=None, team_id="T1") is None
    assert await store.async_find_bot(enterprise_id=None, team_id="T2") is not None


async def test_oauth_state_is_consumed_once_and_expires(any_db) -> None:
    clock = FakeClock(NOW)
    states = DatabaseOAuthStateStore(any_db, expiration_seconds=600, clock=clock)
    state = await states.async_issue()
    assert await states.async_consume(state) is True
    assert await states.async_consume(state) is False
    late = await states.async_issue()
    clock.advance(601)
    assert await states.async_consume(late) is False
    assert await states.async_consume("never-issued") is False


@pytest.fixture
async def oauth_app(fake_slack, make_adapter, sqlite_db):
    adapter = make_adapter(fake_slack, socket_mode=False, secrets=make_secrets(**OAUTH))
    await adapter.start(RecordingHandler(sqlite_db))
    runner, base = await serve(adapter.web_routes())
    async with aiohttp.ClientSession() as session:
        yield adapter, session, base
    await runner.cleanup()


async def test_oauth_install_flow_saves_the_workspace_and_posts_with_its_token(
    oauth_app, fake_slack
) -> None:
    adapter, session, base = oauth_app
    page = await session.get(base + "/slack/install", allow_redirects=False)
    assert page.status in (200, 302)
    body = await page.text()
    location = page.headers.get("Location", "") + body
    state = re.search(r"state=([A-Za-z0-9_\-]+)", location).group(1)
    assert "client_id=111.222" in location and "chat:write.public" in location
    # The authorize page lives beside the configured Web API (GovSlack: slack-gov.com).
    assert f"http://127.0.0.1:{fake_slack.port}/oauth/v2/authorize?state=" in location
    cookie = page.headers["Set-Cookie"].split(";")[0]

    redirect = await session.get(
        base + f"/slack/oauth_redirect?code=abc&state={state}", headers={"Cookie": cookie}
    )
    assert redirect.status == 200, await redirect.text()
    [exchange] = fake_slack.calls_to("oauth.v2.access")
    assert exchange.data["code"] == "abc"

    await adapter.send(ChannelRef("slack", "C0NEW", "T0NEW"), Reply(text="hello"))
    [post] = fake_slack.posts("C0NEW")
    assert post.headers["Authorization"] == "Bearer xoxb-installed-abc"


async def test_oauth_redirect_with_unknown_state_is_refused(oauth_app, fake_slack) -> None:
    _adapter, session, base = oauth_app
    response = await session.get(base + "/slack/oauth_redirect?code=abc&state=forged")
    assert response.status >= 400
    assert fake_slack.calls_to("oauth.v2.access") == []


async def test_posting_to_a_workspace_without_installation_is_not_retryable(oauth_app) -> None:
    adapter, _session, _base = oauth_app
    with pytest.raises(DeliveryError) as info:
        await adapter.send(ChannelRef("slack", "C1", "T0UNKNOWN"), Reply(text="hi"))
    assert not info.value.retryable


@pytest.mark.parametrize(
    "event",
    [
        {"type": "app_uninstalled"},
        {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOT"]}},
    ],
)
async def test_uninstall_and_token_revocation_delete_the_installation(
    oauth_app, sqlite_db, event
) -> None:
    adapter, session, base = oauth_app
    assert adapter.installations is not None
    await adapter.installations.async_save(_installation("T0GONE", "xoxb-gone", 1.0))
    body = json.dumps(
        {
            "token": "x",
            "team_id": "T0GONE",
            "api_app_id": "A0RULING",
            "event": {**event, "event_ts": "1717400000.000100"},
            "type": "event_callback",
            "event_id": f"Ev0{event['type']}",
            "event_time": 1717400000,
        }
    ).encode()
    headers = {**sign(body), "Content-Type": "application/json"}
    response = await session.post(base + "/slack/events", data=body, headers=headers)
    assert response.status == 200
    assert await adapter.installations.async_find_bot(enterprise_id=None, team_id="T0GONE") is None
