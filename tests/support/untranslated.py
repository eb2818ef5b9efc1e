"""A checker for a page of the Japanese edition: no paragraph of English prose.

A block of text (a paragraph, a list item, a table cell, a caption, a heading) counts as English
prose when it has at least `MIN_WORDS` Latin words and more Latin letters than Japanese characters,
once code (record references, locators, identifiers, file names) and text declared English (an
element with `lang="en"`, such as the `{english}` role writes for English names and for the few
texts the data hold in English only) are set aside. A name or an id alone is not prose.

A plain function of a page's HTML, so `tests/support/test_untranslated.py` runs it on small broken
inputs and `tests/test_japanese_pages.py` on the Japanese generated pages.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from support.rendered_text import CODE_ELEMENTS

MIN_WORDS = 4
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
BLOCKS = ["p", "li", "td", "th", "caption", "figcaption", "dt", "dd", "h1", "h2", "h3", "h4", "h5"]
# The theme's own chrome: its words come from Sphinx's and the theme's catalogs, not from the page.
CHROME = ["header", "nav", "footer", "aside"]


def _declared_english(tag) -> bool:
    return str(tag.get("lang", "")).lower().startswith("en")


def english_paragraphs(page_html: str) -> list[str]:
    """The text of each block of the page's content that reads as English prose."""
    soup = BeautifulSoup(page_html, "html.parser")
    content = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.body or soup
    for tag in content.find_all(CODE_ELEMENTS + CHROME):
        tag.decompose()
    for tag in content.find_all(_declared_english):
        tag.decompose()
    found = []
    for block in content.find_all(BLOCKS):
        if block.find(BLOCKS):  # an outer block: its inner blocks are judged on their own
            continue
        text = " ".join(block.get_text(" ").split())
        words = LATIN_WORD.findall(text)
        latin = sum(len(w) for w in words)
        if len(words) >= MIN_WORDS and latin > len(JAPANESE.findall(text)):
            found.append(text)
    return found
