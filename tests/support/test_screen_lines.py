"""The line-break checks (tests/support/screen_lines.py) find a wrapped contents entry that hangs
under its number and a header that breaks a katakana word, and pass the same pages laid out as
the book lays them out."""

from __future__ import annotations

import pytest

from support import screen_lines
from support.project import ROOT

pytestmark = pytest.mark.book  # needs Chromium, as the browser tests do

TOC = """<!doctype html><html lang="ja"><head><style>
nav {{ width: 12em; font: 16px sans-serif; }} {css}</style></head><body><nav class="bd-links"><ul>
<li class="toctree-l1"><a class="reference internal" href="#">{number}バンドワゴン型か勢力均衡型か：
カザフスタンとウズベキスタンの立場</a></li>
<li class="toctree-l1"><a class="reference internal" href="#">{number2}短い題</a></li>
</ul></nav></body></html>"""
HANGING = """nav li > a:has(> .ca911-toc-number) { display: flex; }
.ca911-toc-number { flex: 0 0 2em; }"""


def test_an_entry_wrapping_under_its_number_is_found(page):
    page.set_content(TOC.format(css="", number="11. ", number2="1. "))
    found = screen_lines.toc_entries_hanging_under_their_number(page)
    assert len(found) == 1 and found[0].startswith("11. バンドワゴン型"), found


def test_an_entry_hanging_under_its_title_passes(page):
    number = '<span class="ca911-toc-number">11. </span>'
    page.set_content(
        TOC.format(css=HANGING, number=number, number2='<span class="ca911-toc-number">1. </span>')
    )
    assert screen_lines.toc_entries_hanging_under_their_number(page) == []


HEADER = """<!doctype html><html lang="ja"><head><style>
th {{ width: 7em; max-width: 7em; min-width: 7em; font: 16px sans-serif;
     word-break: {word_break}; }}
</style></head><body><table><thead><tr><th>文</th><th>はたらき · モダリティ</th></tr></thead>
<tbody><tr><td>1</td><td>2</td></tr></tbody></table></body></html>"""


def test_a_header_breaking_a_katakana_word_is_found(page):
    """7 em hold 「はたらき · モダ」: Japanese breaking anywhere splits モダリティ."""
    page.set_content(HEADER.format(word_break="normal"))
    found = screen_lines.katakana_words_broken_in_headers(page)
    assert found and all("｜" in f for f in found), found


def test_a_header_breaking_between_phrases_passes(page):
    page.set_content(HEADER.format(word_break="auto-phrase"))
    assert screen_lines.katakana_words_broken_in_headers(page) == []


CELL = """<!doctype html><html lang="ja"><head><style>
td {{ width: 7em; max-width: 7em; min-width: 7em; font: 16px sans-serif;
     word-break: {word_break}; }}
</style></head><body><article><table><thead><tr><th>語</th><th>意味</th></tr></thead>
<tbody><tr><td>CIS</td><td>はたらき · モダリティ</td></tr></tbody></table></article>
</body></html>"""


def test_a_body_cell_breaking_a_katakana_word_is_found(page):
    page.set_content(CELL.format(word_break="normal"))
    found = screen_lines.katakana_words_broken_in_cells(page)
    assert found and all("｜" in f for f in found), found


def test_a_body_cell_breaking_between_phrases_passes(page):
    page.set_content(CELL.format(word_break="auto-phrase"))
    assert screen_lines.katakana_words_broken_in_cells(page) == []


SCREEN_CSS = ROOT / "src/ca911/book/sphinx/static/screen"
# three columns each needing 10 em (as a Japanese table's cells keep room for a word): wider than
# a 390 px phone as a table
STACKED = """<!doctype html><html lang="ja"><head>
<meta name="viewport" content="width=device-width">
<style>body { margin: 0; font: 16px sans-serif; } td, th { min-width: 10em; } {css}</style></head>
<body><article class="bd-article">
<div class="pst-scrollable-table-container" style="overflow-x: auto">
<table class="table ca911-stacked" id="tab-t"><caption>表１</caption>
<thead><tr><th></th><th>カザフスタン</th><th>ウズベキスタン</th></tr></thead>
<tbody><tr><td><strong>政府の立場</strong></td><td data-label="カザフスタン">消極的中立</td>
<td data-label="ウズベキスタン">積極的支持、有志連合に参加</td></tr></tbody></table></div></article>
</body></html>"""


def test_a_table_row_scrolling_sideways_on_a_phone_is_found(page):
    page.set_viewport_size({"width": 390, "height": 800})
    page.set_content(STACKED.replace("{css}", ""))
    found = screen_lines.rows_scrolling_sideways(page, "table.ca911-stacked")
    assert any("wide in a box" in f for f in found) and any("shows none" in f for f in found)


def test_the_books_stacked_rows_fit_a_phone(page):
    page.set_viewport_size({"width": 390, "height": 800})
    css = (SCREEN_CSS / "ca911-screen.css").read_text(encoding="utf-8")
    page.set_content(STACKED.replace("{css}", css))
    assert screen_lines.rows_scrolling_sideways(page, "table.ca911-stacked") == []


SWITCH = """<!doctype html><html lang="en"><head><style>body {{ font: 16px sans-serif; }}
{css}</style></head><body><div class="header-article-items"><div class="header-article-items__end">
<a class="btn btn-sm ca911-edition-switch" href="ja/index.html" lang="ja">日本語版</a>
</div></div></body></html>"""
SMALL_SWITCH = (
    ".btn.ca911-edition-switch { font-size: 0.8rem; padding: 0 0.25rem; line-height: 1; }"
)


def test_a_small_edition_switch_is_found(page):
    page.set_content(SWITCH.format(css=SMALL_SWITCH))
    found = screen_lines.small_edition_switches(page)
    assert len(found) == 1 and "日本語版" in found[0], found


def test_the_books_edition_switch_is_a_target(page):
    css = (SCREEN_CSS / "ca911-editions.css").read_text(encoding="utf-8")
    page.set_content(SWITCH.format(css=SMALL_SWITCH + css))
    assert screen_lines.small_edition_switches(page) == []


def test_a_heading_broken_inside_a_word_is_found():
    """Offsets where a line starts: at a Japanese phrase boundary or after a space or hyphen it
    passes; inside 駐留 or inside an English word it is found."""
    title = "9. どの国の部隊がどこにいたか：軍事的プレゼンスのネットワーク"
    whole = [(title, [title.index("部隊"), title.index("軍事")]), ("Re-running the book", [15])]
    assert screen_lines.words_broken_in_headings(whole) == []
    broken = [(title, [title.index("事的")]), ("Re-running the book", [5])]
    found = screen_lines.words_broken_in_headings(broken)
    assert found == [
        "9. どの国の部隊がどこにいたか：軍｜事的プレゼンスのネットワーク",
        "Re-ru｜nning the book",
    ], found
