"""Every all-capital word of three or more letters in the book's text (an abbreviation or a code:
CACO, EURASEC, KAZ) is in the list of abbreviations, read from the built list itself.

Plain functions of page HTML, so `tests/support/test_abbreviations.py` runs them on small broken
pages; `tests/test_abbreviations.py` runs them on every page of both built editions.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from support.rendered_text import CODE_ELEMENTS

# an all-capital word, not part of a longer word of letters or digits (NATO軍 counts: Japanese
# letters are not Latin ones)
CAPITALS = re.compile(r"(?<![A-Za-z0-9])[A-Z]{3,}(?![A-Za-z0-9])")
ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")
# capitals used for emphasis in the descriptor's own text (data/datapackage.json, "NOT from the
# chapters"), not an abbreviation
EMPHASIS = {"NOT"}


def listed(list_page_html: str) -> set[str]:
    """The abbreviations of the list's tables (first column), each part of "RFE/RL" on its own."""
    soup = BeautifulSoup(list_page_html, "html.parser")
    out = set()
    for table in soup.select("table[id^='tab-abbreviations-']"):
        for row in table.select("tbody tr"):
            cell = row.find(["td", "th"])
            if cell is not None:
                out.update(re.split(r"[/\s]+", cell.get_text(" ").strip()))
    return out - {""}


def article_text(page_html: str) -> str:
    """The page's own text (its article, not the navigation), code elements removed."""
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.select_one("article.bd-article") or soup
    for tag in article(CODE_ELEMENTS):
        tag.decompose()
    return " ".join(article.get_text(" ").split())


def unlisted_capitals(text: str, abbreviations: set[str]) -> list[str]:
    """Each all-capital word in `text` the list does not hold, with some context."""
    return [
        repr(text[max(0, m.start() - 30) : m.end() + 20])
        for m in CAPITALS.finditer(text)
        if m.group() not in abbreviations
        and m.group() not in EMPHASIS
        and not ROMAN_NUMERAL.fullmatch(m.group())
    ]
