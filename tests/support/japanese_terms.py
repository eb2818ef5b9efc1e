"""One Japanese term for one idea across the Japanese edition (prose from the catalogs, pages
and tables from the word modules, figure text): the column of a record's locator is 典拠箇所,
the chapter's `drawn_to` relation is 引き寄せ(られる), a form kept as the chapter prints it is
印刷どおり (never 原文どおり beside it), a sentence that tells the reader what a chapter does is a
道標 (not 道案内 or 道しるべ). A page or figure using another word for
either (記載箇所 or a 所在 column head; 傾斜) is named with the term it should use. 所在 in
running text means a force's whereabouts and stays; only as a column head does it stand for
the locator."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

# avoided word → the edition's term, wherever the word stands
AVOIDED_WORDS = {
    "記載箇所": "典拠箇所",
    "傾斜": "引き寄せ",
    "原文どおり": "印刷どおり",
    "道案内": "道標",
    "道しるべ": "道標",
}
# avoided column head → the edition's term
AVOIDED_HEADS = {"所在": "典拠箇所", "記録 · 所在": "記録 · 典拠箇所"}


def text_term_variants(text: str) -> list[str]:
    return [
        f"{word} (use {term}): …{text[max(0, m.start() - 20) : m.end() + 20]}…"
        for word, term in AVOIDED_WORDS.items()
        for m in re.finditer(re.escape(word), text)
    ]


def page_term_variants(page_html: str) -> list[str]:
    """Avoided words in the page's text and avoided column heads in its tables."""
    soup = BeautifulSoup(page_html, "html.parser")
    for tag in soup.select("script, style"):
        tag.decompose()
    found = text_term_variants(" ".join(soup.get_text(" ").split()))
    for head in soup.find_all("th"):
        text = " ".join(head.get_text(" ").split())
        if text in AVOIDED_HEADS:
            found.append(f"column head {text} (use {AVOIDED_HEADS[text]})")
    return found


# matplotlib draws a figure's text as outlines and keeps each string in a comment before them
SVG_TEXT = re.compile(r"<!-- (.*?) -->", re.S)


def figure_term_variants(svg: str) -> list[str]:
    """Avoided words in a figure's text (an SVG of the book, its strings in comments)."""
    return text_term_variants(" ".join(SVG_TEXT.findall(svg)))
