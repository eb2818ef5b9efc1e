"""A table read one row at a time (chapter 4's Table 1: a dimension, then each country's cell; the
list of the events behind its cells: a number, then the event and the cells it stands behind; the
chapter's periods of Kazakh and Uzbek foreign policy: a state's period, its dates and labels) laid
out for a phone as one block per row, each cell under the name of its column, instead of a table
that scrolls sideways: each table named in STACKED_TABLES gets the class STACKED_CLASS and every
body cell its column's head as `data-label`, which ca911-screen.css writes above the cell on a
narrow screen (the wide layout ignores both)."""

from __future__ import annotations

import html
import re

from sphinx.application import Sphinx

STACKED_CLASS = "ca911-stacked"
# The tables so laid out, by their names (analysis_tables.table1_markdown, table1_evidence; the
# periods in notebooks/chronology_1992_2004.md): chapter 4's Table 1 as printed and in translation,
# the events behind its cells, and chapter 4's periods
STACKED_TABLES = (
    "tab-table1-ja",
    "tab-table1-en",
    "tab-table1-evidence",
    "tab-long-periods",
    # the places the map draws (a name in Latin letters, a gazetteer's entry: too wide for a
    # column of a phone), the memberships no date can draw, the contact events of autumn 2001
    "tab-presence-map-places",
    "tab-memberships-unshown",
    "tab-contact-events",
    "tab-data-coverage",
)
# and tables named by their data (the discrepancy register's groups, "tab-discrepancy-notes-d10"):
# ids and locators in a column a phone squeezes to a few characters a line
# the glossary's, the codebook's and the sentence map's tables likewise (names, codes, locators and
# record ids: a phone squeezed the sentence map's records to 90 px)
STACKED_FAMILIES = ("tab-discrepancy-notes-", "tab-glossary-", "tab-codebook-", "tab-sentences-")


def is_stacked(name: str) -> bool:
    return name in STACKED_TABLES or name.startswith(STACKED_FAMILIES)


_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_HEAD = re.compile(r"<thead>.*?</thead>", re.S)
_HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_BODY = re.compile(r"<tbody>.*?</tbody>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_BODY_CELL = re.compile(r"<t([dh])\b")
_TAG = re.compile(r"<[^>]+>")


def _stacked(table: str) -> str | None:
    """The table with its class STACKED_CLASS, if it is one of STACKED_TABLES; else None."""
    opening = table[: table.index(">")]
    name = re.search(r'\bid="([^"]*)"', opening)
    if not (name and is_stacked(name.group(1))):
        return None
    if re.search(r'\bclass="', opening):
        return re.sub(r'\bclass="', f'class="{STACKED_CLASS} ', table, count=1)
    return table.replace("<table", f'<table class="{STACKED_CLASS}"', 1)


def _label_row(row: str, heads: list[str]) -> str:
    cells = iter(heads)

    def labelled(match: re.Match) -> str:
        head = next(cells, "")
        return f'{match.group(0)} data-label="{html.escape(head)}"' if head else match.group(0)

    return _BODY_CELL.sub(labelled, row)


def label_cells(table: str) -> str:
    """The table with each body cell labelled by the text of its column's head (a cell under an
    empty head, the row's name, is left without a label)."""
    head = _HEAD.search(table)
    body = _BODY.search(table)
    if not (head and body):
        return table
    heads = [
        " ".join(html.unescape(_TAG.sub("", cell)).split()) for cell in _HEAD_CELL.findall(head[0])
    ]
    labelled = _ROW.sub(lambda row: _label_row(row.group(0), heads), body.group(0))
    return table[: body.start()] + labelled + table[body.end() :]


def stack_tables(body: str) -> str:
    """The page's body with each of STACKED_TABLES classed and its cells labelled."""

    def stacked(match: re.Match) -> str:
        table = _stacked(match.group(0))
        return match.group(0) if table is None else label_cells(table)

    return _TABLE.sub(stacked, body)


def stacked_tables(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = context.get("body")
    names = (*STACKED_TABLES, *STACKED_FAMILIES)
    if isinstance(body, str) and any(f'id="{name}' in body for name in names):
        context["body"] = stack_tables(body)
