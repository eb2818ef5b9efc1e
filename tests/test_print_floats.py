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
h2 {{ margin: 6pt 0; font-size: 11pt; break-after: avoid; }}
p.ca911-keep-with-next {{ break-after: avoid; }}
</style></head><body><div class="ca911-chapter"><section><h2>A chapter</h2><section>
<h2>A section</h2><p>{text}</p>
{figure}
{after}
</section></section></div></body></html>"""
FIGURE = '<figure id="fig-tall"><figcaption>A figure</figcaption></figure>'
NEXT_SECTION = f"</section><section><h2>The next section</h2><p>{TEXT}</p><p>{TEXT}</p>"


def laid_out(after: str, figure: str = FIGURE):
    html = weasyprint.HTML(string=PAGE.format(text=TEXT, figure=figure, after=after))
    return html, html.render()


def reading_order(html) -> list[str]:
    """The headings' and paragraphs' first words and the figure, in the order they are set."""
    return [
        e.tag if e.tag == "figure" else (e.text or "")[:12]
        for e in html.etree_element.iter()
        if e.tag in ("h2", "p", "figure")
    ]


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


def test_a_float_at_its_sections_end_moves_past_the_next_heading_with_the_text_under_it():
    html, first = laid_out(NEXT_SECTION)
    assert _Layout(first).fill(0) < FILL
    assert defer_floats(html.etree_element, first)
    order = reading_order(html)
    assert order.index("figure") > order.index("The next sec") + 1  # the heading with its text
    assert _Layout(html.render()).fill(0) >= FILL


def test_a_float_never_leaves_its_chapter():
    html, first = laid_out(
        f'</section></section></div><div class="ca911-chapter"><section><h2>Chapter two</h2>'
        f"<p>{TEXT}</p><p>{TEXT}</p>"
    )
    assert _Layout(first).fill(0) < FILL
    assert defer_floats(html.etree_element, first) == []


def test_floats_keep_their_order_and_one_met_on_the_way_goes_on_with_the_float():
    html, first = laid_out(f'<figure id="fig-next">another</figure><p>{TEXT}</p>')
    assert defer_floats(html.etree_element, first) == [
        "fig-tall after 1 blocks, with the 1 after it"
    ]
    assert reading_order(html)[-3:] == ["A sentence o", "figure", "figure"]
    figures = [e.get("id") for e in html.etree_element.iter("figure")]
    assert figures == ["fig-tall", "fig-next"]


def test_a_float_met_under_its_own_heading_and_lead_in_leaves_them_with_the_text():
    """The next section holds a lead-in and its own figure, then text follows: both figures go on
    after that text, in their order, and the section keeps its heading and lead-in."""
    lead_in = '<p class="ca911-keep-with-next">The next figure sets out more.</p>'
    next_figure = f'</section><section><h2>More</h2>{lead_in}<figure id="fig-next">b</figure>'
    html, first = laid_out(next_figure + NEXT_SECTION)
    assert _Layout(first).fill(0) < FILL
    assert defer_floats(html.etree_element, first)
    order = reading_order(html)
    assert order.index("More") + 1 == order.index("The next fig") < order.index("The next sec")
    assert order[-2:] == ["figure", "figure"]
    assert [e.get("id") for e in html.etree_element.iter("figure")] == ["fig-tall", "fig-next"]
    assert _Layout(html.render()).fill(0) >= FILL

    bare = '</section><section><h2>More</h2><figure id="fig-next">b</figure>'
    html, first = laid_out(bare + NEXT_SECTION)
    assert _Layout(first).fill(0) < FILL
    assert defer_floats(html.etree_element, first) == []  # "More" would be left a bare heading


def test_a_heading_that_went_on_with_its_float_keeps_it_or_the_text_under_it():
    """A section's heading that moved on with its float stays where it is; the text under it moves
    up before the float, and a section holding only the float keeps it under its heading."""
    with_text = f"</section><section><h2>The map</h2>{FIGURE}<p>{TEXT}</p><p>{TEXT}</p>"
    html, first = laid_out(with_text + NEXT_SECTION, figure="")
    layout = _Layout(first)
    assert layout.fill(0) < FILL and layout.opening_floats(1)  # heading and float opened page 2
    assert defer_floats(html.etree_element, first)
    order = reading_order(html)
    assert order.index("The map") + 1 < order.index("figure") < order.index("The next sec")

    html, first = laid_out(f"</section><section><h2>The map</h2>{FIGURE}" + NEXT_SECTION, "")
    assert _Layout(first).opening_floats(1)
    assert defer_floats(html.etree_element, first) == []


def test_a_float_met_once_the_page_is_full_enough_stays_where_it_is():
    """Text that already brings the page to FILL is enough: the next figure is not displaced."""
    lead_in = '<p class="ca911-keep-with-next">The next figure sets out more.</p>'
    next_figure = f'</section><section><h2>More</h2>{lead_in}<figure id="fig-next">b</figure>'
    html, first = laid_out(f"<p>{TEXT}</p>" + next_figure + NEXT_SECTION)
    assert _Layout(first).fill(0) < FILL
    moved = defer_floats(html.etree_element, first)
    assert moved and "with the" not in moved[0], moved
    order = reading_order(html)
    assert order.index("figure") < order.index("More") < order.index("The next fig")
    assert order[order.index("The next fig") + 1] == "figure"  # fig-next under its lead-in
    assert _Layout(html.render()).fill(0) >= FILL


def test_a_float_under_its_heading_and_lead_in_leaves_both_and_follows_the_next_section():
    """A section of a heading, a short lead-in kept with the float, and the float: all three went on
    to the next page. The float moves past the next section; the heading keeps its lead-in, which is
    no longer kept with what follows it."""
    lead_in = '<p class="ca911-keep-with-next">The figure sets out the map.</p>'
    html, first = laid_out(
        f"</section><section><h2>The map</h2>{lead_in}{FIGURE}" + NEXT_SECTION, ""
    )
    layout = _Layout(first)
    assert layout.fill(0) < FILL and layout.opening_floats(1)  # heading, lead-in, float: page 2
    assert defer_floats(html.etree_element, first)
    order = reading_order(html)
    assert order.index("The map") + 1 == order.index("The figure s")
    assert order.index("The figure s") < order.index("The next sec") < order.index("figure")
    lead = next(p for p in html.etree_element.iter("p") if (p.text or "").startswith("The figure"))
    assert "ca911-keep-with-next" not in (lead.get("class") or "")
    assert _Layout(html.render()).fill(0) >= FILL


def test_a_float_that_fits_stays_where_it_is():
    html = weasyprint.HTML(
        string=PAGE.format(text="One line.", figure=FIGURE, after=f"<p>{TEXT}</p>").replace(
            "90mm", "40mm"
        )
    )
    assert defer_floats(html.etree_element, html.render()) == []


def test_a_float_never_waits_behind_text_that_overruns_its_gap_by_more_than_a_page_holds():
    """Text that fills the gap and runs on so far that the float no longer fits under it would
    move the gap a page on: a long table after the paragraphs stays after the float."""
    table = '<div class="cell"><table style="height: 90mm"><tr><td>x</td></tr></table></div>'
    html, first = laid_out(f"<p>{TEXT}</p>{table}")
    assert _Layout(first).fill(0) < FILL
    assert defer_floats(html.etree_element, first) == ["fig-tall after 1 blocks"]
    order = [e.tag for e in html.etree_element.iter() if e.tag in ("p", "figure", "table")]
    assert order == ["p", "p", "figure", "table"]
