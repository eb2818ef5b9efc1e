"""Every page of the Japanese HTML edition is Japanese and in our own words: no block of prose left
in English (outside code, identifiers, names, quoted titles and the reference list), no tooltip or
accessible name in English, and no run of 20 characters shared with either chapter outside the
declared quotations.
The checkers' self-tests on synthetic pages are in tests/support/test_japanese_pages.py."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from support import japanese_pages as checks
from support.project import HTML, ROOT, needs_sources

JA_HTML = HTML / "ja"
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def ja_pages(built_book) -> list[Path]:
    """The Japanese edition's content pages (the search and index pages hold no prose)."""
    if not (JA_HTML / "index.html").is_file():
        if "html/ja" in (ROOT / "ci" / "build-book.sh").read_text(encoding="utf-8"):
            pytest.fail(f"{JA_HTML} is not built: run `make book`")
        pytest.skip("this checkout's build makes no Japanese HTML edition (ci/build-book.sh)")
    pages = sorted(
        p
        for p in JA_HTML.rglob("*.html")
        if "_static" not in p.parts and p.name not in ("search.html", "genindex.html")
    )
    assert len(pages) >= 20
    return pages


@lru_cache(maxsize=1)
def chapters_text() -> str:
    from ca911.data.chapters import chapter_ids
    from ca911.sources.reader import read_chapter

    return "\n".join(read_chapter(chapter).text for chapter in chapter_ids())


def test_no_untranslated_prose(ja_pages):
    names = checks.latin_names(DATA)
    found = [
        f"{page.relative_to(JA_HTML)}: {text}"
        for page in ja_pages
        for text in checks.untranslated(page.read_text(encoding="utf-8"), names)
    ]
    assert found == [], f"{len(found)} blocks in English, for example:\n" + "\n".join(found[:15])


def test_every_code_cell_says_it_is_english(ja_pages):
    """The notebooks' code and comments are English in both editions (front/how_to_read.md): each
    cell on a Japanese page declares it, for screen readers and for the checks above."""
    found = {
        str(page.relative_to(JA_HTML)): n
        for page in ja_pages
        if (n := checks.undeclared_code_cells(page.read_text(encoding="utf-8")))
    }
    assert found == {}, f"code cells without lang on Japanese pages: {found}"


def test_no_citation_note_in_english(ja_pages):
    """A citation's notes (a section, a table, a page) are written in Japanese: 表1, not Table 1."""
    names = checks.latin_names(DATA)
    found = [
        f"{page.relative_to(JA_HTML)}: {text}"
        for page in ja_pages
        for text in checks.untranslated_citation_notes(page.read_text(encoding="utf-8"), names)
    ]
    assert found == [], f"{len(found)} citations with English notes:\n" + "\n".join(found[:15])


def test_no_english_tooltip_placeholder_or_accessible_name(ja_pages):
    """The theme's words a reader sees or hears (tooltips, the search box, landmarks' names) are
    Japanese on every page, the search page and the index included."""
    names = checks.latin_names(DATA)
    pages = [*ja_pages, JA_HTML / "search.html", JA_HTML / "genindex.html"]
    found = [
        f"{page.relative_to(JA_HTML)}: {label}"
        for page in pages
        if page.is_file()
        for label in checks.untranslated_labels(page.read_text(encoding="utf-8"), names)
    ]
    assert found == [], f"{len(found)} labels in English, for example:\n" + "\n".join(found[:15])


def test_every_counter_on_a_japanese_page_is_written_inside_its_qualifier(ja_pages):
    from bs4 import BeautifulSoup

    from support.figure_words import counters_after_qualifiers

    found = [
        f"{page.relative_to(JA_HTML)}: {text}"
        for page in ja_pages
        for text in counters_after_qualifiers(
            BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            .get_text("\n")
            .split("\n")
        )
    ]
    assert found == [], "\n".join(found[:15])


def test_the_japanese_pages_name_a_source_chapter_as_the_sources(ja_pages):
    found = [
        f"{page.relative_to(JA_HTML)}: {text}"
        for page in ja_pages
        for text in checks.bare_source_chapters(page.read_text(encoding="utf-8"))
    ]
    assert found == [], f"{len(found)} bare 第N章, for example:\n" + "\n".join(found[:15])


