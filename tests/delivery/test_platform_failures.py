"""A chat API failing (500, 429, timeouts) for one channel: the others get their digest, the
failed one is retried with backoff, and `why` and `status` show the failure."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from aiohttp import ClientSession

from adapters.slack import SlackAdapter
from bot.clock import FakeClock
from bot.delivery import Deliverer, claims
from bot.delivery.explain import explain
from bot.metrics import Metrics
from bot.settings import Secrets, Settings
from bot.store import Database
from bot.web import WebServer, build_app
from tests.delivery.factories import T0, add_channel, add_ruling
from tests.fakes.slack_api import FakeSlack

DAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("status", "options"),
    [
        (500, {"times": 50}),
        (429, {"times": 50, "retry_after": 1}),
        (200, {"times": 50, "delay": 1.5}),  # answers after the client's timeout
    ],
    ids=["500", "429", "timeout"],
)
async def test_one_failing_channel_does_not_hold_back_the_others_and_is_retried(
    any_db: Database, status: int, options: dict
) -> None:
    first = await add_ruling(any_db, "a", judge="Ann One", plaintiffs=("Alpha Co",))
    await add_ruling(any_db, "b", judge="Bo Two", plaintiffs=("Beta Org",))
    channels = [await add_channel(any_db, f"C{i}") for i in range(4)]
    clock = FakeClock(T0 + timedelta(hours=1))
    async with FakeSlack() as slack:
        slack.fail("chat.postMessage", status, channel="C2", **options)
        settings = Settings(
            slack={
                "api_url": slack.url,
                "pace_seconds": 0,
                "socket_mode": False,
                "timeout_seconds": 1,
                "max_retry_after_seconds": 1,
            }
        )
        secrets = Secrets(SLACK_BOT_TOKEN="xoxb-failure-test", SLACK_SIGNING_SECRET="s")
        adapter = SlackAdapter(settings.slack, secrets, any_db)
        metrics = Metrics()
        deliverer = Deliverer(
            any_db, settings, {"slack": adapter}, clock=clock, owner="A", metrics=metrics
        )
        results = await deliverer.deliver_many([(c, DAY) for c in channels])
        assert [r.outcome for r in results] == ["done", "done", "failed", "done"]
        for cid in ("C0", "C1", "C3"):
            assert len(slack.posts(cid)) == 3
        run = await claims.get_run(any_db, channels[2].id, DAY)
        assert run.status == "failed" and run.next_attempt_at == clock.now() + timedelta(minutes=1)
        why = await explain(any_db, settings, channels[2], first.url, now=clock.now())
        assert why.verdict == "failed" and "Slack chat.postMessage" in why.headline
        assert "next attempt" in why.headline
        assert 'rulingbot_digests_total{outcome="failed"} 1.0' in metrics.render().decode()
        # The platform recovers; the retry after the backoff posts the digest once.
        slack.failures.clear()
        clock.advance(seconds=61)
        retry = await deliverer.deliver(channels[2], DAY)
        assert retry.outcome == "done"
        texts = Counter(p.data["text"] for p in slack.posts("C2"))
        assert len(texts) == 3 and set(texts.values()) == {1}
        why = await explain(any_db, settings, channels[2], first.url, now=clock.now())
        assert why.verdict == "delivered" and "message id" in why.headline


async def test_health_and_metrics_are_served(any_db: Database) -> None:
    metrics = Metrics()
    metrics.deliveries.labels("slack", "item").inc(3)

    async def health() -> tuple[bool, dict]:
        return True, {"database": "ok"}

    server = WebServer(build_app(metrics, health, []), "127.0.0.1", 0)
    await server.start()
    try:
        async with ClientSession() as http:
            base = f"http://127.0.0.1:{server.port}"
            async with http.get(f"{base}/healthz") as resp:
                assert resp.status == 200 and (await resp.json())["status"] == "ok"
            async with http.get(f"{base}/metrics") as resp:
                body = await resp.text()
                assert 'rulingbot_deliveries_total{kind="item",platform="slack"} 3.0' in body
    finally:
        await server.stop()
