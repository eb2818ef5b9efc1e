"""The words of the generated tables, in both editions: a Japanese table writes a year with its 年;
a note under a table names a column as its header does; the changes of the membership network
(Table 8.2) are dated at the precision the data have, not to a day the rule computes."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from test_generated_entries import soup_of

from support.project import EDITIONS, each_edition

pytestmark = pytest.mark.book


def tables_of(built) -> list[tuple[str, BeautifulSoup]]:
    """(page, table) of every table of the edition's pages."""
    out = []
    for page in built.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        out += [(page.relative_to(built.html).as_posix(), t) for t in soup.select("main table")]
    return out


def header_words(table) -> list[str]:
    return [th.get_text("", strip=True) for th in table.select("thead th")]


def column_cells(table) -> list[list[str]]:
    """The body's cells column by column, as a reader sees them."""
    rows = [
        [td.get_text("", strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")
    ]
    width = max((len(r) for r in rows), default=0)
    return [[r[i] for r in rows if i < len(r)] for i in range(width)]


BARE_YEAR = re.compile(r"(?:19|20)\d{2}(?:ごろ)?")


def bare_years(tables) -> list[tuple[str, str]]:
    """(page, cell) of every Japanese table cell that is a year without 年."""
    return [
        (page, cell)
        for page, table in tables
        for column in column_cells(table)
        for cell in column
        if BARE_YEAR.fullmatch(cell)
    ]


def test_a_japanese_table_writes_a_year_with_its_nen(built_book):
    tables = tables_of(EDITIONS["ja"])
    assert len(tables) > 30
    assert bare_years(tables) == [], bare_years(tables)[:5]
    # broken copy: Table 3.1's first date as it was, the year alone
    soup = BeautifulSoup(
        "<table><tbody><tr><td>1999</td><td>アメリカ</td></tr></tbody></table>", "html.parser"
    )
    assert bare_years([("broken", soup)])


# a column named in a note: 「終了」の欄, or the bare word before の欄 at the start of a clause
COLUMN_NAMED = re.compile(r"「([^」]+)」の?欄|(?:^|[、。\s])([^\s、。「」（）]+?)の欄")


def notes_naming_no_column(tables) -> list[tuple[str, str]]:
    """(page, column named) of every note under a table that names a column («「終了」の欄») by a
    word its header does not use."""
    found = []
    for page, table in tables:
        note = table.find_parent(["div", "table"]) or table
        following = note.find_next_sibling("p")
        if following is None:
            continue
        for quoted, bare in COLUMN_NAMED.findall(following.get_text("", strip=True)):
            if (quoted or bare) not in header_words(table):
                found.append((page, quoted or bare))
    return found


def test_a_note_names_a_column_as_its_header_does(built_book):
    tables = tables_of(EDITIONS["ja"])
    assert notes_naming_no_column(tables) == []
    # broken copy: Table 7.1's note as it was, naming 終わりの欄 over a column headed 終了
    page = "notebooks/chronology_1992_2004.html"
    soup = soup_of(EDITIONS["ja"], page)
    table = soup.select_one("main table")
    (table.find_parent("div") or table).insert_after(
        soup.new_tag("p", string="終わりの欄の – は、…")
    )
    assert notes_naming_no_column([(page, table)])


DAY = {"ja": re.compile(r"\d+日"), "en": re.compile(r"\b\d{1,2} [A-Z][a-z]+ \d{4}")}


def change_dates(built) -> list[str]:
    soup = soup_of(built, "notebooks/network_memberships.html")
    table = soup.find(id="tab-memberships-changes")
    table = table if table.name == "table" else table.find("table")
    return column_cells(table)[0]


@each_edition
def test_the_changes_of_the_membership_network_are_dated_as_the_data_date_them(built_book, built):
    """Table 8.2: the chapters date these memberships to a month or a year, so no change is dated
    to a day (the rule reads the end or the start of the month, and says so)."""
    shown = change_dates(built)
    assert len(shown) > 10
    assert [d for d in shown if DAY[built.lang].search(d)] == []
    # broken copy: the first change as it was, the last day of May 1992
    broken = {"ja": "1992年5月31日", "en": "31 May 1992"}[built.lang]
    assert DAY[built.lang].search(broken)


# A first column that orders the rows (a rank, a date) may be a number; any other table begins with
# what its row is about, so that on a phone, where the rest of the table scrolls sideways, the
# numbers are never shown without the row they belong to (Table 8.4 had its pairs last).
ORDERING_HEADS = re.compile(r"^(?:rank|#|no\.|date|year|順位|番号|日付|年)$", re.IGNORECASE)
FIGURES_ONLY = re.compile(r"^[\d,.\s–-]*$")


def tables_led_by_numbers(tables) -> list[str]:
    """(page: caption) of every table of three or more columns and two or more rows whose first
    column holds figures only and is not a rank or date."""
    found = []
    for page, table in tables:
        columns = column_cells(table)
        heads = header_words(table)
        if len(columns) < 3 or len(columns[0]) < 2:
            continue
        if heads and ORDERING_HEADS.match(heads[0]):
            continue
        if all(FIGURES_ONLY.match(cell) for cell in columns[0]):
            caption = table.find("caption")
            found.append(f"{page}: {caption.get_text(' ', strip=True)[:70] if caption else heads}")
    return found


def test_a_table_led_by_figures_is_found():
    table = BeautifulSoup(
        "<table><thead><tr><th>1992</th><th>1999</th><th>pairs</th></tr></thead><tbody>"
        "<tr><td>1</td><td>2</td><td>Kazakhstan–Russia</td></tr>"
        "<tr><td>0</td><td>1</td><td>Russia–Uzbekistan</td></tr></tbody></table>",
        "html.parser",
    )
    assert tables_led_by_numbers([("p.html", table)]) == ["p.html: ['1992', '1999', 'pairs']"]
    ranked = str(table).replace("<th>1992</th>", "<th>rank</th>")
    assert tables_led_by_numbers([("p.html", BeautifulSoup(ranked, "html.parser"))]) == []


@each_edition
def test_every_table_begins_with_what_its_rows_are_about(built_book, built):
    assert tables_led_by_numbers(tables_of(built)) == []
