"""Delivery: one run per (channel, local date), the ledger, resume without re-posting, retries."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update

from bot.clock import FakeClock
from bot.delivery import Deliverer, claims, ledger
from bot.delivery.errors import recent_errors
from bot.metrics import Metrics
from bot.models import ThreadRef
from bot.ports import DeliveryError
from bot.settings import Settings
from bot.store import Database
from bot.store.channels import get_channel_by_pk
from bot.store.schema import deliveries
from bot.store.threads import thread_article
from tests.delivery.doubles import ReconcilingAdapter, RecordingAdapter
from tests.delivery.factories import T0, add_channel, add_ruling

DAY = date(2026, 3, 2)


async def _three_rulings(db: Database) -> list[int]:
    out = []
    for i in range(3):
        a = await add_ruling(db, f"r{i}", judge=f"Judge{i} Name{i}", plaintiffs=(f"Party{i} X{i}",))
        out.append(a.id)
    return out


def _deliverer(db: Database, adapter: RecordingAdapter, clock: FakeClock, **kw) -> Deliverer:
    settings = Settings(**kw) if kw else Settings()
    return Deliverer(
        db,
        settings,
        {"slack": adapter},
        clock=clock,
        owner=kw.get("owner_", "A"),
        metrics=Metrics(),
    )


async def test_a_digest_is_posted_header_first_recorded_and_the_cursor_advances(
    any_db: Database,
) -> None:
    ids = await _three_rulings(any_db)
    channel = await add_channel(any_db, "C1")
    clock = FakeClock(T0 + timedelta(hours=1))
    adapter = RecordingAdapter()
    result = await _deliverer(any_db, adapter, clock).deliver(channel, DAY)
    assert result.outcome == "done" and result.posted == 4
    texts = adapter.texts("C1")
    assert texts[0].startswith("Court rulings for Monday, 2 March 2026: 3 new")
    assert all(r.cards for r in adapter.posted["C1"][1:])
    rows = await ledger.entries(
        any_db, result_run_id := (await claims.get_run(any_db, channel.id, DAY)).id
    )
    assert [e.status for e in rows] == ["posted"] * 4
    assert all(e.message_id for e in rows)
    assert {e.article_id for e in rows if e.kind == "item"} == set(ids)
    # The thread under each card leads back to its article.
    item = next(e for e in rows if e.kind == "item")
    mapped = await thread_article(any_db, ThreadRef("slack", "C1", item.thread_id))
    assert mapped is not None and mapped[1] == item.article_id
    run = await claims.get_run(any_db, channel.id, DAY)
    assert run.status == "done" and run.id == result_run_id
    assert (await get_channel_by_pk(any_db, channel.id)).last_digest_at == clock.now()


async def test_the_same_local_date_is_never_delivered_twice(any_db: Database) -> None:
    await _three_rulings(any_db)
    channel = await add_channel(any_db, "C1")
    clock = FakeClock(T0 + timedelta(hours=1))
    adapter = RecordingAdapter()
    first = _deliverer(any_db, adapter, clock)
    second = _deliverer(any_db, adapter, clock)
    assert (await first.deliver(channel, DAY)).outcome == "done"
    await add_ruling(any_db, "late", fetched=T0 + timedelta(hours=2), judge="Late Judge")
    clock.advance(hours=3)
    assert (await second.deliver(channel, DAY)).outcome == "skipped"
    assert len(adapter.texts("C1")) == 4


async def test_a_run_that_failed_mid_fan_out_resumes_without_reposting(any_db: Database) -> None:
    await _three_rulings(any_db)
    channel = await add_channel(any_db, "C1")
    clock = FakeClock(T0 + timedelta(hours=1))
    adapter = RecordingAdapter(fail_on={3: DeliveryError("Slack chat.postMessage failed: 500")})
    deliverer = _deliverer(any_db, adapter, clock)
    failed = await deliverer.deliver(channel, DAY)
    assert failed.outcome == "failed" and failed.posted == 2
    run = await claims.get_run(any_db, channel.id, DAY)
    assert run.status == "failed" and run.next_attempt_at == clock.now() + timedelta(seconds=60)
    assert "500" in run.error
    assert "attempt 1 failed" in (await recent_errors(any_db))[0].message
    # Not before the retry time…
    assert (await deliverer.deliver(channel, DAY)).outcome == "skipped"
    clock.advance(seconds=61)
    # …then the rest, and only the rest.
    resumed = await deliverer.deliver(channel, DAY)
    assert resumed.outcome == "done" and resumed.posted == 2
    texts = adapter.texts("C1")
    assert len(texts) == 4 and len(set(texts)) == 4
    assert (await claims.get_run(any_db, channel.id, DAY)).attempts == 2


async def test_backoff_doubles_and_a_permanent_error_gives_up(any_db: Database) -> None:
    await _three_rulings(any_db)
    channel = await add_channel(any_db, "C1")
    clock = FakeClock(T0 + timedelta(hours=1))
    adapter = RecordingAdapter(fail_channels={"C1"})
    deliverer = _deliverer(any_db, adapter, clock)
    delays = []
    for _ in range(3):
        await deliverer.deliver(channel, DAY)
        run = await claims.get_run(any_db, channel.id, DAY)
        delays.append((run.next_attempt_at - clock.now()).total_seconds())
        clock.set(run.next_attempt_at)
    assert delays == [60, 120, 240]
    adapter.fail_channels.clear()
    adapter.fail_on = {adapter.sends + 1: DeliveryError("channel_not_found", retryable=False)}
    await deliverer.deliver(channel, DAY)
    run = await claims.get_run(any_db, channel.id, DAY)
    assert run.status == "failed" and run.next_attempt_at is None
    clock.advance(days=1)
    assert (await deliverer.deliver(channel, DAY)).outcome == "skipped"


async def test_an_expired_lease_lets_another_instance_take_over(any_db: Database) -> None:
    channel = await add_channel(any_db, "C1")
    now = T0
    mine = await claims.claim_run(any_db, channel.id, DAY, owner="A", now=now, lease_seconds=60)
    assert mine is not None
    assert (
        await claims.claim_run(any_db, channel.id, DAY, owner="B", now=now, lease_seconds=60)
        is None
    )
    later = now + timedelta(seconds=61)
    theirs = await claims.claim_run(any_db, channel.id, DAY, owner="B", now=later, lease_seconds=60)
    assert theirs is not None and theirs.run_id == mine.run_id and theirs.attempts == 2
    # The old owner notices it lost the run and stops.
    assert await claims.renew_lease(any_db, mine, now=later, lease_seconds=60) is None


async def test_an_in_doubt_message_is_looked_up_before_it_is_posted_again(
    any_db: Database,
) -> None:
    await _three_rulings(any_db)
    channel = await add_channel(any_db, "C1")
    clock = FakeClock(T0 + timedelta(hours=1))
    adapter = ReconcilingAdapter()
    deliverer = _deliverer(any_db, adapter, clock)
    assert (await deliverer.deliver(channel, DAY)).outcome == "done"
    run = await claims.get_run(any_db, channel.id, DAY)
    # Simulate a crash right after the platform accepted item 2: the ledger still says sending.
    async with any_db.begin() as conn:
        await conn.execute(
            update(deliveries)
            .where(deliveries.c.run_id == run.id, deliveries.c.position >= 2)
            .values(status="sending", message_id=None)
        )
        await conn.execute(
            claims.digest_runs.update()
            .where(claims.digest_runs.c.id == run.id)
            .values(status="running", lease_until=clock.now())
        )
    adapter.posted["C1"].pop()  # item 3 never reached the platform
    clock.advance(seconds=1)
    resumed = await deliverer.deliver(channel, DAY)
    assert resumed.outcome == "done" and resumed.posted == 1
    texts = adapter.texts("C1")
    assert len(texts) == 4 and len(set(texts)) == 4
    async with any_db.connect() as conn:
        statuses = (
            (await conn.execute(select(deliveries.c.status).where(deliveries.c.run_id == run.id)))
            .scalars()
            .all()
        )
    assert set(statuses) == {"posted"}


async def test_an_empty_day_is_announced_or_skipped_per_channel(any_db: Database) -> None:
    quiet = await add_channel(any_db, "QUIET")
    loud = await add_channel(any_db, "LOUD", announce_empty=True)
    clock = FakeClock(T0)
    adapter = RecordingAdapter()
    deliverer = _deliverer(any_db, adapter, clock)
    results = await deliverer.deliver_many([(quiet, DAY), (loud, DAY)])
    assert [r.outcome for r in results] == ["empty", "empty"]
    assert adapter.texts("QUIET") == []
    assert adapter.texts("LOUD") == ["No new rulings today (Monday, 2 March 2026)."]
    for ch in (quiet, loud):
        assert (await claims.get_run(any_db, ch.id, DAY)).status == "done"


async def test_one_failing_channel_does_not_hold_back_the_others(any_db: Database) -> None:
    await _three_rulings(any_db)
    chans = [await add_channel(any_db, f"C{i}") for i in range(6)]
    clock = FakeClock(T0 + timedelta(hours=1))
    adapter = RecordingAdapter(fail_channels={"C3"})
    results = await _deliverer(any_db, adapter, clock).deliver_many([(c, DAY) for c in chans])
    assert [r.outcome for r in results] == ["done"] * 3 + ["failed"] + ["done"] * 2
    assert all(len(adapter.texts(f"C{i}")) == 4 for i in (0, 1, 2, 4, 5))


async def test_a_channel_whose_platform_has_no_adapter_is_not_claimed(any_db: Database) -> None:
    channel = await add_channel(any_db, "D1", platform="discord")
    deliverer = _deliverer(any_db, RecordingAdapter(), FakeClock(T0))
    assert (await deliverer.deliver(channel, DAY)).outcome == "no_adapter"
    assert await claims.get_run(any_db, channel.id, DAY) is None
