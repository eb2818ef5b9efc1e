"""A line of text that fits but for its trailing word space (the space before an inline element) is
set whole, not cut to its first word (ca911.book.sphinx.line_fit); WeasyPrint alone cuts it."""

from __future__ import annotations

from pathlib import Path

import weasyprint
from weasyprint.layout import inline

from ca911.book.sphinx import line_fit
from support import print_layout as layout

TEXT = "drawn at its capital, not at a base, and the strip enlarges the area around"
CSS = "@page { size: A4; margin: 20mm } body { font-family: sans-serif; font-size: 10pt; }"


def render(tmp_path: Path, body: str, name: str) -> list[layout.Line]:
    target = tmp_path / name
    weasyprint.HTML(string=f"<html><body>{body}</body></html>").write_pdf(
        target, stylesheets=[weasyprint.CSS(string=CSS)]
    )
    return [line for page in layout.read_pages(target) for line in page.lines if line.chars]


def text_width() -> float:
    """TEXT's advance width in CSS px, as WeasyPrint lays it out (shrunk to fit: no trailing
    space)."""
    document = weasyprint.HTML(
        string=f'<html><body><p style="display: inline-block">{TEXT}</p></body></html>'
    ).render(stylesheets=[weasyprint.CSS(string=CSS)])

    def widths(box):
        if type(box).__name__ == "TextBox" and box.text.strip():
            yield box.width
        for child in getattr(box, "children", []):
            yield from widths(child)

    return max(widths(document.pages[0]._page_box))


def lines_of(tmp_path: Path, name: str) -> list[str]:
    """The lines of TEXT and a name after it in an inline element, in a measure 1 px wider than
    TEXT without a trailing space (a space is about 3.5 px): the text fits, its trailing space
    does not."""
    paragraph = f'<p style="width: {text_width() + 1:.3f}px">{TEXT} <span>Bishkek</span>.</p>'
    return [line.text for line in render(tmp_path, paragraph, name)]


def test_a_text_that_fits_but_for_its_trailing_space_is_one_line(tmp_path):
    original = inline.split_first_line
    try:
        assert lines_of(tmp_path, "weasyprint.pdf")[0] == "drawn"  # WeasyPrint's own break
        line_fit.install()
        assert lines_of(tmp_path, "fitted.pdf") == [TEXT.replace(" ", ""), "Bishkek."]
    finally:
        inline.split_first_line = original
