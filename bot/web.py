"""The service's one aiohttp server: /healthz, Prometheus /metrics and the adapters' routes."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.metrics import CONTENT_TYPE, Metrics

logger = logging.getLogger(__name__)

HealthFn = Callable[[], Awaitable[tuple[bool, dict[str, Any]]]]


def build_app(metrics: Metrics, health: HealthFn, routes: list[web.RouteDef]) -> web.Application:
    """`health` returns (healthy, details); unhealthy answers 503 so a load balancer moves on."""

    async def healthz(_request: web.Request) -> web.Response:
        ok, details = await health()
        return web.json_response(
            {"status": "ok" if ok else "unhealthy", **details}, status=200 if ok else 503
        )

    async def metrics_view(_request: web.Request) -> web.Response:
        body = metrics.render()
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_view)
    app.router.add_routes(routes)
    return app


class WebServer:
    """Start/stop wrapper; `port` is the bound port (useful with port 0 in tests)."""

    def __init__(self, app: web.Application, host: str, port: int) -> None:
        self.app = app
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        """Bind and serve; raises OSError when the port is taken."""
        self._runner = web.AppRunner(self.app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        sockets = getattr(site._server, "sockets", None) or []
        if sockets:
            self.port = sockets[0].getsockname()[1]
        logger.info("HTTP server on http://%s:%s (/healthz, /metrics)", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
