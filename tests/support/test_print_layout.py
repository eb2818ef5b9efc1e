"""The print-layout checkers of tests/support/print_layout.py, each shown to catch a small broken PDF made with
WeasyPrint and to pass the same PDF mended."""

from __future__ import annotations

from pathlib import Path

from support import print_layout as layout

FLOOR = 8.0  # pt: the floor the book's check uses


def weasyprint_pdf(tmp_path: Path, body: str, css: str = "") -> Path:
    """A small A5 book with a running head, rendered by the same WeasyPrint as the book."""
    import weasyprint

    page_css = """@page { size: A5; margin: 22mm 16mm 18mm; @top-center { content: "Running head"; font-size: 9pt; } }
                  body { font-family: sans-serif; font-size: 10pt; line-height: 1.4; }
                  h1 { font-size: 26pt; break-before: page; margin: 0 0 10pt; } h2 { font-size: 16pt; margin: 8pt 0; }
                  p { margin: 0 0 6pt; }"""
    target = tmp_path / "book.pdf"
    weasyprint.HTML(string=f"<html><body>{body}</body></html>").write_pdf(
        target, stylesheets=[weasyprint.CSS(string=page_css + css)])
    return target


def filler(lines: int) -> str:
    text = "This is a line of ordinary body text set for the check, long enough to fill the measure"
    return "".join(f"<p>{text} ({n}).</p>" for n in range(lines))


# ---------------------------------------------------------------------------------------- the checkers
def test_type_floor_checker_finds_small_type(tmp_path):
    broken = layout.read_pages(weasyprint_pdf(tmp_path, filler(3) + '<p style="font-size: 7pt">a 7 pt table note</p>'))
    assert [(page, size) for page, size, _ in layout.below_size(broken, FLOOR)] == [(1, 7.0)]
    assert layout.share_below(broken, FLOOR) > 0
    mended = layout.read_pages(weasyprint_pdf(tmp_path, filler(3) + '<p style="font-size: 8pt">an 8 pt table note</p>'))
    assert layout.below_size(mended, FLOOR) == []


def test_heading_at_foot_checker(tmp_path):
    # a heading with one line under it at the foot of page 1, its section going on over the page
    body = (filler(1) + '<div style="height: 136mm"></div><h2>A heading at the foot</h2>'
            + '<p style="orphans: 1">' + "Text that runs on over the page break and further. " * 30 + "</p>"
            + filler(40))
    broken = layout.read_pages(weasyprint_pdf(tmp_path, body))
    assert [(page, heading) for page, heading, _ in layout.headings_at_foot(broken)] == [(1, "Aheadingatthefoot")]
    mended = layout.read_pages(weasyprint_pdf(tmp_path, body, "h2 { break-before: page; }"))
    assert layout.headings_at_foot(mended) == []


def test_near_empty_page_checker(tmp_path):
    def pages_of(body: str):
        return [page for page, _, _ in layout.near_empty_pages(layout.read_pages(weasyprint_pdf(tmp_path, body)))]

    # page 2 carries one line, then the text goes on on page 3: a near-empty page inside a chapter
    alone = '<p style="break-before: page; break-after: page">a line alone</p>'
    assert pages_of("<h1>Chapter one</h1>" + filler(10) + alone + filler(10)) == [2]
    # a chapter may end on a short page of several lines, never on a line or two alone
    three_lines = '<p style="break-before: page">the first line<br>the second line<br>the third line</p>'
    assert pages_of("<h1>Chapter one</h1>" + filler(10) + three_lines + "<h1>Chapter two</h1>" + filler(10)) == []
    one_line = '<p style="break-before: page">a line alone</p>'
    assert pages_of("<h1>Chapter one</h1>" + filler(10) + one_line + "<h1>Chapter two</h1>" + filler(10)) == [2]


def test_mirrored_folio_checker(tmp_path):
    mirrored = "@page :left { @top-left { content: counter(page); } } @page :right { @top-right { content: counter(page); } }"
    pages = layout.read_pages(weasyprint_pdf(tmp_path, filler(60), mirrored))
    assert len(pages) >= 3 and layout.folios_misplaced(pages) == []
    pages = layout.read_pages(weasyprint_pdf(tmp_path, filler(60), "@page { @top-left { content: counter(page); } }"))
    assert [page for page, _ in layout.folios_misplaced(pages)] == [n for n in range(1, len(pages) + 1) if n % 2]


def test_cross_reference_checker(tmp_path):
    body = (filler(2) + '<p>As <a href="#two">the second section</a> shows.</p>' + filler(2)
            + '<h1 id="two">The second section</h1>' + filler(3))
    pdf = weasyprint_pdf(tmp_path, body)
    pages = layout.read_pages(pdf)
    broken = layout.references_without_page(layout.internal_links(pdf), pages)
    assert [(link.page, link.target) for link in broken] == [(1, 2)]
    pdf = weasyprint_pdf(tmp_path, body, 'a::after { content: ", p. " target-counter(attr(href), page); }')
    assert layout.references_without_page(layout.internal_links(pdf), layout.read_pages(pdf)) == []


# ------------------------------------------------------------------------------------------- stretched lines
def test_stretched_line_checker(tmp_path):
    """A justified entry ending in a long unbreakable id leaves its few spaces wide open; set ragged-right, or
    laid out as table columns, it does not count."""
    entry = ('<p style="text-align: justify">Entry of the register, see the record '
             '<span style="white-space: nowrap">events:ch3-2001-09-24-putin-tv-address-and-more</span> and the rest.</p>')
    broken = layout.read_pages(weasyprint_pdf(tmp_path, entry))
    assert len(layout.stretched_lines(broken)) >= 1
    mended = layout.read_pages(weasyprint_pdf(tmp_path, entry.replace("justify", "left")))
    assert layout.stretched_lines(mended) == []
    table = "<table><tr><td>a code</td><td style='padding-left: 30pt'>its meaning</td><td style='padding-left: 60pt'>a note</td></tr></table>"
    assert layout.stretched_lines(layout.read_pages(weasyprint_pdf(tmp_path, table))) == []
