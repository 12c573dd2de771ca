"""Storage on SQLAlchemy 2 (async): SQLite by default, PostgreSQL for several instances.

Queries live in small modules by subject (`articles`, `channels`, `threads`, …) as plain async
functions that take a `Database`; this module only holds the connection and dialect helpers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.store import db


class Database:
    """An engine plus the few things that differ between SQLite and PostgreSQL."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    @classmethod
    async def open(cls, url: str, *, migrate: bool = True, **engine_kwargs: Any) -> Database:
        """Create the engine and bring the schema up to date (migrations are idempotent)."""
        engine = db.create_engine(url, **engine_kwargs)
        if migrate:
            await db.upgrade(engine)
        return cls(engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    def insert(self, table: Table) -> Any:
        """A dialect insert with `.on_conflict_do_nothing()` and `.on_conflict_do_update()`."""
        if self.is_postgres:
            return postgresql.insert(table)
        return sqlite.insert(table)

    @asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncConnection]:
        async with self.engine.begin() as conn:
            yield conn

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[AsyncConnection]:
        async with self.engine.connect() as conn:
            yield conn

    async def close(self) -> None:
        await self.engine.dispose()


__all__ = ["Database"]
