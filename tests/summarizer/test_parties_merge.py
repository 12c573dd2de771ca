"""Short forms merge into a longer party name the same way on every run."""

from __future__ import annotations

import os
import subprocess
import sys

from summarizer.parties import _drop_covered_groups

# A short form ("Blue Ridge") that two equally long names extend: it must merge into the one
# found first, whatever the interpreter's string-hash seed.
SCRIPT = """
from summarizer.parties import _Collector, _Found, _finish
from summarizer.text import prepare
doc = prepare("Blue Ridge Bank and Blue Ridge Mall are in court. Blue Ridge sued.")
col = _Collector(doc)
sent = doc.sentences[0]
for order, (name, side, priority) in enumerate(
    [("Blue Ridge Bank", "p", 1), ("Blue Ridge Mall", "d", 1), ("Blue Ridge", "d", 3)]
):
    col.found.append(_Found(name, side, priority, sent, order))
out = _finish(col, doc)
print(out.plaintiffs, out.defendants)
"""


def test_short_form_merges_into_first_found_of_equal_length_names_on_every_hash_seed() -> None:
    results = set()
    for seed in range(12):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        run = subprocess.run(
            [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
        )
        results.add(run.stdout.strip())
    assert results == {"[] ['Blue Ridge Bank', 'Blue Ridge Mall']"}


def test_counted_group_with_a_non_decimal_digit_is_kept_not_a_crash() -> None:
    assert _drop_covered_groups(["Texas", "² other states"]) == ["Texas", "² other states"]
    assert _drop_covered_groups(["Texas", "Ohio", "1 other states"]) == ["Texas", "Ohio"]
