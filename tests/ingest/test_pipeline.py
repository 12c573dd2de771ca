"""poll_feeds and fetch_article_url end to end against a loopback server and a real database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.clock import FakeClock
from bot.ingest.net import BlockedAddressError, Fetcher, FetchError
from bot.ingest.pipeline import fetch_article_url, poll_feeds
from bot.settings import FetchSettings
from bot.store import Database
from bot.store.feeds import list_feeds
from bot.store.schema import articles, facts
from tests.fakes.feed_server import FeedServer, Item, article_page, atom, rss
from tests.ingest.conftest import make_settings

RULING = [
    "U.S. District Judge Ana Ortiz on Tuesday blocked the state's new voter roll law.",
    "The judge granted a preliminary injunction sought by the League of Voters.",
    "The state attorney general said he would appeal the decision to the circuit court.",
]


async def article_rows(db: Database) -> list[dict]:
    async with db.connect() as conn:
        rows = (await conn.execute(select(articles).order_by(articles.c.id))).all()
    return [dict(r._mapping) for r in rows]


async def test_same_story_in_two_feeds_with_trackers_is_stored_once(
    any_db: Database, server: FeedServer, clock: FakeClock
) -> None:
    server.add(
        "/story", article_page("Judge blocks voter roll law", RULING), content_type="text/html"
    )
    link = server.url("/story")
    a = server.add("/a.xml", rss([Item("Judge blocks law", f"{link}?utm_source=a&utm_medium=rss")]))
    b = server.add("/b.xml", rss([Item("Judge blocks law", f"{link}?fbclid=xyz#top")]))
    settings = make_settings([a, b])
    report = await poll_feeds(any_db, settings, clock=clock)
    rows = await article_rows(any_db)
    assert (report.ok, report.failed, report.new_articles) == (2, 0, 1)
    assert [r["canonical_url"] for r in rows] == [link]
    assert rows[0]["url"] == link  # cards link to the story, not to a tracking URL
    assert "granted a preliminary injunction" in rows[0]["text"]
    assert server.hits("/story") <= 2  # each feed may fetch it once at most, stored once
    async with any_db.connect() as conn:
        assert len((await conn.execute(select(facts))).all()) == 1


async def test_first_poll_records_items_without_making_them_digestible(
    any_db: Database, server: FeedServer, clock: FakeClock
) -> None:
    server.add("/old", article_page("Old ruling", RULING), content_type="text/html")
    feed = server.add("/f.xml", rss([Item("Old ruling", server.url("/old"))]))
    settings = make_settings([feed], first_poll_records_only=True)
    await poll_feeds(any_db, settings, clock=clock)
    server.add(
        "/new", article_page("New ruling", [*RULING, "A new paragraph."]), content_type="text/html"
    )
    server.add(
        "/f.xml",
        rss([Item("Old ruling", server.url("/old")), Item("New ruling", server.url("/new"))]),
    )
    clock.advance(minutes=31)
    report = await poll_feeds(any_db, settings, clock=clock)
    rows = await article_rows(any_db)
    assert report.new_articles == 1
    assert [(r["title"], r["digestible"]) for r in rows] == [
        ("Old ruling", False),
        ("New ruling", True),
    ]


async def test_etag_not_modified_and_failures_are_counted_per_feed(
    any_db: Database, server: FeedServer, clock: FakeClock
) -> None:
    good = server.add("/good.xml", rss([]), etag='"1"')
    bad = server.add("/bad.xml", "oops", status=500)
    junk = server.add("/junk.xml", "<html>not a feed</html>", content_type="text/html")
    settings = make_settings([good, bad, junk])
    first = await poll_feeds(any_db, settings, clock=clock)
    assert (first.ok, first.not_modified, first.failed) == (1, 0, 2)
    assert sorted(first.errors) == [
        f"feed1 <{bad}>: HTTP 500 Internal Server Error",
        f"feed2 <{junk}>: not an RSS, Atom or JSON feed (the URL serves an HTML page)",
    ]
    clock.advance(minutes=31)
    second = await poll_feeds(any_db, settings, clock=clock)
    assert (second.not_modified, second.failed) == (1, 2)
    good_requests = [r for r in server.requests if r.path == "/good.xml"]
    assert good_requests[-1].headers.get("If-None-Match") == '"1"'
    clock.advance(minutes=31)
    third = await poll_feeds(any_db, settings, clock=clock)
    assert (third.not_modified, third.failed) == (1, 0)  # the failing feeds are backing off
    feeds = {f.url: f for f in await list_feeds(any_db)}
    assert feeds[bad].failure_count == 2 and feeds[bad].last_error.startswith("HTTP 500")


async def test_a_feed_failing_for_days_is_disabled_with_its_reason(
    any_db: Database, server: FeedServer, clock: FakeClock
) -> None:
    bad = server.add("/bad.xml", "", status=503)
    settings = make_settings([bad], disable_after_hours=24, backoff_max_minutes=60)
    disabled: list[str] = []
    for _ in range(40):
        report = await poll_feeds(any_db, settings, clock=clock)
        disabled += report.disabled
        clock.advance(hours=1)
    [feed] = await list_feeds(any_db)
    assert len(disabled) == 1 and "HTTP 503" in disabled[0]
    assert feed.disabled_reason and "failing since" in feed.disabled_reason
    polls = server.hits("/bad.xml")
    clock.advance(days=3)
    await poll_feeds(any_db, settings, clock=clock)
    assert server.hits("/bad.xml") == polls  # disabled feeds are not polled


async def test_unfetchable_page_falls_back_to_feed_content_with_the_reason(
    any_db: Database, server: FeedServer, clock: FakeClock
) -> None:
    server.add("/gone", "", status=404, content_type="text/html")
    server.add("/empty", "<html><body><nav>menu</nav></body></html>", content_type="text/html")
    feed = server.add(
        "/f.xml",
        rss(
            [
                Item("Gone ruling", server.url("/gone"), "<p>Judge X denied the motion.</p>"),
                Item("Empty page", server.url("/empty"), "Court Y upheld the statute."),
            ]
        ),
    )
    await poll_feeds(any_db, make_settings([feed]), clock=clock)
    rows = {r["title"]: r for r in await article_rows(any_db)}
    assert rows["Gone ruling"]["text"] == "Judge X denied the motion."
    assert rows["Gone ruling"]["extract_error"] == "HTTP 404 Not Found"
    assert rows["Empty page"]["extract_error"] == "no article text found on the page"
    assert rows["Empty page"]["outlet"] == "Test Legal Wire"


async def test_rel_canonical_dedupes_before_storing(
    any_db: Database, server: FeedServer, clock: FakeClock
) -> None:
    canonical = server.url("/canonical-story")
    server.add(
        "/amp/story",
        article_page("Story", RULING, canonical="/canonical-story"),
        content_type="text/html",
    )
    server.add(
        "/print/story",
        article_page("Story", [*RULING, "Print."], canonical=canonical),
        content_type="text/html",
    )
    feed = server.add(
        "/f.xml",
        rss([Item("Story", server.url("/amp/story")), Item("Story", server.url("/print/story"))]),
    )
    report = await poll_feeds(any_db, make_settings([feed]), clock=clock)
    rows = await article_rows(any_db)
    assert report.new_articles == 1 and [r["canonical_url"] for r in rows] == [canonical]


async def test_private_feed_url_is_refused_when_private_networks_are_not_allowed(
    any_db: Database, server: FeedServer, clock: FakeClock
) -> None:
    feed = server.add("/f.xml", rss([]))
    report = await poll_feeds(
        any_db, make_settings([feed], allow_private_networks=False), clock=clock
    )
    assert report.failed == 1 and "loopback address" in report.errors[0]
    assert server.hits("/f.xml") == 0


async def test_fetch_article_url_stores_article_and_facts_once(
    any_db: Database, server: FeedServer, clock: FakeClock
) -> None:
    url = server.add(
        "/story", article_page("Judge blocks voter roll law", RULING), content_type="text/html"
    )
    settings = make_settings()
    article, _facts = await fetch_article_url(any_db, settings, url + "?utm_source=x", clock=clock)
    again, _ = await fetch_article_url(any_db, settings, url, clock=clock)
    assert article.id == again.id and article.title == "Judge blocks voter roll law"
    assert server.hits("/story") == 1
    async with any_db.connect() as conn:
        assert len((await conn.execute(select(facts))).all()) == 1


async def test_fetch_article_url_errors_are_one_line(
    any_db: Database, server: FeedServer, clock: FakeClock
) -> None:
    empty = server.add("/empty", "<html><body></body></html>", content_type="text/html")
    pdf = server.add("/doc.pdf", b"%PDF-1.4", content_type="application/pdf")
    settings = make_settings()
    with pytest.raises(FetchError, match="no article text"):
        await fetch_article_url(any_db, settings, empty, clock=clock)
    with pytest.raises(FetchError, match="not an HTML page"):
        await fetch_article_url(any_db, settings, pdf, clock=clock)
    with pytest.raises(BlockedAddressError):
        await fetch_article_url(
            any_db, make_settings(allow_private_networks=False), empty, clock=clock
        )
    with pytest.raises(BlockedAddressError, match="only http and https"):
        await fetch_article_url(any_db, settings, "ftp://x/y", clock=clock)


async def test_injected_fetcher_is_used_and_left_open(
    sqlite_db: Database, server: FeedServer, clock: FakeClock
) -> None:
    feed = server.add("/f.xml", rss([]))
    settings = make_settings([feed], allow_private_networks=False)
    fetcher = Fetcher(
        FetchSettings(allow_private_networks=False), trusted_networks=["127.0.0.1/32"]
    )
    report = await poll_feeds(sqlite_db, settings, clock=clock, fetcher=fetcher)
    assert report.ok == 1
    clock.advance(timedelta(hours=1).total_seconds())
    assert (await poll_feeds(sqlite_db, settings, clock=clock, fetcher=fetcher)).ok == 1
    await fetcher.aclose()


async def test_feeds_in_any_shape_are_read_and_their_items_stored(
    any_db: Database, server: FeedServer, clock: FakeClock
) -> None:
    cp1252 = rss(
        [Item("Court’s “final” word — café", server.url("/a"), "Texte")], encoding="cp1252"
    )
    broken = rss([Item("Readable ruling", server.url("/b"), "The court ruled.")]).replace(
        b"</channel></rss>", b"<item><title>cut & off"
    )
    urls = [
        server.add("/cp1252.xml", cp1252, content_type="text/xml"),
        server.add("/broken.xml", broken),
        server.add("/gz.xml", rss([Item("Zipped ruling", server.url("/c"), "Gz.")]), gzip=True),
        server.add("/atom.xml", atom([Item("Atom ruling", server.url("/d"), "Atom text.")])),
    ]
    report = await poll_feeds(any_db, make_settings(urls, fetch_pages=False), clock=clock)
    titles = sorted(r["title"] for r in await article_rows(any_db))
    assert report.ok == 4 and report.failed == 0
    assert titles == sorted(
        ["Court’s “final” word — café", "Readable ruling", "Zipped ruling", "Atom ruling"]
    )
    assert any("malformed XML" in w for w in report.warnings)
