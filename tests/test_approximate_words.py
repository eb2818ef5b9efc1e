"""The reader meets one word for an approximate date, "about", in pages, tables, figures and the PDF
(tests/support/approximate_words.py); the checker is shown to find the other marks on small broken
inputs."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from ca911.data import dates
from support.approximate_words import other_approximate_words, svg_text
from support.project import HTML, PDF, edition_html_files
from support.rendered_text import visible_text


def test_the_checker_finds_every_other_mark_of_an_approximate_date():
    broken = [
        "2001-09 (approx.)",
        "day read from context (approx)",
        "Kazakhstan 1: c. 1992 – 1999",
        "c.1992",
        "ca. Sep 2001",
        "circa 2001",
        "approx. 2,000 troops",
    ]
    assert [len(other_approximate_words(text)) for text in broken] == [1] * len(broken)


def test_the_checker_passes_about_and_ordinary_abbreviations():
    fine = [
        "about November 2001",
        dates.span_words("1992", "1999", "en", approximate=True),
        "etc. 2001",
        "sec. 5",
        "ch. 3",
        "Inc. 2001",
        "e.g. 2001",
        "a specific approximation",
        "Table C.1",
        "app. C.2",
    ]
    assert [other_approximate_words(text) for text in fine] == [[]] * len(fine)


def test_svg_text_reads_matplotlib_labels_from_comments_and_text_elements():
    svg = (
        '<svg><!-- Kazakhstan 1: c. 1992 – 1999 --><path d="M0"/><text x="1">ca. 2001</text></svg>'
    )
    assert svg_text(svg) == "Kazakhstan 1: c. 1992 – 1999\nca. 2001"
    assert len(other_approximate_words(svg_text(svg))) == 2


@pytest.mark.book
def test_one_word_for_approximate_in_the_html_pages_and_figures(built_book):
    found = [
        f"{page.relative_to(HTML)}: {hit}"
        for page in edition_html_files(HTML)
        for hit in other_approximate_words(visible_text(page.read_text(encoding="utf-8")))
    ]
    shown = {
        (page.parent / src).resolve()
        for page in edition_html_files(HTML)  # figures a page shows, not stale files
        for src in re.findall(r'<img[^>]+src="([^"]+\.svg)"', page.read_text(encoding="utf-8"))
    }
    assert shown
    found += [
        f"{svg.relative_to(HTML)}: {hit}"
        for svg in sorted(shown)
        for hit in other_approximate_words(svg_text(svg.read_text(encoding="utf-8")))
    ]
    assert found == [], found[:20]


@pytest.mark.book
def test_one_word_for_approximate_in_the_pdf(built_book):
    pdf = pdfium.PdfDocument(str(PDF))
    found = [
        f"p. {number}: {hit}"
        for number, page in enumerate(pdf, 1)
        for hit in other_approximate_words(page.get_textpage().get_text_range())
    ]
    assert found == [], found[:20]
