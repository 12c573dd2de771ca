"""Each instance's local clock: feed polling, a digest tick per channel, catch-up and retries.

APScheduler 3.11's `AsyncIOScheduler` with an in-memory job store per instance — job stores are
never shared between schedulers (two schedulers on one store run every job twice). Exactly-once
across restarts and instances comes from the `digest_runs` claim table, not from the scheduler:
a tick only asks "which local date is due for this channel?" (`due_date`, a pure function tested
with an injected clock) and then tries to claim that run.

Jobs:
- `poll`: poll due feeds on an interval with jitter (feeds are claimed in the database, so
  several instances never poll one feed twice in an interval);
- `digest:<channel pk>`: a `CronTrigger` at the channel's local time in its IANA timezone;
- `sweep`: every `digest.sweep_seconds`, re-read channel schedules (add, move or drop their
  cron jobs), send any digest that is due but was missed (downtime, a skipped DST hour) within
  `digest.catchup_grace_hours`, retry failed runs whose time has come and take over runs whose
  owner's lease expired. It also runs once at start-up: that is the catch-up pass.
"""

from __future__ import annotations

import logging
import time as monotonic
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.clock import Clock
from bot.delivery import Deliverer, DeliveryResult, claims
from bot.settings import Settings, parse_hhmm
from bot.store import Database
from bot.store.channels import ChannelRow, get_channel_by_pk, list_channels

logger = logging.getLogger(__name__)


# -- pure decisions ------------------------------------------------------------------------------


def scheduled_at(local_date: date, digest_time: str, tz: str) -> datetime:
    """The UTC instant of `digest_time` on `local_date` in `tz`.

    DST: a wall time that does not exist (spring forward, e.g. 02:30 in New York) is read with
    the offset before the change, i.e. one hour later on the new clock (03:30); a wall time that
    happens twice (fall back) means its first occurrence. Either way: exactly one instant a day.
    """
    hour, minute = parse_hhmm(digest_time)
    wall = datetime.combine(local_date, time(hour, minute), tzinfo=ZoneInfo(tz))
    return wall.astimezone(UTC)


def due_date(
    digest_time: str | None,
    tz: str,
    now: datetime,
    last_run: date | None,
    grace: timedelta,
) -> date | None:
    """The local date whose digest is due at `now`, or None.

    Due means: its scheduled instant has passed, no run exists for it (`last_run` is the newest
    local date this channel has a run for) and it passed at most `grace` ago — a digest missed
    during a longer outage is skipped, not sent late.
    """
    if not digest_time:
        return None
    today = now.astimezone(ZoneInfo(tz)).date()
    for day in (today, today - timedelta(days=1)):
        at = scheduled_at(day, digest_time, tz)
        if at <= now:
            if last_run is not None and last_run >= day:
                return None
            return day if now - at <= grace else None
    return None


def next_digest_at(digest_time: str | None, tz: str, now: datetime) -> datetime | None:
    """The next scheduled instant strictly after `now` (for `status` and confirmations)."""
    if not digest_time:
        return None
    today = now.astimezone(ZoneInfo(tz)).date()
    for offset in range(3):
        at = scheduled_at(today + timedelta(days=offset), digest_time, tz)
        if at > now:
            return at
    return None  # pragma: no cover - a day always has one instant after now within three


def digest_trigger(digest_time: str, tz: str) -> CronTrigger:
    hour, minute = parse_hhmm(digest_time)
    return CronTrigger(hour=hour, minute=minute, timezone=ZoneInfo(tz))


# -- the running scheduler -----------------------------------------------------------------------

PollFn = Callable[[], Awaitable[object]]


