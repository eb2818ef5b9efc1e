"""No code word in what a reader sees: on every page of both built editions, no data code or field
name as stored (`not_stated`, `text_ja`) and no code read with its underscores as spaces ("us
military use 2001", "search rescue") in the text outside code elements; each value shows its
reader's label; and no field name, code or lower-case actor id as a word of running text even where
it is typeset as code (`as_of` in a sentence, "id kamilov"). The checkers are
tests/support/code_words.py and tests/support/contract_words.py; their self-tests beside them show
they fail on small broken pages."""

from __future__ import annotations

import pytest

from support.code_words import book_spelled_codes, page_code_words
from support.contract_words import CONTRACT_PAGES, book_contract_names, contract_words
from support.project import HTML, ROOT, reader_pages

SPELLED = book_spelled_codes(ROOT / "data")


@pytest.mark.book
@pytest.mark.parametrize("path", reader_pages())
def test_no_code_words_in_reader_text(built_book, path):
    found = page_code_words((HTML / path).read_text(encoding="utf-8"), SPELLED)
    assert found == [], found[:10]


CONTRACT_NAMES, ACTOR_IDS = book_contract_names(ROOT / "data")


@pytest.mark.book
@pytest.mark.parametrize(
    "path",
    [p for p in reader_pages() if not p.endswith(CONTRACT_PAGES)],
)
def test_no_field_name_or_actor_id_as_a_word(built_book, path):
    """A field name or code of the data contract typeset as code in a sentence, or a lower-case
    actor id written where a name belongs, is still a code word (support/contract_words.py)."""
    found = contract_words((HTML / path).read_text(encoding="utf-8"), CONTRACT_NAMES, ACTOR_IDS)
    assert found == [], found[:10]
