"""Marks in the print edition's HTML that its stylesheet (static/ca911-print.css) designs with:
identifiers that must not break across lines, locators set in one style, lines of ids set
ragged-right, table columns of numbers to set right-aligned, tables too wide for the portrait
measure turned a quarter turn on a page of their own, bold lead-ins that must stay with what
follows; code-only notebook cells, which print nothing, are taken out. Cross-references and the
parts' opening pages are `print_navigation`; `print.mark_for_print` applies them all.

CSS cannot tell an identifier from a word, and the book's tables come from several paths (Markdown,
docutils list-tables, pandas HTML), so the marks are added once, to the assembled page, for print
only.
"""

from __future__ import annotations

import re

from ca911.data.locators import LOCATOR_IN_TEXT

# ids, codes, field names, dates: word characters joined by _ - : . / (as_of, ch3-2001-10-07-…,
# KAZ:UZB, 2001-09-11), and upper-case codes (CSTO, COALITION).
IDENTIFIER = re.compile(
    r"(?<![\w§¶])(?:[A-Za-z0-9]+(?:[_:./-][A-Za-z0-9]+)+|[A-Za-z]+_[A-Za-z0-9_]*|[A-Z][A-Z0-9]{1,})(?![\w-])"
)
NUMBER = re.compile(r"^[−–+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?$")
SKIP = {"pre", "script", "style", "code", "title", "head"}


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


def mark_names(soup, names) -> None:
    """Every occurrence of a proper name (a word of an actor's or an author's name) is marked
    .ca911-name: the hyphenation dictionary knows English words, and breaks a name where no reader
    would ("Kvash-nin", "Wash-ington")."""
    from bs4 import NavigableString

    if not names:
        return
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
        + r")(?![\w-])"
    )
    for node in list(soup.find_all(string=True)):
        if type(node) is not NavigableString or any(p.name in SKIP for p in node.parents):
            continue
        if any(
            "ca911-id" in (p.get("class") or []) or "ca911-name" in (p.get("class") or [])
            for p in node.parents
        ):
            continue
        text = str(node)
        pieces, pos = [], 0
        for m in pattern.finditer(text):
            if m.start() > pos:
                pieces.append(NavigableString(text[pos : m.start()]))
            japanese = not m.group(0).isascii()
            tag = soup.new_tag(
                "span", attrs={"class": "ca911-name ca911-name-ja" if japanese else "ca911-name"}
            )
            tag.string = m.group(0)
            pieces.append(tag)
            pos = m.end()
        if pieces:
            if pos < len(text):
                pieces.append(NavigableString(text[pos:]))
            node.replace_with(*pieces)


def mark_number_columns(soup) -> None:
    """A column whose body cells are all numbers (or empty) is set right-aligned, its header with
    it."""
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
    """Inline code that is an identifier or a locator, or short, is kept on one line; other code in
    a table cell (a pattern in a codebook rule) wraps."""
    for code in soup.find_all("code"):
        text = code.get_text()
        if "ca911-record" in (code.get("class") or []) and code.find_parent(["td", "th"]):
            continue  # a record reference in a column breaks after its hyphens (the stylesheet)
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
    """A notebook cell with no output prints nothing, yet its empty box after a heading is a place
    to break the page, which parts the heading from the figure it introduces."""
    for cell in soup.select("div.cell"):
        if not cell.select(".cell_output"):
            cell.decompose()


def mark_lead_ins(soup) -> None:
    """A paragraph that is one bold phrase ("kind codes", "§3.1") heads what follows it, like a
    heading."""
    for paragraph in soup.find_all("p"):
        strong = paragraph.find("strong", recursive=False)
        text = paragraph.get_text(" ", strip=True)
        if strong and text and strong.get_text(" ", strip=True) == text:
            add_class(paragraph, "ca911-lead-in")


def mark_introductions(soup) -> None:
    """A paragraph ending in a colon ("The pairs, heaviest first:") introduces the table or list
    after it and stays with it: alone at a page foot it reads as a stray."""
    for paragraph in soup.find_all("p"):
        if paragraph.get_text(strip=True).endswith((":", "：")) and not paragraph.find_parent(
            ["table", "li", "dd"]
        ):
            add_class(paragraph, "ca911-introduces")


WIDE_CHARACTER = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def text_width(text: str) -> int:
    """A text's length in Latin letters' widths: a Japanese character takes a full em (two)."""
    return len(text) + len(WIDE_CHARACTER.findall(text))


