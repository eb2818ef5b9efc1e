"""Ids and field names inside prose set as code: a data text or codebook description that names a
field or a code as stored (`time_basis`, `text_ja`, `none_stated`) shows it in monospace, as every
page shows an identifier, never as a word of the sentence."""

from __future__ import annotations

import re

from ca911.book.myst import Markup, myst_code, myst_text

# an identifier as the data store it: lower-case words joined by underscores, not part of a path,
# a record reference or a longer Latin word (Japanese set against it, with no space, is no part of
# it: 日本語はnote_ja)
STORED_ID = re.compile(r"(?<![A-Za-z0-9_./:\\-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_/:-])")
CODE_SPAN = re.compile(r"(`+).*?\1")


def text_with_ids_as_code(value) -> Markup:
    """Data text as literal MyST (`myst_text`) with each stored id in it as a code span."""
    text, out, at = str(value), [], 0
    for m in STORED_ID.finditer(text):
        out += [myst_text(text[at : m.start()]), myst_code(m.group())]
        at = m.end()
    return Markup("".join(out) + myst_text(text[at:]))


def markup_with_ids_as_code(markup: str) -> Markup:
    """Our own MyST (a codebook description) with each stored id outside its code spans as one."""
    out, at = [], 0
    for span in CODE_SPAN.finditer(markup):
        out += [
            STORED_ID.sub(lambda m: myst_code(m.group()), markup[at : span.start()]),
            span.group(),
        ]
        at = span.end()
    out.append(STORED_ID.sub(lambda m: myst_code(m.group()), markup[at:]))
    return Markup("".join(out))
