"""Code blocks in print (CITATION.cff, the commands to rebuild) keep their lines: a line longer than
the measure is broken by the build, not by the browser, and its continuation opens with a mark.

A wrapped line that the reader cannot tell from two lines changes what the code says (a YAML value
read as a new key, a command as two). Presses break such a line where a space allows, else at the
measure, and open the continuation with an arrow; the print stylesheet sets code blocks
`white-space: pre`, so no other break is ever made (a line the build did not break would run past
the text block, which tests/test_pdf.py catches).
"""

from __future__ import annotations

import unicodedata

# the continuation's mark (DejaVu Sans Mono has it) and the space after it
CONTINUATION = "\u21aa"
CONTINUATION_CLASS = "ca911-continued"
# a citation set as plain text (the volume's reference, a record's): lines of prose, not of code
PLAIN_TEXT_CITATION = ["ca911-citation", "highlight-text"]
# Characters a printed code line holds: the text block is 14.5 cm (411 pt) wide; a code block takes
# 7 pt of it (its rule and padding) and sets DejaVu Sans Mono at 8 pt, 0.602 em (4.82 pt) a
# character: 83 fit. Two are kept spare for the rounding of WeasyPrint's advances.
CODE_COLUMNS = 81


def _width(char: str) -> int:
    """Columns a character takes: a Japanese character (from the Japanese fallback) two."""
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


# Japanese marks a line may not open with, or close with (kinsoku): a break beside them moves on.
NO_LINE_START = "、。，．）」』】〕］・ー…々ぁぃぅぇぉっゃゅょァィゥェォッャュョ"
NO_LINE_END = "（「『【〔［"


def _breakable(line: str, at: int) -> bool:
    """Whether a line may break before `line[at]`: after a space, or beside a Japanese character
    (Japanese breaks between characters), never inside a run of Latin letters and digits such as
    a version (0.1.0), and not against the kinsoku marks."""
    before, after = line[at - 1], line[at]
    if before == " ":
        return True
    wide = _width(before) == 2 or _width(after) == 2
    return wide and after not in NO_LINE_START and before not in NO_LINE_END


def line_breaks(line: str, columns: int = CODE_COLUMNS) -> list[int]:
    """The offsets in `line` where it is broken to fit `columns`: at the last place a line may break
    (after a space, or beside a Japanese character) that leaves at least half the measure filled,
    else at the measure. Continuations carry the mark and its space, two columns."""
    breaks: list[int] = []
    start, width = 0, columns
    while True:
        used, end = 0, start
        while end < len(line) and used + _width(line[end]) <= width:
            used += _width(line[end])
            end += 1
        if end >= len(line):
            return breaks
        half = start + (end - start) // 2
        cut = next((at for at in range(end, half, -1) if _breakable(line, at)), end)
        breaks.append(cut)
        start, width = cut, columns - 2


def mark_code_continuations(soup, columns: int = CODE_COLUMNS) -> None:
    """Break every printed code block's long lines (div.highlight pre), inside the highlighter's
    spans, each continuation opened by the mark in a span of its own."""
    for pre in soup.select("div.highlight pre"):
        if pre.find_parent("div", class_=PLAIN_TEXT_CITATION) is not None:
            continue  # a citation line is prose: it wraps between words, as on screen
        text = pre.get_text()
        breaks, offset = [], 0
        for line in text.split("\n"):
            breaks += [offset + cut for cut in line_breaks(line, columns)]
            offset += len(line) + 1
        if not breaks:
            continue
        pending, position = list(breaks), 0
        for string in list(pre.find_all(string=True)):
            start, end = position, position + len(string)
            position = end
            cuts = [b - start for b in pending if start <= b < end and b > 0]
            if not cuts:
                continue
            pending = [b for b in pending if b >= end]
            value, pieces, last = str(string), [], 0
            for cut in cuts:
                pieces.append(value[last:cut])
                last = cut
            pieces.append(value[last:])
            replacement = [soup.new_string(pieces[0])]
            for piece in pieces[1:]:
                mark = soup.new_tag("span", attrs={"class": CONTINUATION_CLASS})
                mark.string = CONTINUATION + " "
                replacement += [soup.new_string("\n"), mark, soup.new_string(piece)]
            string.replace_with(*replacement)
