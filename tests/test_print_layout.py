"""The printed book's type and page layout, measured in the built PDF with pdfium
(tests/support/print_layout.py): no character under the 8 pt floor, no heading left at a page foot,
no near-empty page, parts opening on pages of their own and listed in the bookmarks, page numbers at
the outer corner, a title page and an imprint, and cross-references that carry the page they point
at (the checkers' self-tests, on small WeasyPrint PDFs, are in
tests/support/test_print_layout.py)."""

from __future__ import annotations

import re
import subprocess
from functools import lru_cache

import yaml

from support import print_colour as colour
from support import print_layout as layout
from support.project import PDF, ROOT, each_edition

TYPE_FLOOR = 8.0  # pt: nothing a reader must read is set smaller
TABLE_SIZE = 8.5  # pt: table text (asserted for table cells; the book's share below it is reported)


# ---------------------------------------------------------------------------------------- the book
@lru_cache(maxsize=2)
def book_pages(pdf=PDF) -> tuple[layout.Page, ...]:
    return tuple(layout.read_pages(pdf))


@each_edition
def test_no_type_below_the_floor(built_book, built):
    pages = list(book_pages(built.pdf))
    small = layout.below_size(pages, TYPE_FLOOR)
    share = layout.share_below(pages, TABLE_SIZE)
    print(
        f"\nprint type: {share:.1%} of the book's characters are under {TABLE_SIZE} pt, "
        f"{layout.share_below(pages, TYPE_FLOOR):.2%} under {TYPE_FLOOR} pt"
    )
    assert small == [], f"{len(small)} lines under {TYPE_FLOOR} pt, for example " + "; ".join(
        f"p. {page}: {size:.1f} pt {text!r}" for page, size, text in small[:8]
    )


@each_edition
def test_no_heading_at_a_page_foot(built_book, built):
    assert layout.headings_at_foot(list(book_pages(built.pdf))) == []


@each_edition
def test_no_near_empty_page(built_book, built):
    assert layout.near_empty_pages(list(book_pages(built.pdf))) == []


def test_english_prose_has_one_alignment(built_book):
    """All English prose is set ragged-right: a justified paragraph (three lines in a row flush
    with the right edge) beside ragged ones is two alignments on a page. The Japanese edition is
    set flush left by its own rule (test_print_ja)."""
    found = layout.justified_runs(list(book_pages(PDF)))
    assert found == [], f"{len(found)} pages with justified prose, for example {found[:4]}"


@each_edition
def test_no_word_alone_on_a_line_the_next_word_would_share(built_book, built):
    """No line of a paragraph holds one word when the next line's first word would have fitted
    beside it (WeasyPrint set such lines where the text fitted but for its trailing space; the print
    build lays those out whole, ca911.book.sphinx.line_fit)."""
    assert layout.words_alone(list(book_pages(built.pdf))) == []


@each_edition
def test_no_gap_left_before_a_float(built_book, built):
    assert layout.gaps_before_floats(list(book_pages(built.pdf))) == []


@each_edition
def test_no_introduction_parted_from_what_it_introduces(built_book, built):
    assert layout.introductions_at_foot(list(book_pages(built.pdf))) == []


@each_edition
def test_no_line_stretched_before_a_long_id(built_book, built):
    """A paragraph holding a long id or code word is set ragged-right: justified, the line before
    the id that does not fit opens its spaces wide."""
    found = layout.stretched_before_code(list(book_pages(built.pdf)))
    assert found == [], f"{len(found)} stretched lines, for example {found[:5]}"


@each_edition
def test_no_pale_text(built_book, built):
    """Every character on paper has at least 4.5:1 contrast, code blocks' highlighting included."""
    assert colour.pale_text(built.pdf) == []


@each_edition
def test_links_and_names_print_in_the_text_colour(built_book, built):
    """No text of body size or smaller prints in a hue: links, linked names and the contents' page
    numbers are in the text's colour on paper (tests/support/print_colour.py)."""
    found = colour.coloured_text(built.pdf, colour.body_font_size(built.pdf))
    assert found == [], f"{len(found)} runs in colour, for example {found[:6]}"


