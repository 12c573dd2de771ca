"""Which feeds to poll: the shipped catalog (`feed_catalog`) plus the `feeds` of the settings."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

from pydantic import ValidationError

from bot.ingest.guard import BlockedAddressError, validate_url
from bot.settings import ConfigError, ConfigProblem, FeedConfig, Settings

logger = logging.getLogger(__name__)


def load_catalog(path: str | Path) -> list[FeedConfig]:
    """Read a catalog file (`[[feeds]]` tables); raises ConfigError naming each bad entry."""
    catalog = Path(path)
    try:
        data = tomllib.loads(catalog.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError([ConfigProblem("feed_catalog", f"{catalog} not found")]) from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError([ConfigProblem("feed_catalog", f"{catalog}: {exc}")]) from None
    entries = data.get("feeds", [])
    problems: list[ConfigProblem] = []
    unknown = sorted(set(data) - {"feeds"})
    for key in unknown:
        problems.append(ConfigProblem(f"feed_catalog.{key}", f"unknown key in {catalog}"))
    if not isinstance(entries, list):
        raise ConfigError([ConfigProblem("feed_catalog.feeds", "must be a list of [[feeds]]")])
    configs: list[FeedConfig] = []
    for index, entry in enumerate(entries):
        try:
            configs.append(FeedConfig.model_validate(entry))
        except ValidationError as exc:
            for err in exc.errors():
                where = ".".join(str(p) for p in err["loc"])
                message = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
                problems.append(ConfigProblem(f"feed_catalog.feeds[{index}].{where}", message))
    if problems:
        raise ConfigError(problems)
    return configs


def configured_feeds(settings: Settings) -> list[FeedConfig]:
    """Catalog feeds, then `feeds` from the settings (which win for a URL in both)."""
    merged: dict[str, FeedConfig] = {}
    if settings.feed_catalog:
        for cfg in load_catalog(settings.feed_catalog):
            merged[cfg.url] = cfg
    for cfg in settings.feeds:
        merged[cfg.url] = cfg
    return list(merged.values())


def feed_problems(settings: Settings) -> list[ConfigProblem]:
    """Every configured feed URL that can never be fetched, named by its key."""
    problems: list[ConfigProblem] = []
    try:
        catalog = load_catalog(settings.feed_catalog) if settings.feed_catalog else []
    except ConfigError as exc:
        problems.extend(exc.problems)
        catalog = []
    for key, entries in (("feed_catalog.feeds", catalog), ("feeds", settings.feeds)):
        for index, cfg in enumerate(entries):
            try:
                validate_url(cfg.url)
            except BlockedAddressError as exc:
                problems.append(ConfigProblem(f"{key}[{index}].url", str(exc)))
    return problems
