"""A key for every abbreviation: each all-capital word (three letters or more) of every page of both
built editions is in the book's list of abbreviations (the glossary appendix's last section),
outside code. Checker: tests/support/abbreviations.py, shown to fail on broken pages in
tests/support/test_abbreviations.py."""

from __future__ import annotations

import pytest

from support.abbreviations import article_text, listed, unlisted_capitals
from support.project import EDITIONS, HTML, reader_pages

LIST_PAGE = "appendices/glossary.html"


def abbreviations_of(path: str) -> set[str]:
    """The list of the edition `path` belongs to (the one whose folder is the deepest that holds
    it)."""
    page = HTML / path
    edition = max(
        (ed for ed in EDITIONS.values() if page.is_relative_to(ed.html)),
        key=lambda ed: len(ed.html.parts),
    )
    return listed((edition.html / LIST_PAGE).read_text(encoding="utf-8"))


@pytest.mark.book
@pytest.mark.parametrize("path", reader_pages())
def test_every_abbreviation_is_in_the_list(built_book, path):
    text = article_text((HTML / path).read_text(encoding="utf-8"))
    found = unlisted_capitals(text, abbreviations_of(path))
    assert found == [], found[:10]
