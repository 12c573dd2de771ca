"""The later sentences' outcome events are read only when the lead leaves a question open."""

from __future__ import annotations

from pathlib import Path

import pytest

import summarizer.rules as rules
from summarizer import summarize

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture
def later_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """1 for each reading of all the later events, 2 for each search of the later events'
    sentences for a motion alone."""
    calls: list[int] = []
    for mark, name in ((1, "more_events"), (2, "later_motion")):
        real = getattr(rules, name)

        def counting(*args, _real=real, _mark=mark, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(_mark)
            return _real(*args, **kwargs)

        monkeypatch.setattr(rules, name, counting)
    return calls


def test_lead_with_decision_and_motion_reads_no_later_events(later_calls: list[int]) -> None:
    raw = (ARTICLES / "founding.txt").read_text(encoding="utf-8")
    title, _, body = raw.partition("\n\n")
    facts = summarize(body, title=title)
    assert facts.outcome is not None and facts.outcome.motion == "preliminary injunction"
    assert later_calls == []


def test_motion_named_only_later_is_still_found(later_calls: list[int]) -> None:
    body = (
        "A federal judge on Friday blocked the state's new voter ID rule. "
        "U.S. District Judge Marta Ellison said the rule would keep eligible voters away.\n\n"
        "The state had argued the rule was needed to prevent fraud.\n\n"
        "Ellison granted the League of Women Voters' request for a preliminary injunction "
        "in a 40-page order."
    )
    facts = summarize(body)
    assert facts.outcome is not None and facts.outcome.motion == "preliminary injunction"
    assert later_calls == [2]


def test_lead_without_decision_reads_later_events(later_calls: list[int]) -> None:
    body = (
        "The state's voter ID rule has been contested for two years.\n\n"
        "Lawmakers passed it in 2023 over the objections of civil rights groups.\n\n"
        "Opponents said it would keep eligible voters away.\n\n"
        "Supporters said it would prevent fraud.\n\n"
        "On Friday, U.S. District Judge Marta Ellison blocked the rule."
    )
    facts = summarize(body)
    assert later_calls == [1]
    assert facts.is_ruling and facts.outcome is not None and facts.outcome.cls == "blocked"
