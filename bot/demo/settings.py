"""Settings for a demo run: only the demo feeds, a throwaway database, loopback allowed."""

from __future__ import annotations

from pathlib import Path

from bot.settings import FeedConfig, Settings


def demo_settings(base: Settings, feed_urls: dict[str, str], data_dir: Path) -> Settings:
    """`base` with everything that could reach beyond the demo server replaced.

    Forced after validation (model_copy), so no environment variable or config file can point the
    demo at the shipped catalog, another database or an online summarizer.
    """
    fetch = base.fetch.model_copy(
        update={
            "allow_private_networks": True,  # the demo server is on 127.0.0.1
            "first_poll_records_only": False,  # the demo's first poll is all there is
            "fetch_pages": True,
            "poll_jitter_seconds": 0.0,
        }
    )
    summarizer = base.summarizer.model_copy(update={"backend": "rules"})
    return base.model_copy(
        update={
            "data_dir": data_dir,
            "database_url": f"sqlite+aiosqlite:///{data_dir / 'demo.db'}",
            "feed_catalog": "",
            "feeds": [
                FeedConfig(url=url, name=title, outlet=title) for title, url in feed_urls.items()
            ],
            "fetch": fetch,
            "summarizer": summarizer,
        }
    )
