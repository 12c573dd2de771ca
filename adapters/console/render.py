"""Reply → rich renderables for the terminal; pure translation, no I/O.

Everything that came from an article is wrapped in `Text` (never parsed as rich markup), so a
headline such as "[bold]…" or "[link=…]" prints literally instead of restyling the terminal.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from bot.models import Card, Reply


def render_card(card: Card) -> Panel:
    """Headline, link, summary, Judge · Court · Outcome · Parties, then context."""
    parts: list[RenderableType] = []
    if card.url:
        parts.append(Text(card.url, style=f"link {card.url} blue underline"))
    if card.summary and card.summary != card.title:
        parts.append(Text(card.summary))
    if card.fields:
        line = Text()
        for index, (name, value) in enumerate(card.fields):
            if index:
                line.append(" · ", style="dim")
            line.append(f"{name}: ", style="bold")
            line.append(value)
        parts.append(line)
    if card.context:
        parts.append(Text(card.context, style="dim"))
    return Panel(
        Group(*parts),
        title=Text(card.title, style="bold"),
        title_align="left",
        border_style="cyan",
    )


def render_reply(reply: Reply, *, in_thread: bool = False) -> RenderableType:
    parts: list[RenderableType] = []
    # A card's own plain-text fallback (its headline) would only repeat the card's title.
    repeats_card = bool(reply.cards) and reply.text.startswith(reply.cards[0].title)
    if reply.text and not repeats_card:
        parts.append(Text(reply.text, style="bold red" if reply.is_error else ""))
    parts.extend(render_card(card) for card in reply.cards)
    for sentence in reply.evidence:
        parts.append(Text(f"  “{sentence}”", style="italic dim"))
    group = Group(*parts)
    return Padding(group, (0, 0, 0, 4)) if in_thread else group
