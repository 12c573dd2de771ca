"""One fan-out reads a shared window once: the digest source memoises rulings, flags, shingles."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event

import bot.digest.source as source_mod
from bot.digest import build_digest
from bot.digest.source import DigestSource
from bot.settings import Settings
from bot.store import Database
from tests.delivery.factories import T0, add_channel, add_ruling

NOW = T0 + timedelta(hours=6)


@contextmanager
def count_article_reads(db: Database) -> Iterator[list[str]]:
    """SELECTs that touch the articles table while the block runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "articles" in statement:
            seen.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", record)


def _summary(plan: Any) -> list[tuple[int | None, list[int | None]]]:
    return [(i.article.id, [a.id for a in i.also_reported_by]) for i in plan.digest.items]


async def test_channels_sharing_a_window_read_the_rulings_once_and_get_the_same_digest(
    any_db: Database,
) -> None:
    await add_ruling(any_db, "a", judge="Ann Alpha", plaintiffs=("Acme Widgets",))
    await add_ruling(any_db, "b", judge="Bea Beta", plaintiffs=("Bolt Works",))
    await add_ruling(any_db, "b2", judge="Bea Beta", plaintiffs=("Bolt Works",), outlet="Wire")
    since = T0 - timedelta(days=1)
    first = await add_channel(any_db, "C1", since=since)
    second = await add_channel(any_db, "C2", since=since)
    alone = await build_digest(any_db, Settings(), first, now=NOW)
    source = DigestSource(any_db)
    with count_article_reads(any_db) as reads:
        one = await build_digest(any_db, Settings(), first, now=NOW, source=source)
        reads_for_one = len(reads)
        two = await build_digest(any_db, Settings(), second, now=NOW, source=source)
    assert reads_for_one >= 1
    assert len(reads) == reads_for_one  # the second channel read nothing about articles
    assert _summary(one) == _summary(two) == _summary(alone)
    assert len(one.digest.items) == 2  # b and b2 merged: shared shingles still compare right


async def test_a_channel_with_a_later_cursor_reads_its_own_window(any_db: Database) -> None:
    early = await add_ruling(any_db, "early", fetched=T0 - timedelta(hours=3), judge="Cy Early")
    late = await add_ruling(any_db, "late", fetched=T0, judge="Di Late", plaintiffs=("Late Co",))
    since = T0 - timedelta(days=1)
    behind = await add_channel(any_db, "C1", since=since)
    ahead = await add_channel(any_db, "C2", since=since, last_digest_at=T0 - timedelta(hours=1))
    source = DigestSource(any_db)
    plan_behind = await build_digest(any_db, Settings(), behind, now=NOW, source=source)
    plan_ahead = await build_digest(any_db, Settings(), ahead, now=NOW, source=source)
    assert {i.article.id for i in plan_behind.digest.items} == {early.id, late.id}
    assert [i.article.id for i in plan_ahead.digest.items] == [late.id]
    assert plan_ahead.decision_for(early.id) is None


async def test_a_failed_read_is_retried_by_the_next_channel(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    ruling = await add_ruling(sqlite_db, "a", judge="Ann Alpha")
    calls: list[int] = []
    real = source_mod.rulings_between

    async def flaky(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("database went away")
        return await real(*args, **kwargs)

    monkeypatch.setattr(source_mod, "rulings_between", flaky)
    source = DigestSource(sqlite_db)
    with pytest.raises(OSError):
        await source.rulings(None, NOW)
    rows = await source.rulings(None, NOW)
    assert [a.id for a, _ in rows] == [ruling.id] and len(calls) == 2
