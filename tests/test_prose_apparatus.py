"""The running text of every page of both editions keeps its apparatus out of the sentence: no
record date in parentheses repeating a date the sentence gives, no span that writes its shared
month or year twice, no outside expansion in square brackets inside a gloss (outside the pages
whose apparatus the brackets are), no two parenthesised groups side by side (nor, in the PDF, a
printed page reference beside one), one locator form.
Checkers: tests/support/prose_apparatus.py, shown to fail on broken inputs in
tests/support/test_prose_apparatus.py.
"""

from __future__ import annotations

import pytest

from support.project import EDITIONS, HTML, reader_pages
from support.prose_apparatus import page_problems, pages_beside_parentheses

pytestmark = pytest.mark.book

# The pages whose apparatus the square brackets are: the page that explains them with examples
# (about), the glossary, the actor index and pages, and the chronology's entries, which print names
# as the data hold them.
APPARATUS_PAGES = (
    "front/about.html",
    "appendices/glossary.html",
    "appendices/actors.html",
    "appendices/chronology",
)


@pytest.mark.parametrize("path", reader_pages())
def test_running_text_keeps_its_apparatus_out_of_the_sentence(built_book, path):
    lang = "ja" if path.startswith("ja/") else "en"
    found = page_problems((HTML / path).read_text(encoding="utf-8"), lang)
    page = path.removeprefix("ja/")
    if page.startswith(APPARATUS_PAGES) or page.startswith("_generated/actors/"):
        found.pop("bracketed gloss")
    problems = [f"{kind}: {hit}" for kind, hits in found.items() for hit in hits]
    assert problems == []


@pytest.mark.parametrize("lang", list(EDITIONS))
def test_no_printed_page_reference_stands_beside_a_parenthesis(built_book, lang):
    """On paper a reference carries its page in brackets; the sentence's own parenthesis (a
    locator, a gloss) must not follow it: "Fig. 7.1 (p. 46) (ch4 §3.2 ¶2)"."""
    import pypdfium2 as pdfium

    pages = [p.get_textpage().get_text_range() for p in pdfium.PdfDocument(EDITIONS[lang].pdf)]
    assert pages_beside_parentheses(pages) == []
