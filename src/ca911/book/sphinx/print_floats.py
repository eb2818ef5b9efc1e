"""A figure or table too tall for the space left on its page, and the text after it set first.

WeasyPrint has no page floats: a figure or table that does not fit in what is left of a page moves
whole to the next page and leaves the rest of the page empty (a third or a half of a page, where a
press sets the text that follows and puts the figure at the top of the next page). After the book is
laid out once, this module finds every page left under `FILL` of its text block because the next
page opens with a figure or a table (or with a section's heading, its lead-in and the float), and
moves that float (with the sentence that introduces it) after the paragraphs that follow it, as many
as the gap holds and at least one, past the next section's heading when its section ends (a heading
always with the text under it), never out of its chapter; the book is then laid out again. A float
met on the way (a turned table, the next section's figure under its heading and lead-in) goes on
after it, so floats keep their order, as a press's float queue does; the heading and lead-in stay
with the text. No float is displaced once the page holds FILL, and each layout moves one float per
chapter, since a chapter's first move shifts its later pages. References to the float keep working
(they name its number and find its page at layout). The check is `gaps_before_floats`
(tests/support/print_layout.py) on both editions' PDFs."""

from __future__ import annotations

from weasyprint.formatting_structure import boxes

FILL = 0.6  # a page filled less than this before a float that moved on is a gap
FLOAT_TAGS = ("figure", "table")
# blocks that may be set before a float: running text, which breaks across pages
MOVABLE_TAGS = ("p", "ul", "ol", "dl", "blockquote")
INTRODUCES = "ca911-introduces"  # a sentence kept with the float it introduces (print_marks)
KEEP_WITH_NEXT = "ca911-keep-with-next"  # a sentence kept with the block after it (print_marks)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CHAPTER = "ca911-chapter"  # the wrapper of a chapter's section: floats never leave it
DRIFT = 1.2  # a float moves past at most this much of a page
OPENS_PT = 24  # a float this near the top of its page, before any text, opens the page


def _walk(box, parent=None):
    """Each box under `box`, with the box that holds it."""
    yield box, parent
    for child in getattr(box, "children", None) or ():
        yield from _walk(child, box)


def _classes(element) -> list[str]:
    return (element.get("class") or "").split()


class _Layout:
    """Where the first layout put each element: its pages and heights, and each page's fill."""

    def __init__(self, document):
        self.pages = []  # (top, height, bottom of the text, its lines' tops, blocks)
        self.height_of: dict[int, float] = {}  # by id of element, summed over its pages
        for page in document.pages:
            page_box = page._page_box
            top, height = page_box.content_box_y(), page_box.height
            lines, blocks = [], []  # one walk of the page's boxes: its text lines and its blocks
            for b, holder in _walk(page_box):
                text = isinstance(b, (boxes.LineBox, boxes.ReplacedBox))
                if text and top - 1 <= b.position_y < top + height:
                    lines.append(b)
                element = getattr(b, "element", None)
                if element is None or not isinstance(b, boxes.BlockLevelBox):
                    continue
                if getattr(holder, "element", None) is element:
                    continue  # an anonymous box inside its element's own box: counted once
                if isinstance(b, boxes.BlockBox):  # a table's too: its wrapper is a block box
                    key = id(element)
                    self.height_of[key] = self.height_of.get(key, 0.0) + b.margin_height()
                blocks.append((b.position_y, b.position_y + b.margin_height(), element))
            bottom = max((b.position_y + b.margin_height() for b in lines), default=top)
            tops = sorted(b.position_y for b in lines)
            self.pages.append((top, height, bottom, tops, blocks))

    def height(self, elements) -> float:
        """The summed heights the first layout gave `elements`."""
        return sum(self.height_of.get(id(element), 0.0) for element in elements)

    def fill(self, number: int) -> float:
        top, height, bottom, *_ = self.pages[number]
        return (bottom - top) / height

    def opening_floats(self, number: int):
        """The figure or table elements whose box opens the page, or follows a section's heading
        that opens it, with the short paragraphs kept with it (the heading and those paragraphs then
        stay, and the text after the float moves up to them)."""
        top, _, _, tops, blocks = self.pages[number]
        if not tops:
            return []
        first, reach = tops[0], top + OPENS_PT
        under_heading = False
        for y, bottom, element in blocks:
            if y > first + 1 or y > reach:
                continue
            kept = element.tag == "p" and KEEP_WITH_NEXT in _classes(element)
            if (element.tag in HEADINGS and not under_heading) or (kept and under_heading):
                first = min((t for t in tops if t >= bottom - 1), default=first)
                reach = bottom + OPENS_PT
                under_heading = True
        return [
            element
            for y, _, element in blocks
            if element.tag in FLOAT_TAGS and y <= first + 1 and y <= reach
        ]


