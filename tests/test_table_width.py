"""Short tables keep their natural width (checker in tests/support/table_width.py), in the browser
at 1280 px."""

from __future__ import annotations

import pytest

from support.table_width import stretched_tables

PAGES = [
    "methods/codebook.html",
    "methods/discrepancies.html",
    "notebooks/network_memberships.html",
    "notebooks/network_military_presence.html",
    "notebooks/table1_iraq_war.html",
    "appendices/glossary.html",
]


@pytest.mark.book
@pytest.mark.parametrize("path", PAGES)
def test_no_short_table_is_stretched_across_the_column(visit, path):
    assert stretched_tables(visit(path).page) == []
