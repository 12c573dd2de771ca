"""`/ruling <url>`: fetch and summarize a page now, through the real fetcher and SSRF guard."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from html import escape

import pytest

import summarizer
from bot import messages
from bot.clock import FakeClock
from bot.commands import parse_command
from bot.core import Core
from bot.models import ChannelRef
from bot.search import search_rulings
from bot.settings import Settings
from bot.store import Database
from bot.store.articles import get_facts
from tests.conftest import DEV_ARTICLES
from tests.fakes.feed_server import FeedServer

CHANNEL = ChannelRef("slack", "C7", "T1")
NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)

NOT_A_RULING = [
    "The Harbor City council voted 7-2 on Tuesday to expand the downtown bike-lane network.",
    "Council members said the new lanes would be painted before the summer festival season.",
    "The plan adds twelve miles of protected lanes and a new bike-share station near the pier.",
    "Opponents said the lanes would cut parking for shops along Front Street by a third.",
]


def page(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{escape(title)}</title>"
        f'<meta property="og:site_name" content="Loopback Ledger"></head>'
        f"<body><article><h1>{escape(title)}</h1>{body}</article></body></html>"
    )


def dev_page(number: int) -> tuple[str, str]:
    raw = (DEV_ARTICLES / "articles" / f"{number:03d}.txt").read_text(encoding="utf-8")
    headline, _, body = raw.partition("\n\n")
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    return headline.strip(), page(headline.strip(), paragraphs)


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer() as running:
        yield running


def core_with(db: Database, *, allow_private: bool) -> Core:
    settings = Settings(feed_catalog="", fetch={"allow_private_networks": allow_private})
    return Core(db, settings, FakeClock(NOW))


async def ask(core: Core, text: str):  # type: ignore[no-untyped-def]
    return await core.handle_command(parse_command(text, channel=CHANNEL, user_id="U1"))


async def test_a_link_is_fetched_once_stored_and_answered_with_its_card(
    any_db: Database, server: FeedServer
) -> None:
    _, html = dev_page(3)
    url = server.add("/story/transit", html, content_type="text/html")
    core = core_with(any_db, allow_private=True)

    reply = await ask(core, f"<{url}|{url[7:]}>")  # as Slack sends a pasted link

    assert not reply.is_error and not reply.ephemeral
    (card,) = reply.cards
    assert card.url == url and card.article_id is not None
    assert "Loopback Ledger" in (card.context or "")
    stored = await get_facts(any_db, card.article_id)
    assert stored is not None
    template = messages.URL_RULING if stored.is_ruling else messages.URL_NOT_RULING
    assert reply.text == template.format(url=url)
    again = await ask(core, url)
    assert again.cards[0].article_id == card.article_id
    assert server.hits("/story/transit") == 1


async def test_a_ruling_link_is_answered_as_a_ruling_and_becomes_searchable(
    any_db: Database, server: FeedServer
) -> None:
    headline, html = dev_page(3)
    body = (DEV_ARTICLES / "articles" / "003.txt").read_text(encoding="utf-8")
    if not summarizer.summarize(body, title=headline).is_ruling:
        pytest.skip("the installed summarizer does not recognise this ruling yet")
    url = server.add("/story/transit", html, content_type="text/html")
    reply = await ask(core_with(any_db, allow_private=True), url)
    assert reply.text == messages.URL_RULING.format(url=url)
    found = await search_rulings(any_db, "transit")
    assert [h.article.id for h in found.hits] == [reply.cards[0].article_id]


async def test_a_page_that_is_not_a_ruling_says_so_and_still_shows_what_was_found(
    any_db: Database, server: FeedServer
) -> None:
    url = server.add(
        "/story/bikes", page("Council expands bike lanes", NOT_A_RULING), content_type="text/html"
    )
    reply = await ask(core_with(any_db, allow_private=True), url)
    assert not reply.is_error
    assert reply.text == messages.URL_NOT_RULING.format(url=url)
    (card,) = reply.cards
    assert card.title == "Council expands bike lanes"


async def test_a_private_address_is_refused_when_private_networks_are_not_allowed(
    any_db: Database, server: FeedServer
) -> None:
    _, html = dev_page(3)
    url = server.add("/story/transit", html, content_type="text/html")
    reply = await ask(core_with(any_db, allow_private=False), url)
    assert reply.is_error and reply.ephemeral and reply.cards == ()
    assert reply.text.startswith(f"Could not summarize {url}: ")
    assert "\n" not in reply.text
    assert server.hits("/story/transit") == 0


async def test_a_missing_page_is_a_one_line_ephemeral_error(
    any_db: Database, server: FeedServer
) -> None:
    url = server.add("/gone", "not here", status=404, content_type="text/html")
    reply = await ask(core_with(any_db, allow_private=True), url)
    assert reply.is_error and reply.ephemeral
    assert reply.text.startswith(f"Could not summarize {url}: ") and "\n" not in reply.text
    assert "404" in reply.text
