"""The migrations build exactly the schema the code declares, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from bot.store import Database
from bot.store.db import current_revision, upgrade
from bot.store.schema import metadata


async def test_migrations_produce_the_declared_schema(any_db: Database) -> None:
    def diff(connection):  # type: ignore[no-untyped-def]
        ctx = MigrationContext.configure(connection, opts={"compare_type": False})
        return compare_metadata(ctx, metadata)

    async with any_db.connect() as conn:
        differences = await conn.run_sync(diff)
    assert differences == []


async def test_upgrade_is_idempotent_and_reaches_head(any_db: Database) -> None:
    await upgrade(any_db.engine)
    assert await current_revision(any_db.engine) is not None
    async with any_db.connect() as conn:
        tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
    assert {"feeds", "articles", "facts", "channels", "deliveries", "digest_runs"} <= tables
