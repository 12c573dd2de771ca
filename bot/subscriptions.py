"""Subscription filters: topic words plus `court:`, `judge:`, `outcome:`, `party:` terms.

A `Filter` is what one `/ruling subscribe …` line means. Within one filter every term must match
(repeating a key, e.g. `outcome:blocked outcome:struck`, means either value); a channel with several
subscriptions gets a ruling matching any of them, and one with none gets every ruling
(`matching_filter`). `Filter.query` is the canonical text stored with the subscription, so the
same terms typed in another order or case are recognised as the same subscription.

Topic words match the headline, summary, names and the lead of the article text, with the same
tokenizer as search (`9th Cir.` = `Ninth Circuit`, plurals folded); names match when all their
words appear in one judge's or one party's name.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bot import messages
from bot.cards import OUTCOME_LABELS
from bot.models import Article, Facts
from bot.search import contains_all, contains_phrase, fold, ruling_terms, tokens
from summarizer.facts import OUTCOME_CLASSES

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS = 300
MAX_TERMS = 12

KEYS = ("court", "judge", "party", "outcome")
_KEY_ALIASES = {
    "court": "court",
    "courts": "court",
    "judge": "judge",
    "judges": "judge",
    "justice": "judge",
    "party": "party",
    "parties": "party",
    "plaintiff": "party",
    "defendant": "party",
    "outcome": "outcome",
    "result": "outcome",
}
_EXAMPLES = {
    "court": 'court:"9th circuit"',
    "judge": "judge:ortiz",
    "party": 'party:"New York"',
    "outcome": "outcome:blocked",
}

OUTCOME_ALIASES: dict[str, str] = {
    **{cls: cls for cls in OUTCOME_CLASSES},
    "grant": "granted",
    "grants": "granted",
    "deny": "denied",
    "denies": "denied",
    "rejected": "denied",
    "block": "blocked",
    "blocks": "blocked",
    "halted": "blocked",
    "paused": "blocked",
    "enjoined": "blocked",
    "uphold": "upheld",
    "upholds": "upheld",
    "sustained": "upheld",
    "struck": "struck_down",
    "strike": "struck_down",
    "strikes": "struck_down",
    "strike_down": "struck_down",
    "invalidated": "struck_down",
    "vacated": "struck_down",
    "dismiss": "dismissed",
    "dismisses": "dismissed",
    "tossed": "dismissed",
    "reverse": "reversed",
    "reverses": "reversed",
    "overturned": "reversed",
    "affirm": "affirmed",
    "affirms": "affirmed",
    "plaintiffs": "ruled_for_plaintiffs",
    "plaintiff": "ruled_for_plaintiffs",
    "for_plaintiffs": "ruled_for_plaintiffs",
    "for_plaintiff": "ruled_for_plaintiffs",
    "defendants": "ruled_for_defendants",
    "defendant": "ruled_for_defendants",
    "for_defendants": "ruled_for_defendants",
    "for_defendant": "ruled_for_defendants",
    "sentence": "sentenced",
    "approve": "approved",
    "settlement": "approved",
    "mixed": "other",
}
OUTCOME_CHOICES = (
    "granted, denied, blocked, upheld, struck (down), dismissed, reversed, affirmed,"
    " for-plaintiffs, for-defendants, sentenced, approved, mixed"
)

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"'})
_KEYED = re.compile(r"^([A-Za-z_]+):(.*)$", re.S)
_URL = re.compile(r"^(?:https?://|www\.)", re.I)


class FilterError(ValueError):
    """Subscription terms that cannot be understood; the message is one line for the user."""


def split_terms(text: str) -> list[str]:
    """Split on whitespace outside double quotes (straight or typographic); quotes are kept.

    Raises FilterError for an unclosed quote.
    """
    text = text.translate(_QUOTES)
    out: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch.isspace() and not quoted:
            if current:
                out.append("".join(current))
                current = []
        else:
            current.append(ch)
    if quoted:
        raise FilterError(messages.UNBALANCED_QUOTE)
    if current:
        out.append("".join(current))
    return out


def _unquote(value: str) -> str:
    return " ".join(value.replace('"', " ").split())


def parse_outcome(value: str) -> str:
    """An outcome class from its name or a friendly alias; raises FilterError otherwise."""
    key = re.sub(r"[\s-]+", "_", value.strip().lower())
    cls = OUTCOME_ALIASES.get(key)
    if cls is None:
        raise FilterError(messages.FILTER_BAD_OUTCOME.format(value=value, choices=OUTCOME_CHOICES))
    return cls


@dataclass(frozen=True, slots=True)
class Filter:
    """One subscription. Empty tuples mean 'any'; a Filter with no terms matches everything."""

    words: tuple[str, ...] = ()  # topic words or quoted phrases, lower-case
    courts: tuple[str, ...] = ()
    judges: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()  # outcome classes

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.courts or self.judges or self.parties or self.outcomes)

    @property
    def query(self) -> str:
        """The canonical text of these terms: stored, listed and matched by `unsubscribe`."""
        parts = [f'"{w}"' if " " in w else w for w in self.words]
        for key, values in (
            ("court", self.courts),
            ("judge", self.judges),
            ("party", self.parties),
            ("outcome", self.outcomes),
        ):
            parts.extend(f'{key}:"{v}"' if " " in v else f"{key}:{v}" for v in values)
        return " ".join(parts)

    def describe(self) -> str:
        """These terms in words, for confirmations and listings."""
        parts = [f"“{w}”" for w in self.words]
        for label, values in (
            ("court", self.courts),
            ("judge", self.judges),
            ("party", self.parties),
        ):
            if values:
                parts.append(f"{label} " + " or ".join(f"“{v}”" for v in values))
        if self.outcomes:
            labels = [OUTCOME_LABELS.get(o, o).lower() for o in self.outcomes]
            parts.append("outcome " + " or ".join(labels))
        return " and ".join(parts) if parts else "every ruling"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for key, values in (
            ("words", self.words),
            ("court", self.courts),
            ("judge", self.judges),
            ("party", self.parties),
            ("outcome", self.outcomes),
        ):
            if values:
                data[key] = list(values)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Filter:
        """Inverse of `to_dict`; unknown outcome classes in old rows are dropped, not fatal."""
        data = data or {}

        def strings(key: str) -> tuple[str, ...]:
            return tuple(str(v) for v in data.get(key) or () if str(v).strip())

        outcomes = tuple(o for o in strings("outcome") if o in OUTCOME_CLASSES)
        return cls(
            words=strings("words"),
            courts=strings("court"),
            judges=strings("judge"),
            parties=strings("party"),
            outcomes=outcomes,
        )

    def matches(self, article: Article, facts: Facts) -> bool:
        """True when the ruling satisfies every term of this filter."""
        if self.outcomes and facts.outcome.cls not in self.outcomes:
            return False
        if self.courts and not any(_court_matches(v, facts.court) for v in self.courts):
            return False
        if self.judges and not any(
            _name_matches(v, (j.name for j in facts.judges)) for v in self.judges
        ):
            return False
        if self.parties and not any(
            _name_matches(v, (*facts.plaintiffs, *facts.defendants, facts.case_name or ""))
            for v in self.parties
        ):
            return False
        if self.words:
            fields = _topic_fields(article, facts)
            for word in self.words:
                phrase = tokens(word)
                if phrase and not any(contains_phrase(f, phrase) for f in fields):
                    return False
        return True


def _court_matches(value: str, court: str | None) -> bool:
    if not court:
        return False
    have = tokens(court)
    if fold(value).strip() == "scotus":
        # The U.S. Supreme Court, not a state's: no words beyond these.
        return contains_all(have, ("supreme", "court")) and set(have) <= {
            "us",
            "united",
            "state",
            "america",
            "supreme",
            "court",
        }
    want = tokens(value)
    return bool(want) and contains_all(have, want)


def _name_matches(value: str, names: Iterable[str]) -> bool:
    want = tokens(value)
    return bool(want) and any(contains_all(tokens(name), want) for name in names if name)


def _topic_fields(article: Article, facts: Facts) -> list[list[str]]:
    return list(ruling_terms(article, facts).fields.values())


def parse_filter(query: str, *, strict: bool = True) -> Filter:
    """Parse subscription terms; raises FilterError (a ValueError) with a one-line reason.

    `strict=False` (search) reads unknown `key:value` terms and links as plain words instead of
    refusing them, and accepts empty terms.
    """
    query = " ".join(query.split())
    if len(query) > MAX_QUERY_CHARS:
        raise FilterError(messages.FILTER_TOO_LONG.format(limit=MAX_QUERY_CHARS))
    raw = split_terms(query)
    if len(raw) > MAX_TERMS:
        raise FilterError(messages.FILTER_TOO_MANY.format(limit=MAX_TERMS))
    words: list[str] = []
    keyed: dict[str, list[str]] = {k: [] for k in KEYS}
    i = 0
    while i < len(raw):
        term = raw[i]
        i += 1
        if _URL.match(term):
            if strict:
                raise FilterError(messages.URL_IN_TERMS)
            words.append(_unquote(term).lower())
            continue
        m = _KEYED.match(term)
        key = _KEY_ALIASES.get(m.group(1).lower()) if m else None
        if m and key is None:
            if strict:
                raise FilterError(messages.FILTER_UNKNOWN_KEY.format(key=m.group(1)))
            words.append(_unquote(term).lower())
            continue
        if m is None or key is None:
            value = _unquote(term).lower()
            if value:
                words.append(value)
            continue
        value = _unquote(m.group(2))
        if not value and i < len(raw) and not _KEYED.match(raw[i]):
            value = _unquote(raw[i])  # tolerate "court: 9th"
            i += 1
        if not value:
            raise FilterError(
                messages.FILTER_EMPTY_VALUE.format(key=m.group(1), example=_EXAMPLES[key])
            )
        keyed[key].append(parse_outcome(value) if key == "outcome" else value.lower())
    result = Filter(
        words=tuple(dict.fromkeys(w for w in words if tokens(w))),
        courts=tuple(dict.fromkeys(keyed["court"])),
        judges=tuple(dict.fromkeys(keyed["judge"])),
        parties=tuple(dict.fromkeys(keyed["party"])),
        outcomes=tuple(dict.fromkeys(keyed["outcome"])),
    )
    if strict and result.is_empty:
        raise FilterError(messages.FILTER_NOTHING)
    return result


def matching_filter(filters: Sequence[Filter], article: Article, facts: Facts) -> Filter | None:
    """The first filter the ruling matches; with no filters at all, an empty (match-all) one."""
    if not filters:
        return Filter()
    for f in filters:
        if f.matches(article, facts):
            return f
    return None


def matches_any(filters: Sequence[Filter], article: Article, facts: Facts) -> bool:
    """A channel's rule: no subscriptions → every ruling; otherwise any one of them."""
    return matching_filter(filters, article, facts) is not None
