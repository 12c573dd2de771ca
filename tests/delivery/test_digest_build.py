"""Digest assembly: rulings only, subscriptions, one item per story, ranking, the cap."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.digest import Verdict, build_digest
from bot.settings import Settings
from bot.store import Database
from bot.store.channels import add_subscription
from tests.delivery.factories import T0, add_channel, add_ruling

NOW = T0 + timedelta(hours=6)


async def test_only_rulings_after_the_cursor_are_in_the_digest(any_db: Database) -> None:
    old = await add_ruling(any_db, "old", fetched=T0 - timedelta(hours=30), judge="Ann Old")
    fresh = await add_ruling(any_db, "fresh", judge="Bea Fresh", plaintiffs=("Acme Widgets",))
    opinion = await add_ruling(any_db, "oped", is_ruling=False)
    first_poll = await add_ruling(any_db, "backlog", digestible=False, judge="Cy Back")
    channel = await add_channel(
        any_db, "C1", since=T0 - timedelta(days=3), last_digest_at=T0 - timedelta(hours=1)
    )
    plan = await build_digest(any_db, Settings(), channel, now=NOW)
    assert [i.article.id for i in plan.digest.items] == [fresh.id]
    assert plan.decision_for(opinion.id).verdict is Verdict.NOT_RULING
    assert plan.decision_for(first_poll.id).verdict is Verdict.FIRST_POLL
    assert plan.decision_for(old.id) is None  # before the cursor: not considered again
    assert plan.window_start == T0 - timedelta(hours=1) and plan.window_end == NOW


async def test_explicit_since_overrides_the_cursor(any_db: Database) -> None:
    old = await add_ruling(any_db, "old", fetched=T0 - timedelta(hours=30))
    channel = await add_channel(any_db, "C1", since=T0 - timedelta(days=3), last_digest_at=T0)
    plan = await build_digest(any_db, Settings(), channel, now=NOW, since=T0 - timedelta(days=2))
    assert [i.article.id for i in plan.digest.items] == [old.id]


async def test_the_same_story_from_two_outlets_is_one_item_also_reported_by(
    any_db: Database,
) -> None:
    lead = await add_ruling(any_db, "irs-a", outlet="Daily Law")
    twin = await add_ruling(
        any_db,
        "irs-b",
        outlet="Court Watch",
        judge="Judge Dabney L. Friedrich",
        plaintiffs=("Immigrant Solidarity DuPage", "Centro de Trabajadores Unidos"),
        fetched=T0 + timedelta(hours=2),
    )
    other = await add_ruling(
        any_db, "other", judge="Rosa Ortiz", outcome="granted", plaintiffs=("City of Chicago",)
    )
    channel = await add_channel(any_db, "C1")
    plan = await build_digest(any_db, Settings(), channel, now=NOW)
    by_lead = {i.article.id: i for i in plan.digest.items}
    assert set(by_lead) == {lead.id, other.id}
    assert [a.id for a in by_lead[lead.id].also_reported_by] == [twin.id]
    decision = plan.decision_for(twin.id)
    assert decision.verdict is Verdict.MERGED and decision.merged_into == lead.id
    assert lead.url in decision.detail


async def test_wire_copies_merge_by_text_even_when_facts_differ(any_db: Database) -> None:
    body = (
        "A federal judge on Monday refused to halt the agency's data-sharing agreement, "
        "finding that the plaintiffs were unlikely to succeed on the merits of their claims. "
        "The groups said they would appeal the decision to the circuit court."
    )
    a = await add_ruling(any_db, "wire-a", outlet="Daily Law", text=body)
    b = await add_ruling(
        any_db, "wire-b", outlet="Metro Paper", text=body + " Staff contributed.", judge="Unknown"
    )
    channel = await add_channel(any_db, "C1")
    plan = await build_digest(any_db, Settings(), channel, now=NOW)
    assert len(plan.digest.items) == 1
    assert {
        plan.digest.items[0].article.id,
        *(x.id for x in plan.digest.items[0].also_reported_by),
    } == {
        a.id,
        b.id,
    }


async def test_stories_too_far_apart_in_time_are_not_merged(any_db: Database) -> None:
    await add_ruling(any_db, "early", fetched=T0 - timedelta(days=9))
    await add_ruling(any_db, "late", outlet="Court Watch")
    channel = await add_channel(any_db, "C1", since=T0 - timedelta(days=10))
    plan = await build_digest(any_db, Settings(), channel, now=NOW)
    assert len(plan.digest.items) == 2


async def test_ranking_puts_more_outlets_and_higher_courts_first(any_db: Database) -> None:
    district = await add_ruling(any_db, "district", judge="Al Dist", plaintiffs=("Alpha",))
    supreme = await add_ruling(
        any_db,
        "supreme",
        judge="Mia Castellanos",
        court="U.S. Supreme Court",
        outcome="upheld",
        plaintiffs=("Desert Lampoon LLC",),
        fetched=T0 - timedelta(hours=3),
    )
    many = [
        await add_ruling(
            any_db,
            f"many-{outlet}",
            judge="Ola Many",
            outcome="blocked",
            plaintiffs=("Transit Riders Alliance",),
            outlet=outlet,
            fetched=T0 - timedelta(hours=4),
        )
        for outlet in ("Daily Law", "Court Watch", "Metro Paper")
    ]
    channel = await add_channel(any_db, "C1")
    plan = await build_digest(any_db, Settings(), channel, now=NOW)
    order = [i.article.id for i in plan.digest.items]
    assert order[0] in {m.id for m in many}
    assert order[1:] == [supreme.id, district.id]
    assert [i.score for i in plan.digest.items] == sorted(
        (i.score for i in plan.digest.items), reverse=True
    )


async def test_the_cap_keeps_the_best_items_and_records_the_rest_as_capped(
    any_db: Database,
) -> None:
    stored = [
        await add_ruling(
            any_db,
            f"r{i}",
            judge=f"Judge{i} Person{i}",
            plaintiffs=(f"Party{i} Name{i}",),
            fetched=T0 + timedelta(minutes=i),
        )
        for i in range(5)
    ]
    channel = await add_channel(any_db, "C1", max_items=3)
    plan = await build_digest(any_db, Settings(), channel, now=NOW)
    assert len(plan.digest.items) == 3
    capped = plan.with_verdict(Verdict.CAPPED)
    assert len(capped) == 2 and all("below the limit of 3" in d.detail for d in capped)
    # The limit argument wins over the channel's setting; the settings default applies last.
    assert (
        len((await build_digest(any_db, Settings(), channel, now=NOW, limit=1)).digest.items) == 1
    )
    plain = await add_channel(any_db, "C2")
    settings = Settings(digest={"max_items": 4})
    assert len((await build_digest(any_db, settings, plain, now=NOW)).digest.items) == 4
    assert {d.article_id for d in plan.decisions} == {a.id for a in stored}


async def test_subscriptions_filter_the_rulings_and_say_why(any_db: Database) -> None:
    subs = pytest.importorskip("bot.subscriptions")
    hit = await add_ruling(any_db, "hit", judge="Dabney Friedrich")
    miss = await add_ruling(any_db, "miss", judge="Rosa Ortiz", plaintiffs=("Chicago",))
    channel = await add_channel(any_db, "C1")
    filt = subs.parse_filter("judge:friedrich")
    await add_subscription(any_db, channel.id, "judge:friedrich", filt.to_dict(), now=T0)
    plan = await build_digest(any_db, Settings(), channel, now=NOW)
    assert [i.article.id for i in plan.digest.items] == [hit.id]
    decision = plan.decision_for(miss.id)
    assert decision.verdict is Verdict.FILTERED and "judge:friedrich" in decision.detail


async def test_a_day_without_rulings_gives_an_empty_plan_in_the_local_date(
    any_db: Database,
) -> None:
    channel = await add_channel(any_db, "C1", timezone="Pacific/Auckland")
    plan = await build_digest(any_db, Settings(), channel, now=NOW)
    assert plan.is_empty and plan.decisions == []
    assert plan.digest.local_date.isoformat() == "2026-03-03"  # already tomorrow in Auckland
