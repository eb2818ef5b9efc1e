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


@each_edition
def test_section_signs_are_set_one_way(built_book, built):
    """A section is '§5.7' wherever the book names one, in the chapters' locators (ch4 §5.1) and in
    the print build's references (“…” [§5.7, p. 39]) alike: '§ 5.7' beside '§5.1' reads as two
    styles."""
    found = words.spaced_section_signs(words.pdf_page_texts(built.pdf))
    assert found == [], f"{len(found)} spaced section signs, for example " + "; ".join(
        f"p. {page}: {text!r}" for page, text in found[:8]
    )


@each_edition
def test_no_pointing_words_stand_before_a_page_in_a_bracket(built_book, built):
    """ "(his call [app. A, p. 124])" prints as "(app. A, p. 124)"; （その電話、付録A、p. 140） as
    （付録A、p. 140）."""
    found = words.pointers_before_pages(words.pdf_page_texts(built.pdf), built.lang)
    assert found == [], f"{len(found)} brackets, for example " + "; ".join(
        f"p. {page}: {text!r}" for page, text in found[:8]
    )
