"""Words for matching questions to sentences: tokens, a light stemmer, stop words, synonyms.

A light suffix stripper (not Porter) is enough here: it only has to make "sued", "sues" and
"suing" meet, and "ruling" meet "ruled", inside one article. Irregular verbs that court reporting
leans on ("upheld", "struck", "wrote", "sought") are mapped by hand.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

_IRREGULAR = {
    "wrote": "write",
    "written": "write",
    "writing": "write",
    "won": "win",
    "lost": "lose",
    "sought": "seek",
    "brought": "bring",
    "held": "hold",
    "struck": "strike",
    "stricken": "strike",
    "upheld": "uphold",
    "threw": "throw",
    "thrown": "throw",
    "took": "take",
    "taken": "take",
    "said": "say",
    "says": "say",
    "told": "tell",
    "paid": "pay",
    "left": "leave",
    "began": "begin",
    "begun": "begin",
    "sent": "send",
    "spent": "spend",
    "made": "make",
    "gave": "give",
    "given": "give",
    "went": "go",
    "gone": "go",
    "found": "find",
    "got": "get",
    "gotten": "get",
    "chose": "choose",
    "chosen": "choose",
    "fell": "fall",
    "rose": "rise",
    "risen": "rise",
    "ran": "run",
    "met": "meet",
    "kept": "keep",
    "led": "lead",
    "fought": "fight",
    "bought": "buy",
    "sold": "sell",
    "children": "child",
    "men": "man",
    "women": "woman",
    "people": "person",
    "judgment": "judgment",
    "news": "news",
    "states": "state",
    "plaintiffs": "plaintiff",
    "defendants": "defendant",
    "justices": "justice",
    "damages": "damage",
    "us": "us",
    "sued": "sue",
    "sues": "sue",
    "suing": "sue",
    "dissented": "dissent",
    "dissenting": "dissent",
}


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _wordset(
    """
    a an the and or but if of to in on at by for from with about into over under as than then
    is are was were be been being am do does did doing done have has had having will would shall
    should can could may might must i me my we our you your he him his she her they them their it
    its this that these those there here what which who whom whose when where why how whether
    any some all each every no not nor so too very just also only even still yet again ever
    up out off down s t tell say know please anything something someone somebody thing things
    really actually exactly kind sort lot get got let let's us one ones ok okay hey hi thanks
    thank yes yeah and so well ca wo think believe feel guess against
    """
)

# Question words that carry no content of their own.
GENERIC = _wordset(
    """
    case ruling rule decision decide decided article story court judge justice news happen
    happened mean means order opinion thing matter lawsuit suit going gonna able
    anything now last original initial first affected impacted involved included concerned
    panel left come comes coming get gets
    """
)

# Words that stand for one another in legal news. Stems on both sides.
_SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("toss", "throw", "dismiss", "reject", "kill"),
    ("throw", "vacat", "strike", "set"),
    ("sue", "lawsuit", "suit", "plaintiff", "challeng", "challenger", "petition", "complaint"),
    ("file", "sue", "bring"),
    ("lawyer", "attorney", "counsel", "represent"),
    ("appeal", "rehear", "review", "appellate"),
    ("block", "halt", "stop", "bar", "pause", "enjoin", "injunction", "stay"),
    ("strike", "invalidat", "vacat", "overturn", "void", "unconstitutional"),
    ("uphold", "affirm", "sustain"),
    ("win", "won", "prevail", "side", "favor", "victory"),
    ("lose", "loss", "defeat", "setback"),
    ("fire", "discharg", "terminat", "dismissal"),
    ("prison", "jail", "sentence", "incarcerat", "parole", "probation"),
    ("exit", "emerge", "leave"),
    ("want", "ask", "seek", "request", "urge"),
    ("keep", "retain", "preserve"),
    ("oppose", "object", "against", "criticiz", "fight"),
    ("money", "dollar", "million", "billion", "fund", "cash"),
    ("fine", "penalty"),
    ("vote", "split", "margin", "tally"),
    ("stock", "share"),
    ("person", "member", "individual", "resident", "voter", "consumer"),
    ("company", "firm", "business", "corporation"),
    ("say", "tell", "write", "statement", "comment", "respond", "response"),
    ("dissent", "disagree"),
    ("deadline", "due", "within"),
    ("start", "begin", "effect", "effective"),
    ("law", "statute", "act", "bill", "rule", "regulation", "policy"),
    ("refile", "amend", "again"),
    ("opinion", "decision", "ruling", "order"),
    ("reason", "because", "reasoning", "basis", "ground", "rationale"),
    ("leader", "head", "chief", "lead"),
    ("home", "residential", "house"),
    ("cost", "spend", "price", "expense"),
)

# How much a synonym counts next to the word itself.
SYNONYM_WEIGHT = 0.6


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light, consistent stem: 'sued'/'sues'/'suing' -> 'su', 'ruling'/'ruled' -> 'rul'."""
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    w = w.replace("'", "")
    if w in _IRREGULAR:
        w = _IRREGULAR[w]
    if w.isdigit() or len(w) <= 3:
        return w
    if w.endswith(("ies", "ied")) and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif (w.endswith("ed") and len(w) > 4) or (w.endswith("ly") and len(w) > 5):
        w = w[:-2]
    if w.endswith("ion") and len(w) > 6:
        w = w[:-3]  # "objection" -> "object", "regulation" -> "regulat"
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # "barred" -> "barr" -> "bar"
    return w


def words(text: str) -> list[str]:
    """Lower-cased word tokens (numbers included); "didn't" -> "did", "court's" -> "court"."""
    out = []
    for token in _TOKEN.findall(text.lower().replace("’", "'")):
        if token.endswith("n't"):
            token = token[:-3]
        out.append(token.split("'")[0])
    return out


def terms(text: str) -> list[str]:
    """Stemmed tokens of `text`, stop words kept (for indexing sentences)."""
    return [stem(w) for w in words(text)]


def content_terms(text: str) -> list[str]:
    """Stemmed tokens of `text` without stop words, in order, without repeats."""
    seen: dict[str, None] = {}
    for w in words(text):
        if w in STOPWORDS:
            continue
        seen.setdefault(stem(w), None)
    return list(seen)


def _build_synonyms() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for group in _SYNONYM_GROUPS:
        stems = {stem(w) for w in group}
        for s in stems:
            table.setdefault(s, set()).update(stems - {s})
    return {k: frozenset(v) for k, v in table.items()}


SYNONYMS = _build_synonyms()


def synonyms(term: str) -> frozenset[str]:
    return SYNONYMS.get(term, frozenset())


NUMBER_WORDS = _wordset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion trillion dozen half third quarter
    """
)


GENERIC_STEMS = frozenset(stem(w) for w in GENERIC)
