"""No text line of either printed edition prints its characters four times over outside a
quotation of the sources' noise (tests/support/print_glyphs.py, self-tests in
tests/support/test_print_glyphs.py)."""

from __future__ import annotations

from support import print_glyphs as glyphs
from support import print_words as words
from support.project import each_edition


@each_edition
def test_no_line_prints_its_characters_four_times_over(built_book, built):
    found = glyphs.quadrupled_runs(words.pdf_page_texts(built.pdf))
    assert found == [], f"{len(found)} lines, for example {found[:6]}"
