"""Spaces in the print edition's text that WeasyPrint would lose or break at: an ideographic space
between two inline elements, and the word space before a separator dot, where a line may break and
open the next line with the dot ("· ch3 §2 ¶13" at a line's start, in both editions)."""

from __future__ import annotations

import re

from ca911.book.sphinx.print_marks import SKIP

# a separator between two items of a line ("record · locator", "summary · actors · locator")
SEPARATOR = re.compile(r" ·(?= )")


def keep_ideographic_spaces(soup) -> None:
    """An ideographic space standing alone between two inline elements (a bold lead-in and the link
    that follows it: 「**問い**　[Gephi](…)」) is a text box WeasyPrint never draws: the line keeps
    its width but the PDF's text loses the space. Moved into the end of the element before it, the
    space is drawn and read as part of that element's text."""
    from bs4 import NavigableString, Tag

    for text in list(soup.find_all(string=re.compile(r"^\u3000+$"))):
        before = text.previous_sibling
        if type(text) is NavigableString and isinstance(before, Tag) and before.name not in SKIP:
            before.append(str(text))
            text.extract()


def glue_separators(soup) -> None:
    """The space before each separator dot made a no-break space: a line may break after the dot,
    never before it, so no line opens with it."""
    from bs4 import NavigableString

    for text in list(soup.find_all(string=SEPARATOR)):
        if type(text) is NavigableString and text.find_parent(list(SKIP)) is None:
            text.replace_with(SEPARATOR.sub("\u00a0·", str(text)))
