"""Measures of a printed PDF's type and page layout, read with pdfium: the printed size of every
character, the lines of each page, how full a page is, and where its headings sit.

The checks built on them name the page and the text:
- type floor: no character under a given size (the book's floor is 8 pt);
- headings at a page foot: no heading in the last part of the text block with fewer than three lines
  after it;
- near-empty pages: no page whose content fills under a tenth of the text block, except the last
  page of a part or chapter (the next page opens one) and the last page of the document.

The running head and folio are found as the lines that recur at one height on many pages, and are
not counted as content.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from support.file_cache import per_file


@dataclass(frozen=True)
class Char:
    text: str
    size: float  # printed size in pt: the font size times the scale of the text's matrix
    left: float
    bottom: float
    right: float
    top: float
    baseline: float
    mono: bool = False  # set in a monospaced face (code)
    turned: bool = False  # drawn rotated (a table turned on its page)


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
    graphics: list[
        tuple[float, float, float, float]
    ]  # (left, bottom, right, top) of drawings and images


@per_file(copy=list)
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
            font_name, font_flags = ctypes.create_string_buffer(128), ctypes.c_int()
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
                raw.FPDFText_GetFontInfo(textpage.raw, k, font_name, len(font_name), font_flags)
                mono = b"Mono" in font_name.value
                turned = abs(matrix.b) > 1e-3
                chars.append(
                    Char(
                        chr(code),
                        round(size, 2),
                        left.value,
                        bottom.value,
                        right.value,
                        top.value,
                        y.value,
                        mono,
                        turned,
                    )
                )
            graphics = []
            for obj in page.get_objects(max_depth=1):
                if obj.type in (2, 3, 5):  # path, image, form (an embedded drawing)
                    graphics.append(tuple(obj.get_bounds()))
            pages.append(
                Page(
                    index + 1,
                    page.get_width(),
                    page.get_height(),
                    chars,
                    group_lines(chars),
                    graphics,
                )
            )
    finally:
        doc.close()
    return pages


def group_lines(chars: list[Char], tolerance: float = 1.5) -> list[Line]:
    """Characters whose baselines lie within tolerance of each other form a line; its box is the
    union of theirs."""
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


# -------------------------------------------------------------------------------------------- pages
def from_top(page: Page, y: float) -> float:
    return page.height - y


def recurring_heights(pages: list[Page], share: float = 0.3, band: float = 0.08) -> set[int]:
    """Heights (pt from the page top, rounded) of lines in the top margin band (`band` of the page
    height) found on at least `share` of the pages: the running head and the folio. (The first line
    of the text block also recurs at one height, below the band.)"""
    counts = Counter(
        h
        for p in pages
        for h in {
            round(from_top(p, line.top))
            for line in p.lines
            if from_top(p, line.top) < band * p.height
        }
    )
    return {h for h, n in counts.items() if n >= share * len(pages)} if len(pages) > 2 else set()


@dataclass(frozen=True)
class Block:
    top: float  # pt from the page top where content may start (below the running head)
    bottom: float  # pt from the page top where content ends at the latest


def in_heads(page: Page, line: Line, heads: set[int]) -> bool:
    """Whether the line is a running head or folio: within a point and a half of a height where
    they recur (a folio's digits set it up to a point lower on some pages: "57", whose 7 is shorter
    than a 5, tops at 39.0 pt where the folios recur at 38)."""
    top = from_top(page, line.top)
    return any(abs(top - h) <= 1.5 for h in heads)


def body_lines(page: Page, heads: set[int]) -> list[Line]:
    return [line for line in page.lines if not in_heads(page, line, heads)]


def text_block(pages: list[Page], heads: set[int]) -> dict[tuple[int, int], Block]:
    """The text block of each page shape (portrait, landscape): from just below the running head to
    the lowest content any page of that shape carries."""
    blocks = {}
    for shape in {(round(p.width), round(p.height)) for p in pages}:
        same = [p for p in pages if (round(p.width), round(p.height)) == shape]
        head_bottom = max(
            (
                from_top(p, line.bottom)
                for p in same
                for line in p.lines
                if in_heads(p, line, heads)
            ),
            default=0.0,
        )
        lowest = max(
            (from_top(p, line.bottom) for p in same for line in body_lines(p, heads)),
            default=shape[1],
        )
        blocks[shape] = Block(head_bottom, lowest)
    return blocks


def content_bottom(page: Page, heads: set[int], block: Block) -> float | None:
    """How far down (pt from the top) the page's content reaches: its lowest body line or
    drawing."""
    bottoms = [from_top(page, line.bottom) for line in body_lines(page, heads)]
    bottoms += [
        from_top(page, b) for (_, b, _, t) in page.graphics if from_top(page, t) > block.top + 1
    ]
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


def near_empty_pages(
    pages: list[Page], least: float = 0.10, chapter_ratio: float = 2.2, fewest_lines: int = 3
) -> list[tuple[int, float, int]]:
    """(page, fill, lines) of every page under `least` full, unless it ends a chapter or part (the
    next page with text, past a blank verso, opens one with a first line set at chapter_ratio times
    the body size, or it is the document's last page) with at least `fewest_lines` lines on it: a
    chapter may end on a short page, not with a line or two left alone on one. A page with no line
    at all before an opening page is the blank left-hand page that puts a part's opening on a
    right-hand one."""
    heads = recurring_heights(pages)
    blocks = text_block(pages, heads)
    chapter_size = chapter_ratio * body_size(pages)
    found = []
    for i, page in enumerate(pages):
        share = fill(page, heads, blocks[(round(page.width), round(page.height))])
        lines = len(body_lines(page, heads))
        # the next page with text: a blank verso before a part's right-hand opening is skipped
        following = next((p for p in pages[i + 1 :] if body_lines(p, heads)), None)
        ends_a_chapter = following is None or opens_with_a_chapter(following, heads, chapter_size)
        blank_verso = lines == 0 and ends_a_chapter and page.number % 2 == 0
        if share < least and not (ends_a_chapter and lines >= fewest_lines) and not blank_verso:
            found.append((page.number, round(share, 3), lines))
    return found


def headings_at_foot(
    pages: list[Page], foot: float = 0.15, lines_after: int = 3, heading_ratio: float = 1.25
) -> list[tuple[int, str, int]]:
    """(page, heading, lines after it) of every heading (lines set at heading_ratio times the body
    size or more) that starts in the last `foot` of the text block with fewer than `lines_after`
    lines of text under it. Only a page's last heading can be such: any earlier one has that heading
    under it."""
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
        # where the heading ends: one that reaches into the foot stands there as much as one that
        # starts in it
        depth = (from_top(page, lines[indices[-1]].bottom) - block.top) / (block.bottom - block.top)
        if depth >= 1 - foot and after < lines_after:
            found.append(
                (
                    page.number,
                    " ".join(lines[k].text for k in range(first, indices[-1] + 1))[:60],
                    after,
                )
            )
    return found


def introductions_at_foot(
    pages: list[Page], short: float = 2.0, full: float = 0.6
) -> list[tuple[int, str]]:
    """(page, line) of every page whose last line of text ends a paragraph with a colon (it stops
    more than `short` em before the text block's right edge, where a justified line or a full
    Japanese one runs on): a lead-in ("The pairs, heaviest first:") parted from the table or list
    it introduces. A ragged line that stops at a colon inside its sentence is no paragraph's end:
    the next page goes on with running text (a line at the same size, from the text block's left
    edge, `full` of its width or more)."""
    heads = recurring_heights(pages)
    lines_of = {page.number: body_lines(page, heads) for page in pages}
    every = [line for lines in lines_of.values() for line in lines]
    edge = _most_common(round(max(c.right for c in line.chars)) for line in every)
    left = _most_common(round(min(c.left for c in line.chars)) for line in every)
    found = []
    for page, following in zip(pages, [*pages[1:], None]):
        lines = lines_of[page.number]
        if not lines:
            continue
        last = lines[-1]
        ends = max(c.right for c in last.chars)
        if not last.text.rstrip().endswith((":", "：")) or edge - ends <= short * last.size:
            continue
        after = lines_of[following.number] if following else []
        if after:
            first = after[0]
            start, end = min(c.left for c in first.chars), max(c.right for c in first.chars)
            if (
                abs(first.size - last.size) < 0.3
                and abs(start - left) < 1.5
                and end - start >= full * (edge - left)
            ):
                continue  # the sentence runs on over the page
        found.append((page.number, last.text[-60:]))
    return found


def _most_common(values) -> float:
    counts = Counter(values)
    return counts.most_common(1)[0][0] if counts else 0


def _lead_in(lines: list[Line], body: float, most: int, leading: float = 2.0) -> int:
    """How many lines the first paragraph of `lines` holds when it is a lead-in, at most `most`
    lines followed by a jump wider than a paragraph's break (a figure or a table); else 0."""
    count = 1
    while count < len(lines) and lines[count - 1].top - lines[count].top <= leading * body:
        count += 1
    if count > most or count >= len(lines):
        return 0
    return count if lines[count - 1].top - lines[count].top > 4 * body else 0


def opens_with_a_float(
    page: Page,
    heads: set[int],
    body: float,
    heading_ratio: float = 1.25,
    figure_height: float = 30.0,
    lead_lines: int = 3,
) -> bool:
    """Whether the page's content begins (after any heading, and after a lead-in of up to
    `lead_lines` lines under it, which the print build keeps with the float it introduces) with a
    figure (a drawing at least figure_height pt high) or a table (its caption line, "Table …" or
    「表 …」, set above it). A table's rows run on from the page before under a rule and its
    repeated header, with no caption: the same table going on, not a float that moved on."""
    lines = body_lines(page, heads)
    headed = False
    while lines and lines[0].size >= heading_ratio * body:
        lines, headed = lines[1:], True
    if headed:
        lines = lines[_lead_in(lines, body, lead_lines) :]
    first_text = from_top(page, lines[0].top) if lines else page.height
    if lines and re.match(r"(Table|表)\s?[A-Z0-9]", lines[0].text):
        return True
    block_top = max(
        (from_top(page, line.bottom) for line in page.lines if in_heads(page, line, heads)),
        default=0.0,
    )
    for _, bottom, _, top in page.graphics:
        upper = from_top(page, top)
        if block_top < upper < first_text and top - bottom >= figure_height:
            return True
    return False


def gaps_before_floats(
    pages: list[Page], least: float = 0.6, chapter_ratio: float = 2.2
) -> list[tuple[int, float]]:
    """(page, fill) of every page filled under `least` of its text block when the next page opens
    with a figure or table (a float too tall for the space left, moved on with nothing to fill the
    gap), unless the page ends a chapter or part (the next page opens one) or the document, or the
    float's page is its chapter's last (a float page at a chapter's end, as a press sets one: the
    floats went as far as their chapter lets them, and no text is left to set before them)."""
    heads = recurring_heights(pages)
    blocks = text_block(pages, heads)
    body = body_size(pages)
    found = []
    opens = [opens_with_a_chapter(p, heads, chapter_ratio * body) for p in pages] + [False]
    for at, (page, following) in enumerate(zip(pages, pages[1:])):
        if opens[at + 1] or opens[at + 2] or not opens_with_a_float(following, heads, body):
            continue
        share = fill(page, heads, blocks[(round(page.width), round(page.height))])
        if share < least:
            found.append((page.number, round(share, 2)))
    return found


def odd_page_sizes(pages: list[Page]) -> list[tuple[int, int, int]]:
    """(page, width, height) of every page whose size is not the book's (its most common page size):
    a table turned for its width is rotated on a page of the book's size, never set on a landscape
    sheet of its own."""
    sizes = Counter((round(p.width), round(p.height)) for p in pages)
    book = sizes.most_common(1)[0][0] if sizes else None
    return [
        (p.number, round(p.width), round(p.height))
        for p in pages
        if (round(p.width), round(p.height)) != book
    ]


# -------------------------------------------------------------------------------------------- links
@dataclass(frozen=True)
class Link:
    page: int  # where the link is (1-based)
    text: str  # the text under the link's box and just after it on its line
    target: int  # the page it lands on (1-based)
    target_top: float | None  # pt from the top of that page, when the destination gives it


@per_file(copy=list)
def internal_links(pdf: Path | str, after: float = 0.0) -> list[Link]:
    """The PDF's links inside the document, one per link: a link broken over lines has one
    annotation per line, which follow each other with one destination, and are joined here."""
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
                text = textpage.get_text_bounded(
                    rect.left,
                    min(rect.bottom, rect.top),
                    rect.right + after,
                    max(rect.bottom, rect.top),
                )
                top = heights[target] - y.value if has_y.value else None
                if links and (links[-1].page, links[-1].target, links[-1].target_top) == (
                    index + 1,
                    target + 1,
                    top,
                ):
                    text = links.pop().text + " " + text
                links.append(Link(index + 1, " ".join(text.split()), target + 1, top))
    finally:
        doc.close()
    return links


def lands_on_heading(
    link: Link,
    pages: list[Page],
    heading_ratio: float = 1.25,
    reach: float = 30.0,
    body: float | None = None,
) -> bool:
    """Whether the link's destination is a heading: a line at heading_ratio times the body size or
    more starts within `reach` pt below the point it lands on."""
    if link.target_top is None:
        return False
    page = pages[link.target - 1]
    heading_size = heading_ratio * (body or body_size(pages))
    return any(
        line.size >= heading_size and -2 <= from_top(page, line.top) - link.target_top <= reach
        for line in page.lines
    )


def carries_its_page(link: Link) -> bool:
    """ "… p. N" in running text, or "Title … N" in the contents, N the page the link lands on."""
    text = link.text.replace("\u00a0", " ")
    return bool(
        re.search(rf"\bp\.\s?{link.target}\b", text) or re.search(rf"\D\s*\b{link.target}$", text)
    )


def references_without_page(
    links: list[Link], pages: list[Page], first_page: int = 1
) -> list[Link]:
    """Links from page first_page on that land on a heading and do not print the page they land
    on."""
    body = body_size(pages)
    return [
        link
        for link in links
        if link.page >= first_page
        and lands_on_heading(link, pages, body=body)
        and not carries_its_page(link)
    ]


# A numbered figure or table named by its number, as Sphinx's numref writes it in either edition.
FLOAT_NUMBER = re.compile(r"^(?:Fig\.|Figure|Table|図|表)\s?\d+(?:\.\d+)?")


def float_references_without_page(links: list[Link], first_page: int = 1) -> list[Link]:
    """Links from page first_page on whose text names a numbered figure or table ("Fig. 7.2",
    "表 8.1") and does not print the page the link lands on."""
    return [
        link
        for link in links
        if link.page >= first_page
        and FLOAT_NUMBER.match(link.text)
        # "p. N" itself: a number at the end is the figure's own ("Fig. 7.2" lands on p. 2)
        and not re.search(rf"\bp\.\s?{link.target}\b", link.text.replace("\u00a0", " "))
    ]


# ------------------------------------------------------------------------------------------- folios
def folios_misplaced(pages: list[Page]) -> list[tuple[int, str]]:
    """(page, side) of every page whose number, printed in the running head, is not at the outer
    corner: the left on even (left-hand) pages, the right on odd (right-hand) ones."""
    heads = recurring_heights(pages)
    wrong = []
    for page in pages:
        for line in page.lines:
            if not in_heads(page, line, heads):
                continue
            ordered = sorted(line.chars, key=lambda c: c.left)
            text = "".join(c.text for c in ordered)
            for run in re.finditer(rf"(?<!\d){page.number}(?!\d)", text):
                side = "left" if ordered[run.start()].left < page.width / 2 else "right"
                if side != ("left" if page.number % 2 == 0 else "right"):
                    wrong.append((page.number, side))
    return wrong


def page_number_gaps(pages: list[Page], widest: float = 0.8) -> list[tuple[int, str, float]]:
    """(page, text, gap in em) of every "p. N" whose number stands further than `widest` em from its
    "p." (a no-break space, with the ink beside it, spans up to about half an em): a page number
    padded with figure spaces to a fixed width prints as "p.  16"."""
    found = []
    for page in pages:
        for line in page.lines:
            chars = sorted(line.chars, key=lambda c: c.left)
            for k in range(1, len(chars) - 1):
                if (
                    chars[k - 1].text == "p"
                    and chars[k].text == "."
                    and chars[k + 1].text.isdigit()
                    and (k < 2 or not chars[k - 2].text.isalpha())
                ):
                    gap = (chars[k + 1].left - chars[k].right) / line.size
                    if gap > widest:
                        digits = "".join(c.text for c in chars[k + 1 : k + 4])
                        found.append((page.number, "p." + digits, round(gap, 2)))
    return found


# ---------------------------------------------------------------------------------- stretched lines
def word_gaps(line: Line, least: float = 0.22) -> list[float]:
    """The spaces between the words of a line, in em of the line's size: gaps between neighbouring
    Latin characters wider than `least` em (kerning and letter fit are narrower)."""
    chars = sorted(line.chars, key=lambda c: c.left)
    # a CJK glyph's ink sits inside a full em (「（」 most of all): gaps beside one are not word
    # spaces
    gaps = [
        (b.left - a.right) / line.size
        for a, b in zip(chars, chars[1:])
        if a.text < "\u2e80" and b.text < "\u2e80"
    ]
    return [gap for gap in gaps if gap > least]


def is_stretched(line: Line, widest: float = 0.6, evenness: float = 0.15, fewest: int = 2) -> bool:
    """Whether justification stretched the line: at least `fewest` word spaces, all wider than
    `widest` em and within `evenness` of each other (justification widens every space of a line
    alike; the columns of a table row leave gaps of different widths). A normal space is about a
    quarter em."""
    gaps = word_gaps(line)
    return (
        len(gaps) >= fewest
        and min(gaps) > widest
        and (max(gaps) - min(gaps)) <= evenness * max(gaps)
    )


def stretched_lines(
    pages: list[Page], widest: float = 0.6, evenness: float = 0.15, first_page: int = 1
) -> list[tuple[int, str]]:
    """(page, text) of every line that justification stretched (`is_stretched`)."""
    return [
        (page.number, line.text)
        for page in pages[first_page - 1 :]
        for line in page.lines
        if is_stretched(line, widest, evenness)
    ]


def stretched_before_code(
    pages: list[Page], widest: float = 0.5, fewest: int = 4
) -> list[tuple[int, str]]:
    """(page, text) of every line of prose (`fewest` word spaces or more: a table's header row has
    few gutters) justification stretched (from `widest` em) whose next line opens with code or an
    id in the monospaced face: the unbreakable word that did not fit left the line's spaces to take
    up its width."""
    found = []
    for page in pages:
        for line, following in zip(page.lines, page.lines[1:]):
            opening = sorted(following.chars, key=lambda c: c.left)[:3]
            if (
                opening
                and all(c.mono for c in opening)
                and is_stretched(line, widest, fewest=fewest)
            ):
                found.append((page.number, line.text))
    return found


def first_word_width(line: Line, least: float = 0.22) -> float:
    """The width of a line's first word: from its first character to the first word space."""
    chars = sorted(line.chars, key=lambda c: c.left)
    end = chars[0].right
    for a, b in zip(chars, chars[1:]):
        if (b.left - a.right) / line.size > least:
            break
        end = b.right
    return end - chars[0].left


LIST_MARKS = "•·‣◦–—-*"


def words_alone(
    pages: list[Page],
    space: float = 0.25,
    leading_tolerance: float = 0.6,
    column_gap: float = 1.5,
    first_page: int = 1,
) -> list[tuple[int, str, str]]:
    """(page, the word, the next line) of every line of prose that holds a single word inside its
    paragraph although the first word of the next line, after a word space of `space` em, would have
    fitted beside it within the line above: a word alone on a justified line ("drawn" over a
    caption's measure), a break no line breaker chooses. Lines of one paragraph follow each other at
    one leading and share their left edge; code (a monospaced face) and list items (a line opening
    with a list mark) are lines of their own, and so are the cells of a table row (a gap over
    `column_gap` em); Japanese breaks between any two characters."""

    def right(line: Line) -> float:
        return max(c.right for c in line.chars)

    def left(line: Line) -> float:
        return min(c.left for c in line.chars)

    found = []
    for page in pages[first_page - 1 :]:
        lines = [line for line in page.lines if line.chars]
        for above, line, below in zip(lines, lines[1:], lines[2:]):
            if (
                word_gaps(line)
                or any(c.mono or c.turned or c.text >= "\u2e80" for c in line.chars)
                or below.text[:1] in LIST_MARKS
            ):
                continue
            if any(
                gap > column_gap for neighbour in (above, below) for gap in word_gaps(neighbour)
            ):
                continue  # a table row: its cells have measures of their own
            step_above = above.chars[0].baseline - line.chars[0].baseline
            step_below = line.chars[0].baseline - below.chars[0].baseline
            if not (
                abs(step_above - step_below) <= leading_tolerance
                and 0 < step_below < 2.5 * line.size
                and abs(line.size - below.size) < 0.3
                and abs(line.size - above.size) < 0.3
                and abs(left(below) - left(line)) < 1
            ):
                continue
            if right(line) + space * line.size + first_word_width(below) < right(above) - 1:
                found.append((page.number, line.text[:60], below.text[:30]))
    return found


# ------------------------------------------------------------------------------------------------
# tables The print build names places in each table (ca911.book.sphinx.print_marks.anchor_tables):
# the cells of its first row ("ca911-t3-col0", ...) and its first two and last two body rows
# ("ca911-t3-row-first", "-row-second", "-row-penult", "-row-last"). WeasyPrint turns every id into
# a named destination: its page and position.
TABLE_PLACE = re.compile(r"^ca911-t(\d+)-(col\d+|row-first|row-second|row-penult|row-last)$")


@dataclass(frozen=True)
class Place:
    page: int  # 1-based
    left: float  # pt from the page's left edge
    top: float  # pt from the page's top edge


@per_file(copy=lambda tables: {n: dict(parts) for n, parts in tables.items()})
def table_places(pdf: Path | str) -> dict[int, dict[str, Place]]:
    """{table number: {part: where it is}} for every named place in the PDF's tables."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    tables: dict[int, dict[str, Place]] = {}
    for name, dest in reader.named_destinations.items():
        match = TABLE_PLACE.match(str(name))
        if not match:
            continue
        index = reader.get_destination_page_number(dest)
        height = float(reader.pages[index].mediabox.height)
        tables.setdefault(int(match[1]), {})[match[2]] = Place(
            index + 1, float(dest.left or 0), height - float(dest.top or 0)
        )
    return tables


def rows_alone(tables: dict[int, dict[str, Place]]) -> list[tuple[int, int, str]]:
    """(table, page, which) of every table broken over pages that leaves a single body row on its
    first page (its first row parted from its second) or on its last (its last row parted from the
    one before)."""
    found = []
    for number, places in sorted(tables.items()):
        if {"row-first", "row-second"} <= places.keys() and places["row-first"].page != places[
            "row-second"
        ].page:
            found.append((number, places["row-first"].page, "first"))
        if {"row-penult", "row-last"} <= places.keys() and places["row-penult"].page != places[
            "row-last"
        ].page:
            found.append((number, places["row-last"].page, "last"))
    return found


def rule_below(page: Page, top: float) -> float | None:
    """pt from the page top of the first horizontal rule (drawings under 3 pt high at one height,
    together over 30 pt wide) below `top`: a table's bottom rule, drawn whole or cell by cell (a
    table of narrow columns draws each cell's border shorter than the rule)."""
    widths: dict[float, float] = {}
    for left, bottom, right, t in page.graphics:
        if t - bottom < 3 and from_top(page, t) > top:
            at = round(from_top(page, t) * 2) / 2
            widths[at] = widths.get(at, 0.0) + (right - left)
    return min((at for at, width in widths.items() if width > 30), default=None)


def table_lines(
    pages: list[Page], places: dict[str, Place], heads: set[int]
) -> list[tuple[Page, Line]]:
    """The lines a table holds, from its first row's top to its bottom rule after its last row (the
    whole text block of any page in between)."""
    start = places["col0"]
    end = places.get("row-last", start)
    found = []
    for page in pages[start.page - 1 : end.page]:
        upper = start.top - 1 if page.number == start.page else 0.0
        lower = page.height
        if page.number == end.page:
            lower = rule_below(page, end.top) or page.height
        found += [
            (page, line)
            for line in body_lines(page, heads)
            if upper <= from_top(page, line.top) and from_top(page, line.bottom) <= lower + 1
        ]
    return found


def table_type_below(
    pages: list[Page], tables: dict[int, dict[str, Place]], floor: float
) -> list[tuple[int, int, float, str]]:
    """(page, table, size, line) of every line of a table set under `floor` pt. A table turned on
    its page is read whole: every turned line of its pages."""
    heads = recurring_heights(pages)
    found = []
    for number, places in sorted(tables.items()):
        if "col0" not in places:
            continue
        lines = table_lines(pages, places, heads)
        end = places.get("row-last", places["col0"])
        for page in pages[places["col0"].page - 1 : end.page]:
            lines += [(page, line) for line in page.lines if any(c.turned for c in line.chars)]
        for page, line in lines:
            # a line mixes sizes (an id beside a locator): its characters are measured, not the line
            small = [c for c in sorted(line.chars, key=lambda c: c.left) if c.size < floor - 0.05]
            if small:
                found.append(
                    (
                        page.number,
                        number,
                        round(min(c.size for c in small), 1),
                        "".join(c.text for c in small)[:60],
                    )
                )
    return sorted(set(found))


def cramped_columns(
    pages: list[Page],
    tables: dict[int, dict[str, Place]],
    least: float = 2.0,
    least_em: float = 0.6,
) -> list[tuple[int, int, str, float]]:
    """(page, table, line, gap) of every table line where the text of two neighbouring cells comes
    closer than `least` pt or `least_em` em of the line's size: columns must read as columns, their
    gap wider than a word space (about 0.3–0.45 em of ink). A column's left edge is its first-row
    cell's named place."""
    heads = recurring_heights(pages)
    found = []
    for number, places in sorted(tables.items()):
        columns = sorted(
            (int(part[3:]), place) for part, place in places.items() if part.startswith("col")
        )
        if "col0" not in places or len(columns) < 2:
            continue
        for page, line in table_lines(pages, places, heads):
            if any(c.turned for c in line.chars):
                # a table turned on its page reads across the page's height: its lines are not rows
                continue
            chars = sorted(line.chars, key=lambda c: c.left)
            for _, edge in columns[
                1:
            ]:  # a table broken over pages keeps its columns where they were
                before = [c for c in chars if (c.left + c.right) / 2 < edge.left]
                after = [c for c in chars if (c.left + c.right) / 2 >= edge.left]
                if not before or not after:
                    continue
                gap = after[0].left - before[-1].right
                if gap < max(least, least_em * line.size):
                    found.append((page.number, number, line.text[:60], round(gap, 2)))
    return found


def justified_runs(pages: list[Page], run: int = 3, band: float = 1.25) -> list[tuple[int, str]]:
    """(page, first line) of every run of `run` consecutive body-size lines of Latin prose that all
    end within `band` pt of the text block's right edge: a justified paragraph. Set ragged-right, a
    line ends wherever its last word does (about one line in twenty within a point of the edge,
    never three in a row). The edge is where most long lines end (justified ones all do, give or
    take a glyph's side bearing)."""
    body = body_size(pages)

    def prose(line: Line) -> bool:
        latin = bool(line.chars) and line.chars[0].text < "\u2e80"
        return abs(line.size - body) < 0.2 and len(line.chars) > 30 and latin

    ends = Counter(
        round(max(c.right for c in line.chars) * 4) / 4
        for page in pages
        for line in page.lines
        if prose(line)
    )
    if not ends:
        return []
    edge = ends.most_common(1)[0][0]
    found = []
    for page in pages:
        lines = sorted(page.lines, key=lambda line: line.top)
        flush = [
            prose(line) and edge - band <= max(c.right for c in line.chars) <= edge + band / 2
            for line in lines
        ]
        for k in range(len(lines) - run + 1):
            if all(flush[k : k + run]):
                found.append((page.number, lines[k].text))
                break
    return found


def outdented_lines(pages: list[Page], tolerance: float = 2.0) -> list[tuple[int, str]]:
    """(page, words) of every body line that starts left of its page's text block: the left edge
    most body lines of pages of that shape and side start at (a note or a sentence set out into
    the margin reads as a stray). The cover, set on its own grid, is left out."""
    heads = recurring_heights(pages)

    def side(page: Page) -> tuple[int, int, int]:
        return (round(page.width), round(page.height), page.number % 2)

    starts: dict[tuple[int, int, int], list[float]] = {}
    for page in pages:
        for line in body_lines(page, heads):
            if line.chars:
                starts.setdefault(side(page), []).append(round(min(c.left for c in line.chars)))
    edge = {shape: _most_common(lefts) for shape, lefts in starts.items()}
    return [
        (page.number, line.text[:50])
        for page in pages[1:]
        for line in body_lines(page, heads)
        if line.chars and min(c.left for c in line.chars) < edge[side(page)] - tolerance
    ]
