"""The Discord adapter: a discord.py client with the `/ruling` command tree, digests as embeds
with a thread per ruling, and questions in those threads handed to the core.

Wiring only: what a command means is the core's parser, what a message says is `render`, and
whether a message is a question is `translate`. discord.py handles rate-limit buckets and
429s; what still fails when posting becomes `DeliveryError`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime
from typing import Any

import aiohttp
import discord
from discord import app_commands

from adapters.discord import render, translate
from adapters.discord.commands import build_commands
from adapters.discord.delivery import delivery_nonce, same_message
from adapters.discord.endpoints import Endpoints
from adapters.discord.sync import meta_key, store_hash, stored_hash, tree_hash
from adapters.discord.views import AskButton, ask_view
from bot import messages
from bot.clock import Clock, SystemClock
from bot.commands import CommandError, parse_command
from bot.models import ChannelRef, Question, Reply, SentMessage, ThreadRef
from bot.ports import DeliveryError, InboundHandler
from bot.settings import DiscordSettings

logger = logging.getLogger(__name__)

PLATFORM = translate.PLATFORM
THREAD_ARCHIVE_MINUTES = 1440  # a day
RATELIMIT_WAIT_MAX = 30.0  # longer waits fail the post (retryable) instead of blocking it
FIND_SENT_LIMIT = 100  # messages read back when looking for an in-doubt digest message


class DiscordStartError(RuntimeError):
    """The bot could not log in or connect; the message says why in one line."""


def intents_for(settings: DiscordSettings) -> discord.Intents:
    """Guilds (channels and threads) and guild messages; message content only when enabled."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.message_content = settings.message_content
    return intents


def make_client(settings: DiscordSettings) -> discord.Client:
    """A plain client, or an auto-sharded one when `shards` is set (ids for this process)."""
    # The bot never joins voice: silence discord.py's start-up warnings about voice libraries.
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False
    options: dict[str, Any] = {
        "intents": intents_for(settings),
        "guild_ready_timeout": settings.guild_ready_timeout_seconds,
        "max_ratelimit_timeout": RATELIMIT_WAIT_MAX,
        "chunk_guilds_at_startup": False,
    }
    if settings.shards is None:
        return discord.Client(**options)
    count = None if settings.shards == "auto" else settings.shards
    return discord.AutoShardedClient(shard_count=count, shard_ids=settings.shard_ids, **options)


def delivery_error(exc: BaseException, what: str) -> DeliveryError:
    """One line for the failure; gone or forbidden targets are not worth retrying."""
    if isinstance(exc, discord.Forbidden | discord.NotFound):
        return DeliveryError(f"{what}: {exc.status} {exc.text or exc}", retryable=False)
    if isinstance(exc, discord.HTTPException):
        retryable = exc.status >= 500 or exc.status == 429
        return DeliveryError(f"{what}: HTTP {exc.status} {exc.text}".strip(), retryable=retryable)
    if isinstance(exc, discord.RateLimited):
        return DeliveryError(f"{what}: rate limited for {exc.retry_after:.0f}s", retryable=True)
    return DeliveryError(f"{what}: {type(exc).__name__}: {exc}", retryable=True)


_POST_ERRORS = (discord.DiscordException, aiohttp.ClientError, asyncio.TimeoutError, OSError)


