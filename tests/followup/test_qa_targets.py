"""The question set must keep meeting its targets: a regression in the engine fails here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.conftest import DEV_ARTICLES

BENCH = Path(__file__).resolve().parents[2] / "bench" / "qa.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_qa", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_qa", module)
    spec.loader.exec_module(module)
    return module


def test_question_set_is_large_varied_and_grounded() -> None:
    bench = load_bench()
    questions = bench.load_questions()
    answerable = [q for q in questions if q["evidence"]]
    assert len(questions) >= 150
    assert len(questions) - len(answerable) >= 30
    assert len({q["question"].lower() for q in questions}) >= 0.75 * len(questions)
    articles = {
        name: bench.read_article(DEV_ARTICLES / "articles" / f"{name}.txt")
        for name in {q["article"] for q in questions}
    }
    assert bench.check_questions(questions, articles) == []


def test_question_set_meets_its_targets() -> None:
    bench = load_bench()
    report = bench.evaluate(DEV_ARTICLES)
    assert report.answered >= bench.TARGET_ANSWERED, f"answered {report.answered:.1%}"
    assert report.declined >= bench.TARGET_DECLINED, f"declined {report.declined:.1%}"
