"""When is a channel's digest due? DST in two timezones, catch-up, restarts — no sleeping."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import FakeClock
from bot.delivery import Deliverer, claims
from bot.metrics import Metrics
from bot.scheduler import Scheduler, digest_trigger, due_date, next_digest_at, scheduled_at
from bot.settings import Settings
from bot.store import Database
from bot.store.channels import update_channel
from tests.delivery.doubles import RecordingAdapter
from tests.delivery.factories import add_channel, add_ruling

GRACE = timedelta(hours=6)
NY, BERLIN = "America/New_York", "Europe/Berlin"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tz", "day", "wall", "expected"),
    [
        # Ordinary mornings on both sides of each change: the UTC instant moves by an hour.
        (NY, date(2026, 3, 7), "08:00", utc(2026, 3, 7, 13, 0)),
        (NY, date(2026, 3, 8), "08:00", utc(2026, 3, 8, 12, 0)),
        (NY, date(2026, 10, 31), "08:00", utc(2026, 10, 31, 12, 0)),
        (NY, date(2026, 11, 1), "08:00", utc(2026, 11, 1, 13, 0)),
        (BERLIN, date(2026, 3, 28), "08:00", utc(2026, 3, 28, 7, 0)),
        (BERLIN, date(2026, 3, 29), "08:00", utc(2026, 3, 29, 6, 0)),
        (BERLIN, date(2026, 10, 25), "08:00", utc(2026, 10, 25, 7, 0)),
        # A wall time skipped by spring-forward is sent an hour later on the new clock.
        (NY, date(2026, 3, 8), "02:30", utc(2026, 3, 8, 7, 30)),
        (BERLIN, date(2026, 3, 29), "02:30", utc(2026, 3, 29, 1, 30)),
        # A wall time that happens twice at fall-back means its first occurrence.
        (NY, date(2026, 11, 1), "01:30", utc(2026, 11, 1, 5, 30)),
        (BERLIN, date(2026, 10, 25), "02:30", utc(2026, 10, 25, 0, 30)),
    ],
)
def test_scheduled_instant_follows_the_channels_wall_clock_across_dst(
    tz: str, day: date, wall: str, expected: datetime
) -> None:
    assert scheduled_at(day, wall, tz) == expected


@pytest.mark.parametrize("tz", [NY, BERLIN])
@pytest.mark.parametrize("wall", ["08:00", "02:30", "01:30", "23:45", "00:00"])
@pytest.mark.parametrize(
    "start", [utc(2026, 3, 6), utc(2026, 3, 27), utc(2026, 10, 23), utc(2026, 10, 30)]
)
def test_every_local_date_gets_exactly_one_digest_through_a_dst_change(
    tz: str, wall: str, start: datetime
) -> None:
    """Step a clock in 5-minute ticks over four days around each change: one digest per date,
    never before its instant and at the first tick after it."""
    now, sent = start, []
    # The digest before the start has gone out already.
    last_run = start.astimezone(ZoneInfo(tz)).date()
    if scheduled_at(last_run, wall, tz) > start:
        last_run -= timedelta(days=1)
    while now < start + timedelta(days=4):
        day = due_date(wall, tz, now, last_run, GRACE)
        if day is not None:
            sent.append((day, now))
            last_run = day
        now += timedelta(minutes=5)
    days = [d for d, _ in sent]
    assert len(days) == len(set(days)) >= 3
    assert days == sorted(days)
    for day, when in sent:
        at = scheduled_at(day, wall, tz)
        assert at <= when < at + timedelta(minutes=5)


@pytest.mark.parametrize("tz", [NY, BERLIN])
def test_our_next_instant_agrees_with_apschedulers_cron_trigger(tz: str) -> None:
    trigger = digest_trigger("08:00", tz)
    now = utc(2026, 3, 6, 15)
    for _ in range(60):  # two months, across the spring change in both zones
        ours = next_digest_at("08:00", tz, now)
        theirs = trigger.get_next_fire_time(None, now + timedelta(microseconds=1))
        assert ours == theirs.astimezone(UTC)
        now = ours


def test_a_digest_missed_during_downtime_is_caught_up_within_the_grace_window() -> None:
    yesterday, today = date(2026, 3, 1), date(2026, 3, 2)
    # Down from 07:00 to 10:00 UTC across an 08:00 UTC digest.
    assert due_date("08:00", "UTC", utc(2026, 3, 2, 10), yesterday, GRACE) == today
    # Back only at 15:00: more than six hours late, so that day's digest is skipped.
    assert due_date("08:00", "UTC", utc(2026, 3, 2, 15), yesterday, GRACE) is None
    # A late-evening digest missed across midnight is still caught up the next morning.
    assert due_date("23:30", "UTC", utc(2026, 3, 2, 1), date(2026, 2, 28), GRACE) == yesterday


def test_a_restart_after_the_digest_went_out_does_not_send_it_again() -> None:
    today = date(2026, 3, 2)
    assert due_date("08:00", "UTC", utc(2026, 3, 2, 8, 1), None, GRACE) == today
    assert due_date("08:00", "UTC", utc(2026, 3, 2, 8, 1), today, GRACE) is None
    assert due_date("08:00", "UTC", utc(2026, 3, 2, 7, 59), date(2026, 3, 1), GRACE) is None
    assert due_date(None, "UTC", utc(2026, 3, 2, 9), None, GRACE) is None


def _scheduler(db: Database, clock: FakeClock, adapter: RecordingAdapter, owner: str) -> Scheduler:
    settings = Settings()
    deliverer = Deliverer(
        db, settings, {"slack": adapter}, clock=clock, owner=owner, metrics=Metrics()
    )
    return Scheduler(db, settings, deliverer, clock=clock)


async def test_start_up_sweep_catches_up_once_and_a_restart_sends_nothing(
    any_db: Database,
) -> None:
    await add_ruling(any_db, "r1", fetched=utc(2026, 3, 2, 6))
    ny = await add_channel(any_db, "NY", timezone=NY, digest_time="08:00", since=utc(2026, 3, 1))
    berlin = await add_channel(
        any_db, "BER", timezone=BERLIN, digest_time="09:00", since=utc(2026, 3, 1)
    )
    clock = FakeClock(utc(2026, 3, 2, 14))  # 09:00 New York; 15:00 Berlin: both missed
    adapter = RecordingAdapter()
    first = await _scheduler(any_db, clock, adapter, "instance-1").sweep()
    assert sorted((r.channel_pk, r.outcome) for r in first) == [
        (ny.id, "done"),
        (berlin.id, "done"),
    ]
    assert {r.local_date for r in first} == {date(2026, 3, 2)}
    # A restarted instance (new scheduler, same database) and later sweeps send nothing more.
    clock.advance(minutes=1)
    assert await _scheduler(any_db, clock, adapter, "instance-2").sweep() == []
    assert len(adapter.texts("NY")) == 2 and len(adapter.texts("BER")) == 2
    # The next day's tick in New York sends the next digest.
    clock.set(utc(2026, 3, 3, 13, 0, 5))
    results = await _scheduler(any_db, clock, adapter, "instance-2").tick(ny.id)
    assert [(r.local_date, r.outcome) for r in results] == [(date(2026, 3, 3), "empty")]
    assert (await claims.get_run(any_db, ny.id, date(2026, 3, 3))).status == "done"


async def test_schedule_changes_move_add_and_drop_cron_jobs(any_db: Database) -> None:
    a = await add_channel(any_db, "A", timezone=NY, digest_time="08:00")
    b = await add_channel(any_db, "B", timezone=BERLIN, digest_time=None)
    clock = FakeClock(utc(2026, 3, 2, 3))
    sched = _scheduler(any_db, clock, RecordingAdapter(), "x")
    sched._scheduler = AsyncIOScheduler(timezone=UTC)
    sched._scheduler.start(paused=True)  # real job store, but nothing fires during the test
    await sched.sweep()
    assert sched.digest_jobs() == {a.id: ("08:00", NY)}
    await update_channel(any_db, a.id, digest_time="07:15")
    await update_channel(any_db, b.id, digest_time="18:00")
    await sched.sweep()
    assert sched.digest_jobs() == {a.id: ("07:15", NY), b.id: ("18:00", BERLIN)}
    trigger = sched._scheduler.get_job(f"digest:{a.id}").trigger
    assert (
        str(trigger.timezone) == NY and "hour='7'" in str(trigger) and "minute='15'" in str(trigger)
    )
    await update_channel(any_db, a.id, digest_time=None)
    await sched.sweep()
    assert sched.digest_jobs() == {b.id: ("18:00", BERLIN)}
    assert sched._scheduler.get_job(f"digest:{a.id}") is None
    sched.shutdown()
