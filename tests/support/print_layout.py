"""Measures of a printed PDF's type and page layout, read with pdfium: the printed size of every character,
the lines of each page, how full a page is, and where its headings sit.

The checks built on them name the page and the text:
- type floor: no character under a given size (the book's floor is 8 pt);
- headings at a page foot: no heading in the last part of the text block with fewer than three lines after it;
- near-empty pages: no page whose content fills under a tenth of the text block, except the last page of a
  part or chapter (the next page opens one) and the last page of the document.

The running head and folio are found as the lines that recur at one height on many pages, and are not
counted as content.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Char:
    text: str
    size: float  # printed size in pt: the font size times the scale of the text's matrix
    left: float
    bottom: float
    right: float
    top: float
    baseline: float


@dataclass
class Line:
    top: float
    bottom: float
    size: float
    chars: list[Char] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(c.text for c in sorted(self.chars, key=lambda c: c.left))


@dataclass
class Page:
    number: int
    width: float
    height: float
    chars: list[Char]
    lines: list[Line]
    graphics: list[tuple[float, float, float, float]]  # (left, bottom, right, top) of drawings and images


def read_pages(pdf: Path | str) -> list[Page]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(pdf))
    pages = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            matrix = raw.FS_MATRIX()
            left, bottom, right, top, x, y = (raw.c_double() for _ in range(6))
            chars = []
            for k in range(raw.FPDFText_CountChars(textpage.raw)):
                code = raw.FPDFText_GetUnicode(textpage.raw, k)
                if code in (0, 2, 0xFFFE) or chr(code).isspace():
                    continue
                raw.FPDFText_GetMatrix(textpage.raw, k, matrix)
                scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
                size = raw.FPDFText_GetFontSize(textpage.raw, k) * scale
                raw.FPDFText_GetCharBox(textpage.raw, k, left, right, bottom, top)
                raw.FPDFText_GetCharOrigin(textpage.raw, k, x, y)
                chars.append(Char(chr(code), round(size, 2), left.value, bottom.value, right.value, top.value, y.value))
            graphics = []
            for obj in page.get_objects(max_depth=1):
                if obj.type in (2, 3, 5):  # path, image, form (an embedded drawing)
                    graphics.append(tuple(obj.get_bounds()))
            pages.append(Page(index + 1, page.get_width(), page.get_height(), chars, group_lines(chars), graphics))
    finally:
        doc.close()
    return pages


def group_lines(chars: list[Char], tolerance: float = 1.5) -> list[Line]:
    """Characters whose baselines lie within tolerance of each other form a line; its box is the union of
    theirs."""
    lines: list[Line] = []
    for char in sorted(chars, key=lambda c: (-c.baseline, c.left)):
        for line in lines:
            if abs(line.chars[0].baseline - char.baseline) <= tolerance:
                line.chars.append(char)
                line.top, line.bottom = max(line.top, char.top), min(line.bottom, char.bottom)
                line.size = max(line.size, char.size)
                break
        else:
            lines.append(Line(char.top, char.bottom, char.size, [char]))
    return sorted(lines, key=lambda line: -line.top)


# --------------------------------------------------------------------------------------------- type
def below_size(pages: list[Page], floor: float) -> list[tuple[int, float, str]]:
    """(page, size, the line's text) of every line with a character under floor pt."""
    found = []
    for page in pages:
        for line in page.lines:
            small = [c for c in line.chars if c.size < floor - 0.05]
            if small:
                found.append((page.number, min(c.size for c in small), line.text[:80]))
    return found


def share_below(pages: list[Page], size: float) -> float:
    chars = [c for page in pages for c in page.chars]
    return sum(c.size < size - 0.05 for c in chars) / len(chars) if chars else 0.0


# --------------------------------------------------------------------------------------------- pages
def from_top(page: Page, y: float) -> float:
    return page.height - y


def recurring_heights(pages: list[Page], share: float = 0.3, band: float = 0.08) -> set[int]:
    """Heights (pt from the page top, rounded) of lines in the top margin band (`band` of the page height)
    found on at least `share` of the pages: the running head and the folio. (The first line of the text
    block also recurs at one height, below the band.)"""
    counts = Counter(h for p in pages for h in {round(from_top(p, line.top)) for line in p.lines
                                                 if from_top(p, line.top) < band * p.height})
    return {h for h, n in counts.items() if n >= share * len(pages)} if len(pages) > 2 else set()


@dataclass(frozen=True)
class Block:
    top: float  # pt from the page top where content may start (below the running head)
    bottom: float  # pt from the page top where content ends at the latest


def body_lines(page: Page, heads: set[int]) -> list[Line]:
    return [line for line in page.lines if round(from_top(page, line.top)) not in heads]


def text_block(pages: list[Page], heads: set[int]) -> dict[tuple[int, int], Block]:
    """The text block of each page shape (portrait, landscape): from just below the running head to the
    lowest content any page of that shape carries."""
    blocks = {}
    for shape in {(round(p.width), round(p.height)) for p in pages}:
        same = [p for p in pages if (round(p.width), round(p.height)) == shape]
        head_bottom = max((from_top(p, line.bottom) for p in same for line in p.lines
                           if round(from_top(p, line.top)) in heads), default=0.0)
        lowest = max((from_top(p, line.bottom) for p in same for line in body_lines(p, heads)), default=shape[1])
        blocks[shape] = Block(head_bottom, lowest)
    return blocks


def content_bottom(page: Page, heads: set[int], block: Block) -> float | None:
    """How far down (pt from the top) the page's content reaches: its lowest body line or drawing."""
    bottoms = [from_top(page, line.bottom) for line in body_lines(page, heads)]
    bottoms += [from_top(page, b) for (_, b, _, t) in page.graphics if from_top(page, t) > block.top + 1]
    return max(bottoms, default=None)


def fill(page: Page, heads: set[int], block: Block) -> float:
    bottom = content_bottom(page, heads, block)
    if bottom is None:
        return 0.0
    return max(0.0, min(1.0, (bottom - block.top) / (block.bottom - block.top)))


def body_size(pages: list[Page]) -> float:
    sizes = Counter(round(c.size, 1) for p in pages for c in p.chars)
    return sizes.most_common(1)[0][0]


def opens_with_a_chapter(page: Page, heads: set[int], chapter_size: float) -> bool:
    lines = body_lines(page, heads)
    return bool(lines) and lines[0].size >= chapter_size


def near_empty_pages(pages: list[Page], least: float = 0.10, chapter_ratio: float = 2.2,
                     fewest_lines: int = 3) -> list[tuple[int, float, int]]:
    """(page, fill, lines) of every page under `least` full, unless it ends a chapter or part (the next page
    opens one with a first line set at chapter_ratio times the body size, or it is the document's last page)
    with at least `fewest_lines` lines on it: a chapter may end on a short page, not with a line or two left
    alone on one."""
    heads = recurring_heights(pages)
    blocks = text_block(pages, heads)
    chapter_size = chapter_ratio * body_size(pages)
    found = []
    for i, page in enumerate(pages):
        share = fill(page, heads, blocks[(round(page.width), round(page.height))])
        lines = len(body_lines(page, heads))
        ends_a_chapter = i + 1 == len(pages) or opens_with_a_chapter(pages[i + 1], heads, chapter_size)
        if share < least and not (ends_a_chapter and lines >= fewest_lines):
            found.append((page.number, round(share, 3), lines))
    return found


def headings_at_foot(pages: list[Page], foot: float = 0.15, lines_after: int = 3,
                     heading_ratio: float = 1.25) -> list[tuple[int, str, int]]:
    """(page, heading, lines after it) of every heading (lines set at heading_ratio times the body size or
    more) that starts in the last `foot` of the text block with fewer than `lines_after` lines of text under
    it. Only a page's last heading can be such: any earlier one has that heading under it."""
    heads = recurring_heights(pages)
    blocks = text_block(pages, heads)
    heading_size = heading_ratio * body_size(pages)
    found = []
    for page in pages:
        block = blocks[(round(page.width), round(page.height))]
        lines = body_lines(page, heads)
        indices = [k for k, line in enumerate(lines) if line.size >= heading_size]
        if not indices:
            continue
        first = indices[-1]
        while first - 1 in indices:  # a heading set on two lines
            first -= 1
        after = len(lines) - 1 - indices[-1]
        # where the heading ends: one that reaches into the foot stands there as much as one that starts in it
        depth = (from_top(page, lines[indices[-1]].bottom) - block.top) / (block.bottom - block.top)
        if depth >= 1 - foot and after < lines_after:
            found.append((page.number, " ".join(lines[k].text for k in range(first, indices[-1] + 1))[:60], after))
    return found


# --------------------------------------------------------------------------------------------- links
@dataclass(frozen=True)
class Link:
    page: int  # where the link is (1-based)
    text: str  # the text under the link's box and just after it on its line
    target: int  # the page it lands on (1-based)
    target_top: float | None  # pt from the top of that page, when the destination gives it


def internal_links(pdf: Path | str, after: float = 0.0) -> list[Link]:
    """The PDF's links inside the document, one per link: a link broken over lines has one annotation per
    line, which follow each other with one destination, and are joined here."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(pdf))
    links = []
    heights = [doc.get_page_size(i)[1] for i in range(len(doc))]
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            pos, link = raw.c_int(0), raw.FPDF_LINK()
            while raw.FPDFLink_Enumerate(page.raw, pos, link):
                dest = raw.FPDFLink_GetDest(doc.raw, link)
                if not dest:
                    continue
                target = raw.FPDFDest_GetDestPageIndex(doc.raw, dest)
                has_x, has_y, has_zoom = raw.FPDF_BOOL(), raw.FPDF_BOOL(), raw.FPDF_BOOL()
                x, y, zoom = raw.FS_FLOAT(), raw.FS_FLOAT(), raw.FS_FLOAT()
                raw.FPDFDest_GetLocationInPage(dest, has_x, has_y, has_zoom, x, y, zoom)
                rect = raw.FS_RECTF()
                raw.FPDFLink_GetAnnotRect(link, rect)
                text = textpage.get_text_bounded(rect.left, min(rect.bottom, rect.top), rect.right + after, max(rect.bottom, rect.top))
                top = heights[target] - y.value if has_y.value else None
                if links and (links[-1].page, links[-1].target, links[-1].target_top) == (index + 1, target + 1, top):
                    text = links.pop().text + " " + text
                links.append(Link(index + 1, " ".join(text.split()), target + 1, top))
    finally:
        doc.close()
    return links


def lands_on_heading(link: Link, pages: list[Page], heading_ratio: float = 1.25, reach: float = 30.0,
                     body: float | None = None) -> bool:
    """Whether the link's destination is a heading: a line at heading_ratio times the body size or more
    starts within `reach` pt below the point it lands on."""
    if link.target_top is None:
        return False
    page = pages[link.target - 1]
    heading_size = heading_ratio * (body or body_size(pages))
    return any(line.size >= heading_size and -2 <= from_top(page, line.top) - link.target_top <= reach for line in page.lines)


def carries_its_page(link: Link) -> bool:
    """ "… p. N" in running text, or "Title … N" in the contents, N the page the link lands on."""
    text = link.text.replace("\u00a0", " ")
    return bool(re.search(rf"\bp\.\s?{link.target}\b", text) or re.search(rf"\D\s*\b{link.target}$", text))


def references_without_page(links: list[Link], pages: list[Page], first_page: int = 1) -> list[Link]:
    """Links from page first_page on that land on a heading and do not print the page they land on."""
    body = body_size(pages)
    return [link for link in links if link.page >= first_page and lands_on_heading(link, pages, body=body)
            and not carries_its_page(link)]


# --------------------------------------------------------------------------------------------- folios
def folios_misplaced(pages: list[Page]) -> list[tuple[int, str]]:
    """(page, side) of every page whose number, printed in the running head, is not at the outer corner:
    the left on even (left-hand) pages, the right on odd (right-hand) ones."""
    heads = recurring_heights(pages)
    wrong = []
    for page in pages:
        for line in page.lines:
            if round(from_top(page, line.top)) not in heads:
                continue
            ordered = sorted(line.chars, key=lambda c: c.left)
            text = "".join(c.text for c in ordered)
            for run in re.finditer(rf"(?<!\d){page.number}(?!\d)", text):
                side = "left" if ordered[run.start()].left < page.width / 2 else "right"
                if side != ("left" if page.number % 2 == 0 else "right"):
                    wrong.append((page.number, side))
    return wrong


# ------------------------------------------------------------------------------------- stretched lines
def word_gaps(line: Line, least: float = 0.22) -> list[float]:
    """The spaces between the words of a line, in em of the line's size: gaps between neighbouring Latin
    characters wider than `least` em (kerning and letter fit are narrower)."""
    chars = sorted(line.chars, key=lambda c: c.left)
    # a CJK glyph's ink sits inside a full em (「（」 most of all): gaps beside one are not word spaces
    gaps = [(b.left - a.right) / line.size for a, b in zip(chars, chars[1:]) if a.text < "\u2e80" and b.text < "\u2e80"]
    return [gap for gap in gaps if gap > least]


def stretched_lines(pages: list[Page], widest: float = 0.6, evenness: float = 0.15,
                    first_page: int = 1) -> list[tuple[int, str]]:
    """(page, text) of every line that justification stretched: at least two word spaces, all wider than
    `widest` em and within `evenness` of each other (justification widens every space of a line alike; the
    columns of a table row leave gaps of different widths). A normal space is about a quarter em."""
    found = []
    for page in pages[first_page - 1:]:
        for line in page.lines:
            gaps = word_gaps(line)
            if len(gaps) >= 2 and min(gaps) > widest and (max(gaps) - min(gaps)) <= evenness * max(gaps):
                found.append((page.number, line.text))
    return found
