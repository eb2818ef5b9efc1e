"""The Japanese edition's pages as a reader reads them: no parenthesis stands inside another; a
quantity is written in the numbers module's one form (1,000人); a list in a table cell is set off
with 、 or ・, never 「；」; and no table cell is left in English. The checkers are tests/support/
japanese_edition_text.py (self-tested on broken pages in tests/support/
test_japanese_edition_text.py)."""

from __future__ import annotations

import pytest

from support import japanese_edition_text as checks
from support.japanese_pages import latin_names
from support.project import HTML, ROOT

JA_HTML = HTML / "ja"


@pytest.fixture(scope="module")
def ja_pages(built_book) -> dict[str, str]:
    pages = {
        str(p.relative_to(JA_HTML)): p.read_text(encoding="utf-8")
        for p in sorted(JA_HTML.rglob("*.html"))
        if "_static" not in p.parts and p.name not in ("search.html", "genindex.html")
    }
    assert len(pages) >= 20
    return pages


def found_on(pages: dict[str, str], check, *args) -> list[str]:
    return [f"{name}: {problem}" for name, html in pages.items() for problem in check(html, *args)]


def test_no_parenthesis_inside_another_on_a_japanese_page(ja_pages):
    """In the prose of every page translated through the catalogs. The appendices' generated
    lists still nest a name's own parentheses in a list's (（ウズベキスタン、国際通貨基金（IMF））,
    an actor's English name in the index): a later change."""
    prose = {name: html for name, html in ja_pages.items() if not name.startswith("appendices/")}
    found = found_on(prose, checks.nested_parentheses)
    assert found == [], f"{len(found)} nested parentheses:\n" + "\n".join(found[:15])


def test_every_quantity_on_a_japanese_page_is_in_the_numbers_modules_form(ja_pages):
    found = found_on(ja_pages, checks.quantities_in_another_form)
    assert found == [], f"{len(found)} quantities like 1000人:\n" + "\n".join(found[:15])


def test_no_japanese_table_cell_sets_off_a_list_with_semicolons(ja_pages):
    found = found_on(ja_pages, checks.semicolon_cells)
    assert found == [], f"{len(found)} cells with 「；」:\n" + "\n".join(found[:15])


def test_no_table_cell_left_in_english_on_a_japanese_page(ja_pages):
    found = found_on(ja_pages, checks.english_cells, latin_names(ROOT / "data"))
    assert found == [], f"{len(found)} English cells:\n" + "\n".join(found[:20])


def test_no_cross_reference_is_echoed_by_the_words_after_it(ja_pages):
    """A link names its section: 「{ref}の記録」, not 「{ref}にある日付のない事実の記録」 after a
    link titled 日付のない事実."""
    found = found_on(ja_pages, checks.echoed_references)
    assert found == [], f"{len(found)} echoed references:\n" + "\n".join(found[:15])
    broken = (
        '<article class="bd-article"><p>典拠箇所は<a class="reference internal" href="#f">'
        "日付のない事実</a>（p. 160）にある日付のない事実の記録へ導く。</p></article>"
    )
    assert checks.echoed_references(broken)
    assert not checks.echoed_references(broken.replace("にある日付のない事実", ""))
    # a second link with the same words in its title is no echo
    second = '、<a class="reference internal" href="#m">文対応表と日付のない事実</a>は両章の'
    fixed = broken.replace("（p. 160）にある日付のない事実の記録へ導く", "の記録へ" + second)
    assert not checks.echoed_references(fixed)


def test_the_checks_see_the_english_build_and_the_old_forms():
    """A copy of a Japanese page with the English edition's path, a nested parenthesis, 1000人,
    「；」 and an English cell planted in it: each check finds its fault."""
    broken = (
        '<html lang="ja"><body><article class="bd-article"><p>PDFは<code>_build/pdf/companion.pdf'
        "</code>、時期（カザフスタン（1991年から））、兵員1000人。</p><table><tr><td>甲；乙</td>"
        "<td>chapter's label</td></tr></table></article></body></html>"
    )
    assert checks.nested_parentheses(broken)
    assert checks.quantities_in_another_form(broken)
    assert checks.semicolon_cells(broken)
    assert checks.english_cells(broken)
