"""The ledger's plan: written with the run's window in one transaction, read back in one query."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from bot.delivery import claims, ledger
from bot.digest import Verdict, build_digest
from bot.settings import Settings
from bot.store import Database
from tests.delivery.factories import T0, add_channel, add_ruling

DAY = date(2026, 3, 2)
NOW = T0 + timedelta(hours=1)


async def _run_and_plan(db: Database, *, rulings: int = 2):
    for i in range(rulings):
        await add_ruling(db, f"r{i}", judge=f"Judge{i} Name{i}", plaintiffs=(f"P{i} Q{i}",))
    channel = await add_channel(db, "C1")
    claim = await claims.claim_run(db, channel.id, DAY, owner="A", now=NOW, lease_seconds=60)
    assert claim is not None
    plan = await build_digest(db, Settings(), channel, now=NOW)
    return channel, claim, plan


async def test_writing_a_plan_returns_its_messages_and_stores_the_window(any_db: Database) -> None:
    channel, claim, plan = await _run_and_plan(any_db)
    assert await ledger.load(any_db, claim.run_id) == (False, [])
    written = await ledger.write_plan(
        any_db,
        claim.run_id,
        channel.id,
        plan,
        header="Header",
        item_texts=["one", "two"],
        now=NOW,
        window=(plan.window_start, NOW),
    )
    assert [(e.kind, e.position, e.text, e.status) for e in written] == [
        ("header", 0, "Header", "pending"),
        ("item", 1, "one", "pending"),
        ("item", 2, "two", "pending"),
    ]
    assert written == await ledger.entries(any_db, claim.run_id)
    assert await ledger.load(any_db, claim.run_id) == (True, written)
    run = await claims.get_run(any_db, channel.id, DAY)
    assert run is not None and run.window_start == plan.window_start and run.window_end == NOW


async def test_a_second_plan_for_a_run_changes_nothing_and_returns_the_first(
    any_db: Database,
) -> None:
    channel, claim, plan = await _run_and_plan(any_db)
    kwargs = {"header": "Header", "item_texts": ["one", "two"], "now": NOW}
    first = await ledger.write_plan(any_db, claim.run_id, channel.id, plan, **kwargs)
    kwargs["item_texts"] = ["other", "texts"]
    again = await ledger.write_plan(any_db, claim.run_id, channel.id, plan, **kwargs)
    assert again == first


async def test_a_plan_of_decisions_only_counts_as_written(any_db: Database) -> None:
    channel, claim, plan = await _run_and_plan(any_db, rulings=3)
    capped = [replace(d, verdict=Verdict.CAPPED) for d in plan.decisions]
    quiet = replace(plan, digest=replace(plan.digest, items=[]), decisions=capped)
    written = await ledger.write_plan(
        any_db, claim.run_id, channel.id, quiet, header=None, item_texts=[], now=NOW
    )
    assert written == []
    assert await ledger.load(any_db, claim.run_id) == (True, [])
