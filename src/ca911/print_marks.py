"""Marks in the print edition's HTML that its stylesheet (static/ca911-print.css) designs with:
identifiers that must not break across lines, table columns of numbers to set right-aligned, bold
lead-ins that must stay with what follows;
and code-only notebook cells, which print nothing, taken out.

CSS cannot tell an identifier from a word, and the book's tables come from several paths (Markdown,
docutils list-tables, pandas HTML), so the marks are added once, to the assembled page, for print only.
"""

from __future__ import annotations

import re

from ca911.sources import LOCATOR_RE

# ids, codes, field names, dates: word characters joined by _ - : . / (as_of, ch3-2001-10-07-…, KAZ:UZB,
# 2001-09-11), and upper-case codes (CSTO, COALITION).
IDENTIFIER = re.compile(
    r"(?<![\w§¶])(?:[A-Za-z0-9]+(?:[_:./-][A-Za-z0-9]+)+|[A-Za-z]+_[A-Za-z0-9_]*|[A-Z][A-Z0-9]{1,})(?![\w-])"
)
NUMBER = re.compile(r"^[−–+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?$")
SKIP = {"pre", "script", "style", "code", "title", "head"}


def _locator_pattern() -> re.Pattern:
    """A locator anywhere in text: the scheme of sources.LOCATOR_RE without anchors or group names."""
    pattern = LOCATOR_RE.pattern.removeprefix("^").removesuffix("$")
    pattern = re.sub(r"\(\?P<\w+>", "(?:", pattern)
    return re.compile(pattern)


LOCATOR_IN_TEXT = _locator_pattern()


def identifier_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every locator and identifier in text, locators first, never overlapping."""
    spans = [m.span() for m in LOCATOR_IN_TEXT.finditer(text)]
    for m in IDENTIFIER.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in spans):
            spans.append(m.span())
    return sorted(spans)


def add_class(tag, name: str) -> None:
    classes = tag.get("class") or []
    if name not in classes:
        tag["class"] = [*classes, name]


def mark_identifiers(soup) -> None:
    from bs4 import NavigableString

    for node in list(soup.find_all(string=True)):
        if type(node) is not NavigableString or any(p.name in SKIP for p in node.parents):
            continue
        if node.parent.get("class") and "ca911-id" in node.parent.get("class"):
            continue
        text = str(node)
        spans = identifier_spans(text)
        if not spans:
            continue
        pieces, pos = [], 0
        for start, end in spans:
            if start > pos:
                pieces.append(NavigableString(text[pos:start]))
            tag = soup.new_tag("span", attrs={"class": "ca911-id"})
            tag.string = text[start:end]
            pieces.append(tag)
            pos = end
        if pos < len(text):
            pieces.append(NavigableString(text[pos:]))
        node.replace_with(*pieces)


def mark_number_columns(soup) -> None:
    """A column whose body cells are all numbers (or empty) is set right-aligned, its header with it."""
    for table in soup.find_all("table"):
        rows = table.find_all("tr")
        if not rows or table.find(attrs={"colspan": True}) or table.find(attrs={"rowspan": True}):
            continue
        body_rows = [r for r in rows if r.find_parent("thead") is None]
        columns: dict[int, list] = {}
        for row in body_rows:
            for i, cell in enumerate(row.find_all(["td", "th"], recursive=False)):
                columns.setdefault(i, []).append(cell)
        for i, cells in columns.items():
            texts = [c.get_text(" ", strip=True) for c in cells]
            if not any(texts) or not all(NUMBER.match(t) for t in texts if t):
                continue
            for row in rows:
                cells_in_row = row.find_all(["td", "th"], recursive=False)
                if i < len(cells_in_row):
                    add_class(cells_in_row[i], "ca911-num")


def mark_short_code(soup, longest: int = 80, longest_in_table: int = 24) -> None:
    """Inline code that is an identifier or a locator, or short, is kept on one line; other code in a
    table cell (a pattern in a codebook rule) wraps."""
    for code in soup.find_all("code"):
        text = code.get_text()
        whole = bool(IDENTIFIER.fullmatch(text) or LOCATOR_IN_TEXT.fullmatch(text))
        limit = longest if whole or not code.find_parent(["td", "th"]) else longest_in_table
        if len(text) <= limit:
            add_class(code, "ca911-id")


def mark_wide_tables(soup, columns: int = 8) -> None:
    """Tables of many columns are set a size smaller so that they keep to the text block."""
    for table in soup.find_all("table"):
        row = table.find("tr")
        if row and len(row.find_all(["td", "th"], recursive=False)) >= columns:
            add_class(table, "ca911-wide")


def drop_code_only_cells(soup) -> None:
    """A notebook cell with no output prints nothing, yet its empty box after a heading is a place to
    break the page, which parts the heading from the figure it introduces."""
    for cell in soup.select("div.cell"):
        if not cell.select(".cell_output"):
            cell.decompose()


def mark_lead_ins(soup) -> None:
    """A paragraph that is one bold phrase ("kind codes", "§3.1") heads what follows it, like a heading."""
    for paragraph in soup.find_all("p"):
        strong = paragraph.find("strong", recursive=False)
        text = paragraph.get_text(" ", strip=True)
        if strong and text and strong.get_text(" ", strip=True) == text:
            add_class(paragraph, "ca911-lead-in")


def mark_for_print(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    drop_code_only_cells(soup)
    mark_lead_ins(soup)
    mark_number_columns(soup)
    mark_wide_tables(soup)
    mark_identifiers(soup)
    mark_short_code(soup)
    return str(soup)
