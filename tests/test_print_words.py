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


@each_edition
def test_no_line_opens_with_a_separator(built_book, built):
    """'record · locator' breaks after the dot, never before it (print_spacing.glue_separators)."""
    found = words.lines_opening_with_a_separator(words.pdf_page_texts(built.pdf))
    assert found == [], f"{len(found)} lines open with '·', for example " + "; ".join(
        f"p. {page}: {line!r}" for page, line in found[:8]
    )


def test_the_separator_check_sees_a_line_opening_with_the_dot():
    page = "a record of the chapters\n· ch3 §2 ¶13 · events:ch3-x\nnext line"
    assert words.lines_opening_with_a_separator([page]) == [(1, "· ch3 §2 ¶13 · events:ch3-x")]


def test_separators_are_glued_to_what_precedes_them():
    from bs4 import BeautifulSoup

    from ca911.book.sphinx.print_spacing import glue_separators

    soup = BeautifulSoup(
        "<p><span>record</span> · <code>ch3 §1</code> · more</p><pre>a · b</pre>", "html.parser"
    )
    glue_separators(soup)
    assert soup.p.get_text() == "record\u00a0· ch3 §1\u00a0· more"
    assert soup.pre.get_text() == "a · b"  # code is left as it is
