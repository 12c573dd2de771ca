"""One or two sentences: who ruled what, for and against whom — built only from emitted facts."""

from __future__ import annotations

from summarizer.facts import Judge, Outcome


def _who(judges: list[Judge], court: str | None, level: str) -> str:
    if len(judges) == 1:
        j = judges[0]
        who = f"{j.title} {j.name}" if j.title else j.name
        # "Fulton County Superior Court Judge X" and "Dane County Circuit Judge X" already say
        # which court.
        if court and court.removesuffix(" Court").lower() not in (j.title or "").lower():
            return f"{who} ({court})"
        return who
    if court:
        article = "" if court.lower().startswith(("the ", "u.s.")) else "the "
        if level == "appellate" and len(judges) > 1:
            return f"A panel of {article or 'the '}{court}"
        return f"The {court}" if article else court
    if len(judges) > 1:
        return "A panel of " + ", ".join(j.name for j in judges)
    return "A court"


# Outcome verbs whose subject is a party or whose form needs an auxiliary ("was thrown out").
_PARTY_VERBS = frozenset(
    ("won", "wins", "win", "lost", "loses", "lose", "spend", "spends", "will", "gets", "get",
     "got", "faces", "must", "thrown")
)  # fmt: skip


def _list(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def build_summary(
    judges: list[Judge],
    court: str | None,
    level: str,
    outcome: Outcome,
    plaintiffs: list[str],
    defendants: list[str],
    fallback: str,
) -> str:
    verb = outcome.text.split(" ", 1)[0].lower() if outcome.text else ""
    if not verb or verb.endswith("ing") or verb in _PARTY_VERBS:
        # "blocking the rule" (from "issued a ruling blocking the rule") makes no sentence after
        # a judge's name, and "won court approval" or "will spend six years in prison" tells
        # what happened to a party: put after the judge, it would say the judge did it. The
        # article's lead says it better.
        return fallback
    who = _who(judges, court, level)
    first = _closed(f"{who} {outcome.text}".strip())
    if plaintiffs and defendants:
        second = f"The case was brought by {_list(plaintiffs)} against {_list(defendants)}"
    elif plaintiffs:
        second = f"The case was brought by {_list(plaintiffs)}"
    elif defendants:
        second = f"The case was brought against {_list(defendants)}"
    else:
        return first
    return f"{first} {_closed(second)}"


def _closed(sentence: str) -> str:
    """The sentence with one closing stop: a name ending "Inc." or a cut text ending "…" already
    has one, and a second reads as a typo."""
    return sentence if sentence.endswith((".", "…", "!", "?")) else sentence + "."
