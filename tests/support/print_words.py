"""Words of the screen in the printed book: a paper reader cannot click, tap, toggle, scroll or
download, and has no link "at the top of the page". Every sentence of every PDF page that asks the
reader to do one of these is reported, unless it says it is speaking of the HTML edition (the
imprint tells the paper reader where the files are; a sentence such as "in HTML the table can be
searched" describes the other edition and is no instruction to the page in hand).

The text is read per page with pdftotext and cut into sentences, so a sentence broken over two lines
is read whole; a sentence that runs over a page break is read as its two halves.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

# What a reader does to a screen, and where a screen puts its controls. Word-bounded in English
# (`datapackage` is no "tap"); Japanese has no word spaces, and each of these is a loanword or
# phrase that occurs in no other sense in the book.
SCREEN_WORDS = {
    "en": re.compile(
        r"\b(click(?:s|ed|ing)?|tap(?:s|ped|ping)?|toggles?|hover(?:s|ing)?|scroll(?:s|ed|ing)?"
        r"|download(?:s|ed|ing|able)?|buttons?|sortable|searchable|can be (?:searched|sorted)"
        r"|at the top of (?:every|each|the|this) page|(?:link|button) at the top"
        # where the HTML page has something print does not: its screen, its foot, an interactive
        # table under a figure (print names a table by its number)
        r"|on (?:the )?screen|(?:end|foot|bottom) of (?:this|the) page|the table below)\b",
        re.IGNORECASE,
    ),
    "ja": re.compile(
        r"クリック|タップ|トグル|スクロール|ダウンロード|ボタン|上部のリンク|ページ上部"
        r"|並べ替えできる|並べ替えのできる|検索できる|検索と並べ替え"
        r"|画面上|本ページの末尾|(?<![のた])下の表"
    ),
}
# A sentence that names the other edition speaks of it, not of the paper in hand.
NAMES_THE_SCREEN_EDITION = {
    "en": re.compile(r"\bHTML\b"),
    "ja": re.compile(r"HTML版|ウェブ版|HTMLの版"),
}
# Sentences, and the clauses of a sentence joined by a semicolon: "the code is folded in the HTML
# edition; every notebook can be downloaded" gives the paper reader an instruction in its second
# half.
CLAUSE_END = {
    "en": re.compile(r"(?<=[.!?])[”’)]*\s+(?=[A-Z“‘(])|;\s+"),
    "ja": re.compile(r"(?<=[。；])"),
}


def clauses(text: str, lang: str) -> list[str]:
    """The sentences and semicolon clauses of one page's text, lines joined (a hyphen at a line's
    end joins the halves)."""
    joined = re.sub(r"-\n(?=[a-z])", "", text)
    joined = re.sub(r"\s*\n\s*", "", joined) if lang == "ja" else re.sub(r"\s+", " ", joined)
    return [s.strip() for s in CLAUSE_END[lang].split(joined) if s.strip()]


def screen_words(page_texts: list[str], lang: str) -> list[tuple[int, str, str]]:
    """(page, word, sentence) for every sentence that asks a paper reader to use a screen."""
    found = []
    for number, text in enumerate(page_texts, start=1):
        for sentence in clauses(text, lang):
            match = SCREEN_WORDS[lang].search(sentence)
            if match and not NAMES_THE_SCREEN_EDITION[lang].search(sentence):
                found.append((number, match.group(0), sentence[:160]))
    return found


def pdf_page_texts(pdf: Path | str) -> list[str]:
    """Each page's text in reading order (pdftotext, without layout)."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


SPACED_SECTION_SIGN = re.compile(r"§[ \u00a0\u2009\u202f]+\d[\d.]*")


def spaced_section_signs(page_texts: list[str]) -> list[tuple[int, str]]:
    """(page, text) of every section sign set apart from its number ('§ 8.1'), where the book
    writes '§8.1'."""
    return [
        (n, m.group(0))
        for n, text in enumerate(page_texts, 1)
        for m in SPACED_SECTION_SIGN.finditer(text)
    ]


# Words alone in a bracket that only point, before the page they stand for: "(his call [app. A,
# p. 124])", （その電話、付録A、p. 140）.
POINTER_BEFORE_PAGE = {
    "en": re.compile(
        r"\((?:the|his|her|its|their|this|that|these|those)\b[^()\[\]\d“”]{0,40}"
        r"\s\[(?:app\.|ch\.|§|p\.)"
    ),
    "ja": re.compile(r"（(?:その|この|あの|同[日月年])[^（）、]{0,20}、(?:付録|第|§|p\.)"),
}


def pointers_before_pages(page_texts: list[str], lang: str) -> list[tuple[int, str]]:
    """(page, text) of every bracket whose pointing words stand before the page they point to."""
    pattern = POINTER_BEFORE_PAGE[lang]
    return [
        (n, m.group(0))
        for n, text in enumerate(page_texts, 1)
        for m in pattern.finditer(re.sub(r"\s+", " ", text))
    ]


def lines_opening_with_a_separator(page_texts: list[str]) -> list[tuple[int, str]]:
    """(page, line) of every printed line that opens with a separator dot ('· ch3 §2 ¶13'): the dot
    belongs to the end of the line before."""
    return [
        (n, line.strip()[:60])
        for n, text in enumerate(page_texts, 1)
        for line in text.splitlines()
        if line.strip().startswith("·")
    ]
