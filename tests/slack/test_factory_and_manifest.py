"""The factory, the settings it reads, and the manifest agreeing with what OAuth requests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from adapters.slack import SlackAdapter, build
from adapters.slack.app import BOT_SCOPES
from bot.settings import ConfigError, Settings, load_settings
from tests.slack.conftest import make_secrets

MANIFEST = Path(__file__).parents[2] / "config" / "slack-manifest.yml"


def test_build_returns_none_without_bot_token_or_oauth_credentials(sqlite_db) -> None:
    assert build(Settings(feed_catalog=""), make_secrets(SLACK_BOT_TOKEN=""), sqlite_db) is None


def test_build_returns_single_workspace_adapter_with_a_bot_token(sqlite_db) -> None:
    adapter = build(Settings(feed_catalog=""), make_secrets(), sqlite_db)
    assert isinstance(adapter, SlackAdapter)
    assert adapter.platform == "slack" and not adapter.multi_workspace


def test_build_uses_oauth_in_http_mode_with_client_credentials(sqlite_db) -> None:
    settings = Settings(feed_catalog="", slack={"socket_mode": False})
    secrets = make_secrets(SLACK_BOT_TOKEN="", SLACK_CLIENT_ID="1.2", SLACK_CLIENT_SECRET="s")
    adapter = build(settings, secrets, sqlite_db)
    assert adapter is not None and adapter.multi_workspace
    paths = sorted(route.path for route in adapter.web_routes())
    assert paths == ["/slack/events", "/slack/install", "/slack/oauth_redirect"]


def test_socket_mode_ignores_oauth_credentials_without_a_bot_token(sqlite_db) -> None:
    secrets = make_secrets(SLACK_BOT_TOKEN="", SLACK_CLIENT_ID="1.2", SLACK_CLIENT_SECRET="s")
    assert build(Settings(feed_catalog=""), secrets, sqlite_db) is None


def test_api_url_reads_the_flat_variable_and_nested_one_wins(monkeypatch) -> None:
    monkeypatch.setenv("RULINGBOT_SLACK_API_URL", "https://slack-gov.com/api")
    assert load_settings(None).slack.api_url == "https://slack-gov.com/api/"
    monkeypatch.setenv("RULINGBOT_SLACK__API_URL", "http://127.0.0.1:9/api/")
    assert load_settings(None).slack.api_url == "http://127.0.0.1:9/api/"


def test_api_url_must_be_http(monkeypatch) -> None:
    monkeypatch.delenv("RULINGBOT_SLACK_API_URL", raising=False)
    with pytest.raises(ConfigError) as info:
        load_settings(None, slack={"api_url": "slack.com/api"})
    assert "slack.api_url" in str(info.value)


def _manifest_list(key: str) -> list[str]:
    """The `- item` lines under `key:` in the manifest (a dependency-free YAML subset)."""
    lines = MANIFEST.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"{key}:")
    items: list[str] = []
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = re.fullmatch(r"- (\S+)", stripped)
        if not match:
            break
        items.append(match.group(1))
    return items


def test_manifest_scopes_are_what_the_oauth_flow_requests() -> None:
    assert _manifest_list("bot") == list(BOT_SCOPES)


def test_manifest_subscribes_to_thread_replies_and_uninstall_events() -> None:
    assert _manifest_list("bot_events") == [
        "message.channels",
        "message.groups",
        "app_uninstalled",
        "tokens_revoked",
    ]
    text = MANIFEST.read_text(encoding="utf-8")
    assert "command: /ruling" in text and "socket_mode_enabled: true" in text
