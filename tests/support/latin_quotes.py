"""A Latin apostrophe or quotation mark set full-width in the Japanese PDF: IPAex draws ’ ‘ “ ” a
full em wide (Japanese punctuation), which opens a gap inside a Latin word (government’ s); the
print CSS sets them from a Latin face ("ca911 Latin quotes") wherever the Japanese faces are used.
Read from the printed glyphs (print_ja.read_glyphs): a mark with a Latin letter on one side wider
than half its em is one the rule missed."""

from __future__ import annotations

import re

LATIN_QUOTES = "‘’“”"
LATIN_LETTER = re.compile(r"[A-Za-z]")
# a Latin face draws these a quarter to two fifths of an em wide; IPAex a whole em
WIDEST_LATIN = 0.6


def wide_latin_quotes(pages) -> list[str]:
    """'page N: …context…' for each Latin mark between Latin letters drawn wider than a Latin face
    draws it."""
    found = []
    for number, glyphs in enumerate(pages, start=1):
        for i, g in enumerate(glyphs):
            if g.text not in LATIN_QUOTES or not g.size:
                continue
            before = glyphs[i - 1].text if i else ""
            after = glyphs[i + 1].text if i + 1 < len(glyphs) else ""
            if not (LATIN_LETTER.match(before) or LATIN_LETTER.match(after)):
                continue
            if (g.right - g.left) / g.size > WIDEST_LATIN:
                context = "".join(x.text for x in glyphs[max(0, i - 12) : i + 12])
                found.append(f"page {number}: {context!r} ({g.font})")
    return found