def test_every_entry_of_the_japanese_actor_index_reads_as_one(ja_pages):
    page = (JA_HTML / "appendices/actors.html").read_text(encoding="utf-8")
    assert page.count('id="idx-actor-') >= 100
    assert checks.index_entry_problems(page) == []


def test_the_japanese_pdf_sets_its_title_in_whole_words_and_its_version_in_japanese(built_book):
    """The cover and the title page of companion-ja.pdf: the title in two lines broken after its
    colon, never inside a word, and the version named as the title page names it."""
    import subprocess

    from ca911.book.editions import EDITIONS, cover_title_lines

    pdf = HTML.parent / "pdf" / EDITIONS["ja"].pdf_name
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "3", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = cover_title_lines(EDITIONS["ja"].title)
    assert len(title) == 2
    starts = [i for i, line in enumerate(lines) if line == title[0]]
    assert len(starts) == 2, lines[:12]  # the cover and the title page
    assert all(lines[i + 1] == title[1] for i in starts), lines[:12]
    # the English citation in the imprint names its version in English, as CITATION.cff does
    assert not [line for line in lines if line.startswith("Version")]


@pytest.mark.book
@pytest.mark.parametrize("path", ["ja/appendices/glossary.html", "ja/appendices/sentence_map.html"])
def test_the_japanese_glossary_and_sentence_map_keep_their_words_whole_on_a_phone(
    browser, site, path
):
    """On a 390 px phone no cell of Japanese text in these tables is squeezed to a character or
    two a line beside codes and Latin names (tests/support/screen_fit.py's check, self-tested in
    tests/support/test_screen_fit.py)."""
    from support import screen_fit

    found = screen_fit.of_kinds(
        screen_fit.visit_and_measure(browser, site, path, screen_fit.PHONE, phone=True),
        screen_fit.SQUEEZED_KINDS,
    )
    assert not found, screen_fit.report(path, found)


@pytest.mark.book
def test_no_english_or_slanted_japanese_on_screen_once_scripts_and_stylesheets_ran(
    browser, site, ja_pages
):
    """What a reader of a Japanese page sees on a phone after its scripts ran (the searchable
    table's words and headers) and what its stylesheets draw (a table's scroll cue): Japanese, on
    every page (the actor pages sampled), and upright (the theme sets captions in italic, which
    shears kana and kanji). tests/support/japanese_screen.py, self-tested in
    tests/support/test_japanese_screen.py."""
    from support import japanese_screen, screen_fit
    from support.project import sample_actor_pages

    names = checks.latin_names(DATA)
    paths = sample_actor_pages([p.relative_to(JA_HTML).as_posix() for p in ja_pages], JA_HTML)
    found = []
    for path in paths:
        context = browser.new_context(color_scheme="light", **screen_fit.PHONE)
        try:
            page = context.new_page()
            page.goto(f"{site}/ja/{path}", wait_until="load")
            page.wait_for_load_state("networkidle")
            state = japanese_screen.rendered(page)
        finally:
            context.close()
        on_screen = japanese_screen.untranslated_on_screen(state, names)
        found += [f"{path}: {text}" for text in on_screen]
        found += [f"{path}: {text}" for text in japanese_screen.slanted_japanese(state)]
    assert found == [], f"{len(found)} English or slanted texts:\n" + "\n".join(found[:20])


@needs_sources
def test_no_run_shared_with_the_chapters_outside_quotations(ja_pages):
    quotations = checks.declared_quotations(DATA)
    found = [
        f"{page.relative_to(JA_HTML)}: {run}"
        for page in ja_pages
        for run in checks.copied_runs(page.read_text(encoding="utf-8"), chapters_text(), quotations)
    ]
    assert found == [], f"{len(found)} runs copied, for example:\n" + "\n".join(found[:15])


@needs_sources
def test_the_copy_check_sees_a_chapter_sentence_planted_in_a_page():
    """On the real chapters and quotations: a page quoting a stretch of a chapter is caught, the
    same page with that stretch declared a quotation is not."""
    text = checks._normalised(chapters_text())
    stretch = text[1000:1030]
    planted = f'<article class="bd-article"><p>本書の要約：{stretch}。</p></article>'
    quotations = checks.declared_quotations(DATA)
    assert checks.copied_runs(planted, chapters_text(), quotations) != []
    assert checks.copied_runs(planted, chapters_text(), quotations | {stretch}) == []
