"""Accuracy of the default summarizer on a labelled article set: per-field P/R/F1 and every miss.

Usage: python bench/accuracy.py [DIR]   (DIR holds articles/NNN.txt and labels.jsonl; default
../shared/dev-articles when it exists, else tests/fixtures/dev_articles)
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from summarizer import summarize  # noqa: E402
from summarizer.facts import Facts  # noqa: E402


def default_dir() -> Path:
    shared = ROOT.parent / "shared" / "dev-articles"
    return shared if shared.exists() else ROOT / "tests" / "fixtures" / "dev_articles"


def split_headline(raw: str) -> tuple[str | None, str]:
    lines = raw.split("\n")
    if len(lines) > 2 and lines[0].strip() and not lines[1].strip():
        return lines[0].strip(), "\n".join(lines[2:])
    return None, raw


def norm(value: str | None) -> str:
    if value is None:
        return ""
    value = value.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    value = re.sub(r"\s+", " ", value).strip().strip(".,;:").casefold()
    return re.sub(r"^the ", "", value)


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: list[str], gold: list[str]) -> tuple[list[str], list[str]]:
        p = {norm(x) for x in predicted}
        g = {norm(x) for x in gold}
        self.tp += len(p & g)
        self.fp += len(p - g)
        self.fn += len(g - p)
        return sorted(p - g), sorted(g - p)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    n: int = 0
    judges: PRF = field(default_factory=PRF)
    plaintiffs: PRF = field(default_factory=PRF)
    defendants: PRF = field(default_factory=PRF)
    wrong_judge_articles: list[str] = field(default_factory=list)
    exact: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def rate(self, key: str) -> float:
        return self.exact.get(key, 0) / self.n if self.n else 0.0


EXACT_FIELDS = (
    "is_ruling",
    "outcome_class",
    "court",
    "motion",
    "case_name",
    "docket",
    "decision_date",
    "key_quote",
)


def predicted_value(facts: Facts, key: str) -> Any:
    return {
        "is_ruling": facts.is_ruling,
        "outcome_class": facts.outcome.cls,
        "court": facts.court,
        "motion": facts.outcome.motion,
        "case_name": facts.case_name,
        "docket": facts.docket,
        "decision_date": facts.decision_date,
        "key_quote": facts.key_quote,
    }[key]


def evaluate(directory: Path) -> Report:
    report = Report()
    labels = [
        json.loads(line)
        for line in (directory / "labels.jsonl").read_text().splitlines()
        if line.strip()
    ]
    for label in labels:
        raw = (directory / "articles" / f"{label['id']}.txt").read_text(encoding="utf-8")
        title, body = split_headline(raw)
        facts = summarize(body, title=title)
        report.n += 1
        aid = label["id"]
        fp, fn = report.judges.add([j.name for j in facts.judges], label["judges"])
        if fp:
            report.wrong_judge_articles.append(aid)
        if fp or fn:
            report.misses.append(f"{aid} judges: extra {fp} missing {fn}")
        for key in ("plaintiffs", "defendants"):
            fp, fn = getattr(report, key).add(list(getattr(facts, key)), label[key])
            if fp or fn:
                report.misses.append(f"{aid} {key}: extra {fp} missing {fn}")
        for key in EXACT_FIELDS:
            got = predicted_value(facts, key)
            want = label[key]
            same = (
                got == want
                if isinstance(want, bool) or (want is None and got is None)
                else (
                    norm(got) == norm(want)
                    if isinstance(got, str) or isinstance(want, str)
                    else got == want
                )
            )
            if same:
                report.exact[key] = report.exact.get(key, 0) + 1
            else:
                report.misses.append(f"{aid} {key}: got {got!r} want {want!r}")
    return report


def main(argv: list[str]) -> int:
    directory = Path(argv[1]) if len(argv) > 1 else default_dir()
    report = evaluate(directory)
    print(f"labelled set: {directory}  ({report.n} articles)")
    print(f"{'field':<14}{'precision':>10}{'recall':>10}{'F1':>8}")
    for key in ("judges", "plaintiffs", "defendants"):
        prf: PRF = getattr(report, key)
        print(f"{key:<14}{prf.precision:>10.3f}{prf.recall:>10.3f}{prf.f1:>8.3f}")
    print(f"{'field':<14}{'accuracy':>10}")
    for key in EXACT_FIELDS:
        print(f"{key:<14}{report.rate(key):>10.3f}")
    share = len(report.wrong_judge_articles) / report.n if report.n else 0.0
    print(
        f"articles naming a wrong judge: {len(report.wrong_judge_articles)} "
        f"({share:.1%}) {report.wrong_judge_articles}"
    )
    print(f"misses ({len(report.misses)}):")
    for miss in report.misses:
        print("  " + miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
