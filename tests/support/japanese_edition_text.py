"""Checks of the Japanese edition's text as a reader sees it on its pages (tests/
test_japanese_edition_text.py; self-tests on small pages in tests/support/
test_japanese_edition_text.py):

- parentheses: none inside another (（…（…）…）) in a paragraph of prose, outside 「」 and 『』
  quotations and code;
- quantities: written as the numbers module writes them (1,000人, not 1000人), outside quotations;
- table cells: a list in a cell is set off with 、 or ・, never 「；」, outside quotations;
- table cells in English: a cell whose words are English, other than names, ids and code.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from ca911.data.japanese_text_rules import ungrouped_quantities

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』")
OPENING, CLOSING = "（(", "）)"


def _article(page_html: str) -> Tag:
    soup = BeautifulSoup(page_html, "html.parser")
    root = soup.select_one("article.bd-article") or soup.body or soup
    for tag in root.select("script, style, .headerlink"):
        tag.decompose()
    return root


def _prose(page_html: str) -> str:
    """The article's text without its code (code cells, code spans, their outputs)."""
    root = _article(page_html)
    for tag in root.select("pre, code, div.cell_input, div.cell_output, .highlight"):
        tag.decompose()
    return " ".join(root.get_text(" ").split())


def nested_parentheses(page_html: str) -> list[str]:
    """Each place in the page's paragraphs of prose (not its tables) where a parenthesis opens
    inside another, with the words around it."""
    root = _article(page_html)
    found = []
    for paragraph in root.find_all("p"):
        if not paragraph.find_parent(["table", "pre"]):
            found += _nested(QUOTED.sub("「」", _prose(str(paragraph))))
    return found


def _nested(text: str) -> list[str]:
    found, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in OPENING:
            depth += 1
            if depth == 1:
                start = i
            elif depth == 2:
                found.append(text[start : start + 80])
        elif ch in CLOSING and depth:
            depth -= 1
    return found


def quantities_in_another_form(page_html: str) -> list[str]:
    """Quantities of the page's text written otherwise than the numbers module writes them."""
    text = _prose(page_html)
    return [
        f"{q}: …{text[max(0, i - 20) : i + 20]}…"
        for q in ungrouped_quantities(text)
        for i in [text.find(q)]
    ]


def _cells(page_html: str) -> list[str]:
    root = _article(page_html)
    for tag in root.select("[lang]:not([lang='ja'])"):  # declared English: its own punctuation
        tag.decompose()
    return [" ".join(c.get_text(" ").split()) for c in root.select("table td, table th")]


def semicolon_cells(page_html: str) -> list[str]:
    """Table cells that set off a list with 「；」 (outside quotations)."""
    return [c for c in _cells(page_html) if "；" in QUOTED.sub("", c)]


# a cell that is a name, an id, a code, a number or a file, not words a reader reads
NOT_WORDS = re.compile(
    r"[\w.-]+\.(?:csv|json|md|bib|cff|graphml|gexf|zip|py|ipynb)|[a-z0-9]*[0-9_:/.-][a-z0-9_:/.-]*|[A-Z0-9_/&.-]+"
    r"|[\d\s.,:%$–-]+|https?://\S+"
)
QUOTED_TITLE = re.compile(r"“[^”]*”")
ENGLISH_WORD = re.compile(r"\b[a-z]{3,}\b")


def english_cells(page_html: str, names=frozenset()) -> list[str]:
    """Table cells in English: no Japanese, and a lower-case English word once the names the
    data record in Latin letters (`names`), ids and codes are set aside."""
    found = []
    for root in [_article(page_html)]:
        for cell in root.select("table td, table th"):
            if cell.find_parent(["pre", "code"]) or cell.select_one("div.highlight, pre"):
                continue
            for tag in cell.select("code, .pre, [lang]:not([lang='ja'])"):
                tag.decompose()
            text = " ".join(cell.get_text(" ").split())
            if not text or JAPANESE.search(text) or NOT_WORDS.fullmatch(text):
                continue
            if QUOTED_TITLE.fullmatch(text):  # a title in quotation marks, as in the prose
                continue
            rest = text
            for name in sorted(names, key=len, reverse=True):
                rest = rest.replace(name, " ")
            if ENGLISH_WORD.search(rest):
                found.append(text)
    return found


def echoed_references(page_html: str) -> list[str]:
    """Each cross-reference whose title the words right after it say again
    (「日付のない事実（p. 160）にある日付のない事実の記録」: the link already names the
    section): a link's text, then within the next twelve characters of its sentence the same
    text, as words of the sentence (between kana, not a longer name in a list:
    「カザフスタン、カザフスタン外務省」)."""
    root = _article(page_html)
    found = []
    for link in root.select("a.reference.internal"):
        title = " ".join(link.get_text("").split())
        if len(title) < 3 or not JAPANESE.search(title):
            continue
        after = ""
        for piece in link.next_siblings:
            if isinstance(piece, Tag) and (piece.name == "a" or piece.find("a")):
                break  # the next link's title is its own, not an echo of this one's
            after += piece.get_text("") if isinstance(piece, Tag) else str(piece)
            if len(after) > len(title) + 12:
                break
        after = after.split("。")[0][: len(title) + 12]
        if re.search(rf"[\u3040-\u309f]{re.escape(title)}[\u3040-\u309f]", after):
            found.append(f"{title} … {after!r}")
    return found


# a numbered reference ([3], chapter 4's Table 1 sending its reader to an event) is a label, not
# a mark of the text
NUMBERED_REFERENCE = re.compile(r"\[\s*\d+\s*\]")
HALF_WIDTH_BRACKET = re.compile(r".{0,20}[\[\]].{0,20}")


def printed_with_brackets(data_dir) -> frozenset[str]:
    """The Japanese names the chapters print with half-width brackets of their own (actors.csv's
    `name_ja` and `name_ja_variants`)."""
    import csv

    with (data_dir / "actors.csv").open(encoding="utf-8") as f:
        return frozenset(
            name
            for row in csv.DictReader(f)
            for name in [row["name_ja"], *row["name_ja_variants"].split("|")]
            if "[" in name
        )


def half_width_brackets(page_html: str, printed=frozenset()) -> list[str]:
    """The Japanese edition marks what it adds from outside the chapters (a name's external part,
    an expansion) in full-width brackets, ［Sergei］ Ivanov: every half-width [ or ] left in the
    article's text, outside code, a citation's label (its brackets are the theme's, .fn-bracket)
    and a numbered reference, and outside `printed`, the names the chapters print with
    brackets of their own (アバイ（Abai [Ibragim] Kunanbaev）)."""
    root = _article(page_html)
    for tag in root.select("pre, code, div.cell_input, .highlight, .fn-bracket"):
        tag.decompose()
    text = " ".join(root.get_text(" ").split())
    for name in sorted(printed, key=len, reverse=True):  # the page may space a name's phrases
        spaced = r"\s*".join(re.escape(c) for c in name if not c.isspace())
        text = re.sub(spaced, " ", text)
    text = NUMBERED_REFERENCE.sub(" ", text)
    return [m.group(0) for m in HALF_WIDTH_BRACKET.finditer(text)]


def other_edition_files(page_html: str, files) -> list[str]:
    """The built files of the other edition (`files`: its `Edition.built_file` paths) that a page
    names in its text or code: a page tells its reader where its own edition is written."""
    text = _article(page_html).get_text(" ")
    return [f for f in files if re.search(rf"(?<![\w/-]){re.escape(f)}(?![\w-])", text)]
