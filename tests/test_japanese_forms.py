"""The Japanese edition's running text keeps the house forms (tests/support/japanese_forms.py):
one spelling per name and loanword, the chapters' authors named rather than called 筆者/著者, and
no ASCII space after 。、「」 — on every page of the Japanese HTML edition and on the print
edition's front matter (the imprint, which only the PDF carries).
The checkers' self-tests on small broken pages are in tests/support/test_japanese_forms.py."""

from __future__ import annotations

import pytest

from support import japanese_forms as forms
from support.project import EDITIONS, ROOT, pdf_page_texts

JA = EDITIONS["ja"]
# the front matter: title page, imprint and contents come before the first chapter
FRONT_PAGES = 6


@pytest.fixture(scope="module")
def running_texts(built_book) -> dict[str, list[str]]:
    quotations = forms.quotations(ROOT / "data")
    pages = [p for p in JA.pages() if p.name not in ("search.html", "genindex.html")]
    assert len(pages) >= 20
    return {
        p.relative_to(JA.html).as_posix(): forms.running_text(
            p.read_text(encoding="utf-8"), quotations
        )
        for p in pages
    }


def _found(running_texts, check) -> list[str]:
    return [f"{page}: {hit}" for page, texts in running_texts.items() for hit in check(texts)]


def test_one_spelling_per_name_and_loanword(running_texts):
    found = _found(running_texts, forms.variant_forms)
    assert found == [], f"{len(found)} second spellings, for example:\n" + "\n".join(found[:15])


def test_the_chapters_authors_are_named(running_texts):
    found = _found(running_texts, forms.author_words)
    assert found == [], f"{len(found)} 筆者/著者, for example:\n" + "\n".join(found[:15])


def test_ranges_of_numbers_are_set_with_a_wave_dash(running_texts):
    found = _found(running_texts, forms.dashed_ranges)
    assert found == [], f"{len(found)} ranges set with a dash:\n" + "\n".join(found[:15])


def test_no_space_after_a_japanese_mark(running_texts):
    found = _found(running_texts, forms.spaced_marks)
    assert found == [], f"{len(found)} spaces after 。、「」:\n" + "\n".join(found[:15])


def test_no_space_between_a_latin_word_and_japanese(running_texts):
    """`events.csv`のフィールド, not `events.csv` の: the Japanese edition sets Latin words and
    code against Japanese text with no space, as its prose does throughout."""
    found = _found(running_texts, forms.latin_spacing)
    assert found == [], f"{len(found)} spaced Latin words:\n" + "\n".join(found[:15])


def test_no_space_after_a_japanese_mark_in_the_print_front_matter(built_book):
    texts = list(pdf_page_texts(JA.pdf)[:FRONT_PAGES])
    assert any("引用のしかた" in text for text in texts), "no imprint in the front matter"
    assert forms.spaced_marks(texts) == []
