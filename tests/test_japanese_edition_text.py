"""The Japanese edition's pages as a reader reads them: no parenthesis stands inside another; a
quantity is written in the numbers module's one form (1,000人); a list in a table cell is set off
with 、 or ・, never 「；」; and no table cell is left in English. The checkers are tests/support/
japanese_edition_text.py (self-tested on broken pages in tests/support/
test_japanese_edition_text.py)."""

from __future__ import annotations

import pytest

from ca911.book.editions import edition
from support import japanese_edition_text as checks
from support.japanese_pages import latin_names
from support.project import EDITIONS, HTML, ROOT, edition_html_files

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


def test_no_half_width_bracket_in_japanese_text(ja_pages):
    """What the book adds from outside the chapters is marked ［ ］ on a Japanese page (the about
    page's ［State Duma］, an actor's ［Sergei］ Ivanov), as the Japanese names already were
    (バルト諸国［エストニア］): never the English edition's [ ]."""
    printed = checks.printed_with_brackets(ROOT / "data")
    assert printed, "the chapters' own bracketed name (アバイ（Abai [Ibragim] Kunanbaev）) is gone"
    found = found_on(ja_pages, checks.half_width_brackets, printed)
    assert found == [], f"{len(found)} half-width brackets:\n" + "\n".join(found[:20])


BUILT_KINDS = ("html", "pdf", "archival")


@pytest.mark.parametrize("lang, other", [("ja", "en"), ("en", "ja")])
def test_a_page_names_its_own_editions_built_files(built_book, lang, other):
    """The re-running page (and any other) tells the Japanese reader that the Japanese edition is
    written to _build/html/ja/index.html and _build/pdf/companion-ja.pdf, the English reader the
    English files: never the other edition's."""
    html = EDITIONS[lang].html
    theirs = [edition(other).built_file(kind) for kind in BUILT_KINDS]
    ours = [edition(lang).built_file(kind) for kind in BUILT_KINDS]
    pages = {
        str(p.relative_to(html)): p.read_text(encoding="utf-8")
        for p in edition_html_files(html)
        if "_static" not in p.parts
    }
    named = [page for page, text in pages.items() if all(f in text for f in ours)]
    assert named, f"no {lang} page names all of {ours}"
    found = found_on(pages, checks.other_edition_files, theirs)
    assert found == [], "\n".join(found)


def test_the_checks_see_the_english_build_and_the_old_forms():
    """A copy of a Japanese page with the English edition's path, a nested parenthesis, 1000人,
    「；」 and an English cell planted in it: each check finds its fault."""
    broken = (
        '<html lang="ja"><body><article class="bd-article"><p>PDFは<code>_build/pdf/companion.pdf'
        "</code>、時期（カザフスタン（1991年から））、兵員1000人。</p><table><tr><td>甲；乙</td>"
        "<td>chapter's label</td></tr></table><p>ロシア下院（[State Duma]）、[1]</p></article>"
        "</body></html>"
    )
    assert checks.other_edition_files(broken, [edition("en").built_file("pdf")])
    assert not checks.other_edition_files(broken, [edition("ja").built_file("pdf")])
    brackets = checks.half_width_brackets(broken)
    assert len(brackets) == 1 and "ロシア下院（[State Duma]）" in brackets[0], brackets
    assert checks.half_width_brackets(broken.replace("[State Duma]", "［State Duma］")) == []
    assert checks.nested_parentheses(broken)
    assert checks.quantities_in_another_form(broken)
    assert checks.semicolon_cells(broken)
    assert checks.english_cells(broken)