class Scheduler:
    """Owns one instance's APScheduler and turns its ticks into claims and deliveries."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        deliverer: Deliverer,
        *,
        clock: Clock,
        poll: PollFn | None = None,
        on_results: Callable[[list[DeliveryResult]], None] | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.deliverer = deliverer
        self.clock = clock
        self.poll = poll
        self.on_results = on_results
        self._scheduler: AsyncIOScheduler | None = None
        self._schedules: dict[int, tuple[str, str]] = {}  # channel pk -> (time, tz) of its job
        self.last_sweep_at: datetime | None = None
        self.last_poll_at: datetime | None = None

    @property
    def grace(self) -> timedelta:
        return timedelta(hours=self.settings.digest.catchup_grace_hours)

    def start(self) -> None:
        """Add the jobs and start; the first poll and the catch-up sweep run right away."""
        scheduler = AsyncIOScheduler(jobstores={"default": MemoryJobStore()}, timezone=UTC)
        now = datetime.now(UTC)
        if self.poll is not None:
            fetch = self.settings.fetch
            scheduler.add_job(
                self._poll,
                IntervalTrigger(
                    minutes=fetch.poll_interval_minutes, jitter=fetch.poll_jitter_seconds or None
                ),
                id="poll",
                next_run_time=now,
                max_instances=1,
                coalesce=True,
            )
        scheduler.add_job(
            self.sweep,
            IntervalTrigger(seconds=self.settings.digest.sweep_seconds),
            id="sweep",
            next_run_time=now,
            max_instances=1,
            coalesce=True,
        )
        scheduler.start()
        self._scheduler = scheduler

    def shutdown(self) -> None:
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    def digest_jobs(self) -> dict[int, tuple[str, str]]:
        return dict(self._schedules)

    async def _poll(self) -> None:
        assert self.poll is not None
        try:
            await self.poll()
        except Exception:  # a failed poll pass must not stop the next one
            logger.exception("feed poll failed")
        self.last_poll_at = self.clock.now()

    def sync_jobs(self, channels: list[ChannelRow]) -> None:
        """Make the cron jobs match the channels' schedules (added, moved or dropped)."""
        wanted = {c.id: (c.digest_time, c.timezone) for c in channels if c.digest_time}
        for pk in set(self._schedules) - set(wanted):
            self._remove_job(pk)
        for pk, schedule in wanted.items():
            if self._schedules.get(pk) == schedule:
                continue
            digest_time, tz = schedule
            assert digest_time is not None
            if self._scheduler is not None:
                self._scheduler.add_job(
                    self.tick,
                    digest_trigger(digest_time, tz),
                    args=[pk],
                    id=f"digest:{pk}",
                    replace_existing=True,
                    coalesce=True,
                    max_instances=1,
                    misfire_grace_time=int(self.grace.total_seconds()) or 1,
                )
            self._schedules[pk] = (digest_time, tz)  # type: ignore[assignment]
            logger.info("channel %s: digest at %s %s", pk, digest_time, tz)

    def _remove_job(self, pk: int) -> None:
        self._schedules.pop(pk, None)
        if self._scheduler is not None and self._scheduler.get_job(f"digest:{pk}"):
            self._scheduler.remove_job(f"digest:{pk}")

    async def tick(self, channel_pk: int) -> list[DeliveryResult]:
        """A channel's cron job fired: deliver its due digest (the claim stops doubles)."""
        channel = await get_channel_by_pk(self.db, channel_pk)
        if channel is None:
            return []
        day = due_date(channel.digest_time, channel.timezone, self.clock.now(), None, self.grace)
        if day is None:
            return []
        return await self._deliver([(channel, day)])

    async def sweep(self) -> list[DeliveryResult]:
        """Refresh schedules, catch up on missed digests, retry failures, take over dead runs."""
        started = monotonic.monotonic()
        now = self.clock.now()
        try:
            channels = await list_channels(self.db)
            self.sync_jobs(channels)
            by_pk = {c.id: c for c in channels}
            last = await claims.last_run_dates(self.db)
            jobs: dict[tuple[int, date], ChannelRow] = {}
            for channel in channels:
                day = due_date(
                    channel.digest_time, channel.timezone, now, last.get(channel.id), self.grace
                )
                if day is not None:
                    jobs[(channel.id, day)] = channel
            for run in await claims.runs_needing_attention(self.db, now=now):
                channel = by_pk.get(run.channel_pk)
                if channel is not None:
                    jobs[(run.channel_pk, run.local_date)] = channel
            results = await self._deliver([(c, day) for (_, day), c in jobs.items()])
        except Exception:  # the database may be briefly away; the next sweep tries again
            logger.exception("digest sweep failed")
            return []
        finally:
            self.last_sweep_at = now
        logger.debug("sweep took %.3fs", monotonic.monotonic() - started)
        return results

    async def _deliver(self, jobs: list[tuple[ChannelRow, date]]) -> list[DeliveryResult]:
        if not jobs:
            return []
        results = await self.deliverer.deliver_many(jobs)
        if self.on_results is not None:
            self.on_results(results)
        return results
