"""Dates read as the rest of the book writes them (11 September 2001, 2001年9月11日), not as the
data store them (2001-09-11), on every page (tables, prose, captions), and a sortable table's rows
stand in date order.

Plain functions of page HTML and of lists of cell texts, so `tests/support/test_table_dates.py` runs
them on small broken inputs; `tests/test_table_dates.py` runs them on every page of both built
editions (and in Chromium, on the sortable table as DataTables shows it).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from support.rendered_text import CODE_ELEMENTS

# a date as the data store it: year-month or year-month-day, not part of an id, path or locator
STORED_DATE = re.compile(r"(?<![\w/:.-])(?:1[89]|20)\d\d-[01]\d(?:-[0-3]\d)?(?![\w/-])")


def stored_dates(texts: list[str]) -> list[str]:
    """The texts that show a date as stored."""
    return [t for t in texts if STORED_DATE.search(t)]


def table_cell_texts(page_html: str) -> list[str]:
    """The text of every table cell of the page, code elements (ids, locators) removed."""
    soup = BeautifulSoup(page_html, "html.parser")
    for tag in soup(CODE_ELEMENTS):
        tag.decompose()
    return [" ".join(td.get_text(" ").split()) for td in soup.select("table td")]


def page_stored_dates(page_html: str) -> list[str]:
    """Every date as stored in what a reader sees of a page, tables, prose and captions alike, each
    with some context: code elements (ids, locators, file names) and download links removed."""
    soup = BeautifulSoup(page_html, "html.parser")
    for tag in soup([*CODE_ELEMENTS, "title"]):
        tag.decompose()
    for link in soup.select("a.download"):
        link.decompose()
    text = " ".join(soup.get_text(" ").split())
    return [repr(text[max(0, m.start() - 50) : m.end() + 20]) for m in STORED_DATE.finditer(text)]


def order_problems(shown: list[str], expected: list[str]) -> list[str]:
    """Where the rows a table shows differ from the rows in date order (compared by a column of
    unique text, such as what happened)."""
    return [
        f"row {i + 1}: shows {s[:60]!r}, date order has {e[:60]!r}"
        for i, (s, e) in enumerate(zip(shown, expected))
        if s != e
    ] + (
        [f"{len(shown)} rows shown, {len(expected)} expected"]
        if len(shown) != len(expected)
        else []
    )
