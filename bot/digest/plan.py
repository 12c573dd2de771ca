"""What a digest build decided, article by article, so `why` can explain it."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from bot.models import Digest


class Verdict(enum.StrEnum):
    """Why an article is (not) in a channel's digest; the values are stored in the ledger."""

    INCLUDED = "included"
    NOT_RULING = "not_ruling"
    FIRST_POLL = "first_poll"  # recorded on its feed's first poll: never digested
    FILTERED = "filtered"  # matched none of the channel's subscriptions
    TOO_OLD = "too_old"  # fetched before the channel subscribed
    MERGED = "merged"  # the same story as another item ("also reported by")
    CAPPED = "capped"  # ranked below the channel's item limit


@dataclass(frozen=True, slots=True)
class Decision:
    article_id: int
    url: str
    verdict: Verdict
    detail: str = ""
    merged_into: int | None = None  # article id of the item this one was folded into
    position: int | None = None  # 0-based place in the digest for INCLUDED


@dataclass(slots=True)
class DigestPlan:
    """The digest to post plus every decision behind it."""

    digest: Digest
    decisions: list[Decision] = field(default_factory=list)
    window_start: datetime | None = None
    window_end: datetime | None = None

    @property
    def is_empty(self) -> bool:
        return not self.digest.items

    def decision_for(self, article_id: int) -> Decision | None:
        return next((d for d in self.decisions if d.article_id == article_id), None)

    def with_verdict(self, verdict: Verdict) -> list[Decision]:
        return [d for d in self.decisions if d.verdict is verdict]
