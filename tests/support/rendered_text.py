"""Checkers for what a reader sees in the rendered book: markup or escapes that reached the text,
and table headers a reader cannot read (internal codes, two columns with one name), table cells that
show a missing value as pandas or Python prints it.

Each is a plain function of a page's HTML or of extracted text, so
`tests/support/test_rendered_text.py` runs it on small broken inputs and shows it fails there;
`tests/test_rendered.py` runs it on the built book.
"""

from __future__ import annotations

import functools
import re
import string

from bs4 import BeautifulSoup

# Markup that only means something to MyST/Sphinx: a fence, a role or directive name in braces
# followed by its argument, a directive option at the start of a line or after a space, a target
# label.
MYST_SYNTAX = re.compile(
    r"```"  # a code fence
    r"|:::\{"  # a colon fence with its directive
    r"|\{[a-z][\w.:-]*\}`"  # {role}`…`
    r"|\{(?:table|list-table|csv-table|figure|image|code-cell|code-block|glue|glue:\w+|note|admonition|toctree|include"
    r"|math|raw|bibliography|eval-rst|dropdown|div)\}(?:\s|$)"  # {directive} argument
    r"|(?:^|\s):(?:name|class|align|widths|width|header-rows|caption|tags|label|numbered|figclass):(?:\s|$)"
    r"|\((?:nb|ch|ev|fact|tab|fig|disc|codebook)-[\w-]+\)="  # a target label written as text
)
# A backslash before ASCII punctuation is a Markdown escape that was not read: escaped text emitted
# where escapes are not interpreted (a code span, raw HTML) or escaped twice.
ESCAPE = re.compile(r"\\[" + re.escape(string.punctuation) + "]")
# Text elements whose content quotes code on purpose.
CODE_ELEMENTS = ["script", "style", "pre", "code", "template", "noscript", "head", "kbd", "samp"]


@functools.lru_cache(maxsize=512)  # every page of both editions: many checks read each page's text
def visible_text(page_html: str) -> str:
    """The page's text a reader sees: scripts, styles and code (which may quote markup on purpose)
    removed."""
    soup = BeautifulSoup(page_html, "html.parser")
    for tag in soup(CODE_ELEMENTS):
        tag.decompose()
    return soup.get_text(" ")


def leaked_markup(text: str) -> list[str]:
    """Every MyST syntax or unread escape in `text`, each with some context."""
    found = []
    for pattern in (MYST_SYNTAX, ESCAPE):
        for m in pattern.finditer(text):
            found.append(repr(text[max(0, m.start() - 40) : m.end() + 40]))
    return found


# An internal code: lower-case words joined by underscores (event_ids, value_code, not_stated).
SNAKE_CASE = re.compile(r"(?<![\w./:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w/:-])")


def _header_texts(table) -> list[str]:
    """The text of each column header: the last header row of the table's head (or its first row of
    th)."""
    head = table.find("thead")
    rows = (
        head.find_all("tr")
        if head
        else [r for r in table.find_all("tr") if r.find("th") and not r.find("td")][:1]
    )
    if not rows:
        return []
    return [
        " ".join(cell.get_text(" ").split())
        for cell in rows[-1].find_all(["th", "td"], recursive=False)
    ]


def _table_name(table) -> str:
    caption = table.find("caption")
    text = (
        " ".join(caption.get_text(" ").split())
        if caption
        else " ".join(table.get_text(" ").split())
    )
    return text[:70]


# A header that is only a quantifier says how much, not of what: "all" over a column that counts the
# records of tables not split by chapter.
VAGUE_HEADERS = {"all", "any", "misc", "various"}


def table_header_problems(page_html: str) -> list[str]:
    """Tables whose header shows an internal code (snake_case), names two columns alike, or is a
    bare quantifier (VAGUE_HEADERS). Code in a header (a field name quoted in <code>) counts: a
    header is for the reader."""
    problems = []
    for table in BeautifulSoup(page_html, "html.parser").find_all("table"):
        if table.find_parent("table"):
            continue
        heads = _header_texts(table)
        for head in heads:
            for m in SNAKE_CASE.finditer(head):
                problems.append(
                    f"internal code {m.group(0)!r} in a header of table {_table_name(table)!r}"
                )
            if head.casefold() in VAGUE_HEADERS:
                problems.append(
                    f"header {head!r} does not say what it counts in table {_table_name(table)!r}"
                )
        named = [h.casefold() for h in heads if h]
        for head in sorted({h for h in named if named.count(h) > 1}):
            problems.append(
                f"{named.count(head)} columns headed {head!r} in table {_table_name(table)!r}"
            )
    return problems


def pdf_text_outside_code(pdf_path) -> list[str]:
    """Each PDF page's text with every character set in the monospaced code face blanked: a page
    that documents markup in code is not a leak; markup in the body face is."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pages = []
    for page in pdfium.PdfDocument(str(pdf_path)):
        textpage = page.get_textpage()
        chars = []
        buf = ctypes.create_string_buffer(256)
        for i in range(textpage.count_chars()):
            raw.FPDFText_GetFontInfo(textpage.raw, i, buf, 256, ctypes.byref(ctypes.c_int()))
            chars.append(
                " "
                if "Mono" in buf.value.decode(errors="replace")
                else textpage.get_text_range(i, 1)
            )
        pages.append("".join(chars))
    return pages


def pdf_leaks(pages: list[str]) -> list[str]:
    """Markup or escapes on the PDF's pages, each named by its page number."""
    return [
        f"p. {number}: {leak}"
        for number, text in enumerate(pages, 1)
        for leak in leaked_markup(text)
    ]


def repeated_notes(page_html: str, shortest: int = 25) -> list[str]:
    """Paragraphs of running text (not in a list, table or figure) that a page prints more than
    once: a note written under every table of a run instead of once before it."""
    from collections import Counter

    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.find("article") or soup.find("main") or soup
    texts = Counter(
        " ".join(p.get_text(" ").split())
        for p in article.find_all("p")
        if not p.find_parent(["li", "table", "figure", "pre", "dd"])
    )
    return [
        f"{n} times: {text[:80]!r}"
        for text, n in sorted(texts.items())
        if n > 1 and len(text) >= shortest
    ]


# The house spelling is British with -isation ("organisation"); a body's own name keeps its spelling
# ("Shanghai Cooperation Organization"), so only the lower-case common noun is a variant.
SPELLING_VARIANTS = {re.compile(r"\borganizations?\b"): "organisation"}


def spelling_variants(text: str) -> list[str]:
    """Every word in `text` spelled otherwise than the house spelling, with some context."""
    return [
        f"{m.group(0)!r} (house spelling: {house}) in "
        f"{text[max(0, m.start() - 40) : m.end() + 40]!r}"
        for pattern, house in SPELLING_VARIANTS.items()
        for m in pattern.finditer(text)
    ]


NOT_A_VALUE = {"<NA>", "nan", "NaN", "None", "NaT"}


def _article(page_html: str) -> BeautifulSoup:
    soup = BeautifulSoup(page_html, "html.parser")
    return soup.find("article") or soup.find("main") or soup.body or soup


def missing_markers(page_html: str) -> list[str]:
    """Table cells that show a missing value as pandas/Python print it."""
    return [
        f"{cell.get_text().strip()!r} in a cell of: "
        f"{' '.join(cell.find_parent('table').get_text(' ').split())[:80]!r}"
        for cell in _article(page_html).find_all(["td", "th"])
        if cell.get_text().strip() in NOT_A_VALUE
    ]
