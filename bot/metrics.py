"""Prometheus metrics on a registry of our own (never the process-global default one).

One `Metrics` per service; tests and benchmarks make their own, so counts never leak between them.
"""

from __future__ import annotations

import logging

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

logger = logging.getLogger(__name__)

CONTENT_TYPE = CONTENT_TYPE_LATEST


class Metrics:
    """Counters and latencies of polling, digests and deliveries."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.polls = Counter("rulingbot_polls", "Feed poll passes", ["outcome"], registry=r)
        self.feeds_polled = Counter(
            "rulingbot_feeds_polled", "Feeds polled, by result", ["result"], registry=r
        )
        self.articles = Counter("rulingbot_articles", "New articles stored", registry=r)
        self.digests = Counter(
            "rulingbot_digests", "Digest runs, by outcome", ["outcome"], registry=r
        )
        self.deliveries = Counter(
            "rulingbot_deliveries", "Messages posted", ["platform", "kind"], registry=r
        )
        self.failures = Counter(
            "rulingbot_failures", "Operational failures", ["source"], registry=r
        )
        self.poll_seconds = Histogram(
            "rulingbot_poll_seconds", "Duration of one poll pass", registry=r
        )
        self.digest_seconds = Histogram(
            "rulingbot_digest_seconds", "Duration of one channel's digest run", registry=r
        )
        self.post_seconds = Histogram(
            "rulingbot_post_seconds",
            "Latency of one posted message",
            ["platform"],
            registry=r,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
        )

    def render(self) -> bytes:
        """The text exposition format served at /metrics."""
        return generate_latest(self.registry)
