"""Words the print edition hyphenated at a line end, read from the PDF's text.

WeasyPrint draws the hyphen it adds at an automatic break as U+2010 (HYPHEN); a hyphen the text
itself has (Sino-Russian, ch3-2001-…) is U+002D. So a line that ends in U+2010 ends in a word broken
by the typesetter, and the word is the line's last token joined to the next line's first.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

AUTO_HYPHEN = "\u2010"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def hyphenated_words(text: str) -> list[tuple[str, str]]:
    """(left, right) of every word the typesetter broke with a hyphen: "Kvash", "nin"."""
    lines = [line.strip() for line in text.splitlines()]
    found = []
    for line, following in zip(lines, lines[1:]):
        if not line.endswith(AUTO_HYPHEN) or not following:
            continue
        left = re.search(r"([^\W\d_]+)$", line[:-1])
        right = re.match(r"^([^\W\d_]+)", following)
        if left and right:
            found.append((left.group(1), right.group(1)))
    return found


def name_words(actors_csv: Path) -> frozenset[str]:
    """The words of the actors' English names (Kvashnin, Kazakhstan, Washington …), four letters or
    more."""
    words = set()
    with actors_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for column in ("name_en", "name_en_external", "name_en_ours"):
                words |= {
                    w for w in WORD.findall(row.get(column) or "") if len(w) >= 4 and w[0].isupper()
                }
    return frozenset(words)


def hyphenated_names(text: str, names) -> list[str]:
    """Names broken by a typesetter's hyphen; also any capitalised word broken with under three
    letters on one side, which reads as a stray syllable ("Mat-sui")."""
    broken = []
    for left, right in hyphenated_words(text):
        word = left + right
        if word in names or (word[0].isupper() and min(len(left), len(right)) < 3):
            broken.append(f"{left}-{right}")
    return broken
