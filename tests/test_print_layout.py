"""The printed book's type and page layout, measured in the built PDF with pdfium (tests/support/print_layout.py):
no character under the 8 pt floor, no heading left at a page foot, no near-empty page, parts opening on pages
of their own and listed in the bookmarks, page numbers at the outer corner, a title page and an imprint, and
cross-references that carry the page they point at. Each checker is first shown to catch a small broken PDF
made with WeasyPrint."""

from __future__ import annotations

import re
import subprocess
from functools import lru_cache
from pathlib import Path

import yaml

from support import print_layout as layout
from support.project import PDF, ROOT

TYPE_FLOOR = 8.0  # pt: nothing a reader must read is set smaller
TABLE_SIZE = 8.5  # pt: table text; the share of the book's characters below it is reported


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
    assert [(page, size) for page, size, _ in layout.below_size(broken, TYPE_FLOOR)] == [(1, 7.0)]
    assert layout.share_below(broken, TYPE_FLOOR) > 0
    mended = layout.read_pages(weasyprint_pdf(tmp_path, filler(3) + '<p style="font-size: 8pt">an 8 pt table note</p>'))
    assert layout.below_size(mended, TYPE_FLOOR) == []


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


# ---------------------------------------------------------------------------------------- the book
@lru_cache(maxsize=1)
def book_pages() -> tuple[layout.Page, ...]:
    return tuple(layout.read_pages(PDF))


def test_no_type_below_the_floor(built_book):
    pages = list(book_pages())
    small = layout.below_size(pages, TYPE_FLOOR)
    share = layout.share_below(pages, TABLE_SIZE)
    print(f"\nprint type: {share:.1%} of the book's characters are under {TABLE_SIZE} pt, "
          f"{layout.share_below(pages, TYPE_FLOOR):.2%} under {TYPE_FLOOR} pt")
    assert small == [], f"{len(small)} lines under {TYPE_FLOOR} pt, for example " + "; ".join(
        f"p. {page}: {size:.1f} pt {text!r}" for page, size, text in small[:8])


def test_no_heading_at_a_page_foot(built_book):
    assert layout.headings_at_foot(list(book_pages())) == []


def test_no_near_empty_page(built_book):
    assert layout.near_empty_pages(list(book_pages())) == []


def test_page_numbers_sit_at_the_outer_corner(built_book):
    assert layout.folios_misplaced(list(book_pages())) == []


def part_captions() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [part["caption"] for part in toc["parts"] if part["caption"].strip().lower() != "front matter"]


def test_parts_open_on_a_page_of_their_own_and_are_bookmarked(built_book):
    from pypdf import PdfReader

    reader = PdfReader(str(PDF))
    top_level = {re.sub(r"\s+", " ", item.title): reader.get_destination_page_number(item) + 1
                 for item in reader.outline if not isinstance(item, list)}
    texts = {page.number: "".join(c.text for c in page.chars) for page in book_pages()}
    for caption in part_captions():
        name = re.split(r"\s+[—–]\s+", caption)[0]
        assert name in top_level, f"{name!r} is not a first-level bookmark: {sorted(top_level)}"
        page = top_level[name]
        squashed = re.sub(r"\s+", "", caption.replace("—", ""))
        assert re.sub(r"[—–]", "", texts[page]) == squashed.replace("—", ""), f"p. {page} carries more than {caption!r}"


def test_title_page_and_imprint(built_book):
    from ca911 import __version__

    texts = ["".join(c.text for c in page.chars) for page in book_pages()]
    imprint = next((i for i, t in enumerate(texts[:6]) if "Howtocite" in t and "Licences" in t), None)
    assert imprint is not None, "no imprint among the first pages"
    text = texts[imprint]
    assert f"version{__version__}" in text
    assert "makebook" in text and "MIT" in text and "CCBY4.0" in text
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    if commit.returncode == 0:
        assert commit.stdout.strip()[:12] in text
    assert not re.search(r"https?://|doi\.org|10\.\d{4,}/", text), "the imprint names an address the volume does not have"
    assert all("CreatedusingSphinx" not in t and "©Copyright" not in t for t in texts)
    assert not any("downloadfromtheHTMLedition" in t for t in texts)


def test_cross_reference_checker(tmp_path):
    body = (filler(2) + '<p>As <a href="#two">the second section</a> shows.</p>' + filler(2)
            + '<h1 id="two">The second section</h1>' + filler(3))
    pdf = weasyprint_pdf(tmp_path, body)
    pages = layout.read_pages(pdf)
    broken = layout.references_without_page(layout.internal_links(pdf), pages)
    assert [(link.page, link.target) for link in broken] == [(1, 2)]
    pdf = weasyprint_pdf(tmp_path, body, 'a::after { content: ", p. " target-counter(attr(href), page); }')
    assert layout.references_without_page(layout.internal_links(pdf), layout.read_pages(pdf)) == []


def test_cross_references_to_sections_carry_their_page(built_book):
    """Every link to a heading prints the page it lands on: "p. N" in the text, the page number after the
    title in the contents."""
    pages = list(book_pages())
    links = layout.internal_links(PDF)
    body = layout.body_size(pages)
    assert any(layout.lands_on_heading(link, pages, body=body) for link in links)
    wrong = layout.references_without_page(links, pages)
    assert wrong == [], f"{len(wrong)} references without their page, for example " + "; ".join(
        f"p. {link.page} → p. {link.target}: {link.text!r}" for link in wrong[:8])


# ---------------------------------------------------------------------------------------- the HTML how-to-cite page
CLIPPED_BLOCKS = """() => [...document.querySelectorAll('div.highlight-text pre')]
    .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
    .map(pre => pre.textContent.trim().slice(0, 60))"""


def test_citation_lines_are_read_whole_on_screen(visit):
    """The one-record citation line (a plain-text block) wraps inside its box at 1280 px and on a phone; a copy
    of the page with the blocks set unwrapped shows the check sees a clipped line."""
    for width in (1280, 390):
        page = visit("appendices/how_to_cite.html", width=width).page
        assert page.locator("div.highlight-text pre").count() >= 1
        assert page.evaluate(CLIPPED_BLOCKS) == [], f"clipped at {width} px"
    broken = visit("appendices/how_to_cite.html", width=390).page
    broken.add_style_tag(content="div.highlight-text pre { white-space: pre !important; }")
    assert broken.evaluate(CLIPPED_BLOCKS) != []


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


def anchor_pages(*anchors: str) -> list[int]:
    from pypdf import PdfReader

    reader = PdfReader(str(PDF))
    named = reader.named_destinations
    return [reader.get_destination_page_number(named[anchor]) + 1 for anchor in anchors]


def test_no_stretched_lines_in_the_appendices_and_the_register(built_book):
    """The appendices and the discrepancy register are lists of entries ending in ids and locators: set
    ragged-right, no line of them is stretched by justification."""
    pages = list(book_pages())
    register, rerun, appendices, how_to_cite = anchor_pages(
        "document-methods/discrepancies", "document-methods/rerun", "document-appendices/chronology",
        "document-appendices/how_to_cite")
    wanted = [*range(register, rerun), *range(appendices, how_to_cite + 1)]
    found = [(page, text) for page, text in layout.stretched_lines(pages) if page in wanted]
    assert found == [], f"{len(found)} stretched lines, for example {found[:5]}"
