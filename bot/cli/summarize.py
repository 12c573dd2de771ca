"""`rulingbot summarize PATH|URL|-`: the facts of one article, as a card or as the JSON contract."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

import summarizer
from adapters.console.render import render_card
from bot.cards import ruling_card
from bot.cli.app import ConfigOption, app, console, fail, get_settings
from bot.cli.db import open_database
from bot.clock import SystemClock
from bot.logs import setup_logging
from bot.models import Article, Facts
from bot.settings import Settings
from bot.store.articles import content_hash


def split_headline(text: str) -> tuple[str | None, str]:
    """A first line followed by a blank line is the headline; the rest is the body."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if len(lines) >= 3 and lines[0].strip() and not lines[1].strip():
        return lines[0].strip(), "\n".join(lines[2:]).strip()
    return None, text.strip()


def read_source(source: str) -> str:
    """Text from a file or stdin ('-'); exits with one line when it cannot be read."""
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(f"{source}: no such file (give a path, an http(s) URL, or - for stdin)")
    except IsADirectoryError:
        fail(f"{source}: is a directory, not an article file")
    except UnicodeDecodeError:
        fail(f"{source}: not UTF-8 text")
    except OSError as exc:
        fail(f"{source}: cannot read ({exc.strerror})")


async def facts_of_text(settings: Settings, title: str | None, body: str) -> Facts:
    if settings.summarizer.backend == "rules":
        return summarizer.summarize(body, title=title)
    from bot.analysis import ensure_facts

    article = Article(
        url="", canonical_url="", title=title or "", text=body, content_hash=content_hash(body)
    )
    db = await open_database(settings)
    try:  # not stored (no id): the database only serves the backend's cache
        return await ensure_facts(db, article, settings=settings, now=SystemClock().now())
    finally:
        await db.close()


async def facts_of_url(settings: Settings, url: str) -> tuple[Article, Facts]:
    from bot.ingest.net import FetchError
    from bot.ingest.pipeline import fetch_article_url

    db = await open_database(settings)
    try:
        return await fetch_article_url(db, settings, url, clock=SystemClock())
    except FetchError as exc:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        fail(f"cannot summarize {url}: {detail}")
    finally:
        await db.close()


@app.command()
def summarize(
    source: Annotated[str, typer.Argument(help="A text file, an http(s) URL, or - for stdin.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the facts as the JSON contract.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Reduce one article to the facts of its ruling (judge, court, outcome, parties)."""
    settings = get_settings(config)
    setup_logging("WARNING")
    if source.lower().startswith(("http://", "https://")) or "://" in source:
        article, facts = asyncio.run(facts_of_url(settings, source))
    else:
        title, body = split_headline(read_source(source))
        if not body:
            fail(f"{source}: no article text")
        facts = asyncio.run(facts_of_text(settings, title, body))
        article = Article(url="", canonical_url="", title=title or "", text=body, content_hash="")
    if as_json:
        typer.echo(json.dumps(facts.to_dict(), ensure_ascii=False, indent=2))
        return
    if not facts.is_ruling:
        console.print(Text("Not a court ruling (no judge's decision reported).", style="yellow"))
    card = ruling_card(article, facts)
    console.print(render_card(card))
