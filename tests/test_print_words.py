"""No page of either printed edition asks its reader to use a screen (click, toggle, download, a
link at the top of the page): tests/support/print_words.py reads every PDF page; its self-tests
are in tests/support/test_print_words.py."""

from __future__ import annotations

from support import print_words as words
from support.project import each_edition


@each_edition
def test_no_screen_words_in_print(built_book, built):
    found = words.screen_words(words.pdf_page_texts(built.pdf), built.lang)
    assert found == [], f"{len(found)} screen instructions in print, for example " + "; ".join(
        f"p. {page}: {word!r} in {sentence!r}" for page, word, sentence in found[:8]
    )
