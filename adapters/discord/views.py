"""The "Ask a question" button under each ruling and the modal it opens.

The button is a persistent dynamic item: its custom_id carries the article id, so it keeps
working after a restart without any stored view. The modal's submit is handed to the adapter
(found on the client as `client.rulingbot`), which asks the core.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord

from adapters.discord import translate
from bot import messages

logger = logging.getLogger(__name__)

QUESTION_MAX = 500


class AskButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.escape(translate.ASK_PREFIX) + r"(?P<article_id>[0-9]{1,19})",
):
    def __init__(self, article_id: int, label: str = messages.DISCORD_ASK_BUTTON) -> None:
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.secondary,
                custom_id=translate.ask_custom_id(article_id),
            )
        )
        self.article_id = article_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction,
        item: discord.ui.Item[Any],
        match: re.Match[str],
    ) -> AskButton:
        label = getattr(item, "label", None) or messages.DISCORD_ASK_BUTTON
        return cls(int(match["article_id"]), label=label)

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(AskModal(self.article_id))


class AskModal(discord.ui.Modal):
    def __init__(self, article_id: int) -> None:
        super().__init__(
            title=messages.DISCORD_ASK_MODAL_TITLE,
            custom_id=translate.ask_modal_custom_id(article_id),
            timeout=900,
        )
        self.article_id = article_id
        self.question: discord.ui.TextInput[AskModal] = discord.ui.TextInput(
            label=messages.DISCORD_ASK_FIELD_LABEL,
            custom_id=translate.QUESTION_FIELD,
            style=discord.TextStyle.paragraph,
            placeholder=messages.DISCORD_ASK_FIELD_PLACEHOLDER,
            max_length=QUESTION_MAX,
        )
        self.add_item(self.question)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        adapter = getattr(interaction.client, "rulingbot", None)
        if adapter is None:
            logger.warning("modal submitted to a client without an adapter")
            return
        await adapter.answer_modal(interaction, self.article_id, self.question.value)


def ask_view(labels_and_ids: list[tuple[str, int]]) -> discord.ui.View | None:
    """A view of "Ask" buttons, already stopped: the dynamic item answers the clicks, so the
    client need not keep one view per posted message in memory."""
    if not labels_and_ids:
        return None
    view = discord.ui.View(timeout=None)
    for label, article_id in labels_and_ids[:25]:
        view.add_item(AskButton(article_id, label=label))
    view.stop()
    return view
