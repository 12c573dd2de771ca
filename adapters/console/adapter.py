"""The terminal as a chat platform: prints replies with rich and, on a TTY, takes commands."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import sys
import threading
from typing import TextIO

from rich.console import Console

from adapters.console.render import render_reply
from bot.models import ChannelRef, Question, Reply, SentMessage, ThreadRef
from bot.ports import InboundHandler

logger = logging.getLogger(__name__)

TERMINAL = ChannelRef("console", "terminal")
USER_ID = "terminal"


class ConsoleAdapter:
    """`ChatAdapter` for the terminal.

    Lines typed on an interactive terminal are `/ruling` commands (the "/ruling" prefix is
    optional); a line starting with "?" is a follow-up question on the last ruling shown.
    """

    platform = "console"

    def __init__(
        self,
        console: Console | None = None,
        *,
        interactive: bool | None = None,
        stdin: TextIO | None = None,
    ) -> None:
        self.console = console or Console()
        self._stdin = stdin or sys.stdin
        self.interactive = self._stdin.isatty() if interactive is None else interactive
        self._ids = itertools.count(1)
        self._handler: InboundHandler | None = None
        self._reader: asyncio.Task[None] | None = None
        self._last_thread: ThreadRef | None = None
        self.sent: list[tuple[ChannelRef | ThreadRef, Reply, SentMessage]] = []

    async def start(self, handler: InboundHandler) -> None:
        self._handler = handler
        if self.interactive and self._reader is None:
            self._reader = asyncio.create_task(self._read_lines(), name="console-input")

    async def stop(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
            self._reader = None

    async def send(self, channel: ChannelRef, reply: Reply) -> SentMessage:
        message_id = f"console-{next(self._ids)}"
        self.console.print(render_reply(reply))
        thread = None
        if reply.cards:
            thread = ThreadRef(self.platform, channel.channel_id, message_id)
            self._last_thread = thread
            article_id = reply.cards[0].article_id
            if self._handler is not None and article_id is not None and len(reply.cards) == 1:
                await self._handler.thread_opened(thread, article_id)
        sent = SentMessage(message_id=message_id, thread=thread)
        self.sent.append((channel, reply, sent))
        return sent

    async def reply_in_thread(self, thread: ThreadRef, reply: Reply) -> SentMessage:
        message_id = f"console-{next(self._ids)}"
        self.console.print(render_reply(reply, in_thread=True))
        sent = SentMessage(message_id=message_id, thread=thread)
        self.sent.append((thread, reply, sent))
        return sent

    async def handle_line(self, line: str) -> None:
        """Act on one typed line (a command, or '?' and a question)."""
        from bot.commands import CommandError, parse_command

        text = line.strip()
        if not text or self._handler is None:
            return
        if text.startswith("?"):
            if self._last_thread is None:
                await self.send(TERMINAL, Reply(text="Ask about a ruling after one is shown."))
                return
            question = Question(text=text[1:].strip(), thread=self._last_thread, user_id=USER_ID)
            answer = await self._handler.handle_question(question)
            if answer is not None:
                await self.reply_in_thread(self._last_thread, answer)
            return
        if text.startswith("/ruling"):
            text = text[len("/ruling") :]
        try:
            command = parse_command(text, channel=TERMINAL, user_id=USER_ID, can_manage=True)
        except CommandError as exc:
            await self.send(TERMINAL, exc.reply())
            return
        await self.send(TERMINAL, await self._handler.handle_command(command))

    async def _read_lines(self) -> None:
        """stdin is read by a daemon thread so a pending read never blocks shutdown."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[str | None] = asyncio.Queue()

        def pump() -> None:
            for line in self._stdin:
                loop.call_soon_threadsafe(queue.put_nowait, line)
            loop.call_soon_threadsafe(queue.put_nowait, None)

        threading.Thread(target=pump, name="console-stdin", daemon=True).start()
        while (line := await queue.get()) is not None:
            try:
                await self.handle_line(line)
            except Exception:
                logger.exception("console command failed")
