"""Shared helpers for follow-up tests: fixture articles as `Article`s, facts that tests write."""

from __future__ import annotations

from bot.followup.textfile import read_article
from bot.models import Article, Facts, Judge
from tests.conftest import DEV_ARTICLES


def dev_article(name: str) -> Article:
    return read_article(DEV_ARTICLES / "articles" / f"{name}.txt")


NO_FACTS = Facts()

# Facts for dev article 001 as a summarizer would emit them, with their evidence sentences.
FACTS_001 = Facts(
    is_ruling=True,
    judges=(Judge(name="Marguerite A. Tolland", title="U.S. District Judge"),),
    court="U.S. District Court for the District of Massachusetts",
    plaintiffs=("New York", "coalition of 19 states", "District of Columbia"),
    defendants=("U.S. Department of Education", "Lorraine Hatch"),
    decision_date="Monday",
    evidence={
        "judges": "U.S. District Judge Marguerite A. Tolland in Boston granted the states' request"
        " for a preliminary injunction and applied it nationwide, rejecting the department's"
        " argument that any order should cover only the states that sued.",
        "court": "The case is pending in the U.S. District Court for the District of"
        " Massachusetts.",
        "defendants": "The states, joined by the District of Columbia, sued the department and"
        " Education Secretary Lorraine Hatch in her official capacity in March.",
    },
)
