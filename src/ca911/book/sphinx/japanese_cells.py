"""Japanese table cells on screen break between phrases, never inside a word. The stylesheet asks
Chromium for its own phrase breaking (word-break: auto-phrase, ca911-screen.css), whose model still
splits some names (「マナス空軍基地、マ|ナス空港」 in a narrow glossary column on a phone), and a
browser without it breaks Japanese between any two characters. So each short phrase (文節) of a
Japanese edition's table cell is set in a span that never breaks, as the print edition does for
its table heads (print_marks_ja.mark_japanese_phrases): a narrow column keeps its phrases whole and
grows to the longest of them (or the table scrolls, with its cue) instead."""

from __future__ import annotations

import re

from sphinx.application import Sphinx

from ca911.book.records import edition_of

# characters: a longer phrase may still break (a phone's Japanese cell keeps room for six or more)
LONGEST_CELL_PHRASE = 6
CELLS = "td, th"
_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def phrase_table(table: str) -> str:
    """The table with each Japanese phrase of its cells in a span (.ca911-phrase)."""
    from bs4 import BeautifulSoup

    from ca911.book.sphinx.print_marks_ja import mark_japanese_phrases

    soup = BeautifulSoup(table, "html.parser")
    mark_japanese_phrases(soup, CELLS, LONGEST_CELL_PHRASE)
    return str(soup)


def japanese_cell_phrases(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    body = context.get("body")
    if edition_of(app.config.language) != "ja" or not isinstance(body, str) or "<table" not in body:
        return
    context["body"] = _TABLE.sub(
        lambda t: phrase_table(t.group(0)) if _JAPANESE.search(t.group(0)) else t.group(0), body
    )
