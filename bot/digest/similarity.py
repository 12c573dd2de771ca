"""Is this the same story? Text shingles and the facts two reports share.

Two outlets rarely print the same words, so a story is recognised mainly by its facts (same
judge or court, same outcome class, overlapping parties, close in time); word-shingle Jaccard
similarity catches wire copies and light rewrites whose facts came out incomplete.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from bot.models import Article, Facts

_WORD = re.compile(r"[a-z0-9]+")
SHINGLE_SIZE = 3
# Wire copies and light rewrites share most shingles; different stories almost none.
TEXT_SAME = 0.45
# With some facts agreeing (judge or court, and outcome), far less shared text suffices.
TEXT_SUPPORTING = 0.12
# Near-identical copies (wire reprints) are one story even when extraction named other judges.
TEXT_NEAR_COPY = 0.8

# Words that say nothing about who a party is.
_PARTY_NOISE = frozenset(
    (
        *("the", "of", "and", "for", "et", "al", "us", "u", "s"),
        *("inc", "llc", "co", "corp", "corporation", "company"),
        *("state", "states", "united", "department", "dept", "office", "city", "county"),
        *("group", "groups", "association", "national", "american"),
    )
)


def shingles(text: str, size: int = SHINGLE_SIZE) -> frozenset[int]:
    """Hashed word n-grams of the lower-cased text (a set, so Jaccard is cheap)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return frozenset({hash(" ".join(words))}) if words else frozenset()
    return frozenset(hash(" ".join(words[i : i + size])) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _norm(value: str | None) -> str:
    return " ".join(_WORD.findall((value or "").lower()))


_TITLE_WORDS = frozenset(
    [
        "judge",
        "justice",
        "chief",
        "senior",
        "magistrate",
        "district",
        "circuit",
        "associate",
        "us",
        "u",
        "s",
        "hon",
    ]
)


def _same_person(x: str, y: str) -> bool:
    """ "Ortiz" matches "Ana M. Ortiz"; "Ana Ortiz" does not match "Greta Ortiz"."""
    wx = [w for w in _WORD.findall(x.lower()) if w not in _TITLE_WORDS]
    wy = [w for w in _WORD.findall(y.lower()) if w not in _TITLE_WORDS]
    if not wx or not wy or wx[-1] != wy[-1]:
        return False
    if len(wx) > 1 and len(wy) > 1:
        return wx[0][0] == wy[0][0]
    return True


def same_judge(a: Facts, b: Facts) -> bool:
    return any(_same_person(x.name, y.name) for x in a.judges for y in b.judges)


def same_court(a: Facts, b: Facts) -> bool:
    ca, cb = _norm(a.court), _norm(b.court)
    return bool(ca) and (ca == cb or ca in cb or cb in ca)


def _party_keys(party: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(party.lower()) if w not in _PARTY_NOISE)


def parties_overlap(a: Facts, b: Facts) -> bool:
    """True when some party of one report is (contained in) a party of the other."""
    keys_a = [k for k in map(_party_keys, (*a.plaintiffs, *a.defendants)) if k]
    keys_b = [k for k in map(_party_keys, (*b.plaintiffs, *b.defendants)) if k]
    return any(x <= y or y <= x for x in keys_a for y in keys_b)


def same_outcome(a: Facts, b: Facts) -> bool:
    return bool(a.outcome.cls) and a.outcome.cls == b.outcome.cls


def story_time(article: Article) -> datetime | None:
    return article.published_at or article.fetched_at


def within_window(a: Article, b: Article, window: timedelta) -> bool:
    ta, tb = story_time(a), story_time(b)
    if ta is None or tb is None:
        return True
    return abs(ta - tb) <= window


def same_story(
    a: tuple[Article, Facts, frozenset[int]],
    b: tuple[Article, Facts, frozenset[int]],
    window: timedelta,
) -> str | None:
    """Why `a` and `b` report the same story (a short reason), or None when they do not."""
    (art_a, fa, sh_a), (art_b, fb, sh_b) = a, b
    if not within_window(art_a, art_b, window):
        return None
    # Two named benches with no judge in common are two rulings, even in one court.
    judges_differ = bool(fa.judges) and bool(fb.judges) and not same_judge(fa, fb)
    similarity = jaccard(sh_a, sh_b)
    if judges_differ and similarity < TEXT_NEAR_COPY:
        return None  # two named benches: similar wording alone does not make one ruling
    bench = same_judge(fa, fb) or (same_court(fa, fb) and not judges_differ)
    outcome = same_outcome(fa, fb)
    if bench and outcome and parties_overlap(fa, fb):
        return "same judge or court, outcome and parties"
    if similarity >= TEXT_SAME:
        return f"text {similarity:.0%} alike"
    if bench and outcome and similarity >= TEXT_SUPPORTING:
        return f"same judge or court and outcome, text {similarity:.0%} alike"
    return None
