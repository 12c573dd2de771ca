"""A fake Discord on loopback: REST API plus a gateway websocket, recording what the bot does.

The real discord.py client connects to it (REST base `url`, gateway `gateway_url`), so the code
under test runs discord.py's own HTTP, rate-limit and gateway handling. Usable from tests and
benchmarks: `async with FakeDiscord() as discord_api: ...`.

What it gets right because discord.py depends on it: JSON answers carry Content-Type exactly
`application/json`; member payloads carry `flags`; interaction payloads carry
`attachment_size_limit`; the interaction callback (called with `?with_response=1`) answers with
an object; 429s carry `Retry-After` and a `Via` header. Without the message-content intent it
blanks the content of guild messages that neither mention the bot nor are the bot's own, as
Discord does.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

from tests.fakes.loopback import serve

MESSAGE_CONTENT_INTENT = 1 << 15
EPHEMERAL = 1 << 6
MANAGE_CHANNELS = 1 << 4
DISCORD_EPOCH_MS = 1_420_070_400_000
ALL_BASIC = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16) | (1 << 35) | (1 << 38)


@dataclass
class Call:
    """One REST request the bot made."""

    method: str
    path: str  # without the /api/v10 prefix, e.g. "/channels/2001/messages"
    json: Any
    query: dict[str, str]
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    status: int
    remaining: int = 1
    retry_after: float | None = None
    body: dict[str, Any] | None = None


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


class FakeDiscord:
    """One application, one guild with a text channel and a thread, a few members."""

    def __init__(
        self,
        *,
        app_id: int = 900,
        bot_user_id: int = 901,
        guild_id: int = 1000,
        channel_id: int = 2001,
    ) -> None:
        self.app_id = app_id
        self.bot_user_id = bot_user_id
        self.guild_id = guild_id
        self.channel_id = channel_id
        self.existing_thread_id = 2500
        self.calls: list[Call] = []
        self.failures: list[tuple[re.Pattern[str], str, Failure]] = []
        self.messages: dict[int, dict[str, Any]] = {}
        self.threads: dict[int, dict[str, Any]] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}  # "global" | guild id → commands
        self.interaction_tokens: dict[str, dict[str, Any]] = {}  # token → interaction payload
        self.identify_payloads: list[dict[str, Any]] = []
        self.heartbeats = 0
        self.rate_limited = 0
        # enforce_nonce: a repeated (author, nonce) within this many seconds returns the first
        # message instead of creating another, as Discord does for "the past few minutes".
        self.nonce_window = 180.0
        self._nonces: dict[str, tuple[int, float]] = {}
        self._ids = itertools.count(10_000)
        self._seq = itertools.count(1)
        self._sockets: list[web.WebSocketResponse] = []
        self._pending_events: list[tuple[str, dict[str, Any]]] = []
        self._ready = asyncio.Event()
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.members = {
            "admin": self.user(3001, "alice"),
            "member": self.user(3002, "bob"),
            "otherbot": self.user(3003, "someotherbot", bot=True),
        }

    # -- lifecycle -----------------------------------------------------------------------------
    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner, self.port = await serve(app)

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner:
            await self._runner.cleanup()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # -- test controls -------------------------------------------------------------------------
    def fail(
        self,
        path_regex: str,
        status: int,
        *,
        method: str = "POST",
        times: int = 1,
        retry_after: float | None = None,
        body: dict[str, Any] | None = None,
    ) -> None:
        """Answer the next `times` matching requests with `status` (429 gets Retry-After + Via)."""
        self.failures.append(
            (re.compile(path_regex), method, Failure(status, times, retry_after, body))
        )

    async def wait_ready(self, timeout: float = 5.0) -> None:
        await asyncio.wait_for(self._ready.wait(), timeout)

    async def wait_for(self, predicate: Callable[[FakeDiscord], Any], timeout: float = 5.0) -> Any:
        """Wait until `predicate(self)` is truthy (checked after every request) and return it."""

        async def wait() -> Any:
            async with self._changed:
                while not (result := predicate(self)):
                    await self._changed.wait()
                return result

        return await asyncio.wait_for(wait(), timeout)

    def calls_to(self, method: str, pattern: str) -> list[Call]:
        regex = re.compile(pattern)
        return [c for c in self.calls if c.method == method and regex.fullmatch(c.path)]

    def posted(self, channel_id: int | None = None) -> list[dict[str, Any]]:
        """Messages created by the bot (channel posts and interaction follow-ups), in order."""
        return [
            m
            for m in self.messages.values()
            if m["author"]["id"] == str(self.bot_user_id)
            and (channel_id is None or m["channel_id"] == str(channel_id))
        ]

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH event to every connected gateway session."""
        frame = json.dumps({"op": 0, "t": event, "s": next(self._seq), "d": data})
        for ws in list(self._sockets):
            await ws.send_str(frame)

    # -- payload builders ----------------------------------------------------------------------
    def user(self, user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
        return {
            "id": str(user_id),
            "username": name,
            "global_name": name,
            "discriminator": "0",
            "avatar": None,
            "bot": bot,
            "public_flags": 0,
            "flags": 0,
        }

    def member(self, user: dict[str, Any], *, permissions: int | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "user": user,
            "roles": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
            "avatar": None,
        }
        if permissions is not None:
            payload["permissions"] = str(permissions)
        return payload

    def bot_user(self) -> dict[str, Any]:
        return self.user(self.bot_user_id, "rulingbot", bot=True)

    def text_channel(self, channel_id: int | None = None) -> dict[str, Any]:
        return {
            "id": str(channel_id or self.channel_id),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": "court-news",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }

    def thread_channel(
        self, thread_id: int, name: str, *, owner_id: int, parent_id: int | None = None
    ) -> dict[str, Any]:
        return {
            "id": str(thread_id),
            "type": 11,
            "guild_id": str(self.guild_id),
            "parent_id": str(parent_id or self.channel_id),
            "owner_id": str(owner_id),
            "name": name,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0,
            "member_count": 1,
            "flags": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": _now_iso(),
                "locked": False,
            },
        }

    def guild(self) -> dict[str, Any]:
        everyone = {
            "id": str(self.guild_id),
            "name": "@everyone",
            "permissions": str(ALL_BASIC),
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }
        members = [
            self.member(self.bot_user()),
            self.member(self.members["admin"]),
            self.member(self.members["member"]),
            self.member(self.members["otherbot"]),
        ]
        return {
            "id": str(self.guild_id),
            "name": "Law Clinic",
            "icon": None,
            "owner_id": self.members["admin"]["id"],
            "roles": [everyone],
            "emojis": [],
            "stickers": [],
            "features": [],
            "member_count": len(members),
            "members": members,
            "channels": [self.text_channel()],
            "threads": [
                self.thread_channel(self.existing_thread_id, "someone else's thread", owner_id=3002)
            ],
            "voice_states": [],
            "presences": [],
            "large": False,
            "unavailable": False,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "system_channel_flags": 0,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
        }

    def message(
        self,
        *,
        channel_id: int,
        author: dict[str, Any],
        content: str = "",
        embeds: list[dict[str, Any]] | None = None,
        components: list[dict[str, Any]] | None = None,
        flags: int = 0,
        mentions: list[dict[str, Any]] | None = None,
        reference: dict[str, Any] | None = None,
        guild: bool = True,
        message_id: int | None = None,
    ) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "id": str(message_id or next(self._ids)),
            "channel_id": str(channel_id),
            "type": 19 if reference else 0,
            "content": content,
            "author": author,
            "embeds": embeds or [],
            "components": components or [],
            "attachments": [],
            "mentions": mentions or [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "flags": flags,
        }
        if guild:
            payload["guild_id"] = str(self.guild_id)
        if reference is not None:
            payload["message_reference"] = {
                "message_id": reference["id"],
                "channel_id": reference["channel_id"],
                "guild_id": str(self.guild_id),
            }
            payload["referenced_message"] = reference
        return payload

    def slash_command(
        self,
        name: str,
        subcommand: str,
        options: dict[str, str] | None = None,
        *,
        who: str = "admin",
        permissions: int | None = None,
        channel_id: int | None = None,
    ) -> dict[str, Any]:
        """An INTERACTION_CREATE payload for `/name subcommand option:value …`."""
        user = self.members[who]
        if permissions is None:
            permissions = ALL_BASIC | (MANAGE_CHANNELS if who == "admin" else 0)
        sub_options = [
            {"name": key, "type": 3, "value": value} for key, value in (options or {}).items()
        ]
        data = {
            "id": str(next(self._ids)),
            "name": name,
            "type": 1,
            "options": [{"name": subcommand, "type": 1, "options": sub_options}],
        }
        return self._interaction(2, data, user, permissions, channel_id)

    def button_click(self, custom_id: str, message: dict[str, Any], *, who: str = "member") -> dict:
        payload = self._interaction(
            3,
            {"custom_id": custom_id, "component_type": 2},
            self.members[who],
            ALL_BASIC,
            int(message["channel_id"]),
        )
        payload["message"] = message
        return payload

    def modal_submit(
        self, custom_id: str, values: dict[str, str], *, who: str = "member", channel_id: int
    ) -> dict[str, Any]:
        rows = [
            {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
            for key, value in values.items()
        ]
        data = {"custom_id": custom_id, "components": rows}
        return self._interaction(5, data, self.members[who], ALL_BASIC, channel_id)

    def _interaction(
        self,
        kind: int,
        data: dict[str, Any],
        user: dict[str, Any],
        permissions: int,
        channel_id: int | None,
    ) -> dict[str, Any]:
        channel = self.text_channel(channel_id)
        if channel_id and channel_id in self.threads:
            channel = self.threads[channel_id]
        token = f"tok{next(self._ids)}"
        payload = {
            "id": str(next(self._ids)),
            "application_id": str(self.app_id),
            "type": kind,
            "data": data,
            "guild_id": str(self.guild_id),
            "channel_id": channel["id"],
            "channel": channel,
            "member": self.member(user, permissions=permissions),
            "token": token,
            "version": 1,
            "locale": "en-US",
            "guild_locale": "en-US",
            "app_permissions": str(ALL_BASIC),
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,
            "attachment_size_limit": 10_485_760,
        }
        self.interaction_tokens[token] = payload
        return payload

    # -- gateway -------------------------------------------------------------------------------
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                op = frame.get("op")
                if op == 1:
                    self.heartbeats += 1
                    await ws.send_str(json.dumps({"op": 11}))
                elif op == 2:
                    self.identify_payloads.append(frame["d"])
                    await self._identify(ws, frame["d"])
        finally:
            if ws in self._sockets:
                self._sockets.remove(ws)
        return ws

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> None:
        shard = data.get("shard") or [0, 1]
        ready = {
            "v": 10,
            "user": self.bot_user(),
            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
            "session_id": f"session{next(self._ids)}",
            "resume_gateway_url": self.gateway_url,
            "shard": shard,
            "application": {"id": str(self.app_id), "flags": 0},
        }
        await ws.send_str(json.dumps({"op": 0, "t": "READY", "s": next(self._seq), "d": ready}))
        self._sockets.append(ws)
        guild_shard = (self.guild_id >> 22) % shard[1]
        if guild_shard == shard[0]:
            frame = {"op": 0, "t": "GUILD_CREATE", "s": next(self._seq), "d": self.guild()}
            await ws.send_str(json.dumps(frame))
        self._ready.set()

    # -- REST ----------------------------------------------------------------------------------
    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["path"]
        body: Any = None
        if request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json" and raw:
                body = json.loads(raw)
            elif request.content_type.startswith("multipart/"):
                body = {"multipart": True}
        call = Call(request.method, path, body, dict(request.query), dict(request.headers))
        self.calls.append(call)
        try:
            response = self._failure(call) or self._route(call)
            # What Discord's gateway tells every session after the change, as it does.
            events, self._pending_events = self._pending_events, []
            for event, data in events:
                await self.dispatch(event, data)
        finally:
            async with self._changed:
                self._changed.notify_all()
        return response

    def _failure(self, call: Call) -> web.Response | None:
        for regex, method, failure in self.failures:
            if failure.remaining > 0 and method == call.method and regex.fullmatch(call.path):
                failure.remaining -= 1
                if failure.status == 429:
                    self.rate_limited += 1
                    retry = failure.retry_after if failure.retry_after is not None else 0.05
                    body = {
                        "message": "You are being rate limited.",
                        "retry_after": retry,
                        "global": False,
                    }
                    headers = {
                        "Retry-After": str(retry),
                        "Via": "1.1 google",
                        "X-RateLimit-Limit": "5",
                        "X-RateLimit-Remaining": "0",
                        "X-RateLimit-Reset-After": str(retry),
                        "X-RateLimit-Bucket": "fakebucket",
                        "X-RateLimit-Scope": "user",
                    }
                    return self._json(body, status=429, headers=headers)
                body = failure.body or {"message": f"HTTP {failure.status}", "code": 0}
                return self._json(body, status=failure.status)
        return None

    def _json(
        self, data: Any, *, status: int = 200, headers: dict[str, str] | None = None
    ) -> web.Response:
        # Exactly "application/json": discord.py decodes nothing else.
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        return web.Response(body=json.dumps(data).encode(), status=status, headers=all_headers)

    def _route(self, call: Call) -> web.Response:
        m, p = call.method, call.path
        app = str(self.app_id)
        if m == "GET" and p == "/users/@me":
            return self._json(self.bot_user())
        if m == "GET" and p == "/oauth2/applications/@me":
            return self._json(self._application())
        if m == "GET" and p == "/gateway/bot":
            return self._json(
                {
                    "url": self.gateway_url,
                    "shards": 1,
                    "session_start_limit": {
                        "total": 1000,
                        "remaining": 999,
                        "reset_after": 0,
                        "max_concurrency": 1,
                    },
                }
            )
        if match := re.fullmatch(rf"/applications/{app}(?:/guilds/(\d+))?/commands", p):
            scope = match.group(1) or "global"
            if m == "PUT":
                self.commands[scope] = [
                    {**cmd, "id": str(next(self._ids)), "application_id": app, "version": "1"}
                    for cmd in call.json
                ]
            return self._json(self.commands.get(scope, []))
        if match := re.fullmatch(r"/channels/(\d+)", p):
            return self._get_channel(int(match.group(1)))
        if m == "POST" and (match := re.fullmatch(r"/channels/(\d+)/messages", p)):
            return self._create_message(int(match.group(1)), call.json or {})
        if m == "GET" and (match := re.fullmatch(r"/channels/(\d+)/messages", p)):
            return self._history(int(match.group(1)), call.query)
        if m == "POST" and (match := re.fullmatch(r"/channels/(\d+)/messages/(\d+)/threads", p)):
            return self._create_thread(int(match.group(1)), int(match.group(2)), call.json)
        if match := re.fullmatch(r"/guilds/(\d+)", p):
            return self._json(self.guild())
        if m == "POST" and (match := re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", p)):
            return self._callback(match.group(1), match.group(2), call)
        if match := re.fullmatch(rf"/webhooks/{app}/([^/]+)(?:/messages/(@original|\d+))?", p):
            return self._webhook(m, match.group(1), match.group(2), call.json or {})
        return self._json({"message": "404: Not Found", "code": 0}, status=404)

    def _application(self) -> dict[str, Any]:
        return {
            "id": str(self.app_id),
            "name": "rulingbot",
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "owner": self.members["admin"],
            "team": None,
            "flags": 0,
            "interactions_endpoint_url": None,
            "bot": self.bot_user(),
        }

    def _get_channel(self, channel_id: int) -> web.Response:
        if channel_id == self.channel_id:
            return self._json(self.text_channel())
        if channel_id in self.threads:
            return self._json(self.threads[channel_id])
        return self._json({"message": "Unknown Channel", "code": 10003}, status=404)

    def _known_channel(self, channel_id: int) -> bool:
        return channel_id in (self.channel_id, self.existing_thread_id) or (
            channel_id in self.threads
        )

    def _create_message(self, channel_id: int, body: dict[str, Any]) -> web.Response:
        if not self._known_channel(channel_id):
            return self._json({"message": "Unknown Channel", "code": 10003}, status=404)
        problem = check_message_limits(body)
        if problem:
            return self._json(
                {"message": f"Invalid Form Body: {problem}", "code": 50035}, status=400
            )
        nonce = body.get("nonce")
        if nonce is not None and body.get("enforce_nonce"):
            seen = self._nonces.get(str(nonce))
            if seen is not None and time.monotonic() - seen[1] <= self.nonce_window:
                return self._json(self._with_thread(self.messages[seen[0]]))
        msg = self.message(
            channel_id=channel_id,
            author=self.bot_user(),
            content=body.get("content") or "",
            embeds=body.get("embeds"),
            components=body.get("components"),
            flags=body.get("flags") or 0,
        )
        self.messages[int(msg["id"])] = msg
        if nonce is not None:
            self._nonces[str(nonce)] = (int(msg["id"]), time.monotonic())
            msg = {**msg, "nonce": nonce}  # only the create answer and the event carry it
        self._pending_events.append(("MESSAGE_CREATE", {**msg, "guild_id": str(self.guild_id)}))
        return self._json(msg)

    def _with_thread(self, msg: dict[str, Any]) -> dict[str, Any]:
        thread = self.threads.get(int(msg["id"]))
        return {**msg, "thread": thread} if thread is not None else msg

    def _history(self, channel_id: int, query: dict[str, str]) -> web.Response:
        """GET /channels/{id}/messages: newest first; `after` is a message id, or (as discord.py
        sends for a datetime) a time-based snowflake compared with each message's timestamp."""
        if not self._known_channel(channel_id):
            return self._json({"message": "Unknown Channel", "code": 10003}, status=404)
        limit = int(query.get("limit") or 50)
        after = int(query.get("after") or 0)
        found = [m for m in self.messages.values() if m["channel_id"] == str(channel_id)]
        if after >= 1 << 22:  # a snowflake made from a time
            since_ms = (after >> 22) + DISCORD_EPOCH_MS
            found = [
                m
                for m in found
                if datetime.fromisoformat(m["timestamp"]).timestamp() * 1000 > since_ms
            ]
        else:
            found = [m for m in found if int(m["id"]) > after]
        found.sort(key=lambda m: int(m["id"]), reverse=True)
        return self._json([self._with_thread(m) for m in found[:limit]])

    def _create_thread(self, channel_id: int, message_id: int, body: Any) -> web.Response:
        if message_id not in self.messages:
            return self._json({"message": "Unknown Message", "code": 10008}, status=404)
        if message_id in self.threads:
            return self._json(
                {"message": "A thread has already been created for this message", "code": 160004},
                status=400,
            )
        thread = self.thread_channel(
            message_id, body["name"], owner_id=self.bot_user_id, parent_id=channel_id
        )
        thread["thread_metadata"]["auto_archive_duration"] = body.get("auto_archive_duration", 1440)
        self.threads[message_id] = thread
        self._pending_events.append(("THREAD_CREATE", {**thread, "newly_created": True}))
        return self._json(thread, status=201)

    def _callback(self, interaction_id: str, token: str, call: Call) -> web.Response:
        interaction = self.interaction_tokens.get(token)
        if interaction is None or interaction["id"] != interaction_id:
            return self._json({"message": "Unknown interaction", "code": 10062}, status=404)
        if interaction.get("_responded"):
            return self._json(
                {"message": "Interaction has already been acknowledged.", "code": 40060},
                status=400,
            )
        interaction["_responded"] = call.json
        kind = call.json["type"]
        data = call.json.get("data") or {}
        result: dict[str, Any] = {
            "interaction": {
                "id": interaction_id,
                "type": interaction["type"],
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool((data.get("flags") or 0) & EPHEMERAL),
            },
            "resource": {"type": kind},
        }
        if kind == 4:
            msg = self.message(
                channel_id=int(interaction["channel_id"]),
                author=self.bot_user(),
                content=data.get("content") or "",
                embeds=data.get("embeds"),
                components=data.get("components"),
                flags=data.get("flags") or 0,
            )
            msg["interaction_token"] = token
            self.messages[int(msg["id"])] = msg
            if not msg["flags"] & EPHEMERAL:
                event = {**msg, "guild_id": str(self.guild_id)}
                self._pending_events.append(("MESSAGE_CREATE", event))
            result["interaction"]["response_message_id"] = msg["id"]
            result["resource"]["message"] = msg
        return self._json(result)

    def _webhook(
        self, method: str, token: str, message: str | None, body: dict[str, Any]
    ) -> web.Response:
        interaction = self.interaction_tokens.get(token)
        if interaction is None:
            return self._json({"message": "Unknown Webhook", "code": 10015}, status=404)
        if method == "POST" and message is None:
            problem = check_message_limits(body)
            if problem:
                return self._json(
                    {"message": f"Invalid Form Body: {problem}", "code": 50035}, status=400
                )
            msg = self.message(
                channel_id=int(interaction["channel_id"]),
                author=self.bot_user(),
                content=body.get("content") or "",
                embeds=body.get("embeds"),
                components=body.get("components"),
                flags=body.get("flags") or 0,
                guild=False,  # follow-up messages come back without guild_id
            )
            msg["webhook_id"] = str(self.app_id)
            msg["interaction_token"] = token
            self.messages[int(msg["id"])] = msg
            if not msg["flags"] & EPHEMERAL:
                event = {**msg, "guild_id": str(self.guild_id)}
                self._pending_events.append(("MESSAGE_CREATE", event))
            return self._json(msg)
        if method == "DELETE" and message == "@original":
            interaction["_original_deleted"] = True
            return web.Response(status=204)
        return self._json({"message": "404: Not Found", "code": 0}, status=404)

    def visible_content(self, msg: dict[str, Any]) -> str:
        """The content a bot with the session's intents would see in MESSAGE_CREATE."""
        intents = self.identify_payloads[-1].get("intents", 0) if self.identify_payloads else 0
        if intents & MESSAGE_CONTENT_INTENT:
            return msg["content"]
        mentioned = any(u["id"] == str(self.bot_user_id) for u in msg.get("mentions", []))
        own = msg["author"]["id"] == str(self.bot_user_id)
        return msg["content"] if mentioned or own else ""

    async def user_says(
        self,
        channel_id: int,
        content: str,
        *,
        who: str = "member",
        mention_bot: bool = False,
        reply_to: dict[str, Any] | None = None,
        ping_reply: bool = True,
    ) -> dict[str, Any]:
        """A member posts a message; it is dispatched as MESSAGE_CREATE as Discord would."""
        mentions = []
        if mention_bot:
            content = f"<@{self.bot_user_id}> {content}"
            mentions.append(self.bot_user())
        if reply_to is not None and ping_reply:
            mentions.append(reply_to["author"])
        msg = self.message(
            channel_id=channel_id,
            author=self.members[who],
            content=content,
            mentions=mentions,
            reference=reply_to,
        )
        self.messages[int(msg["id"])] = msg
        event = dict(msg)
        event["content"] = self.visible_content(msg)
        event["member"] = {k: v for k, v in self.member(self.members[who]).items() if k != "user"}
        await self.dispatch("MESSAGE_CREATE", event)
        return msg


def _embed_chars(embed: dict[str, Any]) -> int:
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for fld in embed.get("fields") or []:
        total += len(fld.get("name") or "") + len(fld.get("value") or "")
    return total


def check_message_limits(body: dict[str, Any]) -> str | None:
    """What Discord would reject in a message body, or None. Mirrors the documented limits."""
    content = body.get("content") or ""
    if len(content) > 2000:
        return "content: Must be 2000 or fewer in length."
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        return "embeds: Must be 10 or fewer in length."
    if not content and not embeds and not body.get("components"):
        return "Cannot send an empty message"
    if sum(_embed_chars(e) for e in embeds) > 6000:
        return "embeds: Embed size exceeds maximum size of 6000"
    for embed in embeds:
        if len(embed.get("title") or "") > 256:
            return "embeds.title: Must be 256 or fewer in length."
        if len(embed.get("description") or "") > 4096:
            return "embeds.description: Must be 4096 or fewer in length."
        if len((embed.get("footer") or {}).get("text") or "") > 2048:
            return "embeds.footer.text: Must be 2048 or fewer in length."
        fields = embed.get("fields") or []
        if len(fields) > 25:
            return "embeds.fields: Must be 25 or fewer in length."
        for fld in fields:
            if not fld.get("name") or not fld.get("value"):
                return "embeds.fields: name and value are required."
            if len(fld["name"]) > 256 or len(fld["value"]) > 1024:
                return "embeds.fields: too long."
    rows = body.get("components") or []
    if len(rows) > 5:
        return "components: Must be 5 or fewer in length."
    for row in rows:
        if len(row.get("components") or []) > 5:
            return "components.components: Must be 5 or fewer in length."
        for comp in row.get("components") or []:
            if len(comp.get("custom_id") or "") > 100:
                return "components.custom_id: Must be 100 or fewer in length."
            if len(comp.get("label") or "") > 80:
                return "components.label: Must be 80 or fewer in length."
    return None
