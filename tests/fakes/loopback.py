"""Serve an aiohttp application on a free loopback port: the one way every fake starts."""

from __future__ import annotations

from typing import Any

from aiohttp import web


async def serve(
    app: web.Application, host: str = "127.0.0.1", **runner: Any
) -> tuple[web.AppRunner, int]:
    """Start `app` on `host` at a port the OS picks; returns the runner (to clean up) and port."""
    app_runner = web.AppRunner(app, access_log=None, **runner)
    await app_runner.setup()
    site = web.TCPSite(app_runner, host, 0)
    await site.start()
    return app_runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