# Characters in a line of body text, by kind: Latin letters (about 100 in the English measure) and
# Japanese characters (41 in the Japanese one, each a full em).
LINE_CHARACTERS = {"latin": 100, "wide": 41}


def text_lines(text: str) -> float:
    """How many lines of body text a paragraph fills, in either edition's measure."""
    wide = len(WIDE_CHARACTER.findall(text))
    return (len(text) - wide) / LINE_CHARACTERS["latin"] + wide / LINE_CHARACTERS["wide"]


def mark_keep_with_next(soup, most_lines: float = 2.4, chain: int = 3) -> None:
    """Short paragraphs right under a heading (up to `chain` of them, each under `most_lines`)
    stay with what follows: a heading with a line or two under it, its table on the next page,
    reads as a heading left at the page foot. A paragraph of three lines or more needs no such
    help (its first three lines go with the heading), and chaining it to a figure moved the
    heading, the paragraph and the figure to the next page, leaving two thirds of a Japanese
    chapter's opening page empty. A paragraph with nothing after it in its section but the next
    heading is not kept with that: short entries under headings one after another (a chronology's
    years) would make one unbreakable chain of pages, which WeasyPrint breaks before its first
    heading, leaving a page blank."""
    for heading in soup.find_all(["h2", "h3", "h4", "h5"]):
        node, marked = heading.find_next_sibling(), 0
        while (
            node is not None
            and marked < chain
            and node.name == "p"
            and text_lines(node.get_text(" ", strip=True)) <= most_lines
        ):
            following = node.find_next_sibling()
            if following is None or following.name in ("section", "h2", "h3", "h4", "h5", "h6"):
                break
            add_class(node, "ca911-keep-with-next")
            node, marked = following, marked + 1


def mark_short_lists(soup, items: int = 6, longest: int = 1200, head: int = 240) -> None:
    """A short list (an entry's few fields: as printed, reading, why, records) is not split over a
    page, and the short paragraph that heads it goes with it: its last item alone on a page reads as
    a stray line. Short is measured in Latin letters' widths, a Japanese character counting two:
    by characters, a Japanese list of 1,200 is a page tall, and keeping it whole pushed the
    opening of the Japanese data-model chapter a page on, past a blank page."""
    for listing in soup.find_all(["ul", "ol"]):
        entries = listing.find_all("li", recursive=False)
        if (
            not entries
            or len(entries) > items
            or text_width(listing.get_text(" ", strip=True)) > longest
            or listing.find_parent("table")
        ):
            continue
        add_class(listing, "ca911-keep-together")
        before = listing.find_previous_sibling()
        if (
            before is not None
            and before.name == "p"
            and text_width(before.get_text(" ", strip=True)) <= head
        ):
            add_class(before, "ca911-keep-with-next")


def mark_landscape_tables(soup, columns: int = 9) -> None:
    """A table of so many columns cannot keep its text at the type floor within the portrait
    measure: its block (the notebook output or the table itself) is turned a quarter turn on a page
    of its own."""
    for table in soup.find_all("table"):
        row = table.find("tr")
        if not row or len(row.find_all(["td", "th"], recursive=False)) < columns:
            continue
        block = table.find_parent("div", class_="cell_output") or table
        add_class(block, "ca911-landscape")


TABLE_ANCHOR = "ca911-t{table}-{part}"


def anchor_tables(soup) -> None:
    """Named places in each table for the PDF checks of its layout (WeasyPrint makes every id a
    named destination, with its page and position): the cells of its first row (its columns' left
    edges) and its first two and last two body rows (where the table breaks over pages). Tables with
    merged cells have no simple columns and are left out."""
    for number, table in enumerate(soup.find_all("table"), 1):
        rows = table.find_all("tr")
        if not rows or table.find(attrs={"colspan": True}) or table.find(attrs={"rowspan": True}):
            continue
        for column, cell in enumerate(rows[0].find_all(["td", "th"], recursive=False)):
            cell.attrs.setdefault("id", TABLE_ANCHOR.format(table=number, part=f"col{column}"))
        body = [r for r in rows if r.find_parent("thead") is None]
        if len(body) < 4:
            continue
        for part, row in zip(
            ("row-first", "row-second", "row-penult", "row-last"), (*body[:2], *body[-2:])
        ):
            row.attrs.setdefault("id", TABLE_ANCHOR.format(table=number, part=part))


