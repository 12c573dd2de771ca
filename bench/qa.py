"""Follow-up answers on the dev articles: right evidence, honest declines, milliseconds per answer.

    python bench/qa.py [ARTICLES_DIR] [--questions FILE] [--misses] [--repeat N]

ARTICLES_DIR holds `articles/NNN.txt` (headline, blank line, body); by default
../shared/dev-articles when it exists, else tests/fixtures/dev_articles. The question set
(bench/data/qa_dev.jsonl) names, for each question, the article, and the sentence (or a
distinctive part of it) a right answer quotes; an empty list means the article does not say, and
the answer must decline. A question with `history` is asked after those questions, in the same
thread.

Facts come from the configured summarizer, computed once per article as the service does;
the timing covers the engine's answer alone.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import summarizer  # noqa: E402
from bot.followup import engine  # noqa: E402
from bot.followup.textfile import read_article  # noqa: E402
from bot.models import Answer, Article, Facts  # noqa: E402

QUESTIONS = ROOT / "bench" / "data" / "qa_dev.jsonl"
SHARED = ROOT.parent / "shared" / "dev-articles"
FIXTURES = ROOT / "tests" / "fixtures" / "dev_articles"

TARGET_ANSWERED = 0.85
TARGET_DECLINED = 0.90
TARGET_MS = 50.0


@dataclass(slots=True)
class Result:
    id: str
    article: str
    kind: str
    question: str
    expected: list[str]
    answer: Answer
    ms: float

    @property
    def answerable(self) -> bool:
        return bool(self.expected)

    @property
    def correct(self) -> bool:
        if not self.answerable:
            return not self.answer.found
        return self.answer.found and any(
            e in sentence for e in self.expected for sentence in self.answer.evidence
        )


@dataclass(slots=True)
class Report:
    results: list[Result] = field(default_factory=list)

    def _share(self, answerable: bool) -> tuple[int, int]:
        group = [r for r in self.results if r.answerable is answerable]
        return sum(r.correct for r in group), len(group)

    @property
    def answered(self) -> float:
        good, n = self._share(True)
        return good / n if n else 0.0

    @property
    def declined(self) -> float:
        good, n = self._share(False)
        return good / n if n else 0.0

    def percentile_ms(self, q: float) -> float:
        times = sorted(r.ms for r in self.results)
        if not times:
            return 0.0
        return times[min(len(times) - 1, round(q * (len(times) - 1)))]


def default_articles_dir() -> Path:
    return SHARED if (SHARED / "articles").is_dir() else FIXTURES


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def check_questions(questions: Iterable[dict], articles: dict[str, Article]) -> list[str]:
    """Problems with the question set itself: unknown articles, evidence not in the article."""
    problems = []
    for q in questions:
        article = articles.get(q["article"])
        if article is None:
            problems.append(f"{q['id']}: no article {q['article']}")
            continue
        for needle in q["evidence"]:
            if needle not in article.text:
                problems.append(f"{q['id']}: evidence not in article {q['article']}: {needle!r}")
    return problems


def evaluate(
    articles_dir: Path | None = None, questions_path: Path = QUESTIONS, repeat: int = 1
) -> Report:
    articles_dir = articles_dir or default_articles_dir()
    questions = load_questions(questions_path)
    needed = {q["article"] for q in questions}
    articles = {
        name: read_article(articles_dir / "articles" / f"{name}.txt") for name in sorted(needed)
    }
    problems = check_questions(questions, articles)
    if problems:
        raise ValueError("; ".join(problems))
    facts: dict[str, Facts] = {
        name: summarizer.summarize(a.text, title=a.title) for name, a in articles.items()
    }
    report = Report()
    for q in questions:
        article, article_facts = articles[q["article"]], facts[q["article"]]
        history: list[tuple[str, str]] = []
        for earlier in q.get("history", []):
            previous = engine.answer(earlier, article, article_facts, history)
            history.append((earlier, previous.text))
        best = float("inf")
        result = None
        for _ in range(max(1, repeat)):
            start = time.perf_counter()
            result = engine.answer(q["question"], article, article_facts, history)
            best = min(best, (time.perf_counter() - start) * 1000.0)
        assert result is not None
        report.results.append(
            Result(q["id"], q["article"], q["kind"], q["question"], q["evidence"], result, best)
        )
    return report


def _print(report: Report, articles_dir: Path, misses: bool) -> None:
    good_a, n_a = report._share(True)
    good_d, n_d = report._share(False)
    times = [r.ms for r in report.results]
    print(f"articles: {articles_dir}")
    print(f"questions: {len(report.results)} ({n_a} answerable, {n_d} not answerable)")
    print(
        f"answerable answered with the right evidence: {good_a}/{n_a} = {report.answered:.1%}"
        f"  (target >= {TARGET_ANSWERED:.0%})"
    )
    print(
        f"unanswerable declined: {good_d}/{n_d} = {report.declined:.1%}"
        f"  (target >= {TARGET_DECLINED:.0%})"
    )
    print(
        f"ms per answer: mean {statistics.fmean(times):.2f}, p50 {report.percentile_ms(0.5):.2f},"
        f" p99 {report.percentile_ms(0.99):.2f}, max {max(times):.2f}  (target <= {TARGET_MS:.0f})"
    )
    by_kind: dict[str, list[Result]] = defaultdict(list)
    for r in report.results:
        by_kind[r.kind].append(r)
    print(
        "by kind: "
        + ", ".join(
            f"{k} {sum(r.correct for r in rs)}/{len(rs)}" for k, rs in sorted(by_kind.items())
        )
    )
    if misses:
        for r in report.results:
            if r.correct:
                continue
            print(f"\nMISS {r.id} [{r.article} {r.kind}] {r.question}")
            print(f"  expected: {r.expected or 'decline'}")
            print(f"  got: {r.answer.text if r.answer.found else 'decline'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=Path, help="dir with articles/NNN.txt")
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--misses", action="store_true", help="print every wrong answer")
    parser.add_argument("--repeat", type=int, default=5, help="timing: best of N per question")
    args = parser.parse_args(argv)
    articles_dir = args.articles or default_articles_dir()
    report = evaluate(articles_dir, args.questions, repeat=args.repeat)
    _print(report, articles_dir, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
