"""A fan-out batch: one window end for every channel, the rulings read once, cards from memory."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.clock import FakeClock
from bot.delivery import Deliverer, claims
from bot.metrics import Metrics
from bot.models import ChannelRef, Reply, SentMessage
from bot.settings import Settings
from bot.store import Database
from tests.delivery.doubles import RecordingAdapter
from tests.delivery.factories import T0, add_channel, add_ruling
from tests.delivery.test_digest_source import count_article_reads

DAY = date(2026, 3, 2)


@dataclass
class SlowAdapter(RecordingAdapter):
    """Each post takes a second of the injected clock, as a paced platform does."""

    clock: FakeClock | None = None

    async def send(self, channel: ChannelRef, reply: Reply) -> SentMessage:
        assert self.clock is not None
        self.clock.advance(1)
        return await super().send(channel, reply)


def _deliverer(db: Database, adapter: RecordingAdapter, clock: FakeClock) -> Deliverer:
    settings = Settings(digest={"concurrency": 2})
    return Deliverer(db, settings, {"slack": adapter}, clock=clock, owner="A", metrics=Metrics())


async def test_every_channel_of_a_batch_reads_up_to_the_same_moment(any_db: Database) -> None:
    await add_ruling(any_db, "r0", judge="Ann Alpha")
    chans = [await add_channel(any_db, f"C{i}") for i in range(4)]
    clock = FakeClock(T0 + timedelta(hours=1))
    started = clock.now()
    adapter = SlowAdapter(clock=clock)
    results = await _deliverer(any_db, adapter, clock).deliver_many([(c, DAY) for c in chans])
    assert [r.outcome for r in results] == ["done"] * 4
    assert clock.now() > started  # posting took time, yet every window ends at the start
    for channel in chans:
        run = await claims.get_run(any_db, channel.id, DAY)
        assert run is not None and run.window_end == started


async def test_a_ruling_fetched_during_a_batch_waits_for_the_next_digest(
    any_db: Database,
) -> None:
    await add_ruling(any_db, "r0", judge="Ann Alpha")
    channel = await add_channel(any_db, "C1")
    clock = FakeClock(T0 + timedelta(hours=1))
    adapter = SlowAdapter(clock=clock)
    deliverer = _deliverer(any_db, adapter, clock)
    await deliverer.deliver_many([(channel, DAY)])
    late = await add_ruling(
        any_db, "late", judge="Bea Late", fetched=T0 + timedelta(hours=1, seconds=1)
    )
    clock.advance(3600)
    fresh = await claims.get_run(any_db, channel.id, DAY)
    assert fresh is not None and fresh.window_end is not None
    assert late.fetched_at is not None and late.fetched_at > fresh.window_end
    from bot.store.channels import get_channel_by_pk

    moved = await get_channel_by_pk(any_db, channel.id)
    assert moved is not None
    await deliverer.deliver_many([(moved, DAY + timedelta(days=1))])
    assert any("Ruling late" in t for t in adapter.texts("C1"))


async def test_a_batch_renders_its_cards_without_reading_each_article_per_channel(
    any_db: Database,
) -> None:
    for i in range(3):
        await add_ruling(any_db, f"r{i}", judge=f"Judge{i} Name{i}", plaintiffs=(f"P{i} Q{i}",))
    few = [await add_channel(any_db, f"F{i}") for i in range(2)]
    many = [await add_channel(any_db, f"M{i}") for i in range(8)]
    clock = FakeClock(T0 + timedelta(hours=1))
    adapter = RecordingAdapter()
    with count_article_reads(any_db) as reads:
        await _deliverer(any_db, adapter, clock).deliver_many([(c, DAY) for c in few])
    reads_for_few = len(reads)
    with count_article_reads(any_db) as reads:
        await _deliverer(any_db, adapter, clock).deliver_many([(c, DAY) for c in many])
    assert len(reads) == reads_for_few  # four times the channels, no more article reads
    assert all(len(adapter.posted[f"M{i}"][1].cards) == 1 for i in range(8))
