"""Both PDFs' outlines follow the book's plan: front matter and parts at the first level, each
chapter under its part (tests/support/print_outline.py; self-tests in
tests/support/test_print_outline.py)."""

from __future__ import annotations

import pytest

from support import print_outline as outline
from support.print_sections import bookmarks
from support.project import EDITIONS, ROOT


@pytest.mark.parametrize(
    "built",
    [EDITIONS["en"], EDITIONS["ja"]],
    ids=["en", "ja"],
)
def test_front_matter_and_parts_head_the_outline(built_book, built):
    front, parts = outline.book_plan(ROOT / "_toc_print.yml", built.html)
    faults = outline.misplaced(bookmarks(built.pdf), front, [chapters for _, chapters in parts])
    assert faults == []