@each_edition
def test_page_numbers_sit_at_the_outer_corner(built_book, built):
    assert layout.folios_misplaced(list(book_pages(built.pdf))) == []


def part_captions(lang: str = "en") -> list[str]:
    """The parts' captions in the edition's language (_toc.yml, through the Japanese catalog), the
    front matter (no opening page) left out."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    captions = [
        part["caption"]
        for part in toc["parts"]
        if part["caption"].strip().lower() != "front matter"
    ]
    if lang == "en":
        return captions
    from babel.messages.pofile import read_po

    with (ROOT / "locales" / lang / "LC_MESSAGES" / "index.po").open("rb") as fh:
        catalog = read_po(fh)
    return [catalog.get(c).string for c in captions]


def squashed(text: str) -> str:
    return re.sub(r"[\s—–\u3000]+", "", text)


@each_edition
def test_parts_open_on_right_pages_bookmarked_whole_and_listed_with_their_page(built_book, built):
    """Each part opens on a right-hand (odd) page that carries its caption alone; its first-level
    bookmark is the whole caption, and the contents' label for it prints that page."""
    from support import print_sections as sections

    marks = sections.bookmarks(built.pdf)
    top_level = {squashed(mark.title): mark.page for mark in marks if mark.level == 1}
    texts = {page.number: "".join(c.text for c in page.chars) for page in book_pages(built.pdf)}
    links = layout.internal_links(built.pdf)
    # the contents: from their own heading's page to the page before the next heading's
    at = next(i for i, mark in enumerate(marks) if mark.title in ("Contents", "目次"))
    contents = range(marks[at].page, marks[at + 1].page)
    for caption in part_captions(built.lang):
        assert squashed(caption) in top_level, f"{caption!r} is not a first-level bookmark"
        page = top_level[squashed(caption)]
        assert page % 2 == 1, f"{caption!r} opens on a left-hand page, p. {page}"
        assert squashed(texts[page]) == squashed(caption), (
            f"p. {page} carries more than {caption!r}"
        )
        listed = [link for link in links if link.page in contents and link.target == page]
        assert any(layout.carries_its_page(link) for link in listed), (
            f"the contents list {caption!r} without its page {page}: {listed}"
        )


def test_title_page_and_imprint(built_book):
    from ca911 import __version__

    texts = ["".join(c.text for c in page.chars) for page in book_pages()]
    imprint = next(
        (i for i, t in enumerate(texts[:6]) if "Howtocite" in t and "Licences" in t), None
    )
    assert imprint is not None, "no imprint among the first pages"
    text = texts[imprint]
    assert f"version{__version__}" in text
    assert "makebook" in text and "MIT" in text and "CCBY4.0" in text
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True
    )
    if commit.returncode == 0:
        assert commit.stdout.strip()[:12] in text
    assert not re.search(r"https?://|doi\.org|10\.\d{4,}/", text), (
        "the imprint names an address the volume does not have"
    )
    assert all("CreatedusingSphinx" not in t and "©Copyright" not in t for t in texts)
    assert not any("downloadfromtheHTMLedition" in t for t in texts)


def test_cross_references_to_sections_carry_their_page(built_book):
    """Every link to a heading prints the page it lands on: "p. N" in the text, the page number
    after the title in the contents."""
    pages = list(book_pages())
    links = layout.internal_links(PDF)
    body = layout.body_size(pages)
    assert any(layout.lands_on_heading(link, pages, body=body) for link in links)
    wrong = layout.references_without_page(links, pages)
    assert wrong == [], f"{len(wrong)} references without their page, for example " + "; ".join(
        f"p. {link.page} → p. {link.target}: {link.text!r}" for link in wrong[:8]
    )


# ------------------------------------------------------------------------ the HTML how-to-cite page
CLIPPED_BLOCKS = """() => [...document.querySelectorAll('div.highlight-text pre')]
    .filter(pre => pre.scrollWidth > pre.clientWidth + 1)
    .map(pre => pre.textContent.trim().slice(0, 60))"""


