"""The Slack adapter's wiring: a bolt AsyncApp on Socket Mode or HTTP, and the outbound half.

Inbound, every request is acknowledged at once (Slack allows 3 s) and the slow work — the
core's answer — runs in a background task that answers through `response_url` or in the
thread. Outbound, `send` / `reply_in_thread` render a `Reply` and post it, paced per channel.
A Reply with one ruling card opens a thread that belongs to that card's article alone.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from datetime import datetime
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings

from adapters.slack import errors
from adapters.slack.blocks import SlackMessage, render
from adapters.slack.inbound import PLATFORM, question_from_event, slash_invocation
from adapters.slack.installations import DatabaseInstallationStore, DatabaseOAuthStateStore
from adapters.slack.metadata import delivery_metadata, find_delivery
from adapters.slack.outbound import ChannelPacer, SlackPoster, web_client
from bot import messages
from bot.clock import Clock, SystemClock
from bot.commands import CommandError, parse_command
from bot.models import ChannelRef, Command, Question, Reply, SentMessage, ThreadRef
from bot.ports import DeliveryError, InboundHandler
from bot.settings import ConfigError, ConfigProblem, Secrets, Settings, SlackSettings
from bot.store import Database

logger = logging.getLogger(__name__)

# What the app asks for when installed through OAuth; config/slack-manifest.yml lists the same.
BOT_SCOPES = (
    "commands",
    "chat:write",
    "chat:write.public",
    "channels:history",
    "groups:history",
)
MAX_RESPONSE_URL_POSTS = 5  # Slack accepts five posts per response_url
# Answers written at the same time; more wait their turn so that acks (which must arrive
# within 3 s) never queue behind a burst of searches on the same event loop.
MAX_CONCURRENT_ANSWERS = 8
# Messages read back when looking for an in-doubt digest message: the run's own posts since it
# began plus other traffic. One page only, since history reads are rate-limited hard.
FIND_SENT_LIMIT = 100


def _secret(value: Any) -> str | None:
    return value.get_secret_value() if value is not None else None


def _authorization_url(api_url: str | None) -> str | None:
    """GovSlack and other hosts serve OAuth beside their Web API (…/api/ → …/oauth/v2/authorize)."""
    if not api_url or "/api/" not in api_url:
        return None
    return api_url.rsplit("/api/", 1)[0] + "/oauth/v2/authorize"


class SlackAdapter:
    """`bot.ports.ChatAdapter` for Slack. Build it with `adapters.slack.build`."""

    platform = PLATFORM

    def __init__(
        self,
        settings: SlackSettings,
        secrets: Secrets,
        db: Database,
        *,
        clock: Clock | None = None,
        pacer_clock: Clock | None = None,
    ) -> None:
        self.settings = settings
        self.db = db
        self.clock = clock or SystemClock()
        self._bot_token = _secret(secrets.slack_bot_token)
        self._app_token = _secret(secrets.slack_app_token)
        self._signing_secret = _secret(secrets.slack_signing_secret)
        self._client_id = secrets.slack_client_id
        self._client_secret = _secret(secrets.slack_client_secret)
        # Several workspaces install through OAuth; that needs HTTP mode and the client pair.
        self.multi_workspace = bool(
            not settings.socket_mode and self._client_id and self._client_secret
        )
        self.client = web_client(
            api_url=settings.api_url,
            token=None if self.multi_workspace else self._bot_token,
            timeout=settings.timeout_seconds,
            max_retry_after=settings.max_retry_after_seconds,
        )
        self.poster = SlackPoster(
            self.client,
            ChannelPacer(settings.pace_seconds, clock=pacer_clock),
            timeout=settings.timeout_seconds,
        )
        self.installations: DatabaseInstallationStore | None = (
            DatabaseInstallationStore(db, clock=self.clock) if self.multi_workspace else None
        )
        self._auth: AuthorizeResult | None = None
        self._handler: InboundHandler | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._answer_slots = asyncio.Semaphore(MAX_CONCURRENT_ANSWERS)
        self._socket: Any = None
        self.app = self._build_app()

    # -- bolt app ------------------------------------------------------------------------------
    def _build_app(self) -> AsyncApp:
        kwargs: dict[str, Any] = {
            "name": "rulingbot",
            # bolt gets its own token-less client: tokens come from authorize per request.
            "client": web_client(
                api_url=self.settings.api_url,
                token=None,
                timeout=self.settings.timeout_seconds,
                max_retry_after=self.settings.max_retry_after_seconds,
            ),
            "signing_secret": self._signing_secret or "",
            "logger": logging.getLogger("slack_bolt"),
            # Our listeners only translate, ack and hand the slow work to a task of their own,
            # so bolt can answer as soon as they return instead of polling for the ack.
            "process_before_response": True,
        }
        if self.multi_workspace:
            kwargs["oauth_settings"] = AsyncOAuthSettings(
                client_id=self._client_id,
                client_secret=self._client_secret,
                scopes=list(BOT_SCOPES),
                installation_store=self.installations,
                installation_store_bot_only=True,
                state_store=DatabaseOAuthStateStore(self.db, clock=self.clock),
                authorization_url=_authorization_url(self.settings.api_url),
            )
            kwargs["installation_store_bot_only"] = True
        else:
            # An explicit authorize keeps one-workspace mode on its bot token even when OAuth
            # variables happen to be in the environment (bolt would switch to a file store).

            async def authorize(enterprise_id: str | None, team_id: str | None) -> AuthorizeResult:
                return await self._authorize_single()

            kwargs["authorize"] = authorize
        app = AsyncApp(**kwargs)
        app.command(self.settings.command)(self._on_command)
        app.event("message")(self._on_message)
        if self.multi_workspace:
            app.enable_token_revocation_listeners()
        return app

    async def _authorize_single(self) -> AuthorizeResult:
        """One workspace: auth.test once on the bot token, then the cached answer."""
        if self._auth is None:
            response = await self.client.auth_test()
            self._auth = AuthorizeResult.from_auth_test_response(
                auth_test_response=response, bot_token=self._bot_token
            )
        return self._auth

    # -- ChatAdapter ---------------------------------------------------------------------------
    async def start(self, handler: InboundHandler) -> None:
        """Start listening. Socket Mode connects now; HTTP mode waits for `web_routes()` traffic.

        Raises ConfigError when the mode's credentials are missing.
        """
        self._handler = handler
        if self.settings.socket_mode:
            if not self._app_token:
                raise ConfigError(
                    [ConfigProblem("SLACK_APP_TOKEN", errors.SOCKET_MODE_NEEDS_APP_TOKEN)]
                )
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            self._socket = AsyncSocketModeHandler(self.app, self._app_token)
            await self._socket.connect_async()
            logger.info("Slack connected (Socket Mode)")
        elif not self._signing_secret:
            raise ConfigError(
                [ConfigProblem("SLACK_SIGNING_SECRET", errors.HTTP_MODE_NEEDS_SIGNING_SECRET)]
            )
        else:
            logger.info("Slack listening on %s (HTTP mode)", self.settings.http_path)

    async def stop(self) -> None:
        """Disconnect and let answers already being written finish (briefly)."""
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
        await self.drain(timeout=5.0)
        await self.poster.close()
        self._handler = None

    async def drain(self, timeout: float | None = None) -> None:
        """Wait for background answers in flight; cancel what is left after `timeout`."""
        while self._tasks:
            pending = set(self._tasks)
            _done, still = await asyncio.wait(pending, timeout=timeout)
            if still:
                for task in still:
                    task.cancel()
                await asyncio.gather(*still, return_exceptions=True)
                return

    async def send(self, channel: ChannelRef, reply: Reply) -> SentMessage:
        """Post `reply` to a channel (paged if long); raises DeliveryError.

        The returned message id is the first page's ts; a reply with exactly one card opens a
        thread (the message ts) that the caller records against that card's article.
        """
        token = await self._token_for(channel.workspace_id)
        first_ts: str | None = None
        for message in render(reply):
            # The first page carries the ledger key (when there is one) for `find_sent`.
            metadata = None
            if first_ts is None and reply.delivery_key:
                metadata = delivery_metadata(reply.delivery_key)
            ts = await self.poster.post(channel.channel_id, message, token=token, metadata=metadata)
            first_ts = first_ts or ts
        assert first_ts is not None  # render() always yields at least one message
        return self._sent(channel, reply, first_ts)

    async def find_sent(
        self, channel: ChannelRef, reply: Reply, since: datetime
    ) -> SentMessage | None:
        """The message `send` posted for `reply` after `since`, recognised by its delivery
        metadata; None when it is not there, the reply has no key, or Slack cannot be asked
        (then the caller posts again: a rare duplicate beats a lost message). Never raises."""
        if not reply.delivery_key:
            return None
        try:
            token = await self._token_for(channel.workspace_id)
            messages = await self.poster.history(
                channel.channel_id,
                oldest=since.timestamp(),
                limit=FIND_SENT_LIMIT,
                token=token,
            )
        except DeliveryError as exc:
            logger.warning(
                "cannot check %s for message %s: %s", channel.channel_id, reply.delivery_key, exc
            )
            return None
        ts = find_delivery(messages, reply.delivery_key)
        return self._sent(channel, reply, ts) if ts else None

    @staticmethod
    def _sent(channel: ChannelRef, reply: Reply, ts: str) -> SentMessage:
        thread = None
        if len(reply.cards) == 1:
            thread = ThreadRef(PLATFORM, channel.channel_id, ts, channel.workspace_id)
        return SentMessage(message_id=ts, thread=thread)

    async def reply_in_thread(self, thread: ThreadRef, reply: Reply) -> SentMessage:
        """Post `reply` under the thread's parent message; raises DeliveryError."""
        token = await self._token_for(thread.workspace_id)
        first_ts: str | None = None
        for message in render(reply):
            ts = await self.poster.post(
                thread.channel_id, message, token=token, thread_ts=thread.thread_id
            )
            first_ts = first_ts or ts
        assert first_ts is not None
        return SentMessage(message_id=first_ts, thread=thread)

    async def _token_for(self, workspace_id: str | None) -> str | None:
        if not self.multi_workspace:
            return None  # the client carries the single bot token
        assert self.installations is not None
        bot = await self.installations.async_find_bot(enterprise_id=None, team_id=workspace_id)
        if bot is None:
            raise DeliveryError(
                f"no Slack installation for workspace {workspace_id}", retryable=False
            )
        return bot.bot_token

    # -- HTTP mode -----------------------------------------------------------------------------
    def web_routes(self) -> list[web.RouteDef]:
        """Routes to mount on the service's aiohttp server (HTTP mode).

        One POST endpoint takes events, slash commands and interactivity; with OAuth set up,
        `/slack/install` and `/slack/oauth_redirect` run bolt's install flow.
        """
        routes = [web.post(self.settings.http_path, self._http_dispatch)]
        flow = self.app.oauth_flow
        if flow is not None:
            routes.append(web.get(flow.install_path, self._http_install))
            routes.append(web.get(flow.redirect_uri_path, self._http_oauth_redirect))
        return routes

    async def _http_dispatch(self, request: web.Request) -> web.Response:
        bolt_request = await to_bolt_request(request)
        return await to_aiohttp_response(await self.app.async_dispatch(bolt_request))

    async def _http_install(self, request: web.Request) -> web.Response:
        flow = self.app.oauth_flow
        assert flow is not None
        return await to_aiohttp_response(
            await flow.handle_installation(await to_bolt_request(request))
        )

    async def _http_oauth_redirect(self, request: web.Request) -> web.Response:
        flow = self.app.oauth_flow
        assert flow is not None
        return await to_aiohttp_response(await flow.handle_callback(await to_bolt_request(request)))

    # -- inbound -------------------------------------------------------------------------------
    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(self._bounded(coro))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _bounded(self, coro: Coroutine[Any, Any, None]) -> None:
        async with self._answer_slots:
            await coro

    async def _on_command(self, ack: Any, command: dict[str, Any]) -> None:
        """Acknowledge first; a bad command is answered in the ack itself (ephemeral)."""
        invocation = slash_invocation(command)
        if self._handler is None:
            await ack(response_type="ephemeral", text=messages.SLACK_NOT_READY)
            return
        try:
            parsed = parse_command(
                invocation.text,
                channel=invocation.channel,
                user_id=invocation.user_id,
                can_manage=invocation.can_manage,
            )
        except CommandError as exc:
            await ack(response_type="ephemeral", text=exc.reply().text)
            return
        self._spawn(self._answer_command(parsed, invocation.response_url))
        await ack()

    async def _answer_command(self, command: Command, response_url: str | None) -> None:
        assert self._handler is not None
        try:
            reply = await self._handler.handle_command(command)
        except Exception:
            logger.exception("/ruling %s failed", command.kind)
            reply = Reply(text=messages.INTERNAL_ERROR, ephemeral=True, is_error=True)
        try:
            await self._respond(command.channel, reply, response_url)
        except DeliveryError as exc:
            logger.warning("could not answer /ruling in %s: %s", command.channel.channel_id, exc)

    async def _respond(self, channel: ChannelRef, reply: Reply, response_url: str | None) -> None:
        pages = render(reply)
        if response_url is None:
            await self.send(channel, reply)
            return
        if len(pages) > MAX_RESPONSE_URL_POSTS:
            last = pages[MAX_RESPONSE_URL_POSTS - 1]
            note = {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": messages.SLACK_MORE_RESULTS}],
            }
            pages = [
                *pages[: MAX_RESPONSE_URL_POSTS - 1],
                SlackMessage(last.text, (*last.blocks[:-1], note)),
            ]
        for page in pages:
            await self.poster.respond(response_url, page, ephemeral=reply.ephemeral)

    async def _on_message(
        self, body: dict[str, Any], event: dict[str, Any], context: AsyncBoltContext
    ) -> None:
        """A thread reply → the core's answer in the same thread (events are acked by bolt)."""
        question = question_from_event(
            event,
            team_id=body.get("team_id"),
            event_id=body.get("event_id"),
            bot_user_id=context.bot_user_id,
        )
        if question is None or self._handler is None:
            return
        self._spawn(self._answer_question(question))

    async def _answer_question(self, question: Question) -> None:
        assert self._handler is not None
        try:
            reply = await self._handler.handle_question(question)
            if reply is not None:
                await self.reply_in_thread(question.thread, reply)
        except DeliveryError as exc:
            logger.warning("could not answer in thread %s: %s", question.thread.thread_id, exc)
        except Exception:
            logger.exception("follow-up question in thread %s failed", question.thread.thread_id)


def build(
    settings: Settings, secrets: Secrets, db: Database, *, clock: Clock | None = None
) -> SlackAdapter | None:
    """The Slack adapter, or None when neither a bot token nor OAuth credentials are set."""
    has_token = secrets.slack_bot_token is not None
    has_oauth = bool(secrets.slack_client_id and secrets.slack_client_secret)
    if not has_token and not (has_oauth and not settings.slack.socket_mode):
        return None
    return SlackAdapter(settings.slack, secrets, db, clock=clock)
