"""Multi-workspace installs on our own database: slack_sdk's async installation and state stores.

Each OAuth install is one row in `slack_installations` (the full installation as JSON, the
lookup keys as columns); the newest row per workspace wins. OAuth `state` values live in
`slack_oauth_states` until consumed once or expired, so any instance can finish a flow that
another one started.
"""

from __future__ import annotations

import logging
import secrets as pysecrets
from datetime import datetime, timedelta
from typing import Any

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from sqlalchemy import and_, delete, select, update

from bot.clock import Clock, SystemClock
from bot.store import Database
from bot.store.schema import slack_installations, slack_oauth_states

logger = logging.getLogger(__name__)

_TOKEN_KEYS = ("user_token", "user_refresh_token", "user_token_expires_at", "user_scopes")


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    """Installation.to_dict_for_copying() holds datetimes; JSON columns want plain values."""
    return {k: (v.timestamp() if isinstance(v, datetime) else v) for k, v in values.items()}


def _workspace(enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None):
    """The row filter: an org-wide install is keyed by its enterprise alone."""
    if is_enterprise_install and enterprise_id:
        return slack_installations.c.enterprise_id == enterprise_id
    conditions = [slack_installations.c.team_id == team_id] if team_id else []
    if enterprise_id:
        conditions.append(slack_installations.c.enterprise_id == enterprise_id)
    else:
        conditions.append(slack_installations.c.enterprise_id.is_(None))
    return and_(*conditions)


class DatabaseInstallationStore(AsyncInstallationStore):
    """Installations in `slack_installations` (bot tokens included: the database is trusted)."""

    def __init__(self, db: Database, *, clock: Clock | None = None) -> None:
        self.db = db
        self.clock = clock or SystemClock()

    @property
    def logger(self) -> logging.Logger:
        return logger

    async def async_save(self, installation: Installation) -> None:
        values = _jsonable(installation.to_dict_for_copying())
        async with self.db.begin() as conn:
            await conn.execute(
                slack_installations.insert().values(
                    enterprise_id=installation.enterprise_id,
                    team_id=installation.team_id,
                    user_id=installation.user_id,
                    bot_token=installation.bot_token,
                    bot_id=installation.bot_id,
                    bot_user_id=installation.bot_user_id,
                    data=values,
                    installed_at=self.clock.now(),
                )
            )
        logger.info(
            "Slack app installed in workspace %s",
            installation.team_id or installation.enterprise_id,
        )

    async def async_save_bot(self, bot: Bot) -> None:
        # Bots are saved as part of their installation (async_save); nothing separate to keep.
        return None

    async def _latest(self, where: Any) -> dict[str, Any] | None:
        query = (
            select(slack_installations.c.data)
            .where(where)
            .order_by(slack_installations.c.installed_at.desc(), slack_installations.c.id.desc())
            .limit(1)
        )
        async with self.db.connect() as conn:
            row = (await conn.execute(query)).first()
        return dict(row.data) if row else None

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        where = _workspace(enterprise_id, team_id, is_enterprise_install)
        if user_id:
            where = and_(where, slack_installations.c.user_id == user_id)
        data = await self._latest(where)
        if data is None:
            return None
        custom = data.pop("custom_values", None) or {}
        return Installation(**data, custom_values=custom)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        installation = await self.async_find_installation(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=is_enterprise_install,
        )
        if installation is None or not installation.bot_token:
            return None
        return installation.to_bot()

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """The bot token is gone (uninstalled or revoked): the workspace's rows are useless."""
        async with self.db.begin() as conn:
            await conn.execute(
                delete(slack_installations).where(_workspace(enterprise_id, team_id, False))
            )
        logger.info("Slack installation removed for workspace %s", team_id or enterprise_id)

    async def async_delete_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
    ) -> None:
        """Without `user_id`: forget the workspace. With it: drop only that user's token."""
        where = _workspace(enterprise_id, team_id, False)
        if user_id is None:
            async with self.db.begin() as conn:
                await conn.execute(delete(slack_installations).where(where))
            return
        where = and_(where, slack_installations.c.user_id == user_id)
        async with self.db.begin() as conn:
            rows = (
                await conn.execute(
                    select(slack_installations.c.id, slack_installations.c.data).where(where)
                )
            ).all()
            for row in rows:
                data = {**dict(row.data), **dict.fromkeys(_TOKEN_KEYS)}
                await conn.execute(
                    update(slack_installations)
                    .where(slack_installations.c.id == row.id)
                    .values(data=data)
                )


class DatabaseOAuthStateStore(AsyncOAuthStateStore):
    """One-time OAuth `state` values, valid for `expiration_seconds`."""

    def __init__(
        self, db: Database, *, expiration_seconds: int = 600, clock: Clock | None = None
    ) -> None:
        self.db = db
        self.expiration_seconds = expiration_seconds
        self.clock = clock or SystemClock()

    @property
    def logger(self) -> logging.Logger:
        return logger

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = pysecrets.token_urlsafe(32)
        now = self.clock.now()
        async with self.db.begin() as conn:
            await conn.execute(
                delete(slack_oauth_states).where(slack_oauth_states.c.expires_at < now)
            )
            await conn.execute(
                slack_oauth_states.insert().values(
                    state=state, expires_at=now + timedelta(seconds=self.expiration_seconds)
                )
            )
        return state

    async def async_consume(self, state: str) -> bool:
        """True once for a state we issued that has not expired; False otherwise."""
        async with self.db.begin() as conn:
            result = await conn.execute(
                delete(slack_oauth_states).where(
                    slack_oauth_states.c.state == state,
                    slack_oauth_states.c.expires_at > self.clock.now(),
                )
            )
        return bool(result.rowcount)