def test_citation_lines_are_read_whole_on_screen(visit):
    """The one-record citation line (a plain-text block) wraps inside its box at 1280 px and on a
    phone; a copy of the page with the blocks set unwrapped shows the check sees a clipped line."""
    for width in (1280, 390):
        page = visit("appendices/how_to_cite.html", width=width).page
        assert page.locator("div.highlight-text pre").count() >= 1
        assert page.evaluate(CLIPPED_BLOCKS) == [], f"clipped at {width} px"
    broken = visit("appendices/how_to_cite.html", width=390).page
    broken.add_style_tag(content="div.highlight-text pre { white-space: pre !important; }")
    assert broken.evaluate(CLIPPED_BLOCKS) != []


def anchor_pages(pdf, *anchors: str) -> list[int]:
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    named = reader.named_destinations
    return [reader.get_destination_page_number(named[anchor]) + 1 for anchor in anchors]


@each_edition
def test_no_stretched_lines_in_the_appendices_and_the_register(built_book, built):
    """The appendices and the discrepancy register are lists of entries ending in ids and locators:
    set ragged-right, no line of them is stretched by justification."""
    pages = list(book_pages(built.pdf))
    register, rerun, appendices, how_to_cite = anchor_pages(
        built.pdf,
        "document-methods/discrepancies",
        "document-methods/rerun",
        "document-appendices/chronology",
        "document-appendices/how_to_cite",
    )
    wanted = [*range(register, rerun), *range(appendices, how_to_cite + 1)]
    found = [(page, text) for page, text in layout.stretched_lines(pages) if page in wanted]
    assert found == [], f"{len(found)} stretched lines, for example {found[:5]}"


@lru_cache(maxsize=2)
def book_tables(pdf=PDF) -> dict:
    return layout.table_places(pdf)


@each_edition
def test_no_table_leaves_one_row_alone_on_a_page(built_book, built):
    tables = book_tables(built.pdf)
    assert len(tables) >= 20, (
        "the print build names places in the book's tables (print_marks.anchor_tables)"
    )
    assert layout.rows_alone(tables) == []


@each_edition
def test_table_text_is_at_least_the_table_size(built_book, built):
    """Table cells, ids and code in them included, are set at 8.5 pt or more (print.md)."""
    found = layout.table_type_below(list(book_pages(built.pdf)), book_tables(built.pdf), TABLE_SIZE)
    assert found == [], f"{len(found)} table lines under {TABLE_SIZE} pt, for example " + "; ".join(
        f"p. {page} (table {table}): {size} pt {text!r}" for page, table, size, text in found[:8]
    )


@each_edition
def test_table_columns_have_a_gutter(built_book, built):
    found = layout.cramped_columns(list(book_pages(built.pdf)), book_tables(built.pdf))
    assert found == [], (
        f"{len(found)} table lines with cells closer than a gutter, for example "
        + "; ".join(
            f"p. {page} (table {table}): {text!r} {gap} pt" for page, table, text, gap in found[:8]
        )
    )


# ------------------------------------------------------------------------------------- page numbers


# ------------------------------------------------------------------------------------------- floats


# --------------------------------------------------------------------------------------- page sizes


@each_edition
def test_every_page_has_the_book_size(built_book, built):
    """A table too wide for the measure is turned on a page of the book's size, with its running
    head and folio."""
    assert layout.odd_page_sizes(list(book_pages(built.pdf))) == []


@each_edition
def test_references_to_figures_and_tables_carry_their_page(built_book, built):
    """On paper "see Fig. 7.2" is followed by the page it is on, as a section reference is."""
    wrong = layout.float_references_without_page(layout.internal_links(built.pdf))
    assert wrong == [], f"{len(wrong)} references without their page, for example " + "; ".join(
        f"p. {link.page} → p. {link.target}: {link.text!r}" for link in wrong[:8]
    )


@each_edition
def test_every_caption_is_whole_on_its_figures_page(built_book, built):
    """No caption runs on to the next page or opens a page after its figure's (tagged PDF: a
    caption's part on each page is a Caption of its own)."""
    from support.pdf_structure import parted_captions

    assert parted_captions(built.pdf) == []


@each_edition
def test_no_line_starts_in_the_margin(built_book, built):
    """Every body line starts at or right of its page's text block (a table's note or a sentence a
    notebook computes was set 10 pt out into the margin)."""
    assert layout.outdented_lines(list(book_pages(built.pdf))) == []
