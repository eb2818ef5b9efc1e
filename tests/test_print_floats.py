"""A float too tall for what is left of its page is set after the text that follows it
(ca911.book.sphinx.print_floats), on a small page laid out by WeasyPrint as the print build lays out
the book; the check on the book's PDFs is test_print_layout.py::test_no_gap_left_before_a_float."""

from __future__ import annotations

import pytest

weasyprint = pytest.importorskip("weasyprint")

from ca911.book.sphinx.print_floats import FILL, _Layout, defer_floats  # noqa: E402

TEXT = "A sentence of running text that fills a line or two of the page. " * 6
PAGE = """<html><head><style>
@page {{ size: 100mm 140mm; margin: 10mm; }}
body {{ font: 9pt/1.3 sans-serif; margin: 0; }}
p {{ margin: 0 0 4pt; orphans: 2; widows: 2; }}
figure {{ margin: 0; height: 90mm; background: #ccc; break-inside: avoid; }}
h2 {{ margin: 6pt 0; font-size: 11pt; }}
</style></head><body><section>
<h2>A section</h2><p>{text}</p>
<figure id="fig-tall"><figcaption>A figure</figcaption></figure>
{after}
</section></body></html>"""


def laid_out(after: str):
    html = weasyprint.HTML(string=PAGE.format(text=TEXT, after=after))
    return html, html.render()


def test_a_float_that_leaves_a_gap_is_set_after_the_text_that_follows():
    html, first = laid_out(f"<p>{TEXT}</p><p>{TEXT}</p><p>{TEXT}</p>")
    before = _Layout(first)
    assert before.fill(0) < FILL and before.opening_floats(1)  # the gap the module exists for
    moved = defer_floats(html.etree_element, first)
    assert moved and moved[0].startswith("fig-tall")
    again = _Layout(html.render())
    assert again.fill(0) >= FILL
    order = [e.tag for e in html.etree_element.iter() if e.tag in ("p", "figure")]
    assert order.index("figure") > 1  # text now comes before the figure


def test_a_float_never_moves_past_a_heading():
    html, first = laid_out(f"<h2>The next section</h2><p>{TEXT}</p>")
    assert defer_floats(html.etree_element, first) == []


def test_a_float_that_fits_stays_where_it_is():
    html = weasyprint.HTML(
        string=PAGE.format(text="One line.", after=f"<p>{TEXT}</p>").replace("90mm", "40mm")
    )
    assert defer_floats(html.etree_element, html.render()) == []
