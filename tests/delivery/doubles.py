"""An in-memory chat adapter for delivery logic tests (platform behaviour is tested elsewhere)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime

from bot.models import ChannelRef, Reply, SentMessage, ThreadRef
from bot.ports import DeliveryError, InboundHandler


@dataclass
class RecordingAdapter:
    """Keeps every posted message per channel; fails the n-th send when told to."""

    platform: str = "slack"
    posted: dict[str, list[Reply]] = field(default_factory=dict)
    fail_on: dict[int, DeliveryError] = field(default_factory=dict)  # send number -> error
    fail_channels: set[str] = field(default_factory=set)
    sends: int = 0
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    async def start(self, handler: InboundHandler) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def send(self, channel: ChannelRef, reply: Reply) -> SentMessage:
        self.sends += 1
        if self.sends in self.fail_on:
            raise self.fail_on.pop(self.sends)
        if channel.channel_id in self.fail_channels:
            raise DeliveryError(f"channel {channel.channel_id} is down")
        self.posted.setdefault(channel.channel_id, []).append(reply)
        message_id = f"m{next(self._ids)}"
        thread = ThreadRef(self.platform, channel.channel_id, message_id) if reply.cards else None
        return SentMessage(message_id, thread)

    async def reply_in_thread(self, thread: ThreadRef, reply: Reply) -> SentMessage:
        raise NotImplementedError

    def texts(self, channel_id: str) -> list[str]:
        return [r.text for r in self.posted.get(channel_id, [])]


@dataclass
class ReconcilingAdapter(RecordingAdapter):
    """Also answers `find_sent`, as a platform whose history can be read back does."""

    async def find_sent(
        self, channel: ChannelRef, reply: Reply, since: datetime
    ) -> SentMessage | None:
        for i, sent in enumerate(self.posted.get(channel.channel_id, [])):
            if sent.text == reply.text:
                return SentMessage(f"found{i}")
        return None
