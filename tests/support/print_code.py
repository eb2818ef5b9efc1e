"""Code lines in a printed PDF, compared with the code they print: a line the layout broke must say
so (its continuation opens with the build's mark, ca911.book.sphinx.print_code); a code line wrapped
silently reads as two lines of code.

A code line here is a line of a code block: set wholly in the monospaced face, with the block's rule
at its left (a drawing whose left edge stands just left of the line and that reaches above and below
it; code in a table cell or in prose has none). Its text (pdfium's characters, spaces left out) is
either a whole source line, the opening of a line whose next printed line opens with the mark, or a
continuation (it opens with the mark).
"""

from __future__ import annotations

import re

from support import print_layout as layout


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def ruled(page: layout.Page, line: layout.Line, reach: float = 12.0) -> bool:
    """Whether a drawing's left edge stands at most `reach` pt left of the line, and the drawing
    reaches above and below it (a table's horizontal rules do not)."""
    left = min(c.left for c in line.chars)
    return any(
        left - reach <= rule_left < left and bottom < line.bottom and top > line.top
        for rule_left, bottom, _right, top in page.graphics
    )


def code_lines(pages: list[layout.Page]) -> list[tuple[int, str]]:
    """(page, text) of every line of a code block, in reading order."""
    found = []
    for page in pages:
        for line in page.lines:
            if line.chars and all(c.mono for c in line.chars) and ruled(page, line):
                found.append((page.number, line.text))
    return found


def silent_wraps(
    pages: list[layout.Page], source_lines: set[str], mark: str, prose_lines: set[str] = frozenset()
) -> list[tuple[int, str]]:
    """(page, text) of every printed code line that is neither a whole source line nor marked as
    broken: it does not open with `mark` and the next code line does not either. A line of a
    block set as prose (`prose_lines`: a citation line, which wraps between words) may be any
    piece of one."""
    whole = {squash(line) for line in source_lines if squash(line)}
    prose = [squash(line) for line in prose_lines if squash(line)]
    lines = code_lines(pages)
    found = []
    for k, (page, text) in enumerate(lines):
        if text.startswith(mark) or squash(text) in whole:
            continue
        if squash(text) and any(squash(text) in line for line in prose):
            continue
        following = lines[k + 1][1] if k + 1 < len(lines) else ""
        if not following.startswith(mark):
            found.append((page, text[:60]))
    return found
