"""A fake OpenAI-compatible chat-completions endpoint on loopback, scripted per test.

Real HTTP, so `bot.llm.LLMClient` runs its real request, timeout and parsing code.
Queue answers with `reply_json`, `reply_text`, `fail` or `stall`; when the queue is empty,
`default` (a callable from the request body to a JSON-able object) answers.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakes.loopback import serve


@dataclass
class Scripted:
    content: str | None = None  # message content (already serialised)
    status: int = 200
    delay: float = 0.0


class FakeLLM:
    """`base_url` ends in /v1; `requests` holds every request body and its headers."""

    def __init__(self, default: Callable[[dict[str, Any]], Any] | None = None) -> None:
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.script: list[Scripted] = []
        self.default = default or (lambda body: {})
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def __aenter__(self) -> FakeLLM:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._complete)
        self._runner, self.port = await serve(app)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    # -- scripting -----------------------------------------------------------------------------
    def reply_json(self, obj: Any) -> None:
        self.script.append(Scripted(content=json.dumps(obj)))

    def reply_text(self, text: str) -> None:
        self.script.append(Scripted(content=text))

    def fail(self, status: int) -> None:
        self.script.append(Scripted(status=status))

    def stall(self, seconds: float, obj: Any = None) -> None:
        self.script.append(Scripted(content=json.dumps(obj or {}), delay=seconds))

    # -- handler -------------------------------------------------------------------------------
    async def _complete(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append(body)
        self.headers.append(dict(request.headers))
        step = self.script.pop(0) if self.script else None
        if step is None:
            step = Scripted(content=json.dumps(self.default(body)))
        if step.delay:
            await asyncio.sleep(step.delay)
        if step.status >= 400:
            return web.json_response({"error": {"message": "scripted failure"}}, status=step.status)
        return web.json_response(
            {
                "id": f"chatcmpl-{len(self.requests)}",
                "object": "chat.completion",
                "model": body.get("model"),
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": step.content},
                        "finish_reason": "stop",
                    }
                ],
            }
        )
