"""Dates as the book writes them, and the chronology tables in date order: no page of either
edition shows a date as the data store it (2001-09-11) outside code, ids and downloads; on the
autumn-2001 page and the full chronology no table cell does; and the sortable table of autumn
2001, as DataTables shows it in Chromium, lists its rows in date order and reverses them when its
date header is clicked. Checkers: tests/support/table_dates.py, shown to fail on broken inputs in
tests/support/test_table_dates.py.
"""

from __future__ import annotations

import pytest

from support.project import EDITIONS, HTML, ROOT, reader_pages
from support.table_dates import order_problems, page_stored_dates, stored_dates, table_cell_texts

pytestmark = pytest.mark.book
AUTUMN = "notebooks/chronology_autumn_2001.html"
CHRONOLOGY_PAGES = [AUTUMN, "appendices/chronology.html"]


@pytest.mark.parametrize("lang", list(EDITIONS))
@pytest.mark.parametrize("page", CHRONOLOGY_PAGES)
def test_chronology_tables_show_dates_in_words(built_book, lang, page):
    html = (EDITIONS[lang].html / page).read_text(encoding="utf-8")
    assert stored_dates(table_cell_texts(html)) == []


@pytest.mark.parametrize(
    "path",
    reader_pages(),
)
def test_no_page_shows_a_date_as_stored(built_book, path):
    """Tables (network memberships, presence, aid, periods), prose and captions of every page:
    dates in words, outside code (ids, locators), file names and download links."""
    assert page_stored_dates((HTML / path).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("lang", list(EDITIONS))
def test_the_sortable_autumn_table_lists_its_rows_in_date_order(visit, lang):
    from ca911.analysis import chronology
    from ca911.data.package import load

    expected = list(
        chronology.chronology_table(load(ROOT / "data"), *chronology.AUTUMN_2001, lang=lang)[
            "what happened"
        ]
    )
    path = (EDITIONS[lang].html / AUTUMN).relative_to(HTML).as_posix()
    page = visit(path).page
    rows = "#chronology-autumn-2001 tbody tr"
    page.wait_for_selector(f"{rows} td.ca911-col-what-happened")
    page.select_option(".dt-container select", "-1")  # every row on one page

    def shown(column: str) -> list[str]:
        return [
            " ".join(t.split())
            for t in page.locator(f"{rows} td.ca911-col-{column}").all_inner_texts()
        ]

    assert stored_dates(shown("date")) == []
    assert order_problems(shown("what-happened"), expected) == []
    page.locator("#chronology-autumn-2001 thead th.ca911-col-date").click()  # the reverse order
    for _ in range(50):  # the table redraws after the click, in its own time
        if shown("what-happened")[:1] == expected[-1:]:
            break
        page.wait_for_timeout(100)
    assert order_problems(shown("what-happened"), expected[::-1]) == []
