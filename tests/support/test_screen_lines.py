"""The line-break checks (tests/support/screen_lines.py) find a wrapped contents entry that hangs
under its number and a header that breaks a katakana word, and pass the same pages laid out as
the book lays them out."""

from __future__ import annotations

import pytest

from support import screen_lines

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
