"""The table-date checkers of tests/support/table_dates.py fail on small broken inputs and pass good
ones."""

from __future__ import annotations

from support.table_dates import order_problems, stored_dates, table_cell_texts


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
