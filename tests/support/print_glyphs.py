"""Text that extracts with every character four times over ("（（（（13131313））））"): what a
text layer stacked four deep or a faked bold prints, heavier than its neighbours. The source
texts' own noise extracts the same way, and the book quotes it on purpose where it explains how
that noise is removed: always inside Japanese quotation marks 「…」, as a quotation of the text it
comes from. Outside such a quotation no run of three or more characters may each be repeated four
times on a PDF text line.
"""

from __future__ import annotations

import re

# three or more pieces in a row (a character, or the two of a number such as 13), each printed four
# times: "（（（（13131313））））"
QUADRUPLED = re.compile(r"(?:(\S{1,2}?)\1{3}){3,}")
QUOTATION = re.compile(r"「[^「」]*」")


def quadrupled_runs(page_texts: list[str]) -> list[tuple[int, str]]:
    """(page, line) of every line with a quadrupled run outside a 「…」 quotation (a rule of one
    character repeated, "————————————", is no such run)."""
    found = []
    for number, text in enumerate(page_texts, start=1):
        for line in text.splitlines():
            runs = QUADRUPLED.finditer(QUOTATION.sub("", line))
            if any(len(set(run.group(0))) > 1 for run in runs):
                found.append((number, line.strip()[:80]))
    return found
