"""`Reply` → Block Kit messages, within Slack's limits (pure; no I/O).

Slack refuses a message with more than 50 blocks, a text object over 3,000 characters, or
(in practice) more than about 12k characters of blocks (`msg_blocks_too_long`). A reply that
would break a limit is truncated per text object (with an ellipsis) and paged across several
messages; every message carries a plain `text` fallback for notifications and screen readers.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from bot.models import Card, Reply

logger = logging.getLogger(__name__)

MAX_BLOCKS = 50
MAX_TEXT = 3000  # section / context text objects
MAX_FIELD = 2000  # each section field (Slack's limit)
CARD_FIELD = 500  # our own cap per card field and context, so one card stays well under a page
MAX_FIELDS = 10  # fields per section
MAX_FALLBACK = 3000  # the `text` fallback beside blocks
MAX_MESSAGE_CHARS = 12_000  # serialised blocks per message, a margin under Slack's ~13k
ELLIPSIS = "…"

Block = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SlackMessage:
    """One `chat.postMessage` / `response_url` body: the fallback text and its blocks."""

    text: str
    blocks: tuple[Block, ...]

    def payload(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": list(self.blocks)}


def truncate(text: str, limit: int) -> str:
    """Cut `text` to `limit` characters, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, label: str) -> str:
    """An mrkdwn link; `|` and `>` in the URL would end the link early, so they are encoded."""
    safe_url = escape(url).replace("|", "%7C")
    return f"<{safe_url}|{escape(label).replace('|', '¦')}>"


def _mrkdwn(text: str, limit: int = MAX_TEXT) -> dict[str, str]:
    return {"type": "mrkdwn", "text": truncate(text, limit)}


def _section(text: str) -> Block:
    return {"type": "section", "text": _mrkdwn(text)}


def text_blocks(text: str) -> list[Block]:
    """Plain reply text as sections; text over one section's limit continues in the next."""
    text = text.strip()
    if not text:
        return []
    escaped = escape(text)
    chunks: list[str] = []
    while len(escaped) > MAX_TEXT:
        cut = escaped.rfind("\n", 0, MAX_TEXT)
        if cut < MAX_TEXT // 2:
            cut = escaped.rfind(" ", 0, MAX_TEXT)
        if cut < MAX_TEXT // 2:
            cut = MAX_TEXT
        chunks.append(escaped[:cut])
        escaped = escaped[cut:].lstrip()
    chunks.append(escaped)
    return [_section(chunk) for chunk in chunks if chunk]


def evidence_blocks(evidence: tuple[str, ...]) -> list[Block]:
    """The article sentences an answer rests on, quoted so a reader can check them."""
    quoted = "\n".join(
        "> " + escape(" ".join(sentence.split())) for sentence in evidence if sentence
    )
    return [_section(quoted)] if quoted else []


def card_blocks(card: Card) -> list[Block]:
    """One ruling: linked headline + summary, the facts as fields, outlet and time as context."""
    title = f"*{link(card.url, card.title)}*" if card.url else f"*{escape(card.title)}*"
    head = title
    if card.summary and card.summary != card.title:
        head += "\n" + escape(" ".join(card.summary.split()))
    blocks: list[Block] = [_section(head)]
    fields = [
        _mrkdwn(f"*{escape(name)}*\n{escape(value)}", CARD_FIELD)
        for name, value in card.fields[:MAX_FIELDS]
        if value
    ]
    if fields:
        blocks.append({"type": "section", "fields": fields})
    if card.context:
        blocks.append({"type": "context", "elements": [_mrkdwn(escape(card.context), CARD_FIELD)]})
    return blocks


def card_fallback(card: Card) -> str:
    """The plain-text line a notification shows for a card."""
    facts = " · ".join(f"{name}: {value}" for name, value in card.fields if value)
    return " — ".join(part for part in (card.title, facts) if part)


def _size(blocks: list[Block]) -> int:
    return len(json.dumps(blocks, ensure_ascii=False))


def _units(reply: Reply) -> list[tuple[list[Block], str]]:
    """The reply as indivisible units (blocks + their fallback line), in display order."""
    units: list[tuple[list[Block], str]] = []
    for block in text_blocks(reply.text):
        units.append(([block], ""))
    if reply.evidence:
        units.append((evidence_blocks(reply.evidence), ""))
    for card in reply.cards:
        units.append((card_blocks(card), card_fallback(card)))
    return units


def render(reply: Reply) -> list[SlackMessage]:
    """Render `reply` as one message, or several when it exceeds a per-message limit.

    Cards are never split across messages; cards in one message are separated by dividers.
    """
    pages: list[tuple[list[Block], list[str]]] = []
    blocks: list[Block] = []
    lines: list[str] = []
    for unit, line in _units(reply):
        candidate = blocks + ([{"type": "divider"}] if blocks and line else []) + unit
        # One block and a few hundred characters stay free for the page marker.
        too_big = len(candidate) > MAX_BLOCKS - 1 or _size(candidate) > MAX_MESSAGE_CHARS - 200
        if blocks and too_big:
            pages.append((blocks, lines))
            blocks, lines = list(unit), [line] if line else []
            continue
        blocks = candidate
        if line:
            lines.append(line)
    if blocks or not pages:
        pages.append((blocks, lines))

    messages: list[SlackMessage] = []
    total = len(pages)
    for number, (page_blocks, page_lines) in enumerate(pages, start=1):
        fallback_parts = [reply.text.strip()] if number == 1 and reply.text.strip() else []
        fallback_parts.extend(page_lines)
        fallback = "\n".join(fallback_parts) or reply.text or " "
        if total > 1:
            fallback = f"({number}/{total}) {fallback}"
            if number > 1:
                page_blocks = [
                    {"type": "context", "elements": [_mrkdwn(f"({number}/{total})")]},
                    *page_blocks,
                ]
        messages.append(SlackMessage(truncate(fallback, MAX_FALLBACK), tuple(page_blocks)))
    if total > 1:
        logger.debug("reply paged into %d messages", total)
    return messages


def within_limits(message: SlackMessage) -> list[str]:
    """What in `message` breaks a Slack limit (empty when none); used by tests and checks."""
    problems: list[str] = []
    blocks = list(message.blocks)
    if len(blocks) > MAX_BLOCKS:
        problems.append(f"{len(blocks)} blocks > {MAX_BLOCKS}")
    if _size(blocks) > MAX_MESSAGE_CHARS:
        problems.append(f"{_size(blocks)} characters of blocks > {MAX_MESSAGE_CHARS}")
    if not message.text.strip():
        problems.append("no text fallback")
    if len(message.text) > MAX_FALLBACK:
        problems.append("text fallback too long")
    for block in blocks:
        texts = [block.get("text"), *block.get("fields", []), *block.get("elements", [])]
        for obj in texts:
            if obj and len(obj.get("text", "")) > MAX_TEXT:
                problems.append(f"{block['type']} text over {MAX_TEXT} characters")
        if len(block.get("fields", [])) > MAX_FIELDS:
            problems.append("more than 10 fields")
    return problems