def _movable(node) -> bool:
    """Running text, a heading, a sentence introducing a table, or a table set in the text's
    direction (a table turned on its page takes a page of its own and fills no gap)."""
    if node.tag in MOVABLE_TAGS or node.tag in HEADINGS:
        return True
    tables = [t for t in node.iter() if t.tag == "table"]
    figures = [f for f in node.iter() if f.tag in ("figure", "img", "svg")]
    return "cell" in _classes(node) and len(tables) == 1 and not figures and not _turned(node)


def _turned(node) -> bool:
    """A table turned on its page (it takes a page of its own)."""
    return any("ca911-landscape" in _classes(n) for n in node.iter())


def _joins_next(node) -> bool:
    """A heading, or a sentence that introduces what follows it, moves with the block after it."""
    return node.tag in HEADINGS or bool({INTRODUCES, KEEP_WITH_NEXT} & set(_classes(node)))


def _chunks(nodes):
    """The blocks after a float in the groups they move in: a heading or a sentence that introduces
    the next block goes with it."""
    chunk = []
    for node in nodes:
        chunk.append(node)
        if not _joins_next(node):
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parents(root) -> dict:
    return {child: parent for parent in root.iter() for child in parent}


WRAPPERS = ("cell", "cell_output")  # a notebook cell's parts, which hold the float


def _unit(element, parent_of: dict):
    """The float with its wrappers (a notebook cell, a figure's container): the outermost element
    that holds nothing else."""
    node = element
    while node in parent_of:
        parent = parent_of[node]
        if len(parent) != 1 and not set(WRAPPERS) & set(_classes(parent)):
            break
        node = parent
    return node


def _in_reading_order(node):
    """The blocks of `node` as a reader meets them: a section's heading, then its blocks."""
    if node.tag == "section":
        for child in node:
            yield from _in_reading_order(child)
    else:
        yield node


def _blocks_after(unit, parent_of: dict):
    """The blocks after `unit` to the end of its chapter, in reading order: its section's rest,
    then the following sections' headings and blocks."""
    node = unit
    while node in parent_of:
        parent = parent_of[node]
        siblings = list(parent)
        for sibling in siblings[siblings.index(node) + 1 :]:
            yield from _in_reading_order(sibling)
        if parent.tag != "section" or CHAPTER in _classes(parent_of.get(parent)):
            return
        node = parent


def _float_part(chunk) -> int | None:
    """Where the float of a chunk begins (its introducing sentence, or the float), when the chunk is
    a float with the heading and lead-in kept with it; None for anything else, and for a heading
    right above its float (moving the float on would leave the heading bare)."""
    *joined, last = chunk
    figure = any(node.tag == "figure" for node in last.iter())
    if not (figure or _turned(last)) or _movable(last):
        return None  # a table in the text's direction is the text's own (a codebook's list)
    at = len(joined)
    while at and INTRODUCES in _classes(joined[at - 1]):
        at -= 1
    if not all(_movable(node) for node in joined) or (at and joined[at - 1].tag in HEADINGS):
        return None
    return at


