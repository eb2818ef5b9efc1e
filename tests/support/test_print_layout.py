"""The print-layout checkers of tests/support/print_layout.py, each shown to catch a small broken
PDF made with WeasyPrint and to pass the same PDF mended."""

from __future__ import annotations

from pathlib import Path

from support import print_layout as layout

FLOOR = 8.0  # pt: the floor the book's check uses


# ------------------------------------------------------------------------------------------- tables
def anchored_table(rows: list[tuple[str, str]], header=("id", "first named")) -> str:
    """A booktabs table with the named places the print build gives every table
    (print_marks.anchor_tables)."""
    from bs4 import BeautifulSoup

    from ca911.book.sphinx.print_marks import anchor_tables

    body = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
    soup = BeautifulSoup(
        f"<table><thead><tr><th>{header[0]}</th><th>{header[1]}</th></tr></thead>"
        f"<tbody>{body}</tbody></table>",
        "html.parser",
    )
    anchor_tables(soup)
    return str(soup)


TABLE_CSS = """table { border-collapse: collapse; border-top: 1pt solid #000; border-bottom: 1pt solid #000; font-size: 8.5pt; }
               thead th { border-bottom: 0.6pt solid #000; text-align: left; } tr { break-inside: avoid; }"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)


def weasyprint_pdf(tmp_path: Path, body: str, css: str = "") -> Path:
    """A small A5 book with a running head, rendered by the same WeasyPrint as the book."""
    import weasyprint

    page_css = """@page { size: A5; margin: 22mm 16mm 18mm; @top-center { content: "Running head"; font-size: 9pt; } }
                  body { font-family: sans-serif; font-size: 10pt; line-height: 1.4; }
                  h1 { font-size: 26pt; break-before: page; margin: 0 0 10pt; } h2 { font-size: 16pt; margin: 8pt 0; }
                  p { margin: 0 0 6pt; }"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
    target = tmp_path / "book.pdf"
    weasyprint.HTML(string=f"<html><body>{body}</body></html>").write_pdf(
        target, stylesheets=[weasyprint.CSS(string=page_css + css)]
    )
    return target


def filler(lines: int) -> str:
    text = "This is a line of ordinary body text set for the check, long enough to fill the measure"
    return "".join(f"<p>{text} ({n}).</p>" for n in range(lines))


# ------------------------------------------------------------------------------------- the checkers
def test_type_floor_checker_finds_small_type(tmp_path):
    broken = layout.read_pages(
        weasyprint_pdf(tmp_path, filler(3) + '<p style="font-size: 7pt">a 7 pt table note</p>')
    )
    assert [(page, size) for page, size, _ in layout.below_size(broken, FLOOR)] == [(1, 7.0)]
    assert layout.share_below(broken, FLOOR) > 0
    mended = layout.read_pages(
        weasyprint_pdf(tmp_path, filler(3) + '<p style="font-size: 8pt">an 8 pt table note</p>')
    )
    assert layout.below_size(mended, FLOOR) == []


def test_heading_at_foot_checker(tmp_path):
    # a heading with one line under it at the foot of page 1, its section going on over the page
    body = (
        filler(1)
        + '<div style="height: 136mm"></div><h2>A heading at the foot</h2>'
        + '<p style="orphans: 1">'
        + "Text that runs on over the page break and further. " * 30
        + "</p>"
        + filler(40)
    )
    broken = layout.read_pages(weasyprint_pdf(tmp_path, body))
    assert [(page, heading) for page, heading, _ in layout.headings_at_foot(broken)] == [
        (1, "Aheadingatthefoot")
    ]
    mended = layout.read_pages(weasyprint_pdf(tmp_path, body, "h2 { break-before: page; }"))
    assert layout.headings_at_foot(mended) == []


