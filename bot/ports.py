"""The narrow contracts between the core and its adapters.

The core owns these protocols so that imports point one way (adapters → bot): an adapter
implements `ChatAdapter` and calls an `InboundHandler` (the core) with neutral types.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from bot.models import ChannelRef, Command, Question, Reply, SentMessage, ThreadRef


class InboundHandler(Protocol):
    """What an adapter calls when something arrives from its platform."""

    async def handle_command(self, command: Command) -> Reply:
        """Execute a parsed `/ruling` command and return the reply to render."""
        ...

    async def handle_question(self, question: Question) -> Reply | None:
        """Answer a thread follow-up; None means 'stay silent' (duplicate event, not ours)."""
        ...

    async def thread_opened(self, thread: ThreadRef, article_id: int) -> None:
        """Remember that `thread` discusses `article_id` (an adapter opened it under a card)."""
        ...


@runtime_checkable
class ChatAdapter(Protocol):
    """One chat platform. Five members; everything else is the core's business.

    `send` posts one message (a digest header, one ruling card, a notice) to a channel and
    returns the platform's message id, plus the thread opened under it when the reply carries a
    ruling card (Discord creates a thread; Slack's thread is the message ts). Transient platform
    failures (429, 5xx, timeouts) are retried inside the adapter; what still fails raises
    `DeliveryError` so the core can record it and carry on with other channels.
    """

    platform: str

    async def start(self, handler: InboundHandler) -> None: ...

    async def stop(self) -> None: ...

    async def send(self, channel: ChannelRef, reply: Reply) -> SentMessage: ...

    async def reply_in_thread(self, thread: ThreadRef, reply: Reply) -> SentMessage: ...


class DeliveryError(Exception):
    """A message could not be posted after the adapter's own retries.

    `retryable` tells the core whether trying again later can help (429/5xx/timeout) or not
    (channel not found, bot removed, message rejected).
    """

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable
