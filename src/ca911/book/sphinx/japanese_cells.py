"""Japanese table cells on screen break between phrases, never inside a word. The stylesheet asks
Chromium for its own phrase breaking (word-break: auto-phrase, ca911-screen.css), whose model still
splits some names (「マナス空軍基地、マ|ナス空港」 in a narrow glossary column on a phone), and a
browser without it breaks Japanese between any two characters. So each short phrase (文節) of a
Japanese edition's table cell is set in a span that never breaks, as the print edition does for
its table heads (print_marks_ja.mark_japanese_phrases): a narrow column keeps its phrases whole and
grows to the longest of them (or the table scrolls, with its cue) instead.

The Japanese text of a heading (h1 to h3, in both editions: an English actor page's title carries
the Japanese name) is marked the same way, with a longer phrase kept whole: on a phone a page title
broke inside its kanji compounds (「軍事駐|留」), which the heading's phrase breaking (word-break:
auto-phrase) alone does not prevent in every browser."""

from __future__ import annotations

import re

from sphinx.application import Sphinx

from ca911.book.records import edition_of

# characters: a longer phrase may still break (a phone's Japanese cell keeps room for six or more)
LONGEST_CELL_PHRASE = 6
CELLS = "td, th"
_TABLE = re.compile(r"<table\b.*?</table>", re.S)
# a heading's line on a phone holds twelve or more Japanese characters: a phrase up to ten stays
# whole (中央アジアにおける), a longer one may break
LONGEST_HEADING_PHRASE = 10
HEADINGS = "h1, h2, h3"
_HEADING = re.compile(r"<h[1-3]\b.*?</h[1-3]>", re.S)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def phrase_table(table: str) -> str:
    """The table with each Japanese phrase of its cells in a span (.ca911-phrase)."""
    from bs4 import BeautifulSoup

    from ca911.book.sphinx.print_marks_ja import mark_japanese_phrases

    soup = BeautifulSoup(table, "html.parser")
    mark_japanese_phrases(soup, CELLS, LONGEST_CELL_PHRASE)
    return str(soup)


def phrase_heading(heading: str) -> str:
    """The heading with each Japanese phrase in a span (.ca911-phrase)."""
    from bs4 import BeautifulSoup

    from ca911.book.sphinx.print_marks_ja import mark_japanese_phrases

    soup = BeautifulSoup(heading, "html.parser")
    mark_japanese_phrases(soup, HEADINGS, LONGEST_HEADING_PHRASE)
    return str(soup)


def japanese_cell_phrases(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    body = context.get("body")
    if not isinstance(body, str):
        return
    if edition_of(app.config.language) == "ja":
        body = _TABLE.sub(
            lambda t: phrase_table(t.group(0)) if _JAPANESE.search(t.group(0)) else t.group(0), body
        )
    # both editions: an English actor page's title carries the Japanese name too
    context["body"] = _HEADING.sub(
        lambda h: phrase_heading(h.group(0)) if _JAPANESE.search(h.group(0)) else h.group(0), body
    )
