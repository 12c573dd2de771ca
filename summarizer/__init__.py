"""Text in, facts out: pure functions that reduce a legal-news article to the facts of its ruling.

This package knows nothing of chat, storage or the network.

Why these tools: the default backend is regular expressions (stdlib `re`) over lexicons kept as
data in `summarizer/tables.py` (judicial titles, court names, outcome verbs, motions, boilerplate,
official titles). News reports of rulings follow a small number of fixed phrasings ("U.S. District
Judge X", "denied a motion for a preliminary injunction", "X sued Y"), which a table of patterns
captures exactly and explainably; every emitted string is a slice of the article, so each fact
is grounded in the sentence given as its evidence. Measured alternatives were weighed and left
out: spaCy's blank pipeline adds no statistical knowledge and costs import time; its pretrained
models need a download, which we never do; nameparser and dateparser are not needed because
names are read with a bounded token grammar (`names.py`) and relative weekdays are resolved with
`datetime` alone (`dates.py`), while dateparser would cost ~1 s to import. All patterns use
bounded repetition so that time stays linear in input size; a run without a sentence end is read
in pieces of `text.MAX_SENTENCE` characters, and analysis stops at `text.MAX_CHARS`.

Speed comes from reading little: a rule is tried only where a word every match of it must hold
is printed (found with one search of the article per word, not one per sentence), and its pattern
is tried from that word's place, not at every position. The `tests/summarizer/test_*_speed_paths.py`
tests pin each such shortcut to what the plain pattern finds.

The optional LLM backend (`llm_contract.py`) builds the prompt and JSON schema, validates replies
with pydantic and drops anything not found in the article; the HTTP call lives in `bot.llm`.
"""

from summarizer.facts import OUTCOME_CLASSES, Facts, Judge, Outcome
from summarizer.rules import EXTRACTOR_NAME, EXTRACTOR_VERSION, summarize

__all__ = [
    "EXTRACTOR_NAME",
    "EXTRACTOR_VERSION",
    "OUTCOME_CLASSES",
    "Facts",
    "Judge",
    "Outcome",
    "summarize",
]
