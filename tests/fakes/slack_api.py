"""A fake Slack Web API on loopback: records every call, answers like Slack, fails on demand.

Real HTTP, so the code under test runs its real client, retries and rate-limit handling.
Usable from tests and benchmarks (`async with FakeSlack() as slack: ...`).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.loopback import serve


@dataclass
class Call:
    method: str  # "chat.postMessage", "response_url/abc", …
    data: dict[str, Any]
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    status: int
    retry_after: float | None = None
    remaining: int = 1
    channel: str | None = None  # only for this channel (None = any)
    delay: float = 0.0  # answer slowly (timeouts)
    body: dict[str, Any] | None = None


class FakeSlack:
    """`url` is the Web API base (ends in /api/); `response_url(name)` gives a response_url."""

    def __init__(
        self,
        *,
        per_channel_rate: float | None = None,
        bot_user_id: str = "UBOT",
        clock_ts: bool = False,
    ) -> None:
        self.calls: list[Call] = []
        # clock_ts: message ts are the wall-clock time (as Slack's are), so `oldest` filters work
        # against real times; otherwise they count up from 1700000001.000100.
        self.clock_ts = clock_ts
        self._last_clock_ts = 0.0
        # Posted messages per channel, oldest first, as conversations.history returns them.
        self.history: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.failures: dict[str, list[Failure]] = defaultdict(list)
        self.per_channel_rate = per_channel_rate  # messages/s enforced with 429s
        self.bot_user_id = bot_user_id
        self.rate_limited = 0
        self._last_post: dict[str, float] = {}
        self._ts = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.extra_routes: list[web.RouteDef] = []
        # Socket Mode: envelopes sent after `hello` on each connection, acks received by id.
        self.socket_envelopes: list[dict[str, Any]] = []
        self.socket_acks: dict[str, dict[str, Any]] = {}
        self.socket_connections = 0
        self._sockets: list[web.WebSocketResponse] = []
        self._acked = asyncio.Condition()

    # -- lifecycle -----------------------------------------------------------------------------
    async def __aenter__(self) -> FakeSlack:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)
        app.router.add_post("/response/{name}", self._response_url)
        app.router.add_get("/socket", self._socket)
        app.router.add_routes(self.extra_routes)
        self._runner, self.port = await serve(app)

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner:
            await self._runner.cleanup()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"http://127.0.0.1:{self.port}/response/{name}"

    @property
    def socket_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/socket"

    async def push_envelope(self, envelope: dict[str, Any]) -> None:
        """Send a Socket Mode envelope on every open connection."""
        for ws in list(self._sockets):
            await ws.send_json(envelope)

    async def wait_for_acks(self, *envelope_ids: str, timeout: float = 5.0) -> None:
        """Wait until every named envelope was acknowledged; raises TimeoutError."""
        async with self._acked:
            await asyncio.wait_for(
                self._acked.wait_for(lambda: all(e in self.socket_acks for e in envelope_ids)),
                timeout,
            )

    # -- scripting -----------------------------------------------------------------------------
    def fail(
        self,
        method: str,
        status: int,
        *,
        times: int = 1,
        retry_after: float | None = None,
        channel: str | None = None,
        delay: float = 0.0,
        body: dict[str, Any] | None = None,
    ) -> None:
        """Make the next `times` calls of `method` (optionally to one channel) fail."""
        self.failures[method].append(Failure(status, retry_after, times, channel, delay, body))

    def posts(self, channel: str | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == "chat.postMessage"
            and (channel is None or c.data.get("channel") == channel)
        ]

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    # -- handlers ------------------------------------------------------------------------------
    async def _read(self, request: web.Request) -> dict[str, Any]:
        data: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            ctype = request.content_type
            raw = await request.read()
            if ctype == "application/json":
                data.update(json.loads(raw or b"{}"))
            else:
                from urllib.parse import parse_qsl

                data.update(dict(parse_qsl(raw.decode())))
        for key in ("blocks", "attachments", "metadata"):
            if isinstance(data.get(key), str):
                data[key] = json.loads(data[key])
        return data

    def _take_failure(self, method: str, channel: str | None) -> Failure | None:
        for failure in self.failures.get(method, []):
            if failure.remaining > 0 and (failure.channel is None or failure.channel == channel):
                failure.remaining -= 1
                return failure
        return None

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        data = await self._read(request)
        channel = data.get("channel")
        failure = self._take_failure(method, channel)
        if failure:
            if failure.delay:
                await asyncio.sleep(failure.delay)
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after else {}
            body = failure.body or {
                "ok": False,
                "error": "ratelimited" if failure.status == 429 else "internal_error",
            }
            if failure.status == 429:
                self.rate_limited += 1
            return web.json_response(body, status=failure.status, headers=headers)
        if method == "chat.postMessage" and self.per_channel_rate and channel:
            now = time.monotonic()
            last = self._last_post.get(channel)
            gap = 1.0 / self.per_channel_rate
            if last is not None and now - last < gap * 0.95:
                self.rate_limited += 1
                retry = max(1, round(gap - (now - last) + 0.5))
                return web.json_response(
                    {"ok": False, "error": "ratelimited"},
                    status=429,
                    headers={"Retry-After": str(retry)},
                )
            self._last_post[channel] = now
        self.calls.append(Call(method, data, dict(request.headers)))
        return web.json_response(self._answer(method, data))

    def _answer(self, method: str, data: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://fake.slack/",
                "team": "Fake",
                "user": "rulingbot",
                "team_id": "T0001",
                "user_id": self.bot_user_id,
                "bot_id": "B0001",
            }
        if method in {"chat.postMessage", "chat.postEphemeral", "chat.update"}:
            ts = self._next_ts()
            if method == "chat.postMessage" and not data.get("thread_ts"):
                message: dict[str, Any] = {
                    "type": "message",
                    "text": data.get("text"),
                    "ts": ts,
                    "bot_id": "B0001",
                    "user": self.bot_user_id,
                }
                if isinstance(data.get("metadata"), dict):
                    message["metadata"] = data["metadata"]
                self.history[str(data.get("channel"))].append(message)
            return {
                "ok": True,
                "channel": data.get("channel"),
                "ts": ts,
                "message": {"text": data.get("text"), "ts": ts, "bot_id": "B0001"},
            }
        if method == "oauth.v2.access":
            return {
                "ok": True,
                "app_id": "A0RULING",
                "authed_user": {"id": "U0ADMIN"},
                "scope": "commands,chat:write",
                "token_type": "bot",
                "access_token": f"xoxb-installed-{data.get('code', 'x')}",
                "bot_user_id": self.bot_user_id,
                "team": {"id": "T0NEW", "name": "New Workspace"},
                "enterprise": None,
                "is_enterprise_install": False,
            }
        if method == "apps.connections.open":
            return {"ok": True, "url": self.socket_url}
        if method == "conversations.history":
            return self._history(data)
        if method == "conversations.replies":
            return {"ok": True, "messages": [], "has_more": False}
        return {"ok": True}

    def _next_ts(self) -> str:
        if not self.clock_ts:
            return f"{1700000000 + next(self._ts)}.000100"
        # Unique and increasing, like Slack's per-channel ts.
        self._last_clock_ts = max(time.time(), self._last_clock_ts + 0.000001)
        return f"{self._last_clock_ts:.6f}"

    def _history(self, data: dict[str, Any]) -> dict[str, Any]:
        """Top-level messages newer than `oldest`, newest first; metadata only when asked."""
        oldest = float(data.get("oldest") or 0)
        limit = int(data.get("limit") or 100)
        with_metadata = str(data.get("include_all_metadata")).lower() in {"1", "true"}
        newer = [
            m for m in self.history.get(str(data.get("channel")), []) if float(m["ts"]) > oldest
        ]
        newer.reverse()
        page = [
            m if with_metadata else {k: v for k, v in m.items() if k != "metadata"}
            for m in newer[:limit]
        ]
        return {"ok": True, "messages": page, "has_more": len(newer) > limit}

    async def _response_url(self, request: web.Request) -> web.Response:
        data = await self._read(request)
        self.calls.append(
            Call(f"response_url/{request.match_info['name']}", data, dict(request.headers))
        )
        return web.json_response({"ok": True})

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        """A Socket Mode server: `hello`, the scripted envelopes, then acks by envelope_id."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.socket_connections += 1
        self._sockets.append(ws)
        try:
            await ws.send_json(
                {
                    "type": "hello",
                    "num_connections": 1,
                    "debug_info": {"host": "fake", "approximate_connection_time": 3600},
                    "connection_info": {"app_id": "A0RULING"},
                }
            )
            for envelope in self.socket_envelopes:
                await ws.send_json(envelope)
            async for message in ws:
                if message.type != web.WSMsgType.TEXT:
                    continue
                data = json.loads(message.data)
                envelope_id = data.get("envelope_id")
                if envelope_id:
                    async with self._acked:
                        self.socket_acks[envelope_id] = data.get("payload") or {}
                        self._acked.notify_all()
        finally:
            self._sockets.remove(ws)
        return ws
