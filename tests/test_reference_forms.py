"""One form for numbered figures and tables in the English edition's text: "Fig. 8.1" and "Table
3.1" (CONTRIBUTING.md), on every English HTML page and in the English PDF. Checker:
tests/support/reference_forms.py, shown to fail on broken text in its self-test beside it."""

from __future__ import annotations

import pytest

from support.project import EDITIONS, HTML, reader_pages
from support.reference_forms import other_reference_forms
from support.rendered_text import pdf_text_outside_code, visible_text

pytestmark = pytest.mark.book
ENGLISH = EDITIONS["en"]


@pytest.mark.parametrize("path", [p for p in reader_pages() if not p.startswith("ja/")])
def test_one_form_of_figure_and_table_references_in_english_html(built_book, path):
    found = other_reference_forms(visible_text((HTML / path).read_text(encoding="utf-8")))
    assert found == [], found[:5]


def test_one_form_of_figure_and_table_references_in_the_english_pdf(built_book):
    found = [
        f"p. {n}: {form}"
        for n, text in enumerate(pdf_text_outside_code(ENGLISH.pdf), 1)
        for form in other_reference_forms(text)
    ]
    assert found == [], found[:10]
