"""The table-date checkers of tests/support/table_dates.py fail on small broken inputs and pass good
ones."""

from __future__ import annotations

from support.table_dates import (
    order_problems,
    page_stored_dates,
    stored_dates,
    table_cell_texts,
)


def test_stored_dates_in_cells_fail_and_dates_in_words_ids_and_locators_pass():
    page = """<table><tr><td>2001-09-11</td><td>about 2001-09-11</td><td>2001-10</td></tr>
    <tr><td>11 September 2001</td><td>2001年9月11日</td>
    <td><code>events:ch3-2001-09-11-attacks</code></td><td>ch3-2001-09-11-attacks</td></tr></table>"""
    assert stored_dates(table_cell_texts(page)) == ["2001-09-11", "about 2001-09-11", "2001-10"]


def test_a_row_sorted_as_text_fails():
    # as the autumn-2001 table sorted "about 2001-09-11" after every other date
    expected = ["attacks", "Putin calls Bush", "condolences"]
    assert order_problems(["attacks", "condolences", "Putin calls Bush"], expected) != []
    assert order_problems(expected, expected) == []
    assert order_problems(expected[:2], expected) != []


def test_stored_dates_anywhere_on_a_page_fail_and_ids_files_and_downloads_pass():
    # as the presence tables and their prose showed them: "3,200 (2001-12)", "(2001-09-10)"
    broken = (
        "<p>The eve of 11 September (<span>2001-09-10</span>).</p>"
        "<table><tr><td>3,200 expected (2001-12)</td><td>from 2001-09-11</td></tr></table>"
    )
    assert len(page_stored_dates(broken)) == 3
    good = (
        "<p>The eve of 11 September (10 September 2001), 2001年9月10日, 1992 – 1999.</p>"
        "<p><code>memberships:UZB/COALITION/2003-03-07</code> "
        '<a class="reference download internal" href="x">'
        "<span>presence-2001-09-10.graphml</span></a>"
        " presence-2001-12-31.gexf</p>"
    )
    assert page_stored_dates(good) == []
