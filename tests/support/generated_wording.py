"""Templated wording a reader notices, found in the text of rendered pages.

A page's text is read block by block (each paragraph, list item, table cell, caption, heading on its
own; code left out), and each block is searched for what an editor would not have let through:

* a plural in brackets: "partner(s)", "file(es)";
* one with a plural noun: "1 pages re-read", "one new records";
* zero said with a figure: "0 of them with a number", "built again 0 times", "adds 0 events";
* a name that takes "the" standing without it after a word: "with United States next";
* in Japanese, a count word set as a sentence's predicate, as a form would print a field:
  「追加分は、出来事なし。」, 「（うち人数を伴うもの：なし）」; prose says 加わらない, ない.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

BLOCK_TAGS = [
    "p",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "caption",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
]
LEFT_OUT = ["script", "style", "pre", "code", "kbd", "samp", "nav", "header", "footer", "form"]
LEFT_OUT_CLASSES = [
    "cell_input",
    "headerlink",
    "bd-sidebar-primary",
    "bd-sidebar-secondary",
    "bd-header-article",
]

BRACKETED_PLURAL = re.compile(r"\w\((?:s|es)\)")
# a word before the number that makes the number a reference, not a count: "Fig. 1 cells", "Table 1
# rows"
REFERENCE_WORDS = {
    "fig.",
    "figure",
    "table",
    "chapter",
    "ch.",
    "part",
    "section",
    "appendix",
    "no.",
    "p.",
    "pp.",
    "page",
    "version",
    "step",
    "run",
    "panel",
    "period",
    "rank",
    "row",
    "column",
    "note",
    "§",
    "¶",
    "s.",
}
MODIFIERS = {"new", "more", "other", "further", "extra", "additional", "old", "single", "separate"}
NOT_PLURAL = {
    "news",
    "series",
    "species",
    "this",
    "its",
    "his",
    "was",
    "has",
    "is",
    "as",
    "us",
    "yes",
    "thus",
    "plus",
    "always",
    "perhaps",
    "whereas",
    "sometimes",
}
ONE_THEN = re.compile(r"(?:(\S+) )?(?<![\w.,:/–-])(?:1|one) (?:([a-z]+) )?([a-z]+)\b")
ZERO_THEN = re.compile(r"(?:(\S+) )?(?<![\w.,:/–-])0 (of\b|times?\b|[a-z]+\b(?: [a-z]+\b)?)")


def text_blocks(page_html: str) -> list[str]:
    """The visible text of a page's content, one string per block element that holds no other
    block."""
    soup = BeautifulSoup(page_html, "html.parser")
    for tag in soup.find_all(LEFT_OUT):
        tag.decompose()
    for cls in LEFT_OUT_CLASSES:
        for tag in soup.find_all(class_=cls):
            tag.decompose()
    blocks = []
    for el in soup.find_all(BLOCK_TAGS):
        if el.find(BLOCK_TAGS) is None:
            text = " ".join(el.get_text(" ").split())
            if text:
                blocks.append(text)
    return blocks


def _plural_looking(word: str) -> bool:
    return (
        len(word) > 2
        and word.endswith("s")
        and not word.endswith(("ss", "is", "us", "os"))
        and word not in NOT_PLURAL
    )


def wording_problems(text: str, names_with_article: list[str] = ()) -> list[str]:
    """Everything in one block of text that reads as templated: each problem quotes its words."""
    problems = [f"plural in brackets: {m.group(0)!r}" for m in BRACKETED_PLURAL.finditer(text)]
    for m in ONE_THEN.finditer(text):
        before, middle, word = m.group(1), m.group(2), m.group(3)
        if before and before.lower() in REFERENCE_WORDS:
            continue
        if middle and middle not in MODIFIERS:
            word = middle
        if _plural_looking(word):
            problems.append(f"one with a plural: {m.group(0).strip()!r}")
    for m in ZERO_THEN.finditer(text):
        if m.group(1) and m.group(1).lower() in REFERENCE_WORDS:
            continue
        problems.append(f"zero as a figure: {m.group(0).strip()!r}")
    for name in names_with_article:
        for m in re.finditer(
            rf"(?<![\w’'])([a-z]+) {re.escape(name)}\b", text
        ):  # "NATO’s Partnership…" is fine
            if m.group(1) != "the":
                problems.append(f"{name!r} without its article: {m.group(0)!r}")
    return problems


# a topic set off by its comma (…は、) whose predicate is a count word ending the sentence, or a
# bracket holding a label and its count (（うち…：なし）); a note's 「号は記載なし」 and a header's
# 「記録： 出来事3件」 are a reference's and a list's forms, not prose
FIELD_LIKE_JA = re.compile(
    r"は、[^。、：（）「」]{0,16}?(?:なし|\d+件)。|（[^（）：]{0,20}：(?:なし|\d+件)）"
)


# the native counter つ with a figure (3つ): it takes a kanji numeral, 三つ
FIGURE_WITH_TSU = re.compile(r"(?<![\d,.])[1-9]つ")


def japanese_wording_problems(text: str) -> list[str]:
    """A count word as a Japanese sentence's predicate, or つ counted in figures: the words
    quoted. Japanese sets no spaces: those the block's text has where its elements meet (a glued
    value's span) are left out."""
    text = re.sub(r"\s+", "", text)
    return [f"count word as predicate: {m.group(0)!r}" for m in FIELD_LIKE_JA.finditer(text)] + [
        f"つ with a figure: {m.group(0)!r}" for m in FIGURE_WITH_TSU.finditer(text)
    ]


def page_problems(page_html: str, names_with_article: list[str] = ()) -> list[str]:
    check = (
        japanese_wording_problems
        if re.search(r"<html[^>]*\blang=['\"]?ja", page_html)
        else lambda block: wording_problems(block, names_with_article)
    )
    return [
        f"{problem} in “{block[:90]}”"
        for block in text_blocks(page_html)
        for problem in check(block)
    ]
