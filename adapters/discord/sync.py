"""Register the app commands only when they changed: Discord rate-limits registrations per day.

The JSON of the command tree is hashed and the hash kept in the `meta` table per application
and scope (global or one development guild); a start with the same tree skips the sync.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime
from typing import Any

from sqlalchemy import select

from bot.store import Database
from bot.store.schema import meta

logger = logging.getLogger(__name__)


def tree_hash(commands: list[dict[str, Any]]) -> str:
    """A stable hash of the commands' registration JSON (order of keys and commands ignored)."""
    ordered = sorted(commands, key=lambda c: str(c.get("name")))
    blob = json.dumps(ordered, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def meta_key(application_id: int, guild_id: int | None) -> str:
    scope = f"guild:{guild_id}" if guild_id else "global"
    return f"discord.commands:{application_id}:{scope}"


async def stored_hash(db: Database, key: str) -> str | None:
    async with db.connect() as conn:
        return (await conn.execute(select(meta.c.value).where(meta.c.key == key))).scalar()


async def store_hash(db: Database, key: str, value: str, *, now: datetime) -> None:
    stmt = db.insert(meta).values(key=key, value=value, updated_at=now)
    stmt = stmt.on_conflict_do_update(
        index_elements=[meta.c.key], set_={"value": value, "updated_at": now}
    )
    async with db.begin() as conn:
        await conn.execute(stmt)
