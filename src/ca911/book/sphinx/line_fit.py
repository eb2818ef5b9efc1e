"""A line whose text fits but for the space it ends with: laid out whole, as any line breaker does.

WeasyPrint (70) fits a line of text by asking Pango for the first line of the text left over; when
the whole of that text fits on the line but for its trailing word space (a space before an inline
element: "… enlarges the area around <span>Bishkek</span>"), the width Pango measures counts that
space and is over the measure by a fraction of it, so WeasyPrint takes the line for one that cannot
be broken earlier and sets only its first word: "drawn" alone on a line of the map's caption, the
rest of the text on the next. A space at the end of a line hangs (CSS Text 3, 4.1.3): it takes no
room. This module wraps WeasyPrint's `split_first_line` so that such a text is laid out whole, as it
fits; every other line is broken as WeasyPrint breaks it. The check is `words_alone`
(tests/support/print_layout.py) on both editions' PDFs (tests/test_print_layout.py)."""

from __future__ import annotations

from math import inf

from weasyprint.layout import inline
from weasyprint.text import line_break

COLLAPSING = ("normal", "nowrap", "pre-line")
_wrapped = line_break.split_first_line


def split_first_line(
    text, style, context, max_width, justification_spacing, is_line_start=True, minimum=False
):
    """WeasyPrint's split_first_line, but a text that fits without its trailing spaces is set
    on one line."""
    result = _wrapped(
        text, style, context, max_width, justification_spacing, is_line_start, minimum
    )
    resume_index = result[2]
    stripped = text.rstrip(" ")
    if (
        resume_index is None
        or max_width is None
        or minimum
        or stripped == text
        or not stripped
        or style["white_space"] not in COLLAPSING
    ):
        return result
    bare = _wrapped(stripped, style, context, max_width, justification_spacing, is_line_start)
    if bare[2] is not None or bare[3] > max_width:
        return result
    # the text fits but for its hanging space: lay it out on one line of unbounded width
    return _wrapped(text, style, context, inf, justification_spacing, is_line_start)


def install() -> None:
    """Let WeasyPrint's inline layout break lines through `split_first_line` above."""
    inline.split_first_line = split_first_line
