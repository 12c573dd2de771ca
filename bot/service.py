"""The long-running service: database, core, adapters, poller, scheduler and HTTP server.

`Service` composes the object graph the CLI's `run` asks for. Adapters come from an explicit
table of factories ("module:function") handed in by the CLI, so only the CLI names adapter
modules; each factory returns None when its platform is not configured.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
import socket
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import text

from bot.cards import ruling_card
from bot.clock import Clock, SystemClock
from bot.delivery import Deliverer, DeliveryResult
from bot.metrics import Metrics
from bot.models import ChannelRef, Reply
from bot.ports import ChatAdapter
from bot.scheduler import Scheduler
from bot.settings import Secrets, Settings
from bot.store import Database
from bot.store.articles import rulings_between
from bot.web import WebServer, build_app

logger = logging.getLogger(__name__)

CONSOLE_CHANNEL = ChannelRef("console", "terminal")


def instance_name(settings: Settings) -> str:
    """Who owns a claimed run: `instance_id`, else host:pid (unique per process)."""
    return settings.instance_id or f"{socket.gethostname()}:{os.getpid()}"


def load_factory(spec: str) -> Any:
    """'package.module:function' → the function; raises ImportError/AttributeError."""
    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr or "build")


class Service:
    """One instance. Several may share a PostgreSQL database: claims keep them from doubling."""

    def __init__(
        self,
        settings: Settings,
        secrets: Secrets,
        *,
        adapter_factories: Mapping[str, str],
        clock: Clock | None = None,
        serve_http: bool = False,
        metrics: Metrics | None = None,
    ) -> None:
        self.settings = settings
        self.secrets = secrets
        self.adapter_factories = adapter_factories
        self.clock = clock or SystemClock()
        self.serve_http = serve_http or settings.http.enabled
        self.metrics = metrics or Metrics()
        self.owner = instance_name(settings)
        self.db: Database | None = None
        self.adapters: dict[str, ChatAdapter] = {}
        self.scheduler: Scheduler | None = None
        self.web: WebServer | None = None
        self._console_cursor: datetime | None = None
        self._started_at: datetime | None = None

    # -- composition ---------------------------------------------------------------------------
    async def open(self) -> None:
        """Open the database (migrations applied), build the core and the adapters.

        Raises DatabaseError (cannot reach/prepare the database) and ConfigError (an adapter's
        credentials are incomplete).
        """
        from bot.core import Core

        self.db = await Database.open(self.settings.effective_database_url)
        self._started_at = self.clock.now()
        self._console_cursor = self._started_at
        core = Core(self.db, self.settings, self.clock)
        for platform, spec in self.adapter_factories.items():
            try:
                factory = load_factory(spec)
            except (ImportError, AttributeError) as exc:
                logger.warning("adapter %s unavailable: %s", platform, exc)
                continue
            adapter = factory(self.settings, self.secrets, self.db)
            if adapter is None:
                logger.info("%s: not configured", platform)
                continue
            await adapter.start(core)
            self.adapters[adapter.platform] = adapter
            logger.info("%s: started", platform)
        deliverer = Deliverer(
            self.db,
            self.settings,
            self.adapters,
            clock=self.clock,
            owner=self.owner,
            metrics=self.metrics,
        )
        self.scheduler = Scheduler(
            self.db,
            self.settings,
            deliverer,
            clock=self.clock,
            poll=self.poll_once,
            on_results=self._count_results,
        )

    async def start(self) -> None:
        """Open everything, then start the scheduler and (if asked) the HTTP server."""
        await self.open()
        assert self.scheduler is not None
        if self.serve_http:
            routes = []
            for adapter in self.adapters.values():
                web_routes = getattr(adapter, "web_routes", None)
                if web_routes is not None:
                    routes.extend(web_routes())
            app = build_app(self.metrics, self.health, routes)
            self.web = WebServer(app, self.settings.http.host, self.settings.http.port)
            await self.web.start()
        self.scheduler.start()
        logger.info(
            "rulingbot running as %s with %s", self.owner, ", ".join(self.adapters) or "no chat"
        )

    async def run_once(self) -> list[DeliveryResult]:
        """One poll and one digest sweep (catch-up, retries), for cron-style use and tests."""
        await self.open()
        assert self.scheduler is not None
        await self.poll_once()
        return await self.scheduler.sweep()

    async def stop(self) -> None:
        """Stop taking work, let adapters finish what is in flight, close the database."""
        if self.scheduler is not None:
            self.scheduler.shutdown()
        if self.web is not None:
            await self.web.stop()
        for platform, adapter in list(self.adapters.items()):
            try:
                await adapter.stop()
            except Exception:
                logger.exception("stopping %s failed", platform)
        if self.db is not None:
            await self.db.close()
            self.db = None

    # -- jobs ----------------------------------------------------------------------------------
    async def poll_once(self) -> None:
        """Poll due feeds; print new rulings to the terminal when the console adapter runs."""
        from bot.ingest.pipeline import poll_feeds

        assert self.db is not None
        started = asyncio.get_running_loop().time()
        try:
            report = await poll_feeds(self.db, self.settings, clock=self.clock)
        except Exception:
            self.metrics.polls.labels("failed").inc()
            self.metrics.failures.labels("poll").inc()
            raise
        finally:
            self.metrics.poll_seconds.observe(asyncio.get_running_loop().time() - started)
        self.metrics.polls.labels("ok").inc()
        for result, count in (
            ("ok", report.ok),
            ("not_modified", report.not_modified),
            ("failed", report.failed),
        ):
            if count:
                self.metrics.feeds_polled.labels(result).inc(count)
        if report.new_articles:
            self.metrics.articles.inc(report.new_articles)
        await self._print_new_rulings()

    async def _print_new_rulings(self) -> None:
        console = self.adapters.get("console")
        if console is None or self.db is None:
            return
        now = self.clock.now()
        rows = await rulings_between(self.db, after=self._console_cursor, until=now)
        self._console_cursor = now
        for article, facts in reversed(rows):  # oldest first
            card = ruling_card(article, facts)
            await console.send(CONSOLE_CHANNEL, Reply(text=card.title, cards=(card,)))

    def _count_results(self, results: list[DeliveryResult]) -> None:
        for result in results:
            if result.outcome == "failed":
                logger.warning("digest for channel %s failed: %s", result.channel_pk, result.error)

    async def health(self) -> tuple[bool, dict[str, Any]]:
        """Healthy when the database answers; details for operators."""
        details: dict[str, Any] = {"instance": self.owner, "adapters": sorted(self.adapters)}
        ok = True
        try:
            assert self.db is not None
            async with self.db.connect() as conn:
                await conn.execute(text("SELECT 1"))
            details["database"] = "ok"
        except Exception as exc:
            ok = False
            details["database"] = f"error: {type(exc).__name__}"
        if self.scheduler is not None:
            for key in ("last_sweep_at", "last_poll_at"):
                value = getattr(self.scheduler, key)
                details[key] = value.isoformat() if value else None
        return ok, details
