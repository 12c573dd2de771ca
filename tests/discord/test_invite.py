"""`rulingbot discord invite`: the OAuth2 URL asks exactly the permissions the bot uses."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import discord
from typer.testing import CliRunner

from adapters.discord.permissions import bot_permissions, invite_url
from bot.cli import app

runner = CliRunner()


def test_permissions_are_exactly_what_the_bot_uses() -> None:
    perms = bot_permissions()
    expected = discord.Permissions(
        view_channel=True,
        send_messages=True,
        embed_links=True,
        create_public_threads=True,
        send_messages_in_threads=True,
        read_message_history=True,
    )
    assert perms == expected
    assert perms.value == (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16) | (1 << 35) | (1 << 38)
    assert not (perms.administrator or perms.manage_channels or perms.manage_messages)
    assert not perms.mention_everyone


def test_invite_url_has_bot_and_commands_scopes() -> None:
    url = urlparse(invite_url(123456789012345678))
    assert (url.scheme, url.netloc, url.path) == ("https", "discord.com", "/oauth2/authorize")
    query = parse_qs(url.query)
    assert query["client_id"] == ["123456789012345678"]
    assert query["scope"] == ["bot applications.commands"]
    assert query["permissions"] == [str(bot_permissions().value)]
    assert "scope=bot+applications.commands" in url.query


def test_cli_prints_the_invite_for_a_client_id() -> None:
    result = runner.invoke(app, ["discord", "invite", "--client-id", "42"])
    assert result.exit_code == 0, result.output
    assert invite_url(42) in result.output.replace("\n", "")


def test_cli_reads_the_application_id_from_settings(tmp_path: Path) -> None:
    config = tmp_path / "rulingbot.toml"
    config.write_text('feed_catalog = ""\n[discord]\napplication_id = 777\n')
    result = runner.invoke(app, ["discord", "invite", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "client_id=777&" in result.output.replace("\n", "")


def test_cli_without_an_application_id_says_what_to_do(tmp_path: Path) -> None:
    config = tmp_path / "rulingbot.toml"
    config.write_text('feed_catalog = ""\n')
    result = runner.invoke(app, ["discord", "invite", "--config", str(config)])
    assert result.exit_code == 1
    assert "--client-id" in result.output
    bad = runner.invoke(app, ["discord", "invite", "--client-id", "abc"])
    assert bad.exit_code == 1 and "not a Discord application id" in bad.output
