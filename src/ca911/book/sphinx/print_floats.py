"""A figure or table too tall for the space left on its page, and the text after it set first.

WeasyPrint has no page floats: a figure or table that does not fit in what is left of a page moves
whole to the next page and leaves the rest of the page empty (a third or a half of a page, where a
press sets the text that follows and puts the figure at the top of the next page). After the book
is laid out once, this module finds every page left under `FILL` of its text block because the next
page opens with a figure or a table, and moves that float (with the sentence that introduces it)
after the paragraphs that follow it, as many as the gap holds and at least one, within its section;
the book is then laid out again. References to the float keep working (they name its number and
find its page at layout). The check is `gaps_before_floats` (tests/support/print_layout.py) on both
editions' PDFs."""

from __future__ import annotations

from weasyprint.formatting_structure import boxes

FILL = 0.6  # a page filled less than this before a float that moved on is a gap
FLOAT_TAGS = ("figure", "table")
# blocks that may be set before a float: running text, which breaks across pages
MOVABLE_TAGS = ("p", "ul", "ol", "dl", "blockquote")
INTRODUCES = "ca911-introduces"  # a sentence kept with the float it introduces (print_marks)
DRIFT = 1.2  # a float moves past at most this much of a page
OPENS_PT = 24  # a float this near the top of its page, before any text, opens the page


def _walk(box):
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _walk(child)


def _classes(element) -> list[str]:
    return (element.get("class") or "").split()


class _Layout:
    """Where the first layout put each element: its pages and heights, and each page's fill."""

    def __init__(self, document):
        self.pages = []  # (top, height, bottom of the text, first block's top, blocks)
        self.height_of: dict[int, float] = {}  # by id of element, summed over its pages
        for page in document.pages:
            page_box = page._page_box
            top, height = page_box.content_box_y(), page_box.height
            lines, blocks = [], []  # one walk of the page's boxes: its text lines and its blocks
            for b in _walk(page_box):
                text = isinstance(b, (boxes.LineBox, boxes.ReplacedBox))
                if text and top - 1 <= b.position_y < top + height:
                    lines.append(b)
                element = getattr(b, "element", None)
                if element is None or not isinstance(b, boxes.BlockLevelBox):
                    continue
                if isinstance(b, boxes.BlockBox):  # a table's too: its wrapper is a block box
                    key = id(element)
                    self.height_of[key] = self.height_of.get(key, 0.0) + b.margin_height()
                blocks.append((b.position_y, element))
            bottom = max((b.position_y + b.margin_height() for b in lines), default=top)
            first = min((b.position_y for b in lines), default=None)
            self.pages.append((top, height, bottom, first, blocks))

    def fill(self, number: int) -> float:
        top, height, bottom, *_ = self.pages[number]
        return (bottom - top) / height

    def opening_floats(self, number: int):
        """The figure or table elements whose box opens the page."""
        top, _, _, first, blocks = self.pages[number]
        if first is None:
            return []
        return [
            element
            for y, element in blocks
            if element.tag in FLOAT_TAGS and y <= first + 1 and y <= top + OPENS_PT
        ]


def _movable(node) -> bool:
    """Running text, a sentence introducing a table, or a table set in the text's direction (a
    table turned on its page takes a page of its own and fills no gap)."""
    if node.tag in MOVABLE_TAGS:
        return True
    tables = [t for t in node.iter() if t.tag == "table"]
    figures = [f for f in node.iter() if f.tag in ("figure", "img", "svg")]
    turned = any("ca911-landscape" in _classes(n) for n in node.iter())
    return "cell" in _classes(node) and len(tables) == 1 and not figures and not turned


def _chunks(nodes):
    """The siblings after a float in the groups they move in: a sentence that introduces the next
    block goes with it."""
    chunk = []
    for node in nodes:
        chunk.append(node)
        if INTRODUCES not in _classes(node):
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


def _text_to_set_first(siblings: list, layout: _Layout, gap: float, page_height: float) -> list:
    """The blocks after a float to set before it: enough to fill `gap`, at least one, never past a
    heading or a figure, and never more than DRIFT of a page."""
    taken, height_taken = [], 0.0
    for chunk in _chunks(siblings):
        if not all(_movable(node) for node in chunk):
            break
        h = sum(layout.height_of.get(id(node), 0.0) for node in chunk)
        if taken and height_taken + h > DRIFT * page_height:
            break
        taken.extend(chunk)
        height_taken += h
        if height_taken >= gap:
            break
    return taken


def defer_floats(root, document) -> list[str]:
    """Move each float that left a gap after the text that follows it; returns what moved (the
    float's id and the number of blocks now set before it)."""
    layout = _Layout(document)
    parent_of = _parents(root)
    moved = []
    for number in range(len(layout.pages) - 1):
        floats = layout.opening_floats(number + 1)
        if layout.fill(number) >= FILL or not floats:
            continue
        top, height, bottom, *_ = layout.pages[number]
        unit = _unit(floats[0], parent_of)
        parent = parent_of.get(unit)
        if parent is None:
            continue
        siblings = list(parent)
        start = siblings.index(unit)
        before = siblings[start - 1] if start else None
        group = [unit]
        if before is not None and INTRODUCES in _classes(before):
            group.insert(0, before)  # the sentence that introduces the float goes with it
        taken = _text_to_set_first(siblings[start + 1 :], layout, top + height - bottom, height)
        if not taken:
            continue
        for node in group:
            parent.remove(node)
        at = list(parent).index(taken[-1]) + 1
        for offset, node in enumerate(group):
            parent.insert(at + offset, node)
        name = floats[0].get("id") or unit.get("id") or floats[0].tag
        moved.append(f"{name} after {len(taken)} blocks")
    return moved
