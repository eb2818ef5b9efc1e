"""Hyphenation in the print edition: names are never broken by the typesetter, and no word is broken so
that a stray syllable of one or two letters stands at a line's end or start."""

from __future__ import annotations

import pytest

from support.hyphenation import AUTO_HYPHEN, hyphenated_names, hyphenated_words, name_words
from support.project import PDF, ROOT, pdf_page_texts


def test_checker_finds_hyphenated_names_in_a_broken_text():
    names = {"Kvashnin", "Washington", "Kazakhstan"}
    broken = f"the chief of staff Kvash{AUTO_HYPHEN}\nnin flew to Wash{AUTO_HYPHEN}\nington and Mat{AUTO_HYPHEN}\nsui wrote"
    assert hyphenated_words(broken) == [("Kvash", "nin"), ("Wash", "ington"), ("Mat", "sui")]
    assert hyphenated_names(broken, names) == ["Kvash-nin", "Wash-ington"]
    short = f"as Yu{AUTO_HYPHEN}\nasa argues"
    assert hyphenated_names(short, names) == ["Yu-asa"]


def test_checker_passes_whole_names_and_the_texts_own_hyphens():
    names = {"Kvashnin", "Kazakhstan"}
    whole = f"Kvashnin and Sino-\nKazakhstan ties, a band{AUTO_HYPHEN}\nwagon, ch3-2001-\n09-24"
    assert hyphenated_names(whole, names) == []
    assert hyphenated_words(whole) == [("band", "wagon")]


def test_names_read_from_the_actors_table():
    names = name_words(ROOT / "data" / "actors.csv")
    assert {"Kazakhstan", "Uzbekistan"} <= names
    assert all(name[0].isupper() and len(name) >= 4 for name in names)


def test_the_proper_names_the_build_keeps_whole_cover_the_actors():
    from ca911.print_marks import proper_names

    assert name_words(ROOT / "data" / "actors.csv") <= proper_names(ROOT)


def test_the_build_marks_names_and_leaves_ids_and_code_alone():
    from ca911.print_marks import mark_for_print

    html = mark_for_print("<p>Kvashnin met Komirov in Washington; <code>Washington</code>, KAZ-Washington.</p>"
                          "<table><tr><td>コミロフ</td></tr></table>", None, {"Kvashnin", "Washington", "コミロフ"})
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
