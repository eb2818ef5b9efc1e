"""No straight quote in either printed edition's running text (tests/support/print_quotes.py; its
self-tests in tests/support/test_print_quotes.py)."""

from __future__ import annotations

import pytest

from support.print_quotes import straight_quotes_in_pdf
from support.project import EDITIONS


@pytest.mark.parametrize(
    "built",
    [EDITIONS["en"], EDITIONS["ja"]],
    ids=["en", "ja"],
)
def test_no_straight_quote_outside_code(built_book, built):
    found = straight_quotes_in_pdf(built.pdf)
    assert found == [], f"{len(found)} straight quotes, for example {found[:8]}"