def _text_to_set_first(
    blocks, layout: _Layout, gap: float, page_height: float, float_height: float
) -> tuple[list, list]:
    """The blocks after a float to set before it, and the floats met among them, which go on after
    it in their order: enough text to fill `gap`, at least one block, never more than DRIFT of a
    page, and none that runs so far past the gap that the float no longer fits under its end (a long
    table would leave the gap a page on). A float met on the way goes on only when text after it is
    set first, and only while the page is still under FILL (a float moved on displaces the next
    figures too); its heading and lead-in stay with the text."""
    taken, queued, height_taken = [], [], 0.0
    held_text, held_floats = [], []  # what a float met on the way parts, until text follows it
    enough = gap - (1 - FILL) * page_height  # what brings the page to FILL
    for chunk in _chunks(blocks):
        if not all(_movable(node) for node in chunk):
            at = _float_part(chunk)
            if at is None or height_taken >= enough:
                break
            held_text.extend(chunk[:at])
            held_floats.append(chunk[at:])
            continue
        h = layout.height(held_text + chunk)
        overrun = height_taken + h - gap
        if taken and (
            height_taken + h > DRIFT * page_height or overrun + float_height > page_height
        ):
            break
        taken.extend(held_text + chunk)
        queued.extend(held_floats)
        held_text, held_floats = [], []
        height_taken += h
        if height_taken >= gap:
            break
    return taken, queued


def _chapter(node, parent_of: dict):
    """The chapter that holds `node` (None outside any)."""
    while node in parent_of:
        node = parent_of[node]
        if CHAPTER in _classes(node):
            return node
    return None


def _release(node, parent_of: dict) -> None:
    """Take `node` out of its place; a lead-in kept with it is kept with it no longer (left under
    its heading, it would otherwise pull the heading on with what now follows)."""
    parent = parent_of[node]
    siblings = list(parent)
    at = siblings.index(node)
    if at and KEEP_WITH_NEXT in _classes(siblings[at - 1]):
        lead_in = siblings[at - 1]
        lead_in.set("class", " ".join(c for c in _classes(lead_in) if c != KEEP_WITH_NEXT))
    parent.remove(node)


def defer_floats(root, document) -> list[str]:
    """Move each float that left a gap after the text that follows it; returns what moved (the
    float's id, the number of blocks now set before it, and the floats that went on with it)."""
    layout = _Layout(document)
    parent_of = _parents(root)
    moved, chapters_moved = [], set()
    for number in range(len(layout.pages) - 1):
        floats = layout.opening_floats(number + 1)
        if layout.fill(number) >= FILL or not floats:
            continue
        top, height, bottom, *_ = layout.pages[number]
        unit = _unit(floats[0], parent_of)
        parent = parent_of.get(unit)
        chapter = _chapter(unit, parent_of)
        if parent is None or chapter in chapters_moved:
            continue  # a chapter's later pages move with its first move: laid out again first
        siblings = list(parent)
        start = siblings.index(unit)
        before = siblings[start - 1] if start else None
        group = [unit]
        if before is not None and INTRODUCES in _classes(before):
            group.insert(0, before)  # the sentence that introduces the float goes with it
            before = siblings[start - 2] if start > 1 else None
        blocks = _blocks_after(unit, parent_of)
        float_height = layout.height(group)
        taken, queued = _text_to_set_first(
            blocks, layout, top + height - bottom, height, float_height
        )
        if not taken or (
            before is not None and before.tag in HEADINGS and taken[0].tag in HEADINGS
        ):
            continue  # nothing to set first, or the float's section would be left a bare heading
        following = [node for part in queued for node in part]
        for node in group + following:
            _release(node, parent_of)
        host = parent_of[taken[-1]]
        at = list(host).index(taken[-1]) + 1
        for offset, node in enumerate(group + following):
            host.insert(at + offset, node)
            parent_of[node] = host
        chapters_moved.add(chapter)
        name = floats[0].get("id") or unit.get("id") or floats[0].tag
        moved.append(
            f"{name} after {len(taken)} blocks"
            + (f", with the {len(queued)} after it" if queued else "")
        )
    return moved
