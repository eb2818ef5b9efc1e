"""How the book's text wraps on screen, at 1280 px and on a 390 px phone, in both editions: a
numbered contents entry too long for a line hangs under its title, not its number (the sidebar,
open in its drawer on a phone); a Japanese table header breaks between phrases, never inside a
katakana word, and so does a Japanese body cell on a phone; chapter 4's Table 1 (and the other
tables read a row at a time) reads a block per row on a phone, with no sideways scroll; the link
to the other edition is a control of tappable size and readable text. The checks:
tests/support/screen_lines.py, self-tested in tests/support/test_screen_lines.py."""

from __future__ import annotations

import pytest

from support import screen_fit, screen_lines
from support.project import EDITIONS, sample_actor_pages, site_pages

pytestmark = pytest.mark.book

SIZES = {"1280": (screen_fit.DESKTOP, False), "390": (screen_fit.PHONE, True)}


def _open(browser, site, path, size):
    device, phone = SIZES[size]
    context = browser.new_context(color_scheme="light", **device)
    page = context.new_page()
    page.goto(f"{site}/{path}", wait_until="load")
    page.wait_for_load_state("networkidle")
    if phone:  # the sidebar is a drawer the header's button opens
        page.locator("button.primary-toggle").first.click()
        page.locator("nav.bd-links").first.wait_for(state="visible")
    return context, page


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", ["ja/notebooks/network_alignment.html", "index.html"])
def test_a_wrapped_contents_entry_hangs_under_its_title(browser, site, path, size):
    context, page = _open(browser, site, path, size)
    try:
        entries = page.locator("nav.bd-links li > a.reference").count()
        found = screen_lines.toc_entries_hanging_under_their_number(page)
    finally:
        context.close()
    assert entries >= 17
    assert found == [], f"{path} at {size} px:\n" + "\n".join(found)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "path",
    ["ja/appendices/sentence_map.html", "ja/appendices/glossary.html", "ja/methods/codebook.html"],
)
def test_japanese_table_headers_break_between_phrases(browser, site, path, size):
    device, _ = SIZES[size]
    context = browser.new_context(color_scheme="light", **device)
    try:
        page = context.new_page()
        page.goto(f"{site}/{path}", wait_until="load")
        page.wait_for_load_state("networkidle")
        headers = page.locator("article th").count()
        found = screen_lines.katakana_words_broken_in_headers(page)
    finally:
        context.close()
    assert headers > 0
    assert found == [], f"{path} at {size} px:\n" + "\n".join(found)


def _visit(browser, site, path, size):
    device, _ = SIZES[size]
    context = browser.new_context(color_scheme="light", **device)
    page = context.new_page()
    page.goto(f"{site}/{path}", wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page


def japanese_table_pages() -> list[str]:
    """Every page of the Japanese edition with a table in its article (actor pages sampled)."""
    ja = EDITIONS["ja"]
    if not ja.html.is_dir():
        return []
    pages = screen_fit.book_pages(ja.html, lambda found: sample_actor_pages(found, ja.html))
    return [
        f"ja/{path}"
        for path in pages
        if "<table" in (ja.html / path).read_text(encoding="utf-8").split("bd-article", 1)[-1]
    ]


@pytest.mark.parametrize("path", japanese_table_pages() or ["ja/appendices/glossary.html"])
def test_japanese_table_cells_break_between_phrases_on_a_phone(browser, site, path):
    context, page = _visit(browser, site, path, "390")
    try:
        cells = page.locator("article td").count()
        found = screen_lines.katakana_words_broken_in_cells(page)
    finally:
        context.close()
    assert cells > 0
    assert found == [], f"{path} at 390 px:\n" + "\n".join(found)


TABLE_1_PAGES = ["notebooks/table1_iraq_war.html", "ja/notebooks/table1_iraq_war.html"]
# the tables read a row at a time (src/ca911/book/sphinx/stacked_tables.py), by page
ROW_TABLES = {
    "notebooks/table1_iraq_war.html": 3,  # Table 1 as printed, in translation, its evidence
    "ja/notebooks/table1_iraq_war.html": 3,
    "notebooks/chronology_1992_2004.html": 1,  # chapter 4's periods
    "ja/notebooks/chronology_1992_2004.html": 1,
    # the wide tables of names, codes, locators and ids
    "notebooks/map_military_presence.html": 1,  # the places the map draws
    "ja/notebooks/map_military_presence.html": 1,
    "notebooks/network_memberships.html": 1,  # the memberships no date can draw
    "ja/notebooks/network_memberships.html": 1,
    "notebooks/network_diplomatic_contacts.html": 1,  # the contact events
    "ja/notebooks/network_diplomatic_contacts.html": 1,
    "notebooks/data_coverage.html": 1,  # records by chapter and file
    "ja/notebooks/data_coverage.html": 1,
    "appendices/glossary.html": 9,  # a table per kind of name
    "ja/appendices/glossary.html": 9,
    "methods/codebook.html": 50,  # a table per file and per coded field
    "ja/methods/codebook.html": 50,
    "appendices/sentence_map.html": 15,  # a table per section of each chapter
    "ja/appendices/sentence_map.html": 15,
}


@pytest.mark.parametrize("path", ROW_TABLES)
def test_row_tables_read_a_row_at_a_time_on_a_phone(browser, site, path):
    context, page = _visit(browser, site, path, "390")
    try:
        tables = page.locator("table.ca911-stacked").count()
        found = screen_lines.rows_scrolling_sideways(page, "table.ca911-stacked")
    finally:
        context.close()
    assert tables == ROW_TABLES[path]
    assert found == [], f"{path} at 390 px:\n" + "\n".join(found)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "ja/index.html",
        "notebooks/table1_iraq_war.html",
        "ja/appendices/glossary.html",
    ],
)
def test_the_link_to_the_other_edition_is_a_control(browser, site, path, size):
    context, page = _visit(browser, site, path, size)
    try:
        found = screen_lines.small_edition_switches(page)
    finally:
        context.close()
    assert found == [], f"{path} at {size} px:\n" + "\n".join(found)


