"""Personal names: token grammar, trimming and surname resolution for judges and parties."""

from __future__ import annotations

import re

from summarizer import tables

U, L = tables.UPPER, tables.LOWER
# A capitalised word that ends in a lower-case letter ("McLaughlin", "O'Neill", "Okonkwo-Barr").
WORD = rf"[{U}][{U}{L}']*[{L}](?:-[{U}][{U}{L}']*[{L}])*"
INITIAL = rf"[{U}]\."
_PARTICLE = "|".join(tables.NAME_PARTICLES)
_SUFFIX = r"(?:,? (?:Jr\.|Sr\.|II|III|IV)(?![\w]))"
NAME_TOKEN = rf"(?:{WORD}|{INITIAL})"
# Up to five tokens, single-spaced; bounded so matching stays linear.
NAME = rf"{NAME_TOKEN}(?: (?:(?:{_PARTICLE}) )?{NAME_TOKEN}){{0,4}}{_SUFFIX}?"

_TOKEN_SPLIT = re.compile(r" +")


def trim_name(name: str) -> str:
    """Cut a matched name at the first token that cannot be part of a name; strip a possessive."""
    tokens = _TOKEN_SPLIT.split(name.strip())
    while tokens and tokens[0].rstrip(",") in tables.NAME_STOPWORDS:
        tokens.pop(0)
    kept: list[str] = []
    for tok in tokens:
        bare = tok.rstrip(",")
        if bare in tables.NAME_STOPWORDS:
            break
        kept.append(tok)
    while kept and (kept[-1] in tables.NAME_PARTICLES or kept[-1].endswith(",")):
        kept[-1] = kept[-1].rstrip(",")
        if kept[-1] in tables.NAME_PARTICLES or not kept[-1]:
            kept.pop()
        else:
            break
    out = " ".join(kept)
    if out.endswith("'s"):
        out = out[:-2]
    elif out.endswith("'"):
        out = out[:-1]
    return out


def surname(name: str) -> str:
    tokens = [t for t in name.replace(",", "").split() if t not in tables.NAME_SUFFIXES]
    return tokens[-1] if tokens else name


def is_initial(token: str) -> bool:
    return len(token) == 2 and token[1] == "." and token[0].isupper()


def looks_like_person(name: str) -> bool:
    """Two to five name tokens, none of them an organisation word."""
    tokens = name.split()
    if not 2 <= len(tokens) <= 5:
        return False
    # Without a comma, stripping commas changes no token: one set test instead of a loop.
    bare = [t.strip(",") for t in tokens] if "," in name else tokens
    if not _ORG_WORDS.isdisjoint(bare):
        return False
    return all(t[0].isupper() or t in _PARTICLES for t in tokens)


_ORG_WORDS = frozenset(tables.ORG_WORDS)
_PARTICLES = frozenset(tables.NAME_PARTICLES)


# `(?:{NAME_TOKEN} ){1,3}$` with the first token's capital taken out in front, so the engine skips
# every position that does not hold a capital instead of trying the tokens there.
_PRECEDING = re.compile(
    rf"[{U}](?:[{U}{L}']*[{L}](?:-[{U}][{U}{L}']*[{L}])*|\.) (?:{NAME_TOKEN} ){{0,2}}$"
)
_FOLLOWING_WORD = re.compile(rf" {WORD}")


def expand_surname(short: str, text: str, cache: dict[str, str] | None = None) -> str:
    """The fullest "First [M.] Surname" the text prints for a one-word surname, else `short`."""
    if " " in short:
        return short
    if cache is not None and short in cache:
        return cache[short]
    best = short
    pos = text.find(short)
    while pos >= 0:
        end = pos + len(short)
        boundary = (pos == 0 or not text[pos - 1].isalnum()) and (
            end >= len(text) or not text[end].isalnum()
        )
        if boundary and not _FOLLOWING_WORD.match(text, end):
            m = _PRECEDING.search(text, max(0, pos - 60), pos)
            if m:
                tokens = (m.group(0) + short).split()
                cut = 0
                for i, tok in enumerate(tokens[:-1]):
                    bare = tok.rstrip(",")
                    if (
                        bare in tables.NAME_STOPWORDS
                        or bare in tables.OFFICIAL_TITLE_WORDS
                        or bare in tables.ORG_WORDS
                    ):
                        cut = i + 1
                candidate = " ".join(tokens[cut:])
                if looks_like_person(candidate) and len(candidate) > len(best):
                    best = candidate
        pos = text.find(short, end)
    if cache is not None:
        cache[short] = best
    return best
