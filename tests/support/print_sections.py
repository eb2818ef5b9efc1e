"""Sections that print empty: a heading followed by the next heading of the same or a higher level
with no text between them, as happens when a section's content is for the screen only (a searchable
table, a list of downloads) and print shows its heading alone.

The headings are the PDF's bookmarks (every part, chapter and section heading is one:
ca911-print.css sets their levels); the text between two of them is every line on the pages from
the first's destination to the second's, less running heads, folios and lines set at heading size.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from support import print_layout as layout


@dataclass(frozen=True)
class Heading:
    level: int  # 1 for the outline's first level
    title: str
    page: int  # 1-based
    top: float  # pt from the page's top edge where the bookmark lands


def bookmarks(pdf: Path | str) -> list[Heading]:
    """The PDF's outline, flattened in reading order."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    heights = [float(page.mediabox.height) for page in reader.pages]
    found = []

    def walk(items, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
                continue
            index = reader.get_destination_page_number(item)
            top = heights[index] - float(item.top) if item.top is not None else 0.0
            found.append(Heading(level, " ".join(str(item.title).split()), index + 1, top))

    walk(reader.outline, 1)
    return found


def lines_between(pages: list[layout.Page], start: Heading, end: Heading, heads: set[int]):
    """The body lines from `start`'s place to `end`'s (running heads and folios left out)."""
    found = []
    for page in pages[start.page - 1 : end.page]:
        upper = start.top - 1 if page.number == start.page else 0.0
        lower = end.top - 1 if page.number == end.page else page.height
        found += [
            line
            for line in layout.body_lines(page, heads)
            if upper <= layout.from_top(page, line.top) < lower
        ]
    return found


def empty_sections(pdf: Path | str, heading_ratio: float = 1.2) -> list[tuple[int, str, str]]:
    """(page, heading, next heading) of every heading whose next heading, of its level or higher,
    follows it with no line of text between (a line at `heading_ratio` times the body size or more
    is a heading's own)."""
    pages = layout.read_pages(pdf)
    heads = layout.recurring_heights(pages)
    largest = heading_ratio * layout.body_size(pages)
    marks = bookmarks(pdf)
    return [
        (start.page, start.title, end.title)
        for start, end in zip(marks, marks[1:])
        if end.level <= start.level
        and not any(line.size < largest for line in lines_between(pages, start, end, heads))
    ]
