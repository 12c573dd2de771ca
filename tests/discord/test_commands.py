"""The registered command tree: names, options and the timezone autocomplete."""

from __future__ import annotations

from adapters.discord.commands import build_commands, timezone_choices
from adapters.discord.translate import PUBLIC_SUBCOMMANDS, SETUP_SUBCOMMANDS


async def noop(interaction: object) -> None:
    return None


def test_every_translated_subcommand_is_registered_and_nothing_else() -> None:
    ruling, setup = build_commands(noop)  # type: ignore[arg-type]
    assert {c.name for c in ruling.commands} == set(PUBLIC_SUBCOMMANDS)
    assert {c.name for c in setup.commands} == set(SETUP_SUBCOMMANDS)
    assert setup.default_permissions is not None and setup.default_permissions.manage_channels
    assert ruling.default_permissions is None


def test_timezone_autocomplete_offers_prefix_matches_first_and_at_most_25() -> None:
    names = [c.value for c in timezone_choices("america/chi")]
    assert names[0] == "America/Chicago"
    assert len(timezone_choices("")) == 25
    assert [c.value for c in timezone_choices("berlin")] == ["Europe/Berlin"]
    assert timezone_choices("no such zone") == []
