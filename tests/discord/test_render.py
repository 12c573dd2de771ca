"""Reply → Discord messages: embeds for ruling cards, paged within Discord's limits."""

from __future__ import annotations

from adapters.discord import render
from bot.models import Card, Reply
from tests.fakes.discord_api import check_message_limits


def card(n: int, *, long: bool = False) -> Card:
    pad = "x" * 5000 if long else ""
    return Card(
        title=f"Judge blocks rule {n} " + pad,
        summary=f"A federal judge blocked rule {n}. " + pad,
        url=f"https://news.example.org/{n}",
        fields=(
            ("Judge", "Judge Maria Ortiz" + pad),
            ("Court", "U.S. District Court"),
            ("Outcome", "Blocked (preliminary injunction)"),
            ("Parties", "Texas v. Department of Transit" + pad),
        ),
        context=f"Example News · Mar 0{n % 9 + 1}, 2025 09:00 UTC",
        article_id=n,
    )


def body(page: render.Page) -> dict:
    rows = [
        {"type": 1, "components": [{"type": 2, "custom_id": f"rulingbot:ask:{c.article_id}"}]}
        for c in page.cards
    ]
    return {"content": page.content, "embeds": list(page.embeds), "components": rows[:5]}


def test_card_becomes_an_embed_with_link_summary_fields_and_footer() -> None:
    embed = render.card_embed(card(1))
    assert embed["title"] == "Judge blocks rule 1"
    assert embed["url"] == "https://news.example.org/1"
    assert embed["description"] == "A federal judge blocked rule 1."
    assert [f["name"] for f in embed["fields"]] == ["Judge", "Court", "Outcome", "Parties"]
    assert embed["fields"][3]["inline"] is False
    assert embed["footer"]["text"].startswith("Example News")


def test_oversized_card_is_cut_to_every_embed_limit() -> None:
    embed = render.card_embed(card(2, long=True))
    assert len(embed["title"]) <= 256
    assert len(embed["description"]) <= 4096
    assert all(len(f["value"]) <= 1024 for f in embed["fields"])
    assert render.embed_length(embed) <= 6000
    assert check_message_limits({"embeds": [embed]}) is None


def test_non_http_links_are_not_embedded() -> None:
    embed = render.card_embed(Card(title="t", summary="s", url="javascript:alert(1)"))
    assert "url" not in embed


def test_thirty_rulings_are_paged_within_the_message_limits() -> None:
    reply = Reply(
        text="30 rulings matching “ortiz”, best first:", cards=tuple(card(i) for i in range(30))
    )
    pages = render.render_reply(reply)
    assert len(pages) == 3
    assert pages[0].content.startswith("30 rulings")
    assert sum(len(p.embeds) for p in pages) == 30
    for page in pages:
        assert len(page.embeds) <= 10
        assert sum(render.embed_length(e) for e in page.embeds) <= 6000
        assert check_message_limits(body(page)) is None


def test_big_embeds_page_by_total_size_before_count() -> None:
    pages = render.render_reply(Reply(text="", cards=tuple(card(i, long=True) for i in range(4))))
    assert len(pages) >= 4  # each oversized card fills a message on its own
    for page in pages:
        assert sum(render.embed_length(e) for e in page.embeds) <= 6000


def test_long_text_is_split_at_2000_characters() -> None:
    text = "\n".join(f"line {i} " + "word " * 30 for i in range(100))
    pages = render.render_reply(Reply(text=text))
    assert len(pages) > 1
    assert all(0 < len(p.content) <= 2000 for p in pages)
    assert " ".join(" ".join(p.content.split()) for p in pages) == " ".join(text.split())


def test_evidence_is_quoted_under_the_answer() -> None:
    pages = render.render_reply(Reply(text="The state sued.", evidence=("Texas sued the agency.",)))
    assert pages[0].content == "The state sued.\n> Texas sued the agency."


def test_single_card_message_is_about_one_ruling_and_asks_about_it() -> None:
    (page,) = render.render_reply(Reply(text="fallback", cards=(card(5),)), header_with_cards=False)
    assert page.content == ""
    assert page.single_card is not None and page.single_card.article_id == 5
    assert render.ask_button_label(page, 0) == "Ask a question"


def test_multi_card_pages_number_their_buttons() -> None:
    (page,) = render.render_reply(Reply(text="3 rulings", cards=tuple(card(i) for i in range(3))))
    assert page.single_card is None
    assert render.ask_button_label(page, 2) == "Ask about #3"
