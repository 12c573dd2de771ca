"""The console adapter: renders replies and cards, opens threads, reads typed commands."""

from __future__ import annotations

import io

from rich.console import Console

from adapters.console import TERMINAL, ConsoleAdapter, build
from bot.models import Card, Command, CommandKind, Question, Reply, ThreadRef
from bot.ports import ChatAdapter
from bot.settings import Secrets, Settings

CARD = Card(
    title="Judge denies injunction over IRS data sharing",
    summary="A federal judge refused to block the IRS from sharing addresses with ICE.",
    url="https://news.example/irs",
    fields=(
        ("Judge", "U.S. District Judge Dabney Friedrich"),
        ("Outcome", "Denied (preliminary injunction)"),
        ("Parties", "Centro de Trabajadores Unidos v. Scott Bessent"),
    ),
    context="Example News · Mar 02, 2026 12:00 UTC",
    article_id=7,
)


class RecordingHandler:
    def __init__(self) -> None:
        self.commands: list[Command] = []
        self.questions: list[Question] = []
        self.threads: list[tuple[ThreadRef, int]] = []

    async def handle_command(self, command: Command) -> Reply:
        self.commands.append(command)
        return Reply(text="Latest rulings", cards=(CARD,))

    async def handle_question(self, question: Question) -> Reply | None:
        self.questions.append(question)
        return Reply(text="Dabney Friedrich ruled.", evidence=("Judge Friedrich denied it.",))

    async def thread_opened(self, thread: ThreadRef, article_id: int) -> None:
        self.threads.append((thread, article_id))


def adapter() -> tuple[ConsoleAdapter, io.StringIO]:
    out = io.StringIO()
    return ConsoleAdapter(Console(file=out, width=200), interactive=False), out


def test_console_adapter_is_a_chat_adapter() -> None:
    console = build(Settings(feed_catalog=""), Secrets(), db=None)  # type: ignore[arg-type]
    assert isinstance(console, ChatAdapter) and console.platform == "console"


async def test_card_renders_headline_link_fields_and_context() -> None:
    console, out = adapter()
    sent = await console.send(TERMINAL, Reply(text="Digest", cards=(CARD,)))
    text = out.getvalue()
    for expected in (
        CARD.title,
        "https://news.example/irs",
        CARD.summary,
        "Judge: U.S. District Judge Dabney Friedrich",
        "Outcome: Denied (preliminary injunction)",
        "Parties: Centro de Trabajadores Unidos v. Scott Bessent",
        "Example News",
    ):
        assert expected in text
    assert sent.thread == ThreadRef("console", "terminal", sent.message_id)


async def test_message_ids_are_unique_and_plain_text_opens_no_thread() -> None:
    console, _ = adapter()
    first = await console.send(TERMINAL, Reply(text="one"))
    second = await console.send(TERMINAL, Reply(text="two"))
    reply = await console.reply_in_thread(
        ThreadRef("console", "terminal", first.message_id), Reply(text="answer")
    )
    assert len({first.message_id, second.message_id, reply.message_id}) == 3
    assert first.thread is None


async def test_article_text_is_never_read_as_markup() -> None:
    console, out = adapter()
    hostile = Card(title="[bold red]Hacked[/] [link=http://evil]x[/link]", summary="[blink]s")
    await console.send(TERMINAL, Reply(text="[red]t[/red]", cards=(hostile,)))
    text = out.getvalue()
    assert "[bold red]Hacked[/]" in text and "[blink]s" in text and "[red]t[/red]" in text


async def test_typed_lines_become_commands_and_questions() -> None:
    console, out = adapter()
    handler = RecordingHandler()
    await console.start(handler)
    await console.handle_line("/ruling latest\n")
    await console.handle_line("? who was the judge\n")
    await console.handle_line("/ruling digest 25:99 Mars/Olympus\n")
    await console.stop()
    assert [c.kind for c in handler.commands] == [CommandKind.LATEST]
    assert handler.commands[0].channel == TERMINAL
    [question] = handler.questions
    assert question.text == "who was the judge" and question.thread.channel_id == "terminal"
    assert handler.threads == [(question.thread, 7)]
    text = out.getvalue()
    assert "Dabney Friedrich ruled." in text and "Judge Friedrich denied it." in text
    assert "Usage:" in text  # the unknown command got the parser's one-line error and usage