def test_near_empty_page_checker(tmp_path):
    def pages_of(body: str):
        return [
            page
            for page, _, _ in layout.near_empty_pages(
                layout.read_pages(weasyprint_pdf(tmp_path, body))
            )
        ]

    # page 2 carries one line, then the text goes on on page 3: a near-empty page inside a chapter
    alone = '<p style="break-before: page; break-after: page">a line alone</p>'
    assert pages_of("<h1>Chapter one</h1>" + filler(10) + alone + filler(10)) == [2]
    # a chapter may end on a short page of several lines, never on a line or two alone
    three_lines = (
        '<p style="break-before: page">the first line<br>the second line<br>the third line</p>'
    )
    assert (
        pages_of(
            "<h1>Chapter one</h1>" + filler(10) + three_lines + "<h1>Chapter two</h1>" + filler(10)
        )
        == []
    )
    one_line = '<p style="break-before: page">a line alone</p>'
    assert pages_of(
        "<h1>Chapter one</h1>" + filler(10) + one_line + "<h1>Chapter two</h1>" + filler(10)
    ) == [2]
    # a blank left-hand page before a chapter that opens on the right is no near-empty page; a blank
    # page inside a chapter is
    assert pages_of(filler(10) + '<h1 style="break-before: right">Part two</h1>' + filler(3)) == []
    blank = '<p style="break-before: page"></p><p style="break-before: page">the text goes on</p>'
    assert pages_of(filler(10) + blank + filler(30)) == [2]


def test_mirrored_folio_checker(tmp_path):
    mirrored = (
        "@page :left { @top-left { content: counter(page); } } @page :right { @top-right { "
        "content: counter(page); } }"
    )
    pages = layout.read_pages(weasyprint_pdf(tmp_path, filler(60), mirrored))
    assert len(pages) >= 3 and layout.folios_misplaced(pages) == []
    pages = layout.read_pages(
        weasyprint_pdf(tmp_path, filler(60), "@page { @top-left { content: counter(page); } }")
    )
    assert [page for page, _ in layout.folios_misplaced(pages)] == [
        n for n in range(1, len(pages) + 1) if n % 2
    ]


def test_cross_reference_checker(tmp_path):
    body = (
        filler(2)
        + '<p>As <a href="#two">the second section</a> shows.</p>'
        + filler(2)
        + '<h1 id="two">The second section</h1>'
        + filler(3)
    )
    pdf = weasyprint_pdf(tmp_path, body)
    pages = layout.read_pages(pdf)
    broken = layout.references_without_page(layout.internal_links(pdf), pages)
    assert [(link.page, link.target) for link in broken] == [(1, 2)]
    pdf = weasyprint_pdf(
        tmp_path, body, 'a::after { content: ", p. " target-counter(attr(href), page); }'
    )
    assert layout.references_without_page(layout.internal_links(pdf), layout.read_pages(pdf)) == []


# ---------------------------------------------------------------------------------- stretched lines
def test_stretched_line_checker(tmp_path):
    """A justified entry ending in a long unbreakable id leaves its few spaces wide open; set
    ragged-right, or laid out as table columns, it does not count."""
    entry = (
        '<p style="text-align: justify">Entry of the register, see the record '
        '<span style="white-space: nowrap">events:ch3-2001-09-24-putin-tv-address-and-more</span> '
        "and the rest.</p>"
    )
    broken = layout.read_pages(weasyprint_pdf(tmp_path, entry))
    assert len(layout.stretched_lines(broken)) >= 1
    mended = layout.read_pages(weasyprint_pdf(tmp_path, entry.replace("justify", "left")))
    assert layout.stretched_lines(mended) == []
    table = (
        "<table><tr><td>a code</td><td style='padding-left: 30pt'>its meaning</td><td "
        "style='padding-left: 60pt'>a note</td></tr></table>"
    )
    assert layout.stretched_lines(layout.read_pages(weasyprint_pdf(tmp_path, table))) == []


def test_word_alone_checker(tmp_path):
    """A word left alone inside a justified paragraph (the next line's first word would have fitted
    beside it) is found; the same words run on, and a short last line, are not."""
    style = (
        "text-align: justify; text-align-last: justify"  # lines before a forced break justified too
    )
    full = "the chapters place these markers only in a country, so they"
    rest = "at its capital and not at a base of their own anywhere"
    alone = f'<p style="{style}">{full}<br>drawn<br>{rest}<br>{full}</p>'
    assert [
        (page, word)
        for page, word, _ in layout.words_alone(layout.read_pages(weasyprint_pdf(tmp_path, alone)))
    ] == [(1, "drawn")]
    run_on = (
        f'<p style="{style}">{full}<br>drawn {rest}<br>{full}</p><p>{full} {rest} and a last '
        "line.</p>"
    )
    assert layout.words_alone(layout.read_pages(weasyprint_pdf(tmp_path, run_on))) == []