# a hyphenated token of a code block (a licence, an id, a date): kept on one line when short enough;
# the longest record id (66 characters) keeps to a code block's line (about 80 at its size), and a
# reader copies a record reference whole from the page
HYPHENATED_TOKEN = re.compile(r"[A-Za-z0-9][\w.]*(?:-[\w.]+)+")
LONGEST_UNBROKEN = 72
# a record reference in code: its kind, a colon, its id ("events:ch3-2001-09-24-…"); not an
# address (https://…)
RECORD_REFERENCE = re.compile(r"[a-z_]+:(?!/)[\w/.-]+")


def keep_tokens_whole(soup) -> None:
    """Identifiers and licences never break inside. A record reference in code may break after its
    kind ("facts:"), never inside its id; in a printed code block a hyphenated token
    ("CC-BY-4.0") is kept on its line, since pre-wrap breaks after any hyphen."""
    from bs4 import NavigableString

    for pre in soup.select("code span.pre"):
        if pre.find_parent("div", class_="highlight") is not None:
            continue
        kind, colon, record = pre.get_text().partition(":")
        if not colon or not RECORD_REFERENCE.fullmatch(pre.get_text()):
            continue
        pre.clear()
        for part in (kind + colon, soup.new_tag("wbr"), record):
            if isinstance(part, str):
                span = soup.new_tag("span", attrs={"class": "ca911-unbroken"})
                span.string = part
                part = span
            pre.append(part)
    for block in soup.select("div.highlight pre"):
        for text in list(block.find_all(string=True)):
            parts = re.split(f"({HYPHENATED_TOKEN.pattern})", str(text))
            if len(parts) == 1:
                continue
            pieces = []
            for i, part in enumerate(parts):
                if i % 2 and len(part) <= LONGEST_UNBROKEN:
                    span = soup.new_tag("span", attrs={"class": "ca911-unbroken"})
                    span.string = part
                    pieces.append(span)
                elif part:
                    pieces.append(NavigableString(part))
            first = pieces[0]
            text.replace_with(first)
            for piece in pieces[1:]:
                first.insert_after(piece)
                first = piece


def mark_locators(soup) -> None:
    """A locator (ch4 §5.1 ¶5) prints in one style whether it is a link or plain code, and as one
    unit, so that justification never widens the spaces inside it."""
    for tag in soup.select("span.ca911-id, code"):
        if LOCATOR_IN_TEXT.fullmatch(" ".join(tag.get_text().split())):
            add_class(tag, "ca911-locator")


def identifier_share(tag) -> float:
    text = "".join(tag.get_text().split())
    if not text:
        return 0.0
    marked = "".join(
        "".join(t.get_text().split())
        for t in tag.select(".ca911-id, code")
        if not t.find_parent(class_="ca911-id") and not t.find_parent("code")
    )
    return len(marked) / len(text)


# A run of brackets, digits and punctuation (no letter, no kana or kanji to break between): a
# quoted marker such as 「（（（（13131313））））」 is one unbreakable box in a line.
UNBREAKABLE_RUN = re.compile(r"[^\sA-Za-z\u3040-\u30ff\u3400-\u9fff]+")


def longest_unbreakable(tag) -> int:
    """The length of the longest run of the tag's text that never breaks: an identifier whole, a
    word of code, a link's address, a run of brackets and digits."""
    lengths = [len(t.get_text()) for t in tag.select(".ca911-id")]
    lengths += [len(word) for t in tag.select("code, a") for word in t.get_text().split()]
    lengths += [len(run) for run in UNBREAKABLE_RUN.findall(tag.get_text())]
    return max(lengths, default=0)


def mark_ragged(soup, share: float = 0.3, longest: int = 12) -> None:
    """A paragraph, list item or definition made mostly of ids and locators, or holding one at
    least `longest` characters long, is set ragged-right: justified, the line before a long id that
    does not fit would stretch its word spaces into gaps."""
    for tag in soup.find_all(["p", "li", "dd", "dt"]):
        if tag.find_parent("table") or tag.find(["p", "ul", "ol", "table"]):
            continue
        lead = tag.find("strong")
        records_lead = (
            lead is not None
            and tag.get_text(" ", strip=True).startswith(lead.get_text(" ", strip=True))
            and lead.get_text(strip=True).endswith(":")
            and tag.select(".ca911-id, code")
        )
        if records_lead or identifier_share(tag) >= share or longest_unbreakable(tag) >= longest:
            add_class(tag, "ca911-ragged")
