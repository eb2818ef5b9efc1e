"""No code word in what a reader sees: on every page of both built editions, no data code or field
name as stored (`not_stated`, `text_ja`) and no code read with its underscores as spaces ("us
military use 2001", "search rescue") in the text outside code elements; each value shows its
reader's label. The checker is tests/support/code_words.py; tests/support/test_code_words.py shows
it fails on small broken pages."""

from __future__ import annotations

import pytest

from support.code_words import book_spelled_codes, page_code_words
from support.project import HTML, ROOT, reader_pages

SPELLED = book_spelled_codes(ROOT / "data")


@pytest.mark.book
@pytest.mark.parametrize("path", reader_pages())
def test_no_code_words_in_reader_text(built_book, path):
    found = page_code_words((HTML / path).read_text(encoding="utf-8"), SPELLED)
    assert found == [], found[:10]
