"""Shared fixtures: databases (SQLite always, PostgreSQL when reachable) and fixture paths."""

from __future__ import annotations

import asyncio
import os
import threading
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.store import Database
from bot.store.db import create_engine

FIXTURES = Path(__file__).parent / "fixtures"
DEV_ARTICLES = FIXTURES / "dev_articles"

PG_URL = os.environ.get(
    "RULINGBOT_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
REQUIRE_PG = os.environ.get("RULINGBOT_REQUIRE_POSTGRES") == "1"


def _pg_reachable() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    import asyncpg

    async def probe() -> None:
        dsn = PG_URL.replace("postgresql+asyncpg://", "postgresql://")
        conn = await asyncpg.connect(dsn, timeout=3)
        await conn.close()

    errors: list[BaseException] = []

    def run() -> None:  # a thread of its own: the caller may be inside an event loop
        try:
            asyncio.run(probe())
        except Exception as exc:  # any failure to connect is a reason to skip
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        return f"PostgreSQL not reachable at {PG_URL}: {errors[0]}"
    return None


_PG_REASON: str | bool | None = False


def pg_skip_reason() -> str | None:
    global _PG_REASON
    if _PG_REASON is False:
        _PG_REASON = _pg_reachable()
    return _PG_REASON  # type: ignore[return-value]


def require_pg() -> None:
    """Skip (or, in CI, fail) when PostgreSQL is missing."""
    reason = pg_skip_reason()
    if reason:
        if REQUIRE_PG:
            pytest.fail(f"RULINGBOT_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)


async def open_pg_database() -> tuple[Database, str]:
    """A Database on a fresh PostgreSQL schema; returns it with the schema name to drop."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = Database(create_engine(PG_URL))

    async with admin.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    await admin.close()
    database = await Database.open(
        PG_URL, connect_args={"server_settings": {"search_path": schema}}
    )
    return database, schema


async def drop_pg_schema(schema: str) -> None:
    engine = create_engine(PG_URL)
    async with engine.begin() as conn:
        await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    await engine.dispose()


@pytest.fixture
async def sqlite_db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(f"sqlite+aiosqlite:///{tmp_path / 'test.db'}")
    yield database
    await database.close()


@pytest.fixture
async def pg_db() -> AsyncIterator[Database]:
    require_pg()
    database, schema = await open_pg_database()
    yield database
    await database.close()
    await drop_pg_schema(schema)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """The same test on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        database = await Database.open(f"sqlite+aiosqlite:///{tmp_path / 'test.db'}")
        yield database
        await database.close()
    else:
        require_pg()
        database, schema = await open_pg_database()
        yield database
        await database.close()
        await drop_pg_schema(schema)
