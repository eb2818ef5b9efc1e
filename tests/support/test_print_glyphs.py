"""The quadrupled-text checker of tests/support/print_glyphs.py on small WeasyPrint PDFs: a line
whose characters come out four times over is caught; the source's doubled note marker quoted in
「…」, as the book explains it, passes."""

from __future__ import annotations

from support import print_glyphs as glyphs
from support import print_words as words
from support.test_print_layout import weasyprint_pdf


def test_checker_finds_a_line_printed_four_times_over(tmp_path):
    body = "<p>see the note ((((13131313)))) below</p>"
    texts = words.pdf_page_texts(weasyprint_pdf(tmp_path, body))
    assert [line for _, line in glyphs.quadrupled_runs(texts)] == [
        "see the note ((((13131313)))) below"
    ]


def test_checker_passes_the_noise_quoted_as_a_quotation(tmp_path):
    body = "<p>note markers such as 「（（（（13131313））））」 for note 13</p>"
    texts = words.pdf_page_texts(weasyprint_pdf(tmp_path, body))
    assert glyphs.quadrupled_runs(texts) == []
