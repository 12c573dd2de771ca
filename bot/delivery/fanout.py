"""Post a channel's digest once: claim the run, write the plan, post item by item, record each.

Channels run concurrently under a bound; one channel's failing adapter never holds back the
others. A failed run is retried later with exponential backoff (`attempts`, `next_attempt_at`).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from bot import messages
from bot.cards import ruling_card
from bot.clock import Clock
from bot.delivery import claims, ledger
from bot.delivery.errors import record_error
from bot.digest import DigestPlan, build_digest
from bot.digest.source import DigestSource
from bot.metrics import Metrics
from bot.models import Article, ChannelRef, Reply, SentMessage, ThreadRef
from bot.ports import ChatAdapter, DeliveryError
from bot.settings import Settings
from bot.store import Database
from bot.store.articles import get_article, get_facts
from bot.store.channels import ChannelRow
from bot.store.threads import record_thread

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    channel_pk: int
    local_date: date
    outcome: str  # done | empty | skipped | failed | lost_lease | no_adapter
    posted: int = 0
    error: str | None = None


def header_text(plan: DigestPlan) -> str:
    d = plan.digest.local_date
    day = f"{d:%A}, {d.day} {d:%B %Y}"
    count = len(plan.digest.items)
    if count == 0:
        return messages.DIGEST_EMPTY.format(date=day)
    if count == 1:
        return messages.DIGEST_HEADER_ONE.format(date=day)
    return messages.DIGEST_HEADER.format(date=day, count=count)


def item_text(plan: DigestPlan) -> list[str]:
    """Each item's plain-text fallback; stored in the ledger so a resumed run sends the same."""
    return [f"{i.facts.headline or i.article.title} — {i.article.url}" for i in plan.digest.items]


@dataclass(frozen=True, slots=True)
class Batch:
    """What the channels of one fan-out share: the window's end and the rulings read for it.

    Every digest of a batch covers the window up to the same `as_of`, so channels on one
    cursor read the stored rulings once; the next digest starts where this one ended.
    """

    as_of: datetime
    source: DigestSource


def retry_delay(attempts: int, settings: Settings) -> timedelta:
    cfg = settings.digest
    seconds = min(cfg.retry_base_seconds * 2 ** max(0, attempts - 1), cfg.retry_max_seconds)
    return timedelta(seconds=seconds)


