"""Reply → Block Kit: cards, escaping, evidence, truncation and paging within Slack's limits."""

from __future__ import annotations

import json

from adapters.slack.blocks import (
    MAX_BLOCKS,
    MAX_MESSAGE_CHARS,
    MAX_TEXT,
    escape,
    render,
    truncate,
    within_limits,
)
from bot.models import Card, Reply
from tests.slack.conftest import sample_card


def test_card_links_headline_to_article_with_escaped_url_and_text() -> None:
    card = sample_card(1)
    [message] = render(Reply(text="", cards=(card,)))
    head = message.blocks[0]["text"]["text"]
    assert head.startswith("*<https://news.example.org/2024/06/ruling-1?a=1&amp;b=&lt;2&gt;|")
    assert "Judge blocks state rule 1 on clinic funding>*" in head
    assert "rule 1 &amp; its &lt;cap&gt;." in head  # the one-line summary, escaped


def test_card_fields_are_judge_court_outcome_parties_and_context_is_outlet_and_time() -> None:
    [message] = render(Reply(text="", cards=(sample_card(2),)))
    fields = [f["text"].split("\n")[0] for f in message.blocks[1]["fields"]]
    assert fields == ["*Judge*", "*Court*", "*Outcome*", "*Parties*"]
    assert "Planned Parenthood v. State of Texas" in message.blocks[1]["fields"][3]["text"]
    context = message.blocks[2]
    assert context["type"] == "context"
    assert context["elements"][0]["text"] == "Example Law Wire · Jun 03, 2024 14:05 UTC"


def test_every_message_has_a_text_fallback_naming_the_ruling() -> None:
    [message] = render(Reply(text="", cards=(sample_card(3),)))
    assert "Judge blocks state rule 3" in message.text
    assert "Outcome: Blocked" in message.text


def test_digest_header_is_a_text_only_message() -> None:
    [message] = render(Reply(text="*Rulings for Monday, June 3* — 7 new"))
    assert message.text == "*Rulings for Monday, June 3* — 7 new"
    assert [b["type"] for b in message.blocks] == ["section"]


def test_answer_quotes_its_evidence() -> None:
    reply = Reply(
        text="Judge Lopez granted the injunction.",
        evidence=("The judge   granted a preliminary\ninjunction on Monday.", "She wrote <that>."),
    )
    [message] = render(reply)
    quote = message.blocks[1]["text"]["text"]
    assert quote == (
        "> The judge granted a preliminary injunction on Monday.\n> She wrote &lt;that&gt;."
    )


def test_long_text_objects_are_truncated_with_an_ellipsis() -> None:
    card = Card(title="T" * 50, summary="word " * 2000, url="https://x.example/a")
    [message] = render(Reply(text="", cards=(card,)))
    head = message.blocks[0]["text"]["text"]
    assert len(head) == MAX_TEXT
    assert head.endswith("…")
    assert within_limits(message) == []


def test_long_plain_text_continues_in_further_sections_not_lost() -> None:
    text = " ".join(f"w{i}" for i in range(3000))  # ~17k characters
    messages = render(Reply(text=text))
    sections = [b["text"]["text"] for m in messages for b in m.blocks if b["type"] == "section"]
    assert all(len(s) <= MAX_TEXT for s in sections)
    assert " ".join(sections).split() == text.split()
    assert all(within_limits(m) == [] for m in messages)


def test_thirty_ruling_search_result_is_paged_within_limits_and_keeps_order() -> None:
    cards = tuple(sample_card(i) for i in range(1, 31))
    messages = render(Reply(text="30 rulings match *texas*", cards=cards))
    assert len(messages) > 1
    for message in messages:
        assert within_limits(message) == []
        assert len(message.blocks) <= MAX_BLOCKS
        assert len(json.dumps(message.blocks)) <= MAX_MESSAGE_CHARS
    titles = [
        b["text"]["text"].split("|", 1)[1].split(">*")[0]
        for m in messages
        for b in m.blocks
        if b["type"] == "section" and "text" in b and b["text"]["text"].startswith("*<")
    ]
    assert titles == [f"Judge blocks state rule {i} on clinic funding" for i in range(1, 31)]
    assert messages[0].text.startswith(f"(1/{len(messages)}) 30 rulings match")
    assert messages[1].blocks[0]["elements"][0]["text"] == f"(2/{len(messages)})"


def test_many_small_cards_page_on_the_block_limit() -> None:
    cards = tuple(Card(title=f"R{i}", summary="", url=None) for i in range(80))
    messages = render(Reply(text="", cards=cards))
    assert len(messages) >= 2
    assert all(len(m.blocks) <= MAX_BLOCKS for m in messages)


def test_helpers_escape_and_truncate() -> None:
    assert escape("a & b < c > d") == "a &amp; b &lt; c &gt; d"
    assert truncate("abcdef", 4) == "abc…"
    assert truncate("abc", 4) == "abc"