def test_row_alone_checker(tmp_path):
    """A table pushed to the page foot so that one row is left on its first page, or one on its
    last; the book's rule (the first row goes with the second, the last with the one before) keeps
    two rows on each page."""
    rows = [(f"row {n}", f"value {n}") for n in range(8)]
    keep = (
        "tbody > tr:first-child { break-after: avoid; } tbody > tr:last-child { break-before: "
        "avoid; }"
    )
    cells = "td, th { padding: 2pt 8pt 2pt 0; }"
    found = {}
    for height in range(96, 160, 4):  # from the last row carried over to the first row left behind
        body = f'<div style="height: {height}mm"></div>' + anchored_table(rows)
        broken = layout.rows_alone(
            layout.table_places(weasyprint_pdf(tmp_path, body, TABLE_CSS + cells))
        )
        for _, page, which in broken:
            found[which] = (height, page)
        assert (
            layout.rows_alone(
                layout.table_places(weasyprint_pdf(tmp_path, body, TABLE_CSS + cells + keep))
            )
            == []
        )
    assert set(found) == {"first", "last"}, found
    assert found["first"][1] == 1 and found["last"][1] == 2


def test_cramped_column_checker(tmp_path):
    """Cells set with no gutter: an unbreakable id runs up to the next column's text, which reads as
    one phrase with it; a gutter of about an em parts them."""
    rows = [
        (f'<span style="white-space: nowrap">tajik-afghan-border-{n}</span>', "ch3 §2 ¶5")
        for n in range(4)
    ]
    body = filler(2) + anchored_table(rows) + filler(2)

    def cramped(gutter: str):
        pdf = weasyprint_pdf(
            tmp_path, body, TABLE_CSS + f"td, th {{ padding: 2pt {gutter} 2pt 0; }}"
        )
        return layout.cramped_columns(layout.read_pages(pdf), layout.table_places(pdf))

    assert [text[:19] for _, _, text, _ in cramped("0")] == ["tajik-afghan-border"] * 4
    assert cramped("1pt") != []
    assert cramped("8pt") == []


def test_page_number_gap_checker(tmp_path):
    """A reference's page number padded with figure spaces to three figures prints as "p.  2";
    unpadded, in tabular figures, it follows its "p." at a no-break space. (An @counter-style rule
    counts only in the document's own style sheets, as in the book.)"""
    body = (
        filler(2)
        + '<p>As <a href="#two">the second section</a> shows, and <a href="#two">again</a>.</p>'
        + '<h1 id="two">The second section</h1>'
        + filler(3)
    )
    reference = (
        'a::after { content: ", p.\\a0" target-counter(attr(href), page, %s); '
        "font-variant-numeric: tabular-nums; }"
    )
    padded = (
        '@counter-style padded { system: extends decimal; pad: 3 "\\2007"; }' + reference % "padded"
    )
    broken = layout.page_number_gaps(
        layout.read_pages(weasyprint_pdf(tmp_path, f"<style>{padded}</style>" + body))
    )
    assert [(page, text[:3]) for page, text, _ in broken] == [(1, "p.2"), (1, "p.2")]
    mended = f"<style>{reference % 'decimal'}</style>" + body
    assert layout.page_number_gaps(layout.read_pages(weasyprint_pdf(tmp_path, mended))) == []


