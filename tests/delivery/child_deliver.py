"""A real delivery process for crash tests: posts every scheduled channel's digest via Slack.

The real Slack adapter, so an in-doubt message after a kill is looked up with its own
`find_sent` (delivery metadata read back from conversations.history).

Run as `python -m tests.delivery.child_deliver DB_URL SLACK_API_URL YYYY-MM-DD LEASE_SECONDS`.
It loops until every channel's run for that date is done, waiting out the lease of a run whose
previous owner was killed, then prints the number of messages it posted.
"""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import date, timedelta

from adapters.slack import SlackAdapter
from bot.clock import SystemClock
from bot.delivery import Deliverer, claims
from bot.settings import Secrets, Settings
from bot.store import Database
from bot.store.channels import list_channels


async def main(db_url: str, api_url: str, day: date, lease: float) -> int:
    settings = Settings(
        database_url=db_url,
        feed_catalog="",
        slack={"api_url": api_url, "pace_seconds": 0, "socket_mode": False},
        digest={"lease_seconds": lease, "concurrency": 20},
    )
    secrets = Secrets(SLACK_BOT_TOKEN="xoxb-crash-test", SLACK_SIGNING_SECRET="crash-test")
    db = await Database.open(db_url)
    adapter = SlackAdapter(settings.slack, secrets, db)
    deliverer = Deliverer(
        db, settings, {"slack": adapter}, clock=SystemClock(), owner=f"child-{os.getpid()}"
    )
    posted = 0
    deadline = SystemClock().now() + timedelta(seconds=60)
    channels = await list_channels(db, scheduled_only=True)
    while SystemClock().now() < deadline:
        results = await deliverer.deliver_many([(c, day) for c in channels])
        posted += sum(r.posted for r in results)
        runs = [await claims.get_run(db, c.id, day) for c in channels]
        if all(r is not None and r.status == claims.DONE for r in runs):
            break
        await asyncio.sleep(lease / 4)
    await db.close()
    print(posted, flush=True)
    return 0


if __name__ == "__main__":
    url, api, when, lease_s = sys.argv[1:5]
    sys.exit(asyncio.run(main(url, api, date.fromisoformat(when), float(lease_s))))