# The same checks on pages the test breaks, so that a passing check is seen to look: the book's
# phone layouts undone by a style laid over them.
BROKEN = {
    "rows": "table.ca911-stacked :is(tbody, tr, td, th, thead) { display: revert !important; }"
    " table.ca911-stacked { display: table !important; }"
    " table.ca911-stacked td { min-width: 9em !important; }",
    "cells": ".bd-article :is(td, th) { word-break: normal !important; }"
    " .ca911-phrase { white-space: normal !important; }",
    "switch": ".btn.ca911-edition-switch { font-size: 0.75rem !important;"
    " padding: 0 !important; min-height: 0 !important; line-height: 1 !important;"
    " border: 0 !important; }",
}


def test_the_phone_checks_see_the_layouts_undone(browser, site):
    found = {}
    for kind, path, check in (
        (
            "rows",
            TABLE_1_PAGES[0],
            lambda p: screen_lines.rows_scrolling_sideways(p, "table.ca911-stacked"),
        ),
        ("cells", "ja/appendices/glossary.html", screen_lines.katakana_words_broken_in_cells),
        ("switch", "index.html", screen_lines.small_edition_switches),
    ):
        context, page = _visit(browser, site, path, "390")
        try:
            page.add_style_tag(content=BROKEN[kind])
            found[kind] = check(page)
        finally:
            context.close()
    assert all(found.values()), found


def every_page() -> list[str]:
    """Every page of both editions, actor pages included (their titles are names, which a
    phone's heading size may break)."""
    return site_pages(lambda html: screen_fit.book_pages(html, lambda pages: pages))


@pytest.fixture(scope="module")
def phone_headings(browser, site) -> dict[str, list[tuple[str, list[int]]]]:
    """Every page's h1 and h2 lines at 390 px, read once for both checks."""
    context = browser.new_context(color_scheme="light", **screen_fit.PHONE)
    found = {}
    try:
        page = context.new_page()
        for path in every_page():
            page.goto(f"{site}/{path}", wait_until="load")
            found[path] = screen_lines.heading_lines(page)
    finally:
        context.close()
    return found


def test_no_heading_breaks_inside_a_word_on_a_phone(phone_headings):
    """An h1 or h2 starts a new line after a space or hyphen, or in Japanese between two phrases
    (「軍事駐｜留」 was a page title at 390 px)."""
    assert len(phone_headings) >= 40
    found = [
        f"{path}: {broken}"
        for path, lines in phone_headings.items()
        for broken in screen_lines.words_broken_in_headings(lines)
    ]
    assert found == [], f"{len(found)} headings broken inside a word:\n" + "\n".join(found)


@pytest.mark.parametrize("path", ["chapters/us_russia_central_asia.html", "ja/methods/rerun.html"])
def test_a_page_title_on_a_phone_is_set_at_a_phone_size(browser, site, path):
    """At 390 px an h1 is 28 px (1.75rem), not the theme's 42 px, which held two English words or
    eight Japanese characters a line; the desktop keeps the theme's size."""
    sizes = {}
    for size in SIZES:
        context, page = _visit(browser, site, path, size)
        try:
            sizes[size] = page.evaluate(
                "() => parseFloat(getComputedStyle(document.querySelector('article h1')).fontSize)"
            )
        finally:
            context.close()
    assert sizes["390"] <= 28.5 < sizes["1280"], sizes


def test_the_heading_check_sees_phrases_broken(browser, site):
    """The Japanese chapter page with its phrases left breakable and its title set large and
    breaking anywhere: the check finds a word broken."""
    context, page = _visit(browser, site, "ja/chapters/us_russia_central_asia.html", "390")
    try:
        page.add_style_tag(
            content=".bd-article h1 { font-size: 2.7rem !important; word-break: break-all "
            "!important; } .bd-article h1 .ca911-phrase { white-space: normal !important; }"
        )
        found = screen_lines.words_broken_in_headings(screen_lines.heading_lines(page))
    finally:
        context.close()
    assert found, "a title breaking anywhere read as whole words"
