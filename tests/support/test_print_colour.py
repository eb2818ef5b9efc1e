"""The pale-text checker of tests/support/print_colour.py on small WeasyPrint PDFs: it finds a
highlighter's pale string and passes the same page in the book's dark text."""

from __future__ import annotations

from support import print_colour as colour
from support.test_print_layout import weasyprint_pdf


def test_contrast_follows_wcag():
    assert round(colour.contrast_on_paper((0, 0, 0)), 1) == 21.0
    assert (
        colour.contrast_on_paper((118, 118, 118)) > 4.5 > colour.contrast_on_paper((119, 119, 119))
    )


def test_pale_text_checker_finds_a_pale_code_string(tmp_path):
    page = (
        '<p>A cover page.</p><p style="break-before: page">The file as it stands:</p>'
        '<pre>title: <span style="color: {}">"Central Asia after 9/11"</span></pre>'
        '<p style="color: #fff; background: #0072B2">12</p>'
    )
    broken = colour.pale_text(weasyprint_pdf(tmp_path, page.format("#60add5")))
    assert [(p, c) for p, c, _, _ in broken] == [(2, "#60add5")]
    assert broken[0][3].startswith('"Central')
    assert colour.pale_text(weasyprint_pdf(tmp_path, page.format("#222"))) == []


def test_coloured_text_checker_finds_a_blue_link_and_passes_a_blue_heading(tmp_path):
    page = (
        '<p>A cover page.</p><h2 style="break-before: page; color: #0072B2">A heading</h2>'
        '<p>Body text with <a href="#x" style="color: {}">a linked name</a> in it, '
        "long enough to make the body size the commonest size of the page.</p>"
    )
    blue = weasyprint_pdf(tmp_path, page.format("#0072B2"))
    body = colour.body_font_size(blue)
    assert [(p, c, t) for p, c, t in colour.coloured_text(blue, body)] == [
        (2, "#0072b2", "alinkedname")
    ]
    black = weasyprint_pdf(tmp_path, page.format("inherit"))
    assert colour.coloured_text(black, colour.body_font_size(black)) == []
