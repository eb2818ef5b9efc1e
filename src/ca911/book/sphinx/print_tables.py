"""A table's note stays with its table in print, and a cell that is one date or number stays on
one line.

A note is the paragraph right after a table that explains it: the key to its dashes ("– = the
chapter names none"), its data ("Data: …"), its source or a note. Printed on the next page, it
explains a table the reader has turned away from; the print stylesheet keeps it with the table's
last rows (`.ca911-table-note`: no break before it, none inside it).
"""

from __future__ import annotations

import re

from ca911.book.sphinx.print_marks import add_class
from ca911.data import dates

TABLE_NOTE_CLASS = "ca911-table-note"
# how a note opens, in either edition: a key to the table's dashes ("– = …", "– は…", the Japanese
# "–＝…" with its full-width equals sign and no space) or a labelled note
NOTE_OPENING = re.compile(
    r"^\s*(?:[–—-](?:\s|[=＝])|[–—]$|(?:Data|Source|Sources|Note|Notes|Key)\s*:"
    r"|(?:データ|出典|注|凡例)\s*[：:])"
)


def table_before(node):
    """The table a node follows directly (its previous sibling, or the last table of that
    sibling's wrappers), or None."""
    previous = node.find_previous_sibling()
    while previous is not None and previous.name != "table":
        children = [c for c in previous.find_all(recursive=False)]
        if not children:
            return None
        previous = children[-1]
    return previous


def table_notes(soup):
    """(note, table) for every paragraph that opens like a note right after a table."""
    found = []
    for paragraph in soup.find_all("p"):
        if not NOTE_OPENING.match(paragraph.get_text(" ", strip=True)):
            continue
        table = table_before(paragraph)
        if table is not None:
            found.append((paragraph, table))
    return found


def mark_table_notes(soup) -> None:
    for note, _ in table_notes(soup):
        note["class"] = [*note.get("class", []), TABLE_NOTE_CLASS]


MONTHS = "|".join(dates.MONTHS["en"])
# A table cell that is a date in words, with the book's qualifiers: "4 December 2001", "about
# April 2002", "by September 2001", "2002".
DATE_CELL = re.compile(
    rf"^(?:(?:about|by|from|until|early|mid|late|before|after)[ -])?(?:\d{{1,2}}[–-]?\d{{0,2}} )?"
    rf"(?:(?:{MONTHS})(?:[–-](?:{MONTHS}))? )?\d{{4}}$"
)


# A table cell that is a number with a word or two of qualifier: "about 18,000", "up to 3,000",
# "3,200 expected".
QUALIFIED_NUMBER_CELL = re.compile(r"^(?:[a-z]+ ){0,2}\d[\d,.]*(?: [a-z]+)?$")
LONGEST_UNBROKEN_CELL = 20


def mark_date_cells(soup) -> None:
    """A table cell holding only a date in words, or a number with its qualifier, keeps it on one
    line: a narrow column broke "4 December / 2001" and "about / 18,000" while the cells beside
    them stood whole."""
    for cell in soup.select("table td"):
        text = cell.get_text(" ", strip=True)
        if DATE_CELL.match(text) or (
            len(text) <= LONGEST_UNBROKEN_CELL and QUALIFIED_NUMBER_CELL.match(text)
        ):
            add_class(cell, "ca911-unbroken-cell")
