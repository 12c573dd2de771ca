"""The `Facts` contract: what one article says about one court ruling.

The JSON form (`Facts.to_dict`) is a stable, public contract printed by `rulingbot summarize --json`
and stored in the database; change it only together with a migration of stored facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

OutcomeClass = Literal[
    "granted",
    "denied",
    "blocked",
    "upheld",
    "struck_down",
    "dismissed",
    "reversed",
    "affirmed",
    "ruled_for_plaintiffs",
    "ruled_for_defendants",
    "sentenced",
    "approved",
    "other",
]

OUTCOME_CLASSES: tuple[str, ...] = get_args(OutcomeClass)


@dataclass(frozen=True, slots=True)
class Judge:
    name: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    cls: str | None = None  # one of OUTCOME_CLASSES; "class" in JSON
    text: str | None = None
    motion: str | None = None


@dataclass(frozen=True, slots=True)
class Facts:
    is_ruling: bool = False
    headline: str | None = None
    summary: str = ""
    judges: tuple[Judge, ...] = ()
    court: str | None = None
    outcome: Outcome = field(default_factory=Outcome)
    plaintiffs: tuple[str, ...] = ()
    defendants: tuple[str, ...] = ()
    case_name: str | None = None
    docket: str | None = None
    decision_date: str | None = None  # ISO date when resolvable, else as printed
    key_quote: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)  # field name -> source sentence

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON form, keys in contract order."""
        return {
            "is_ruling": self.is_ruling,
            "headline": self.headline,
            "summary": self.summary,
            "judges": [{"name": j.name, "title": j.title} for j in self.judges],
            "court": self.court,
            "outcome": {
                "class": self.outcome.cls,
                "text": self.outcome.text,
                "motion": self.outcome.motion,
            },
            "plaintiffs": list(self.plaintiffs),
            "defendants": list(self.defendants),
            "case_name": self.case_name,
            "docket": self.docket,
            "decision_date": self.decision_date,
            "key_quote": self.key_quote,
            "evidence": dict(self.evidence),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Facts:
        """Inverse of `to_dict`; tolerant of missing keys so older stored rows still load."""
        outcome = data.get("outcome") or {}
        return cls(
            is_ruling=bool(data.get("is_ruling", False)),
            headline=data.get("headline"),
            summary=data.get("summary") or "",
            judges=tuple(
                Judge(name=j["name"], title=j.get("title")) for j in data.get("judges") or ()
            ),
            court=data.get("court"),
            outcome=Outcome(
                cls=outcome.get("class"), text=outcome.get("text"), motion=outcome.get("motion")
            ),
            plaintiffs=tuple(data.get("plaintiffs") or ()),
            defendants=tuple(data.get("defendants") or ()),
            case_name=data.get("case_name"),
            docket=data.get("docket"),
            decision_date=data.get("decision_date"),
            key_quote=data.get("key_quote"),
            evidence=dict(data.get("evidence") or {}),
        )

    @property
    def parties(self) -> str:
        """'A, B v. C' — the parties on one line, for cards and search."""
        left = ", ".join(self.plaintiffs)
        right = ", ".join(self.defendants)
        if left and right:
            return f"{left} v. {right}"
        return left or right
