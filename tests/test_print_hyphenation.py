"""Hyphenation in the print edition: names are never broken by the typesetter, and no word is broken
so that a stray syllable of one or two letters stands at a line's end or start."""

from __future__ import annotations

import pytest

from support.hyphenation import hyphenated_names, name_words
from support.project import PDF, ROOT, pdf_page_texts


def test_names_read_from_the_actors_table():
    names = name_words(ROOT / "data" / "actors.csv")
    assert {"Kazakhstan", "Uzbekistan"} <= names
    assert all(name[0].isupper() and len(name) >= 4 for name in names)


def test_the_proper_names_the_build_keeps_whole_cover_the_actors():
    from ca911.book.sphinx.print import proper_names

    assert name_words(ROOT / "data" / "actors.csv") <= proper_names(ROOT / "data")


def test_the_build_marks_names_and_leaves_ids_and_code_alone():
    from ca911.book.sphinx.print import mark_for_print

    html = mark_for_print(
        "<p>Kvashnin met Komirov in Washington; <code>Washington</code>, KAZ-Washington.</p>"
        "<table><tr><td>コミロフ</td></tr></table>",
        None,
        {"Kvashnin", "Washington", "コミロフ"},
    )
    assert html.count('class="ca911-name"') == 2
    assert 'class="ca911-name ca911-name-ja">コミロフ' in html
    assert "<code" in html and ">Washington</code>" in html


@pytest.mark.book
def test_no_name_is_hyphenated_in_the_pdf(built_book):
    names = name_words(ROOT / "data" / "actors.csv")
    broken = {}
    for number, text in enumerate(pdf_page_texts(), 1):
        for word in hyphenated_names(text, names):
            broken.setdefault(word, number)
    assert broken == {}, f"names hyphenated in {PDF.name}: {broken}"
