"""`Reply` → Discord messages: ruling cards as embeds, paged within Discord's message limits.

Pure functions producing plain dicts (the embed JSON Discord documents), so the limits are
tested without a client. Limits: content 2,000 characters; per message at most 10 embeds and
6,000 characters across them; per embed title 256, description 4,096, 25 fields (name 256,
value 1,024), footer 2,048. A reply that does not fit one message becomes several pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot import messages
from bot.models import Card, Reply

CONTENT_MAX = 2000
EMBEDS_PER_MESSAGE = 10
EMBED_TOTAL_MAX = 6000
TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
URL_MAX = 2048
BUTTONS_PER_ROW = 5
ROWS_PER_MESSAGE = 5

EMBED_COLOR = 0x2B5B84
_INLINE_FIELDS = {"Judge", "Court", "Outcome"}


@dataclass(frozen=True, slots=True)
class Page:
    """One Discord message: content, embeds, and the cards whose "Ask" buttons it carries."""

    content: str = ""
    embeds: tuple[dict[str, Any], ...] = ()
    cards: tuple[Card, ...] = field(default=())

    @property
    def single_card(self) -> Card | None:
        """The card this message is about, when it is about exactly one ruling."""
        return self.cards[0] if len(self.cards) == 1 else None


def truncate(text: str, limit: int) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def embed_length(embed: dict[str, Any]) -> int:
    """Characters Discord counts toward the 6,000 limit of one message's embeds."""
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for fld in embed.get("fields") or []:
        total += len(fld.get("name") or "") + len(fld.get("value") or "")
    return total


def card_embed(card: Card) -> dict[str, Any]:
    """One ruling card → one embed: linked title, summary, Judge · Court · Outcome · Parties."""
    embed: dict[str, Any] = {
        "type": "rich",
        "title": truncate(card.title, TITLE_MAX) or "Ruling",
        "color": EMBED_COLOR,
    }
    if card.url and card.url.startswith(("http://", "https://")) and len(card.url) <= URL_MAX:
        embed["url"] = card.url
    summary = truncate(card.summary, DESCRIPTION_MAX)
    if summary:
        embed["description"] = summary
    fields = []
    for name, value in card.fields[:FIELDS_MAX]:
        name, value = truncate(name, FIELD_NAME_MAX), truncate(value, FIELD_VALUE_MAX)
        if name and value:
            fields.append({"name": name, "value": value, "inline": name in _INLINE_FIELDS})
    if fields:
        embed["fields"] = fields
    if card.context:
        embed["footer"] = {"text": truncate(card.context, FOOTER_MAX)}
    _fit_embed(embed)
    return embed


def _fit_embed(embed: dict[str, Any]) -> None:
    """Shorten the description, then the fields, until one embed fits a message on its own."""
    excess = embed_length(embed) - EMBED_TOTAL_MAX
    if excess > 0 and embed.get("description"):
        keep = max(len(embed["description"]) - excess, 1)
        embed["description"] = truncate(embed["description"], keep)
    for fld in reversed(embed.get("fields") or []):
        excess = embed_length(embed) - EMBED_TOTAL_MAX
        if excess <= 0:
            break
        fld["value"] = truncate(fld["value"], max(len(fld["value"]) - excess, 1))


def split_text(text: str, limit: int = CONTENT_MAX) -> list[str]:
    """Split text into chunks of at most `limit` characters, at line or word breaks if possible."""
    text = text.strip()
    chunks: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit + 1)
        if cut < limit // 2:
            cut = text.rfind(" ", 0, limit + 1)
        if cut < limit // 2:
            cut = limit
        chunks.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        chunks.append(text)
    return chunks


def reply_text(reply: Reply) -> str:
    """The message text of a reply: its text, then the article sentences it rests on, quoted."""
    parts = [reply.text.strip()] if reply.text.strip() else []
    parts.extend(f"> {truncate(sentence, 1000)}" for sentence in reply.evidence if sentence)
    return "\n".join(parts)


def render_reply(reply: Reply, *, header_with_cards: bool = True) -> list[Page]:
    """Pages (one per Discord message) for a reply, every page within Discord's limits.

    A reply without cards is its text (with quoted evidence), split at 2,000 characters. A reply
    with cards puts its text first (when `header_with_cards`, e.g. "3 rulings matching …") and
    then the embeds, at most 10 and 6,000 characters per message; each message also carries one
    "Ask a question" button per card (at most 25 buttons fit, so 10 embeds always fit).
    """
    text_chunks = split_text(reply_text(reply)) if (header_with_cards or not reply.cards) else []
    if not reply.cards:
        return [Page(content=chunk) for chunk in text_chunks] or [Page(content="…")]
    pages: list[Page] = [Page(content=chunk) for chunk in text_chunks[:-1]]
    content = text_chunks[-1] if text_chunks else ""
    embeds: list[dict[str, Any]] = []
    cards: list[Card] = []
    size = 0
    for card in reply.cards:
        embed = card_embed(card)
        length = embed_length(embed)
        if embeds and (len(embeds) >= EMBEDS_PER_MESSAGE or size + length > EMBED_TOTAL_MAX):
            pages.append(Page(content=content, embeds=tuple(embeds), cards=tuple(cards)))
            content, embeds, cards, size = "", [], [], 0
        embeds.append(embed)
        cards.append(card)
        size += length
    pages.append(Page(content=content, embeds=tuple(embeds), cards=tuple(cards)))
    return pages


def ask_button_label(page: Page, index: int) -> str:
    """ "Ask a question" for a one-ruling message; numbered when a message shows several."""
    if len(page.cards) == 1:
        return messages.DISCORD_ASK_BUTTON
    return messages.DISCORD_ASK_NUMBERED.format(number=index + 1)
