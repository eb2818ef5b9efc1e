"""No straight quote in either printed edition's running text (tests/support/print_quotes.py; its
self-tests in tests/support/test_print_quotes.py)."""

from __future__ import annotations

import pytest

from support.print_quotes import straight_quotes_in_pdf
from support.project import EDITIONS

# The English references print the notes of references.bib as written, with straight apostrophes
# ("Russia's", "group's"); they are mended in that file, not in print. Strict: once they are, the
# mark must go.
REFERENCES_PENDING = pytest.mark.xfail(
    strict=True, reason="references.bib's notes still carry straight apostrophes"
)


@pytest.mark.parametrize(
    "built",
    [pytest.param(EDITIONS["en"], marks=REFERENCES_PENDING), EDITIONS["ja"]],
    ids=["en", "ja"],
)
def test_no_straight_quote_outside_code(built_book, built):
    found = straight_quotes_in_pdf(built.pdf)
    assert found == [], f"{len(found)} straight quotes, for example {found[:8]}"
