"""`rulingbot ask PATH "question"`: answer a question about an article in a text file."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from typing import Annotated

import typer

import summarizer
from bot.cli.app import ConfigOption, app, console, fail, get_settings
from bot.followup.sanitize import clean_question
from bot.followup.service import compute_answer, reply_text
from bot.followup.textfile import read_article

logger = logging.getLogger(__name__)


@app.command("ask")
def ask(
    path: Annotated[Path, typer.Argument(help="Article text file: headline, blank line, body.")],
    question: Annotated[str, typer.Argument(help='The question, e.g. "who sued?"')],
    as_json: Annotated[
        bool, typer.Option("--json", help='Print {"answer", "evidence", "found"} as JSON.')
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Answer a question about one article, quoting the sentences the answer rests on."""
    settings = get_settings(config)
    try:
        article = read_article(path)
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {path}: {exc}")
    text = clean_question(question, max_chars=settings.followup.max_question_chars)
    if not text:
        fail("the question is empty")
    facts = summarizer.summarize(article.text, title=article.title or None)
    answer = asyncio.run(compute_answer(settings, text, article, facts, []))
    if as_json:
        payload = {"answer": answer.text, "evidence": list(answer.evidence), "found": answer.found}
        typer.echo(json.dumps(payload, ensure_ascii=False))
    else:
        console.print(reply_text(answer), highlight=False, markup=False, soft_wrap=True)
