"""The core every adapter talks to: commands, follow-up questions and the threads it opens.

`Core` is the one `InboundHandler`. It never lets an exception escape to an adapter: bad input
is answered by the command surface itself, and anything unexpected is logged with its traceback
and answered with a one-line ephemeral error, so an adapter always has something to render.
"""

from __future__ import annotations

import logging

from bot import messages
from bot.clock import Clock
from bot.commands import execute
from bot.models import Command, Question, Reply, ThreadRef
from bot.settings import Settings
from bot.store import Database
from bot.store.threads import record_thread

logger = logging.getLogger(__name__)


class Core:
    """Platform-neutral handling of everything that arrives from a chat platform."""

    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock

    async def handle_command(self, command: Command) -> Reply:
        """Execute `command`; never raises."""
        try:
            return await execute(command, db=self.db, settings=self.settings, clock=self.clock)
        except Exception:
            logger.exception(
                "command %s failed (platform %s, channel %s)",
                command.kind,
                command.channel.platform,
                command.channel.channel_id,
            )
            return Reply(text=messages.INTERNAL_ERROR, ephemeral=True, is_error=True)

    async def handle_question(self, question: Question) -> Reply | None:
        """Answer a thread follow-up (None: stay silent); never raises."""
        try:
            # Imported on use, so the core loads (and commands work) without the answer engine.
            from bot.followup.service import answer_question
        except ImportError:
            logger.warning("follow-up answers are not available; question not answered")
            return None
        try:
            return await answer_question(self.db, self.settings, self.clock, question)
        except Exception:
            logger.exception(
                "question failed (platform %s, thread %s)",
                question.thread.platform,
                question.thread.thread_id,
            )
            return Reply(text=messages.QUESTION_ERROR, ephemeral=True, is_error=True)

    async def thread_opened(self, thread: ThreadRef, article_id: int) -> None:
        """Remember which ruling a thread discusses, so questions there need no thread reads.

        Never raises: a thread that cannot be recorded (its ruling deleted meanwhile) only means
        questions asked in it go unanswered, which is logged.
        """
        try:
            await record_thread(self.db, thread, article_id, now=self.clock.now())
        except Exception:
            logger.exception(
                "could not record thread %s for article %s", thread.thread_id, article_id
            )
