"""The rules backend meets its accuracy targets on the labelled dev set (a regression fails CI)."""

from __future__ import annotations

import pytest

from bench.accuracy import evaluate
from tests.conftest import DEV_ARTICLES


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return evaluate(DEV_ARTICLES)


def test_judges_f1_and_at_most_one_wrong_judge(report) -> None:  # type: ignore[no-untyped-def]
    assert report.judges.f1 >= 0.95
    assert len(report.wrong_judge_articles) <= 1, report.wrong_judge_articles


def test_outcome_class_accuracy(report) -> None:  # type: ignore[no-untyped-def]
    assert report.rate("outcome_class") >= 0.90


def test_party_f1(report) -> None:  # type: ignore[no-untyped-def]
    assert report.plaintiffs.f1 >= 0.85
    assert report.defendants.f1 >= 0.85


def test_court_and_is_ruling_accuracy(report) -> None:  # type: ignore[no-untyped-def]
    assert report.rate("court") >= 0.85
    assert report.rate("is_ruling") >= 0.95
