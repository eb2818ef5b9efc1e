"""The Japanese dash 「――」 has one form in the whole book, on screen and in print: every U+2015 is
drawn by the Japanese font, whichever face the text around it is set in (checks in
tests/support/dashes.py)."""

from __future__ import annotations

import pytest

from support.dashes import DASH, html_dash_problems, pdf_dash_fonts, pdf_dash_problems
from support.project import HTML, PDF, edition_html_files


@pytest.mark.book
def test_every_dash_in_the_pdf_is_drawn_by_the_japanese_font(built_book):
    assert len(pdf_dash_fonts(PDF)) >= 6  # Yuasa's title: sources, how to cite, references
    assert pdf_dash_problems(PDF) == []


def pages_with_dashes() -> list[str]:
    return sorted(
        p.relative_to(HTML).as_posix()
        for p in edition_html_files(HTML)
        if not {"_static", "_sources"} & set(p.parts) and DASH in p.read_text(encoding="utf-8")
    )


@pytest.mark.book
def test_every_dash_on_screen_is_drawn_by_the_japanese_font(built_book, visit):
    pages = pages_with_dashes()
    assert "front/sources.html" in pages and "appendices/references.html" in pages
    problems = []
    for path in pages:
        problems += [f"{path}: {p}" for p in html_dash_problems(visit(path).page)]
    assert problems == []
    # broken copy: the page's text set in a Latin face that has its own U+2015
    page = visit("front/sources.html").page
    page.add_style_tag(content="* { font-family: 'DejaVu Sans Mono' !important; }")
    assert html_dash_problems(page)
