"""Marks a reader takes for a broken book: "??" standing alone (what an unresolved reference prints
in most typesetting systems, and what a missing glyph can be extracted as) and the replacement
character U+FFFD. Two question marks inside a value ("2001-??-05", a month the text does not give)
are data and read as such.

A plain function of text, so tests/support/test_unresolved_marks.py shows it fails on a broken
input; tests/test_reader_references.py runs it on every page of both editions and both PDFs.
"""

from __future__ import annotations

import re

STRAY = re.compile(r"(?<![\w\\?-])\?\?(?![\w?-])|\ufffd")


def stray_marks(text: str) -> list[str]:
    """Every stray "??" or U+FFFD in `text`, with some context."""
    flat = " ".join(text.split())
    return [flat[max(0, m.start() - 50) : m.end() + 30] for m in STRAY.finditer(flat)]
