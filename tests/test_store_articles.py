"""Articles are stored once by canonical URL or content hash; facts once per extractor version."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.models import Article, ChannelRef, Facts, Judge, Outcome, ThreadRef
from bot.store import Database
from bot.store.articles import (
    content_hash,
    get_facts,
    rulings_between,
    save_article,
    save_facts,
    search_rulings,
)
from bot.store.channels import add_subscription, ensure_channel, list_subscriptions
from bot.store.threads import claim_event, record_thread, thread_article

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def make_article(url: str, text: str, *, fetched: datetime = NOW) -> Article:
    return Article(
        url=url,
        canonical_url=url,
        title="Judge rules",
        text=text,
        content_hash=content_hash(text),
        outlet="Example News",
        fetched_at=fetched,
    )


async def test_same_canonical_url_or_same_text_is_stored_once(any_db: Database) -> None:
    first = await save_article(any_db, make_article("https://a.example/1", "Some ruling text."))
    again = await save_article(any_db, make_article("https://a.example/1", "Edited text."))
    same_text = await save_article(
        any_db, make_article("https://b.example/x", "some   RULING text.")
    )
    assert first.created and not again.created and not same_text.created
    assert again.article.id == first.article.id == same_text.article.id


async def test_facts_are_kept_per_extractor_version_and_searchable(any_db: Database) -> None:
    saved = await save_article(any_db, make_article("https://a.example/2", "Text."))
    facts = Facts(
        is_ruling=True,
        headline="Judge Friedrich denies injunction",
        judges=(Judge("Dabney Friedrich", "U.S. District Judge"),),
        outcome=Outcome("denied", "denied", "preliminary injunction"),
        plaintiffs=("Centro de Trabajadores Unidos",),
        defendants=("Internal Revenue Service",),
    )
    await save_facts(any_db, saved.article, facts, extractor="rules", version="1", now=NOW)
    await save_facts(any_db, saved.article, facts, extractor="rules", version="1", now=NOW)
    assert await get_facts(any_db, saved.article.id, extractor="rules") == facts
    hits = await search_rulings(any_db, ["friedrich"])
    assert [a.id for a, _, _ in hits] == [saved.article.id]
    assert await search_rulings(any_db, ["nobody"]) == []
    window = await rulings_between(any_db, after=NOW - timedelta(hours=1), until=NOW)
    assert [a.id for a, _ in window] == [saved.article.id]
    assert await rulings_between(any_db, after=NOW) == []


async def test_channels_subscriptions_threads_and_events(any_db: Database) -> None:
    ref = ChannelRef("slack", "C1", "T1")
    row = await ensure_channel(any_db, ref, now=NOW)
    assert (await ensure_channel(any_db, ref, now=NOW + timedelta(days=1))).since == row.since
    assert await add_subscription(any_db, row.id, "judge:ortiz", {"judge": ["ortiz"]}, now=NOW)
    assert not await add_subscription(any_db, row.id, "judge:ortiz", {}, now=NOW)
    assert [s.query for s in await list_subscriptions(any_db, row.id)] == ["judge:ortiz"]

    saved = await save_article(any_db, make_article("https://a.example/3", "Other text."))
    thread = ThreadRef("slack", "C1", "1700000000.000100")
    await record_thread(any_db, thread, saved.article.id, now=NOW)
    found = await thread_article(any_db, thread)
    assert found is not None and found[1] == saved.article.id
    assert await claim_event(any_db, "slack", "Ev1", now=NOW)
    assert not await claim_event(any_db, "slack", "Ev1", now=NOW)
