"""`rulingbot config check`: validate the settings and name every problem by its key."""

from __future__ import annotations

import typer
from rich.text import Text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.cli.app import ConfigOption, app, console, err_console
from bot.ingest.catalog import configured_feeds, feed_problems
from bot.settings import ConfigError, ConfigProblem, Settings, load_settings
from bot.store.db import describe_url

config_app = typer.Typer(help="Configuration.", no_args_is_help=True)
app.add_typer(config_app, name="config")


def settings_problems(settings: Settings) -> list[ConfigProblem]:
    """Problems a valid-looking file can still have: feeds, database URL, backend needs."""
    problems = feed_problems(settings)
    if settings.database_url:
        try:
            backend = make_url(settings.database_url).get_backend_name()
        except ArgumentError:
            problems.append(ConfigProblem("database_url", "not a database URL"))
        else:
            if backend not in {"sqlite", "postgresql"}:
                problems.append(ConfigProblem("database_url", f"unsupported database {backend!r}"))
    if settings.summarizer.backend == "llm":
        for key in ("llm_base_url", "llm_model"):
            if not getattr(settings.summarizer, key):
                problems.append(
                    ConfigProblem(f"summarizer.{key}", "required when summarizer.backend = 'llm'")
                )
    return problems


@config_app.command("check")
def check(config: ConfigOption = None) -> None:
    """Validate the settings file and environment; exit non-zero when anything is wrong."""
    try:
        settings = load_settings(config)
        problems = settings_problems(settings)
    except ConfigError as exc:
        problems = exc.problems
        settings = None
    if problems:
        for problem in problems:
            err_console.print(Text.assemble(("config error: ", "bold red"), str(problem)))
        err_console.print(f"{len(problems)} problem(s) found.", style="red")
        raise typer.Exit(1)
    assert settings is not None
    feeds = configured_feeds(settings)
    source = settings._source_path or "defaults and environment (no config file)"
    console.print(
        Text.assemble(
            ("OK: ", "bold green"),
            f"settings from {source}; {len(feeds)} feeds; database "
            f"{describe_url(settings.effective_database_url)}",
        )
    )
