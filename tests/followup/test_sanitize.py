"""Untrusted questions: mentions stripped, controls removed, length capped on a word."""

from __future__ import annotations

from bot.followup.sanitize import clean_question, strip_mentions


def test_slack_and_discord_mentions_are_stripped() -> None:
    raw = "<@U123ABC> <@!4567> <@&89> <#C1|general> <!here> <:gavel:1234> who sued?"
    assert clean_question(raw, max_chars=500) == "who sued?"


def test_a_slack_link_keeps_its_label() -> None:
    assert strip_mentions("see <https://example.org/a|the story>") == "see the story"


def test_control_and_bidi_characters_are_removed() -> None:
    assert clean_question("who\u202e sued\x00?", max_chars=500) == "who sued ?"


def test_long_questions_are_cut_on_a_word_boundary() -> None:
    question = "why " + "really " * 200 + "?"
    cleaned = clean_question(question, max_chars=50)
    assert len(cleaned) <= 50
    assert cleaned.startswith("why really")
    assert not cleaned.endswith(" ")
    assert cleaned.split()[-1] == "really"
