"""Point discord.py at another REST base and gateway (a loopback fake) for one client's life.

discord.py reads both from class attributes (`discord.http.Route.BASE`,
`discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY`) and offers no per-client setting, so they
are set while the client runs and restored when it stops. Production leaves both unset.
"""

from __future__ import annotations

import logging

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

logger = logging.getLogger(__name__)


class Endpoints:
    """Set on `apply()`, put back exactly as found on `restore()` (idempotent)."""

    def __init__(self, api_url: str | None, gateway_url: str | None) -> None:
        self.api_url = api_url.rstrip("/") if api_url else None
        self.gateway_url = gateway_url
        self._saved: tuple[str, yarl.URL] | None = None

    def apply(self) -> None:
        if self._saved is not None or not (self.api_url or self.gateway_url):
            return
        self._saved = (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
        if self.api_url:
            Route.BASE = self.api_url
        if self.gateway_url:
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        logger.info("discord endpoints: api=%s gateway=%s", Route.BASE, self.gateway_url)

    def restore(self) -> None:
        if self._saved is None:
            return
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = self._saved
        self._saved = None
