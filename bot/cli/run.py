"""`rulingbot run`: the long-running service (or one pass with --once)."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Annotated

import typer

from bot.cli.app import ConfigOption, app, console, fail, get_settings
from bot.logs import setup_logging
from bot.settings import ConfigError, Secrets, Settings, load_secrets
from bot.store.db import DatabaseError

logger = logging.getLogger(__name__)

# The one table that picks chat adapters: platform -> "module:factory". Each factory takes
# (settings, secrets, db) and returns an adapter, or None when its platform is not configured.
ADAPTERS: dict[str, str] = {
    "console": "adapters.console:build",
    "slack": "adapters.slack:build",
    "discord": "adapters.discord:build",
}


def _secret_values(secrets: Secrets) -> list[str]:
    values = []
    for name in type(secrets).model_fields:
        value = getattr(secrets, name)
        if value is not None and hasattr(value, "get_secret_value"):
            values.append(value.get_secret_value())
    return values


async def _serve(settings: Settings, secrets: Secrets, *, serve_http: bool, once: bool) -> None:
    from bot.service import Service

    service = Service(settings, secrets, adapter_factories=ADAPTERS, serve_http=serve_http)
    try:
        if once:
            results = await service.run_once()
            for r in results:
                note = f": {r.error}" if r.error else ""
                console.print(
                    f"channel {r.channel_pk} {r.local_date}: {r.outcome}, {r.posted} posted{note}"
                )
            return
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await service.start()
        await stop.wait()
        logger.info("shutting down")
    finally:
        await service.stop()


@app.command()
def run(
    config: ConfigOption = None,
    slack_http: Annotated[
        bool,
        typer.Option("--slack-http", help="Slack over HTTP (Events API) instead of Socket Mode."),
    ] = False,
    port: Annotated[
        int | None,
        typer.Option("--port", help="Port of the HTTP server (/healthz, /metrics, Slack)."),
    ] = None,
    once: Annotated[
        bool, typer.Option("--once", help="Poll once, send due digests, then exit.")
    ] = False,
) -> None:
    """Run the service: poll feeds, post digests on schedule, answer /ruling and questions."""
    settings = get_settings(config)
    if slack_http:
        settings.slack = settings.slack.model_copy(update={"socket_mode": False})
    if port is not None:
        settings.http = settings.http.model_copy(update={"port": port, "enabled": True})
    secrets = load_secrets()
    setup_logging(settings.log_level, _secret_values(secrets))
    try:
        asyncio.run(_serve(settings, secrets, serve_http=slack_http or port is not None, once=once))
    except ConfigError as exc:
        fail(str(exc), 2)
    except DatabaseError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot start: {exc}")