class Deliverer:
    """Runs digests for channels through their platform's adapter (one per platform)."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        adapters: Mapping[str, ChatAdapter],
        *,
        clock: Clock,
        owner: str,
        metrics: Metrics | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.adapters = adapters
        self.clock = clock
        self.owner = owner
        self.metrics = metrics or Metrics()

    async def deliver_many(self, jobs: list[tuple[ChannelRow, date]]) -> list[DeliveryResult]:
        """Deliver several channels at once, at most `digest.concurrency` at a time."""
        gate = asyncio.Semaphore(self.settings.digest.concurrency)
        batch = self._batch()

        async def one(channel: ChannelRow, local_date: date) -> DeliveryResult:
            async with gate:
                return await self.deliver(channel, local_date, batch=batch)

        return list(await asyncio.gather(*(one(c, d) for c, d in jobs)))

    def _batch(self) -> Batch:
        return Batch(self.clock.now(), DigestSource(self.db))

    async def deliver(
        self, channel: ChannelRow, local_date: date, *, batch: Batch | None = None
    ) -> DeliveryResult:
        """Claim and post (or resume) the channel's digest for `local_date`; never raises
        for platform failures, which are recorded on the run for a later retry."""
        adapter = self.adapters.get(channel.ref.platform)
        if adapter is None:
            return DeliveryResult(channel.id, local_date, "no_adapter")
        lease = self.settings.digest.lease_seconds
        claim = await claims.claim_run(
            self.db,
            channel.id,
            local_date,
            owner=self.owner,
            now=self.clock.now(),
            lease_seconds=lease,
        )
        if claim is None:
            return DeliveryResult(channel.id, local_date, "skipped")
        started = time.monotonic()
        progress = [0]  # messages posted by this attempt, also when it fails half-way
        try:
            return await self._run(adapter, channel, claim, progress, batch or self._batch())
        except (DeliveryError, TimeoutError, OSError) as exc:
            return await self._failed(channel, claim, exc, progress[0])
        except Exception as exc:  # a bug must not stop the other channels
            logger.exception("digest run for channel %s failed unexpectedly", channel.id)
            return await self._failed(channel, claim, exc, progress[0])
        finally:
            self.metrics.digest_seconds.observe(time.monotonic() - started)

    async def _run(
        self,
        adapter: ChatAdapter,
        channel: ChannelRow,
        claim: claims.RunClaim,
        progress: list[int],
        batch: Batch,
    ) -> DeliveryResult:
        db, now = self.db, self.clock.now()
        planned, entries = await ledger.load(db, claim.run_id)
        if not planned:
            plan = await build_digest(
                db, self.settings, channel, now=batch.as_of, source=batch.source
            )
            announce = channel.announce_empty or self.settings.digest.announce_empty
            header = header_text(plan) if (not plan.is_empty or announce) else None
            end = plan.window_end or batch.as_of
            entries = await ledger.write_plan(
                db,
                claim.run_id,
                channel.id,
                plan,
                header=header,
                item_texts=item_text(plan),
                now=now,
                window=(plan.window_start, end),
            )
            claim = replace(claim, window_start=plan.window_start, window_end=end)
        posted = 0
        # Entries are posted strictly in order, so after a crash or a failed attempt only the
        # first unposted entry can be in doubt (sent, but the ledger write was lost).
        in_doubt = claim.attempts > 1
        for entry in entries:
            if entry.status == ledger.POSTED:
                await self._remember_thread(channel.ref, entry, entry.thread_id)
                continue
            renewed = await self._keep_lease(claim)
            if renewed is None:
                logger.warning("lost the lease on run %s; another instance goes on", claim.run_id)
                return DeliveryResult(channel.id, claim.local_date, "lost_lease", posted)
            claim = renewed
            reply = await self._render(entry, batch.source)
            if reply is None:
                continue
            if in_doubt or entry.status == ledger.SENDING:
                in_doubt = False
                found = await self._find_sent(adapter, channel.ref, reply, claim)
                if found is not None:
                    await ledger.mark_posted(
                        db,
                        entry,
                        message_id=found.message_id,
                        thread=self._thread_ref(channel.ref, _thread(found)),
                        now=self.clock.now(),
                    )
                    continue
            t0 = time.monotonic()
            async with asyncio.timeout(self.settings.digest.send_timeout_seconds):
                sent = await adapter.send(channel.ref, reply)
            # ---- The crash window: the message is on the platform but not yet in the ledger.
            # Nothing else happens between the two awaits (one UPDATE, plus the thread mapping,
            # in one transaction); a crash here leaves the entry unposted, and the resumed run
            # asks the adapter (`find_sent`) about that first unposted entry before re-posting.
            await ledger.mark_posted(
                db,
                entry,
                message_id=sent.message_id,
                thread=self._thread_ref(channel.ref, _thread(sent)),
                now=self.clock.now(),
            )
            # ---- End of the crash window.
            posted += 1
            progress[0] = posted
            self.metrics.post_seconds.labels(channel.ref.platform).observe(time.monotonic() - t0)
            self.metrics.deliveries.labels(channel.ref.platform, entry.kind).inc()
        await claims.finish_run(db, claim, now=self.clock.now())
        outcome = "done" if any(e.kind == ledger.ITEM for e in entries) else "empty"
        self.metrics.digests.labels(outcome).inc()
        logger.info(
            "digest for channel %s (%s) %s: %d posted",
            channel.id,
            claim.local_date,
            outcome,
            posted,
        )
        return DeliveryResult(channel.id, claim.local_date, outcome, posted)

    async def _keep_lease(self, claim: claims.RunClaim) -> claims.RunClaim | None:
        lease = self.settings.digest.lease_seconds
        now = self.clock.now()
        if (claim.lease_until - now).total_seconds() > lease / 2:
            return claim
        return await claims.renew_lease(self.db, claim, now=now, lease_seconds=lease)

    async def _render(self, entry: ledger.Entry, source: DigestSource) -> Reply | None:
        if entry.kind != ledger.ITEM:
            return Reply(text=entry.text, delivery_key=entry.delivery_key)
        assert entry.article_id is not None
        # The batch's digests were built from these very rows; a resumed run reads the store.
        loaded = source.loaded(entry.article_id)
        if loaded is not None:
            article, facts = loaded
        else:
            article = await get_article(self.db, entry.article_id)
            facts = await get_facts(self.db, entry.article_id)
        if article is None or facts is None:
            logger.warning("article %s vanished before it was posted", entry.article_id)
            return None
        also = [a for a in [await self._article(i, source) for i in entry.also] if a is not None]
        return Reply(
            text=entry.text,
            cards=(ruling_card(article, facts, also or None),),
            delivery_key=entry.delivery_key,
        )

    async def _article(self, article_id: int, source: DigestSource) -> Article | None:
        loaded = source.loaded(article_id)
        return loaded[0] if loaded is not None else await get_article(self.db, article_id)

    async def _find_sent(
        self, adapter: ChatAdapter, channel: ChannelRef, reply: Reply, claim: claims.RunClaim
    ) -> SentMessage | None:
        """Ask the platform whether an in-doubt message arrived (adapters may offer
        `find_sent(channel, reply, since)`); without it the message is posted again."""
        finder: Any = getattr(adapter, "find_sent", None)
        if finder is None:
            logger.warning(
                "run %s: a message to %s may have been posted before a crash; posting it again",
                claim.run_id,
                channel.channel_id,
            )
            return None
        since = claim.window_end or self.clock.now() - timedelta(days=1)
        return await finder(channel, reply, since - timedelta(minutes=5))

    @staticmethod
    def _thread_ref(channel: ChannelRef, thread_id: str | None) -> ThreadRef | None:
        if not thread_id:
            return None
        return ThreadRef(channel.platform, channel.channel_id, thread_id, channel.workspace_id)

    async def _remember_thread(
        self, channel: ChannelRef, entry: ledger.Entry, thread_id: str | None
    ) -> None:
        if thread_id and entry.article_id is not None and entry.kind == ledger.ITEM:
            from bot.models import ThreadRef

            thread = ThreadRef(
                channel.platform, channel.channel_id, thread_id, channel.workspace_id
            )
            await record_thread(self.db, thread, entry.article_id, now=self.clock.now())

    async def _failed(
        self, channel: ChannelRow, claim: claims.RunClaim, exc: BaseException, posted: int
    ) -> DeliveryResult:
        now = self.clock.now()
        error = str(exc) or type(exc).__name__
        if isinstance(exc, TimeoutError):
            error = f"timed out after {self.settings.digest.send_timeout_seconds:g}s"
        retryable = getattr(exc, "retryable", True)
        retry_at = None
        if retryable and claim.attempts < self.settings.digest.max_attempts:
            retry_at = now + retry_delay(claim.attempts, self.settings)
        await claims.fail_run(self.db, claim, now=now, error=error, retry_at=retry_at)
        when = f"retry at {retry_at:%Y-%m-%d %H:%M UTC}" if retry_at else "giving up"
        message = f"digest {claim.local_date} attempt {claim.attempts} failed: {error}; {when}"
        await record_error(self.db, f"channel:{channel.id}", message, now=now)
        self.metrics.failures.labels("delivery").inc()
        self.metrics.digests.labels("failed").inc()
        logger.warning("channel %s (%s): %s", channel.id, channel.ref.channel_id, message)
        return DeliveryResult(channel.id, claim.local_date, "failed", posted, error)


def _thread(sent: SentMessage) -> str | None:
    return sent.thread.thread_id if sent.thread else None