class DiscordAdapter:
    """`bot.ports.ChatAdapter` for Discord."""

    platform = PLATFORM

    def __init__(
        self,
        settings: DiscordSettings,
        token: str,
        db: Any = None,
        *,
        clock: Clock | None = None,
        defer_after: float = 2.0,
    ) -> None:
        self.settings = settings
        self.db = db
        self.clock = clock or SystemClock()
        # Answer directly when the core is this quick, else defer (Discord allows 3 s); 0: always.
        self.defer_after = defer_after
        self._token = token
        self._endpoints = Endpoints(settings.api_url, settings.gateway_url)
        self._handler: InboundHandler | None = None
        self._runner: asyncio.Task[None] | None = None
        self.client = make_client(settings)
        self.client.rulingbot = self  # type: ignore[attr-defined]  # for the modal's submit
        self.tree = app_commands.CommandTree(self.client)
        self.tree.on_error = self._on_tree_error  # type: ignore[method-assign]
        guild = discord.Object(settings.dev_guild_id) if settings.dev_guild_id else None
        for group in build_commands(self._on_command):
            self.tree.add_command(group, guild=guild)
        self.client.add_dynamic_items(AskButton)
        self.client.event(self.on_message)
        self.synced: bool | None = None  # whether the last start registered the commands

    # -- lifecycle -----------------------------------------------------------------------------
    async def start(self, handler: InboundHandler) -> None:
        """Log in, register the commands if they changed, connect and wait until ready.

        Raises DiscordStartError when the token is refused or the gateway never becomes ready.
        """
        self._handler = handler
        self._endpoints.apply()
        try:
            try:
                await self.client.login(self._token)
            except discord.LoginFailure:
                raise DiscordStartError(
                    "Discord refused DISCORD_TOKEN (401 Unauthorized)"
                ) from None
            except _POST_ERRORS as exc:
                raise DiscordStartError(f"cannot reach Discord: {exc}") from None
            await self.sync_commands()
            self._runner = asyncio.create_task(self.client.connect(reconnect=True))
            ready = asyncio.create_task(self.client.wait_until_ready())
            done, _ = await asyncio.wait(
                {ready, self._runner},
                timeout=self.settings.ready_timeout_seconds,
                return_when=asyncio.FIRST_COMPLETED,
            )
            if ready not in done:
                ready.cancel()
                if self._runner in done and self._runner.exception():
                    raise DiscordStartError(f"gateway: {self._runner.exception()}")
                raise DiscordStartError("the Discord gateway did not become ready in time")
        except BaseException:
            await self.stop()
            raise
        logger.info("discord connected as %s", self.client.user)

    async def stop(self) -> None:
        with contextlib.suppress(Exception):
            await self.client.close()
        if self._runner is not None:
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(self._runner, 5)
            self._runner = None
        self._endpoints.restore()

    async def sync_commands(self) -> bool:
        """Register the command tree unless the same tree was registered before (hash in `meta`)."""
        guild_id = self.settings.dev_guild_id
        guild = discord.Object(guild_id) if guild_id else None
        payload = [cmd.to_dict(self.tree) for cmd in self.tree.get_commands(guild=guild)]
        digest = tree_hash(payload)
        app_id = self.client.application_id or 0
        key = meta_key(app_id, guild_id)
        if self.db is not None and await stored_hash(self.db, key) == digest:
            logger.info("discord commands unchanged; not re-registering")
            self.synced = False
            return False
        await self.tree.sync(guild=guild)
        if self.db is not None:
            await store_hash(self.db, key, digest, now=self.clock.now())
        logger.info("discord commands registered (%s)", f"guild {guild_id}" if guild else "global")
        self.synced = True
        return True

    # -- outbound ------------------------------------------------------------------------------
    async def send(self, channel: ChannelRef, reply: Reply) -> SentMessage:
        """Post a reply to a channel; a one-ruling message gets its thread.

        Raises DeliveryError when the message could not be posted. A thread that cannot be
        opened is logged, not raised: the message is out and must not be posted again.
        """
        try:
            target = await self._text_channel(int(channel.channel_id))
        except _POST_ERRORS as exc:
            raise delivery_error(exc, f"channel {channel.channel_id}") from exc
        pages = render.render_reply(reply, header_with_cards=len(reply.cards) != 1)
        first: SentMessage | None = None
        for index, page in enumerate(pages):
            kwargs = _message_kwargs(page)
            if reply.delivery_key:
                # A repeat within Discord's nonce window returns the message already posted.
                kwargs["nonce"] = delivery_nonce(channel.channel_id, reply.delivery_key, index)
            try:
                msg = await target.send(**kwargs)
            except _POST_ERRORS as exc:
                raise delivery_error(exc, f"posting to channel {channel.channel_id}") from exc
            thread = await self._thread_for(target, msg, page, channel.workspace_id)
            if first is None:
                first = SentMessage(str(msg.id), thread=thread)
        assert first is not None
        return first

    async def find_sent(
        self, channel: ChannelRef, reply: Reply, since: datetime
    ) -> SentMessage | None:
        """The first message `send` posted for `reply` after `since`, or None (also when
        Discord cannot be asked: the caller then posts again). Never raises.

        History carries no nonces, so the bot's own messages are compared by content and embed
        titles and links; a digest's header names its date and each card links its ruling.
        """
        if not reply.delivery_key:
            return None
        page = render.render_reply(reply, header_with_cards=len(reply.cards) != 1)[0]
        try:
            target = await self._text_channel(int(channel.channel_id))
            me = self.client.user
            async for msg in target.history(after=since, limit=FIND_SENT_LIMIT, oldest_first=True):
                if me is not None and msg.author.id != me.id:
                    continue
                if same_message(msg.content, [e.to_dict() for e in msg.embeds], page):
                    thread = await self._thread_for(target, msg, page, channel.workspace_id)
                    return SentMessage(str(msg.id), thread=thread)
        except _POST_ERRORS as exc:
            logger.warning(
                "cannot check %s for message %s: %s", channel.channel_id, reply.delivery_key, exc
            )
        return None

    async def _thread_for(
        self, channel: Any, msg: discord.Message, page: render.Page, guild_id: Any
    ) -> ThreadRef | None:
        """The thread on a one-ruling message: the one it has already (a repeated post), else a
        new one."""
        existing = msg.thread if page.single_card is not None else None
        if existing is None:
            return await self._open_thread(channel, msg.id, page, guild_id)
        if guild_id is None:
            guild_id = existing.guild.id
        return translate.thread_ref(channel.id, existing.id, guild_id)

    async def reply_in_thread(self, thread: ThreadRef, reply: Reply) -> SentMessage:
        return await self._post_in_thread(thread, reply)

    async def _post_in_thread(
        self, thread: ThreadRef, reply: Reply, *, reference: discord.Message | None = None
    ) -> SentMessage:
        guild_id = int(thread.workspace_id) if thread.workspace_id else None
        target = self.client.get_partial_messageable(
            int(thread.thread_id), guild_id=guild_id, type=discord.ChannelType.public_thread
        )
        first: str | None = None
        for page in render.render_reply(reply):
            kwargs = _message_kwargs(page)
            if reference is not None and first is None:
                kwargs["reference"] = reference
                kwargs["mention_author"] = False
            try:
                msg = await target.send(**kwargs)
            except _POST_ERRORS as exc:
                raise delivery_error(exc, f"posting in thread {thread.thread_id}") from exc
            first = first or str(msg.id)
        assert first is not None
        return SentMessage(first, thread=thread)

    async def _text_channel(self, channel_id: int) -> Any:
        channel = self.client.get_channel(channel_id)
        if channel is None:
            channel = await self.client.fetch_channel(channel_id)
        return channel

    async def _open_thread(
        self, channel: Any, message_id: int, page: render.Page, guild_id: Any
    ) -> ThreadRef | None:
        """A thread on a one-ruling message, recorded with the core; None when not possible."""
        card = page.single_card
        if card is None or card.article_id is None or not hasattr(channel, "create_thread"):
            return None
        try:
            created = await channel.create_thread(
                name=translate.thread_name(card.title),
                message=discord.Object(message_id),
                auto_archive_duration=THREAD_ARCHIVE_MINUTES,
            )
        except _POST_ERRORS as exc:
            logger.warning("could not open a thread on message %s: %s", message_id, exc)
            return None
        if guild_id is None and getattr(channel, "guild", None) is not None:
            guild_id = channel.guild.id
        ref = translate.thread_ref(channel.id, created.id, guild_id)
        if self._handler is not None:
            await self._handler.thread_opened(ref, card.article_id)
        return ref

    # -- slash commands ------------------------------------------------------------------------
    async def _on_command(self, interaction: discord.Interaction) -> None:
        try:
            invocation = translate.invocation_from(
                dict(interaction.data or {}),
                channel_id=interaction.channel_id,
                guild_id=interaction.guild_id,
                user_id=interaction.user.id,
                permissions=interaction.permissions.value if interaction.guild_id else None,
            )
        except translate.UnknownInvocation:
            await self._answer(interaction, _error(messages.DISCORD_UNKNOWN_COMMAND))
            return
        if not interaction.guild_id:
            await self._answer(interaction, _error(messages.DISCORD_NOT_IN_SERVER))
            return
        try:
            if invocation.subcommand == "url" and not translate.is_url_like(invocation.text):
                raise CommandError(
                    messages.DISCORD_NOT_A_LINK.format(value=invocation.text[:200]),
                    messages.USAGE_URL,
                )
            command = parse_command(
                invocation.text,
                channel=invocation.channel,
                user_id=invocation.user_id,
                can_manage=invocation.can_manage,
            )
        except CommandError as exc:
            await self._answer(interaction, exc.reply())
            return
        assert self._handler is not None
        work = asyncio.ensure_future(self._handler.handle_command(command))
        deferred = False
        quick = self.defer_after > 0 and (await asyncio.wait({work}, timeout=self.defer_after))[0]
        if not quick:
            await interaction.response.defer(thinking=True)
            deferred = True
        try:
            reply = await work
        except Exception:
            logger.exception("/ruling %s failed", invocation.subcommand)
            reply = _error(messages.INTERNAL_ERROR)
        await self._answer(interaction, reply, deferred=deferred)

    async def _answer(
        self, interaction: discord.Interaction, reply: Reply, *, deferred: bool = False
    ) -> None:
        """Answer an interaction: the first page as the response, the rest as follow-ups; then a
        thread under every one-ruling message. Errors are visible to the asker only."""
        ephemeral = reply.ephemeral or reply.is_error
        reply = Reply(
            text=translate.discord_text(reply.text),
            cards=reply.cards,
            ephemeral=reply.ephemeral,
            evidence=reply.evidence,
            is_error=reply.is_error,
        )
        pages = render.render_reply(reply)
        sent: list[tuple[render.Page, int | None]] = []
        try:
            if deferred and ephemeral:
                # The deferred "thinking" message is public; an error must not be.
                with contextlib.suppress(discord.HTTPException):
                    await interaction.delete_original_response()
            for index, page in enumerate(pages):
                kwargs = _message_kwargs(page)
                if index == 0 and not deferred and not interaction.response.is_done():
                    response = await interaction.response.send_message(
                        ephemeral=ephemeral, **kwargs
                    )
                    sent.append((page, response.message_id))
                else:
                    msg = await interaction.followup.send(ephemeral=ephemeral, wait=True, **kwargs)
                    sent.append((page, msg.id))
        except _POST_ERRORS as exc:
            logger.warning("could not answer an interaction: %s", exc)
            return
        channel = interaction.channel
        if ephemeral or channel is None or isinstance(channel, discord.Thread):
            return
        for page, message_id in sent:
            if message_id is not None:
                # A follow-up's message carries no guild: the thread is made on the channel.
                await self._open_thread(channel, message_id, page, interaction.guild_id)

    async def _on_tree_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
            reply = _error(messages.DISCORD_UNKNOWN_COMMAND)
        else:
            logger.error("app command failed: %s", error, exc_info=error)
            reply = _error(messages.INTERNAL_ERROR)
        await self._answer(interaction, reply, deferred=interaction.response.is_done())

    # -- questions -----------------------------------------------------------------------------
    async def on_message(self, message: discord.Message) -> None:
        me = self.client.user
        if me is None or self._handler is None:
            return
        facts = translate.MessageFacts(
            content=message.content,
            author_id=str(message.author.id),
            author_is_bot=message.author.bot,
            mention_ids=tuple(str(u.id) for u in message.mentions),
            replied_author_id=_replied_author(message),
            webhook_id=str(message.webhook_id) if message.webhook_id else None,
        )
        text = translate.question_text(
            facts, bot_user_id=str(me.id), every_message=self.settings.message_content
        )
        if text is None:
            return
        thread = await self._our_thread(message.channel)
        if thread is None:
            return
        question = Question(text, thread, str(message.author.id), event_id=str(message.id))
        try:
            reply = await self._handler.handle_question(question)
        except Exception:
            logger.exception("answering a question in thread %s failed", thread.thread_id)
            reply = _error(messages.QUESTION_ERROR)
        if reply is None:
            return
        try:
            await self._post_in_thread(thread, reply, reference=message)
        except DeliveryError as exc:
            logger.warning("could not answer in thread %s: %s", thread.thread_id, exc)

    async def _our_thread(self, channel: Any) -> ThreadRef | None:
        """The thread a message was posted in, if this bot opened it (it owns the thread)."""
        me = self.client.user
        if not isinstance(channel, discord.Thread):
            if isinstance(channel, discord.abc.GuildChannel):
                return None  # a cached channel that is not a thread
            try:
                channel = await self.client.fetch_channel(channel.id)
            except _POST_ERRORS:
                return None
            if not isinstance(channel, discord.Thread):
                return None
        if me is None or channel.owner_id != me.id or channel.parent_id is None:
            return None
        return translate.thread_ref(channel.parent_id, channel.id, channel.guild.id)

    async def answer_modal(
        self, interaction: discord.Interaction, article_id: int, text: str
    ) -> None:
        """The "Ask a question" modal: answered to the asker alone, about the button's ruling."""
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert self._handler is not None
        message_id = interaction.message.id if interaction.message else interaction.id
        thread = translate.thread_ref(interaction.channel_id or 0, message_id, interaction.guild_id)
        channel = interaction.channel
        if isinstance(channel, discord.Thread) and channel.parent_id:
            thread = translate.thread_ref(channel.parent_id, channel.id, interaction.guild_id)
        question = Question(
            " ".join(text.split()),
            thread,
            str(interaction.user.id),
            event_id=str(interaction.id),
            article_id=article_id,
        )
        try:
            reply = await self._handler.handle_question(question)
        except Exception:
            logger.exception("answering a modal question failed")
            reply = _error(messages.QUESTION_ERROR)
        if reply is None:
            with contextlib.suppress(discord.HTTPException):
                await interaction.delete_original_response()
            return
        for page in render.render_reply(reply):
            try:
                await interaction.followup.send(ephemeral=True, **_message_kwargs(page))
            except _POST_ERRORS as exc:
                logger.warning("could not answer a modal question: %s", exc)
                return


def _error(text: str) -> Reply:
    return Reply(text=text, ephemeral=True, is_error=True)


def _replied_author(message: discord.Message) -> str | None:
    ref = message.reference
    resolved = ref.resolved if ref is not None else None
    if isinstance(resolved, discord.Message):
        return str(resolved.author.id)
    return None


def _message_kwargs(page: render.Page) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if page.content:
        kwargs["content"] = page.content
    if page.embeds:
        kwargs["embeds"] = [discord.Embed.from_dict(dict(e)) for e in page.embeds]
    buttons = [
        (render.ask_button_label(page, i), card.article_id)
        for i, card in enumerate(page.cards)
        if card.article_id is not None
    ]
    view = ask_view(buttons)
    if view is not None:
        kwargs["view"] = view
    kwargs["allowed_mentions"] = discord.AllowedMentions.none()
    return kwargs
