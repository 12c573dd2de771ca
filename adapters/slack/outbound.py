"""Posting to Slack: the Web API client with retries, per-channel pacing, errors → DeliveryError.

slack_sdk's async client retries only connection errors by default; here 429s (honouring
`Retry-After`, up to a cap) and 5xx answers are retried too. What still fails becomes
`bot.ports.DeliveryError`, retryable or not, so the core can record it and carry on.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack.blocks import SlackMessage
from bot.clock import Clock, SystemClock
from bot.ports import DeliveryError

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"

# Slack errors that no amount of waiting fixes: the channel, the token or the message is wrong.
RETRYABLE_ERRORS = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
HINTS = {
    "not_in_channel": "invite the app to the channel (/invite @rulingbot)",
    "channel_not_found": "the channel is gone or the app cannot see it",
    "is_archived": "the channel is archived",
    "invalid_auth": "check SLACK_BOT_TOKEN",
    "token_revoked": "the app was removed from the workspace",
    "account_inactive": "the app was removed from the workspace",
}


def _retry_after(response: HttpResponse) -> float | None:
    for key, values in response.headers.items():
        if key.lower() == "retry-after" and values:
            try:
                return max(0.0, float(values[0]))
            except ValueError:
                return None
    return None


class RateLimitRetryHandler(AsyncRateLimitErrorRetryHandler):
    """Retries 429s after `Retry-After`, but gives up on waits longer than `max_wait`.

    A long wait inside one post would stall that channel's whole digest; past the cap the 429
    surfaces as a retryable DeliveryError and the core retries later.
    """

    def __init__(self, max_retry_count: int = 3, max_wait: float = 30.0) -> None:
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        wait = _retry_after(response)
        return wait is None or wait <= self.max_wait

    async def prepare_for_next_attempt_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        wait = (_retry_after(response) if response is not None else None) or 1.0
        state.next_attempt_requested = True
        await asyncio.sleep(wait + random.uniform(0, 0.1))
        state.increment_current_attempt()


class ServerErrorRetryHandler(AsyncRetryHandler):
    """Retries any 5xx answer with a short exponential backoff."""

    def __init__(self, max_retry_count: int = 2, backoff: float = 0.5) -> None:
        super().__init__(max_retry_count, BackoffRetryIntervalCalculator(backoff_factor=backoff))

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code >= 500


def retry_handlers(
    *, max_retry_after: float = 30.0, backoff: float = 0.5
) -> list[AsyncRetryHandler]:
    """Connection errors, 429s and 5xx: the set every Slack client of ours uses."""
    return [
        AsyncConnectionErrorRetryHandler(max_retry_count=2),
        RateLimitRetryHandler(max_wait=max_retry_after),
        ServerErrorRetryHandler(backoff=backoff),
    ]


def web_client(
    *,
    api_url: str | None,
    token: str | None,
    timeout: float,
    max_retry_after: float = 30.0,
) -> AsyncWebClient:
    return AsyncWebClient(
        token=token,
        base_url=api_url or DEFAULT_API_URL,
        timeout=int(max(1, round(timeout))),
        retry_handlers=retry_handlers(max_retry_after=max_retry_after),
        logger=logging.getLogger("slack_sdk.web"),
    )


def delivery_error(method: str, exc: BaseException) -> DeliveryError:
    """One line saying what failed, and whether trying later can help."""
    if isinstance(exc, SlackApiError):
        status = exc.response.status_code
        code = str(exc.response.get("error") or f"HTTP {status}")
        retryable = status == 429 or status >= 500 or code in RETRYABLE_ERRORS
        hint = HINTS.get(code)
        message = f"Slack {method} failed: {code}" + (f" ({hint})" if hint else "")
        return DeliveryError(message, retryable=retryable)
    if isinstance(exc, asyncio.TimeoutError | TimeoutError):
        return DeliveryError(f"Slack {method} timed out", retryable=True)
    if isinstance(exc, aiohttp.ClientError | SlackRequestError | OSError):
        return DeliveryError(f"Slack {method} failed: {type(exc).__name__}: {exc}", retryable=True)
    return DeliveryError(f"Slack {method} failed: {type(exc).__name__}: {exc}", retryable=False)


class ChannelPacer:
    """Spaces posts to one channel by `interval` seconds without holding back other channels.

    Slack allows about one message per second per channel; pacing ourselves avoids the 429s
    instead of paying for them. The clock is injected so tests need not sleep.
    """

    def __init__(self, interval: float, *, clock: Clock | None = None) -> None:
        self.interval = interval
        self.clock = clock or SystemClock()
        self._locks: dict[str, asyncio.Lock] = {}
        self._next: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, channel: str) -> AsyncIterator[None]:
        lock = self._locks.setdefault(channel, asyncio.Lock())
        async with lock:
            wait = self._next.get(channel, 0.0) - self.clock.now().timestamp()
            if wait > 0:
                await self.clock.sleep(wait)
            try:
                yield
            finally:
                self._next[channel] = self.clock.now().timestamp() + self.interval


class SlackPoster:
    """Posts rendered messages: `chat.postMessage` (paced) and `response_url` answers."""

    def __init__(self, client: AsyncWebClient, pacer: ChannelPacer, *, timeout: float) -> None:
        self.client = client
        self.pacer = pacer
        self.timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    def session(self) -> aiohttp.ClientSession:
        """One pooled HTTP session for every outbound call (created inside the running loop)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
            self.client.session = self._session
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self.client.session = None
        self._session = None

    async def post(
        self,
        channel_id: str,
        message: SlackMessage,
        *,
        token: str | None = None,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> str:
        """Post one message and return its ts; raises DeliveryError."""
        kwargs: dict[str, Any] = {"channel": channel_id, **message.payload()}
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        if metadata:
            kwargs["metadata"] = metadata
        if token:
            kwargs["token"] = token
        self.session()
        async with self.pacer.slot(channel_id):
            try:
                response = await self.client.chat_postMessage(**kwargs)
            except Exception as exc:
                raise delivery_error("chat.postMessage", exc) from exc
        return str(response["ts"])

    async def history(
        self, channel_id: str, *, oldest: float, limit: int, token: str | None = None
    ) -> list[dict[str, Any]]:
        """One page of a channel's messages newer than `oldest` (newest first), with their
        metadata; raises DeliveryError."""
        kwargs: dict[str, Any] = {
            "channel": channel_id,
            "oldest": f"{oldest:.6f}",
            "limit": limit,
            "include_all_metadata": True,
        }
        if token:
            kwargs["token"] = token
        self.session()
        try:
            response = await self.client.conversations_history(**kwargs)
        except Exception as exc:
            raise delivery_error("conversations.history", exc) from exc
        messages = response.get("messages") or []
        return [m for m in messages if isinstance(m, dict)]

    async def respond(self, response_url: str, message: SlackMessage, *, ephemeral: bool) -> None:
        """Answer a slash command through its `response_url`; raises DeliveryError."""
        webhook = AsyncWebhookClient(
            response_url,
            timeout=int(max(1, round(self.timeout))),
            retry_handlers=retry_handlers(),
            session=self.session(),
        )
        try:
            response = await webhook.send(
                text=message.text,
                blocks=list(message.blocks),
                response_type="ephemeral" if ephemeral else "in_channel",
                replace_original=False,
            )
        except Exception as exc:
            raise delivery_error("response_url", exc) from exc
        if response.status_code >= 400:
            raise DeliveryError(
                f"Slack response_url failed: HTTP {response.status_code} {response.body[:100]}",
                retryable=response.status_code == 429 or response.status_code >= 500,
            )
