"""The wide-quote checker on synthetic glyphs."""

from __future__ import annotations

from support.latin_quotes import wide_latin_quotes
from support.print_ja import Glyph


def line(text: str, quote_width: float) -> list:
    glyphs, x = [], 0.0
    for ch in text:
        width = quote_width if ch == "’" else 5.0
        glyphs.append(Glyph(ch, "IPAexGothic", 10.0, x, x + width, 0.0))
        x += width
    return glyphs


def test_a_full_width_apostrophe_in_a_latin_word_is_caught():
    found = wide_latin_quotes([line("government’s", 10.0)])
    assert len(found) == 1 and found[0].startswith("page 1: 'government’s'")


def test_a_latin_width_apostrophe_or_a_japanese_neighbour_passes():
    assert wide_latin_quotes([line("government’s", 2.5)]) == []
    assert wide_latin_quotes([line("「日本’」", 10.0)]) == []