def test_gap_before_a_float_checker(tmp_path):
    """A figure too tall for the rest of its page moves on and leaves the page half empty, though
    the text after it could have filled the gap; the same text set before the figure fills the page.
    A chapter's last page may stay short."""
    figure = (
        '<div style="height: 120mm; background: #888; break-inside: avoid"></div><p>Fig. 1 A '
        "drawing.</p>"
    )
    broken = layout.gaps_before_floats(
        layout.read_pages(
            weasyprint_pdf(tmp_path, "<h1>Chapter</h1>" + filler(6) + figure + filler(6))
        )
    )
    assert [page for page, _ in broken] == [1]
    mended = "<h1>Chapter</h1>" + filler(6) + filler(6) + figure
    assert layout.gaps_before_floats(layout.read_pages(weasyprint_pdf(tmp_path, mended))) == []
    chapter_end = "<h1>Chapter</h1>" + filler(6) + "<h1>Next chapter</h1>" + figure
    assert layout.gaps_before_floats(layout.read_pages(weasyprint_pdf(tmp_path, chapter_end))) == []
    # the figure moved as far as its chapter lets it: its page is the chapter's last, and no text
    # is left to set before it
    float_page = "<h1>Chapter</h1>" + filler(3) + figure + "<h1>Next chapter</h1>" + filler(6)
    pages = layout.read_pages(weasyprint_pdf(tmp_path, float_page))
    heads = layout.recurring_heights(pages)
    first = pages[0]
    block = layout.text_block(pages, heads)[(round(first.width), round(first.height))]
    assert len(pages) == 3 and layout.fill(first, heads, block) < 0.6  # as short as the broken one
    assert layout.gaps_before_floats(pages) == []
    # a section's heading and its one-line lead-in, kept with the figure, move on with it: the
    # page they leave is as empty
    led = (
        '<section style="break-inside: avoid"><h2>Section</h2><p>The figure sets out this.</p>'
        + figure
        + "</section>"
    )
    broken = layout.gaps_before_floats(
        layout.read_pages(
            weasyprint_pdf(tmp_path, "<h1>Chapter</h1>" + filler(6) + led + filler(6))
        )
    )
    assert [page for page, _ in broken] == [1]


def test_gap_before_a_float_checker_tells_a_table_moved_on_from_one_running_on(tmp_path):
    """A captioned table too tall for the rest of its page moves on whole and leaves a gap; a table
    whose next row is too tall for the page runs on under a rule and its repeated header: the same
    table going on, which no text set first could change."""
    css = "table { border-collapse: collapse; } thead th { border-top: 1pt solid; }"
    table = (
        "<table><thead><tr><th>field</th></tr></thead><tr><td>row 1</td></tr><tr><td>row 2</td>"
        '</tr><tr><td style="height: 120mm">a tall row</td></tr></table>'
    )
    caption = '<p style="break-after: avoid">Table 1 A table.</p>'
    whole = f'<div style="break-inside: avoid">{caption}{table}</div>'
    chapter = "<h1>Chapter</h1>" + filler(4)
    moved_on = layout.read_pages(weasyprint_pdf(tmp_path, chapter + whole + filler(6), css))
    assert [page for page, _ in layout.gaps_before_floats(moved_on)] == [1]
    running_on = layout.read_pages(
        weasyprint_pdf(tmp_path, chapter + caption + table + filler(6), css)
    )
    first = [line.text for line in running_on[0].lines]
    assert "Table1Atable." in first and "row2" in first  # it starts on page 1 …
    assert [line.text for line in running_on[1].lines][
        1
    ] == "field"  # … and runs on under its header
    assert layout.gaps_before_floats(running_on) == []


def test_odd_page_size_checker(tmp_path):
    """A wide table set on a landscape sheet of its own among portrait pages is found; the same
    table turned on a portrait page is not."""
    rows = [(f"record {n} with a long name", "a value") for n in range(6)]
    table = f'<div class="wide">{anchored_table(rows)}</div>'
    sheet = "@page wide { size: A5 landscape; } div.wide { page: wide; }"
    broken = layout.odd_page_sizes(
        layout.read_pages(weasyprint_pdf(tmp_path, filler(4) + table + filler(4), sheet))
    )
    assert [page for page, _, _ in broken] == [2]
    turned = (
        "div.wide { break-before: page; break-after: page; height: 120mm; position: relative; }"
        "div.wide table { position: absolute; width: 120mm; transform-origin: 0 0; transform: "
        "translate(0, 120mm) rotate(-90deg); }"
    )
    assert (
        layout.odd_page_sizes(
            layout.read_pages(weasyprint_pdf(tmp_path, filler(4) + table + filler(4), turned))
        )
        == []
    )


