"""Commands executed through the Core on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot import messages
from bot.clock import FakeClock
from bot.commands import parse_command
from bot.core import Core
from bot.models import ChannelRef, Command, CommandKind
from bot.settings import Settings
from bot.store import Database
from bot.store.channels import get_channel, list_subscriptions
from bot.store.db import create_engine
from tests.core.seed import make_ruling, seed_dev_rulings, store_ruling

CHANNEL = ChannelRef("discord", "C42", "G1")
NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def core(any_db: Database) -> Core:
    return Core(any_db, Settings(feed_catalog=""), FakeClock(NOW))


async def run(core: Core, text: str, *, can_manage: bool = True):  # type: ignore[no-untyped-def]
    command = parse_command(text, channel=CHANNEL, user_id="U9", can_manage=can_manage)
    return await core.handle_command(command)


async def test_latest_shows_the_five_newest_rulings_as_cards(core: Core, any_db: Database) -> None:
    stored = await seed_dev_rulings(any_db)
    reply = await run(core, "")
    # Newest first; 031 is not a ruling, so the five newest rulings are 036…032.
    assert [c.article_id for c in reply.cards] == [
        stored[i].id for i in ("036", "035", "034", "033", "032")
    ]
    assert not reply.ephemeral and not reply.is_error
    assert reply.cards[0].fields[0] == ("Judge", "Administrative Law Judge Anita Mercado-Lyle")


async def test_latest_with_nothing_stored_says_so(core: Core) -> None:
    reply = await run(core, "")
    assert reply.text == messages.NO_RULINGS_YET and reply.cards == ()


async def test_search_puts_the_judges_ruling_first(core: Core, any_db: Database) -> None:
    stored = await seed_dev_rulings(any_db)
    reply = await run(core, "tolland")
    assert reply.cards[0].article_id == stored["001"].id
    assert "tolland" in reply.text


async def test_search_with_a_filter_keeps_only_rulings_that_satisfy_it(
    core: Core, any_db: Database
) -> None:
    stored = await seed_dev_rulings(any_db)
    reply = await run(core, "outcome:blocked")
    blocked = {stored[i].id for i in ("001", "003", "020", "022")}
    assert {c.article_id for c in reply.cards} == blocked


async def test_search_without_a_match_says_no_stored_ruling_matches(
    core: Core, any_db: Database
) -> None:
    await seed_dev_rulings(any_db)
    reply = await run(core, "zeppelin quokka")
    assert reply.text == messages.NO_MATCH.format(query="zeppelin quokka")
    assert reply.cards == () and reply.ephemeral


async def test_search_ignores_articles_that_are_not_rulings(core: Core, any_db: Database) -> None:
    article, facts = make_ruling("nominee", text="Senate hears nominee Vexley.", is_ruling=False)
    await store_ruling(any_db, article, facts)
    reply = await run(core, "vexley")
    assert reply.cards == ()


async def test_help_is_ephemeral_and_lists_every_subcommand(core: Core) -> None:
    reply = await run(core, "help")
    assert reply.ephemeral and not reply.is_error
    for word in ("subscribe", "unsubscribe", "subscriptions", "digest", "outcome:", "blocked"):
        assert word in reply.text


async def test_an_unexpected_failure_becomes_a_one_line_ephemeral_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A database file in a directory that does not exist: every query fails.
    broken = Database(create_engine(f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'x.db'}"))
    core = Core(broken, Settings(feed_catalog=""), FakeClock(NOW))
    for text in ("tolland", "", "digest 08:00 UTC", "subscribe tariffs"):
        reply = await run(core, text)
        assert reply.is_error and reply.ephemeral
        assert reply.text == messages.INTERNAL_ERROR
    await broken.close()


async def test_a_command_built_by_an_adapter_with_bad_arguments_gets_the_usage_line(
    core: Core, any_db: Database
) -> None:
    command = Command(CommandKind.DIGEST_SET, CHANNEL, "U9", args=("25:99", "UTC"))
    reply = await core.handle_command(command)
    assert reply.is_error and reply.ephemeral
    assert messages.USAGE_DIGEST in reply.text
    assert await get_channel(any_db, CHANNEL) is None


# --- subscriptions -------------------------------------------------------------------------------


async def test_subscribe_list_and_unsubscribe_are_persisted(core: Core, any_db: Database) -> None:
    reply = await run(core, 'subscribe immigration court:"9th Circuit"')
    assert not reply.is_error
    assert "“immigration” and court “9th circuit”" in reply.text
    assert messages.NO_DIGEST_HINT.strip() in reply.text
    await run(core, "subscribe outcome:struck")
    channel = await get_channel(any_db, CHANNEL)
    assert channel is not None
    subs = await list_subscriptions(any_db, channel.id)
    assert [s.query for s in subs] == ['immigration court:"9th circuit"', "outcome:struck_down"]
    assert subs[0].filters == {"words": ["immigration"], "court": ["9th circuit"]}
    assert subs[0].filters and subs[1].filters == {"outcome": ["struck_down"]}

    listing = await run(core, "subscriptions")
    assert listing.ephemeral
    assert "1. “immigration” and court “9th circuit”" in listing.text
    assert "2. outcome struck down" in listing.text

    again = await run(core, "subscribe court:“9th circuit” Immigration")
    assert "already subscribed" in again.text
    assert len(await list_subscriptions(any_db, channel.id)) == 2

    gone = await run(core, "unsubscribe Immigration court:'9th circuit'".replace("'", '"'))
    assert "Unsubscribed" in gone.text
    assert [s.query for s in await list_subscriptions(any_db, channel.id)] == [
        "outcome:struck_down"
    ]


async def test_unsubscribe_by_number_all_and_unknown_terms(core: Core, any_db: Database) -> None:
    for terms in ("tariffs", "judge:ortiz", "party:texas"):
        await run(core, f"subscribe {terms}")
    channel = await get_channel(any_db, CHANNEL)
    assert channel is not None

    missing = await run(core, "unsubscribe vaccines")
    assert missing.is_error and "not subscribed" in missing.text and "judge:ortiz" in missing.text
    which = await run(core, "unsubscribe")
    assert which.is_error and "3 subscriptions" in which.text
    out_of_range = await run(core, "unsubscribe 7")
    assert out_of_range.is_error
    assert len(await list_subscriptions(any_db, channel.id)) == 3

    await run(core, "unsubscribe 2")
    assert [s.query for s in await list_subscriptions(any_db, channel.id)] == [
        "tariffs",
        "party:texas",
    ]
    everything = await run(core, "unsubscribe all")
    assert "2 subscriptions" in everything.text
    assert await list_subscriptions(any_db, channel.id) == []
    assert (await run(core, "unsubscribe all")).text == messages.UNSUBSCRIBE_NOTHING


async def test_subscriptions_of_a_new_channel_are_none(core: Core) -> None:
    assert (await run(core, "subscriptions")).text == messages.SUBSCRIPTIONS_NONE


async def test_subscription_changes_need_manage_channels(core: Core, any_db: Database) -> None:
    await run(core, "subscribe tariffs")
    for text in ("subscribe vaccines", "unsubscribe tariffs", "unsubscribe all"):
        reply = await run(core, text, can_manage=False)
        assert reply.is_error and reply.ephemeral
        assert reply.text == messages.NEED_MANAGE_SUBSCRIPTIONS
    channel = await get_channel(any_db, CHANNEL)
    assert channel is not None
    assert [s.query for s in await list_subscriptions(any_db, channel.id)] == ["tariffs"]
    assert not (await run(core, "subscriptions", can_manage=False)).is_error


# --- digest schedule ----------------------------------------------------------------------------


async def test_digest_set_show_and_off_are_persisted(core: Core, any_db: Database) -> None:
    reply = await run(core, "digest 08:00 America/Chicago")
    assert not reply.is_error
    # 15:00 UTC on Monday is 09:00 in Chicago, so the next 08:00 is Tuesday's.
    assert "08:00 America/Chicago" in reply.text and "Tue Mar 03, 08:00 CST" in reply.text
    channel = await get_channel(any_db, CHANNEL)
    assert channel is not None
    assert (channel.digest_time, channel.timezone) == ("08:00", "America/Chicago")

    shown = await run(core, "digest", can_manage=False)
    assert shown.ephemeral and not shown.is_error and "08:00 America/Chicago" in shown.text

    await run(core, "digest 10:30")  # the timezone stays
    channel = await get_channel(any_db, CHANNEL)
    assert channel is not None
    assert (channel.digest_time, channel.timezone) == ("10:30", "America/Chicago")

    assert (await run(core, "digest off")).text == messages.DIGEST_OFF
    channel = await get_channel(any_db, CHANNEL)
    assert channel is not None and channel.digest_time is None
    assert (await run(core, "digest")).text == messages.DIGEST_SHOW_OFF
    assert (await run(core, "digest off")).text == messages.DIGEST_ALREADY_OFF


@pytest.mark.parametrize(
    "args", [("25:00", "America/Chicago"), ("08:00", "Mars/Olympus"), ("noon", "UTC")]
)
async def test_a_bad_time_or_timezone_changes_nothing(
    core: Core, any_db: Database, args: tuple[str, str]
) -> None:
    await run(core, "digest 07:15 Europe/Berlin")
    # Built directly, as an adapter with typed options might: the executor validates again.
    reply = await core.handle_command(Command(CommandKind.DIGEST_SET, CHANNEL, "U9", args=args))
    assert reply.is_error and reply.ephemeral and messages.USAGE_DIGEST in reply.text
    channel = await get_channel(any_db, CHANNEL)
    assert channel is not None
    assert (channel.digest_time, channel.timezone) == ("07:15", "Europe/Berlin")


async def test_digest_changes_need_manage_channels(core: Core, any_db: Database) -> None:
    await run(core, "digest 07:15 Europe/Berlin")
    for text in ("digest 09:00 UTC", "digest off"):
        reply = await run(core, text, can_manage=False)
        assert reply.is_error and reply.ephemeral
        assert reply.text == messages.NEED_MANAGE_DIGEST
    channel = await get_channel(any_db, CHANNEL)
    assert channel is not None
    assert (channel.digest_time, channel.timezone) == ("07:15", "Europe/Berlin")


async def test_one_story_from_several_outlets_is_one_card_naming_the_others(
    core: Core, any_db: Database
) -> None:
    story = dict(
        judges=("Elena Rivera",),
        court="U.S. District Court for the District of Oregon",
        plaintiffs=("Oregon Trail Riders",),
        defendants=("Bureau of Land Management",),
        outcome="blocked",
    )
    wire, wire_facts = make_ruling("wire", title="Judge Rivera blocks trail closure", **story)
    local, local_facts = make_ruling(
        "local", title="Trail closure halted by Rivera", when=NOW, **story
    )
    local.outlet = "Valley Gazette"
    other, other_facts = make_ruling(
        "other", title="Judge Rivera denies bail", judges=("Elena Rivera",), outcome="denied"
    )
    for article, facts in ((wire, wire_facts), (local, local_facts), (other, other_facts)):
        await store_ruling(any_db, article, facts)

    for text in ("", "rivera"):
        reply = await run(core, text)
        assert len(reply.cards) == 2
        merged = [c for c in reply.cards if "also reported by" in (c.context or "")]
        assert len(merged) == 1
        assert "Example News" in (merged[0].context or "") or "Valley Gazette" in (
            merged[0].context or ""
        )


async def test_the_confirmation_names_the_next_digest_across_a_dst_change(any_db: Database) -> None:
    # Saturday 09:00 CST; clocks spring forward overnight, so Sunday's 08:00 is CDT.
    core = Core(
        any_db, Settings(feed_catalog=""), FakeClock(datetime(2026, 3, 7, 15, 0, tzinfo=UTC))
    )
    reply = await run(core, "digest 8am America/Chicago")
    assert "(next: Sun Mar 08, 08:00 CDT)" in reply.text
