"""A small OpenAI-compatible chat-completions client that asks for, and returns, one JSON object.

Exceptions::

    LLMError            anything that means "no usable answer": timeout, connection failure,
                        HTTP error status, a reply that is not a JSON object

Callers treat `LLMError` as "fall back to something deterministic"; its message is one line and
never contains the API key.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import httpx

logger = logging.getLogger(__name__)

_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


class LLMError(Exception):
    """The endpoint gave no usable JSON answer (timeout, HTTP error, malformed reply)."""


class LLMClient:
    """One model behind one OpenAI-compatible base URL (e.g. ``https://host/v1``).

    Pass `client` to share an `httpx.AsyncClient` (its transport and pool); otherwise each call
    opens and closes its own. The key is held privately and never appears in logs or errors.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 20.0,
        *,
        client: httpx.AsyncClient | None = None,
        temperature: float = 0.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.timeout = timeout
        self.temperature = temperature
        self._api_key = api_key
        self._client = client

    def __repr__(self) -> str:
        return f"LLMClient(base_url={self.base_url!r}, model={self.model!r})"

    @property
    def endpoint(self) -> str:
        return f"{self.base_url}/chat/completions"

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return headers

    def _payload(self, system: str, user: str, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "model": self.model,
            "temperature": self.temperature,
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": user},
            ],
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "answer", "schema": schema, "strict": False},
            },
        }

    async def chat_json(self, system: str, user: str, schema: dict[str, Any]) -> dict[str, Any]:
        """Send one system + user message; return the reply parsed as a JSON object.

        Raises LLMError on timeout, connection failure, non-2xx status, or a reply whose content
        is not a JSON object.
        """
        payload = self._payload(system, user, schema)
        try:
            if self._client is not None:
                response = await self._client.post(
                    self.endpoint, json=payload, headers=self._headers(), timeout=self.timeout
                )
            else:
                async with httpx.AsyncClient(timeout=self.timeout) as client:
                    response = await client.post(
                        self.endpoint, json=payload, headers=self._headers()
                    )
        except httpx.TimeoutException:
            raise LLMError(f"LLM endpoint timed out after {self.timeout:g}s") from None
        except httpx.HTTPError as exc:
            raise LLMError(f"LLM endpoint unreachable: {type(exc).__name__}") from None
        if response.status_code >= 400:
            raise LLMError(f"LLM endpoint answered HTTP {response.status_code}")
        return parse_reply(response.content)


def parse_reply(body: bytes) -> dict[str, Any]:
    """The JSON object inside a chat-completions response body; raises LLMError otherwise."""
    try:
        envelope = json.loads(body)
        content = envelope["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise LLMError("LLM reply is not a chat-completions response") from None
    if not isinstance(content, str):
        raise LLMError("LLM reply has no text content")
    fenced = _FENCE.match(content)
    if fenced:
        content = fenced.group(1)
    try:
        data = json.loads(content)
    except ValueError:
        raise LLMError("LLM reply content is not JSON") from None
    if not isinstance(data, dict):
        raise LLMError("LLM reply content is not a JSON object")
    return data
