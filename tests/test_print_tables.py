"""A table's note (its key to the dashes, its data line) prints on the page of the table's last row
(ca911.book.sphinx.print_tables marks it; the print stylesheet keeps it with those rows)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from test_pdf import html_pages

from ca911.book.sphinx.print_tables import table_notes
from support.project import HTML, each_edition, pdf_page_texts


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def notes_with_last_rows(html_dir=HTML) -> list[tuple[str, str]]:
    """(the note's opening, the opening of the last row's longest cell) of every table note of an
    edition's HTML pages, squashed as the PDF's text is compared."""
    found = []
    for page in (html_dir / path.relative_to(HTML) for path in html_pages()):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for note, table in table_notes(soup):
            cells = table.find_all("tr")[-1].find_all(["td", "th"])
            longest = max((squash(c.get_text(" ")) for c in cells), key=len)
            found.append((squash(note.get_text(" "))[:25], longest[:8]))
    return found


def notes_parted(page_texts, notes) -> list[tuple[int, str]]:
    """(page, note) of every note whose page (the first holding its opening) does not hold its
    table's last row above it (a row's words may recur in a table further down the page)."""
    squashed = [squash(text) for text in page_texts]
    parted = []
    for note, row in notes:
        pages = [k for k, text in enumerate(squashed) if note in text]
        if pages and row not in squashed[pages[0]].split(note)[0]:
            parted.append((pages[0] + 1, note))
    return parted


def test_the_checker_sees_a_note_parted_from_its_table():
    notes = [("–=notgiveninthedata.", "Uzbekist")]
    assert notes_parted(["a table\nUzbekistan yes\n– = not given in the data."], notes) == []
    parted = ["a table\nUzbekistan yes", "– = not given in the data.\nmore text"]
    assert notes_parted(parted, notes) == [(2, "–=notgiveninthedata.")]
    # the row's words again in the next table, under the note parted from its own
    below = ["a table\nUzbekistan yes", "– = not given in the data.\nTable 2\nUzbekistan no"]
    assert notes_parted(below, notes) == [(2, "–=notgiveninthedata.")]


def test_the_japanese_key_opens_a_note():
    """The Japanese key to a table's dashes has a full-width equals sign and no space."""
    soup = BeautifulSoup(
        "<table><tr><td>–</td></tr></table><p>–＝データに記載なし。</p>", "html.parser"
    )
    assert [note.get_text() for note, _ in table_notes(soup)] == ["–＝データに記載なし。"]


@each_edition
def test_every_table_note_is_on_the_page_of_the_last_row(built_book, built):
    notes = notes_with_last_rows(built.html)
    assert notes, "the book's tables carry notes"
    assert notes_parted(pdf_page_texts(built.pdf), notes) == []
