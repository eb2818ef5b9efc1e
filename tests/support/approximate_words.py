"""One word for an approximate date wherever the reader meets one: "about"
(`ca911.data.dates.APPROXIMATE`).

The checks look for the other marks a date could carry — "(approx.)", "approx.", "c. 1992", "ca.
1992", "circa" — in what the reader sees: a page's visible text, the text of a figure (matplotlib
writes each label of an SVG as a comment before its glyph outlines, or as a <text> element) and the
PDF's text.
"""

from __future__ import annotations

import re

MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
OTHER_APPROXIMATE = re.compile(
    r"(?i:\(approx\.?\)|\bapprox\.|\bcirca\b)"
    # c. 1992, ca. Sep 2001; lower case only, so "Table C.1" and "Fig. 3" pass, and not etc., Inc.,
    # sec.
    rf"|(?<![\w.])ca?\.\s?(?=\d|(?:{MONTH_ABBREVIATIONS})\b)",
)
SVG_TEXT = re.compile(r"<!-- (.*?) -->|<text\b[^>]*>(.*?)</text>", re.DOTALL)


def other_approximate_words(text: str) -> list[str]:
    """Every mark of an approximate date other than "about" in `text`, each with some context."""
    return [
        repr(text[max(0, m.start() - 30) : m.end() + 30]) for m in OTHER_APPROXIMATE.finditer(text)
    ]


def svg_text(svg: str) -> str:
    """The words a matplotlib SVG draws, one label a line."""
    return "\n".join(a or b for a, b in SVG_TEXT.findall(svg))