def test_introduction_at_foot_checker(tmp_path):
    """A short paragraph ending in a colon as a page's last line, its table moved on whole to the
    next page, is found; kept with its table, it is not."""
    table = anchored_table([("a", "b")] * 6)
    body = filler(11) + "<p>The pairs, heaviest first:</p>" + table
    css = "p { text-align: justify; } table { break-inside: avoid; }"
    stranded = layout.introductions_at_foot(layout.read_pages(weasyprint_pdf(tmp_path, body, css)))
    assert stranded == [(1, "Thepairs,heaviestfirst:")]
    kept = weasyprint_pdf(tmp_path, body, css + " p:last-of-type { break-after: avoid; }")
    assert layout.introductions_at_foot(layout.read_pages(kept)) == []
    # a ragged line that stops at a colon inside its sentence, the sentence running on over the
    # page, parts nothing
    running_on = (
        filler(12)
        + "<p>A short line.</p>" * 2
        + "<p>The network shows what the chapters state:<br>"
        + "Kyrgyzstan and Tajikistan have no row because neither chapter names them, " * 4
        + "</p>"
        + filler(30)  # pages enough for the running head to be told from the text
    )
    ragged = "p { text-align: left; orphans: 1; widows: 1; }"
    pages = layout.read_pages(weasyprint_pdf(tmp_path, running_on, ragged))
    assert pages[0].lines[-1].text.endswith("state:")  # the colon ends page 1's last line …
    assert pages[1].lines[1].text.startswith("Kyrgyzstan")  # … and the sentence runs on
    assert layout.introductions_at_foot(pages) == []


def test_stretched_before_code_checker(tmp_path):
    """A justified line whose next word is a long id that does not fit opens its spaces wide; the
    same paragraph set ragged-right does not."""
    text = (
        "<p>The chapters reach us as plain text extracted from print, with the noise of the "
        "extraction in it, and the reader "
        '<code style="white-space: nowrap; font-family: DejaVu Sans Mono, monospace">'
        "python -m ca911 passages ch3</code> prints every passage with its locator.</p>"
    )
    justified = weasyprint_pdf(tmp_path, text, "p { text-align: justify; }")
    assert len(layout.stretched_before_code(layout.read_pages(justified))) == 1
    ragged = weasyprint_pdf(tmp_path, text, "p { text-align: left; }")
    assert layout.stretched_before_code(layout.read_pages(ragged)) == []


def test_table_type_checker_finds_ids_under_the_table_size(tmp_path):
    """A table at 8.5 pt whose id column is set at 8 pt (as the sentence map's records once were) is
    caught, line by line; the same table with its ids at the table's size passes."""
    rows = [(f'<code class="rec">events:ch3-{n}-summit</code>', "ch3 §2 ¶5") for n in range(5)]
    body = filler(2) + anchored_table(rows) + filler(2)

    def small(id_size: str):
        pdf = weasyprint_pdf(tmp_path, body, TABLE_CSS + f"code.rec {{ font-size: {id_size}; }}")
        return layout.table_type_below(layout.read_pages(pdf), layout.table_places(pdf), 8.5)

    found = small("8pt")
    assert [(size, text[:11]) for _, _, size, text in found] == [(8.0, "events:ch3-")] * 5
    assert small("8.5pt") == []


def test_outdented_line_checker(tmp_path):
    """A paragraph set out into the margin is found; the same paragraph at the text's edge is
    not."""
    body = "<h1>Cover</h1>" + filler(2) + "<h1>Chapter</h1>" + filler(3)
    out = '<p style="margin-left: -10pt">A note set out into the margin.</p>'
    broken = layout.read_pages(weasyprint_pdf(tmp_path, body + out + filler(3)))
    assert [text for _, text in layout.outdented_lines(broken)] == ["Anotesetoutintothemargin."]
    mended = out.replace("margin-left: -10pt", "margin-left: 0")
    assert layout.outdented_lines(layout.read_pages(weasyprint_pdf(tmp_path, body + mended))) == []
