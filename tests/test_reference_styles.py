"""On the built HTML: every chapter locator and every record reference is rendered by its one
element and class (code.ca911-locator, code.ca911-record), whether linked or not; no page links to
itself from a table cell. The checkers (tests/support/reference_styles.py) fail on small broken
pages in test_reference_styles_checkers.py."""

from __future__ import annotations

import pytest

from support.project import HTML, edition_html_files
from support.reference_styles import LOCATOR as LOCATOR_FIND
from support.reference_styles import (
    locators_repeated_in_a_sentence,
    reference_style_problems,
    self_links_in_tables,
)

pytestmark = pytest.mark.book


def html_pages() -> list[str]:
    if not HTML.is_dir():
        return ["index.html"]
    return sorted(
        p.relative_to(HTML).as_posix()
        for p in edition_html_files(HTML)
        if p.relative_to(HTML).parts[0] not in ("_static", "_sources", "_images", "_downloads")
    )


@pytest.fixture(scope="module")
def built_html():
    if not (HTML / "index.html").is_file():
        pytest.fail("the HTML is not built: run `make book`")
    return HTML


@pytest.mark.parametrize("path", html_pages())
def test_locators_and_record_references_have_one_style(built_html, path):
    problems = reference_style_problems((built_html / path).read_text(encoding="utf-8"))
    assert problems == [], f"{path}: {len(problems)} references out of style, e.g. {problems[:5]}"


@pytest.mark.parametrize("path", html_pages())
def test_no_page_links_to_itself_from_a_table_cell(built_html, path):
    assert self_links_in_tables((built_html / path).read_text(encoding="utf-8"), path) == []


@pytest.mark.parametrize("path", html_pages())
def test_no_sentence_gives_the_same_locator_twice(built_html, path):
    found = locators_repeated_in_a_sentence((built_html / path).read_text(encoding="utf-8"))
    assert found == [], f"{path}: {len(found)} locators repeated in a sentence, e.g. {found[:3]}"


def test_the_styles_are_used(built_html):
    """The check above passes vacuously if nothing carries the classes: the sentence map and a
    chapter must."""
    sentence_map = (built_html / "appendices/sentence_map.html").read_text(encoding="utf-8")
    chapter = (built_html / "chapters/kazakhstan_uzbekistan.html").read_text(encoding="utf-8")
    assert sentence_map.count("ca911-record") > 100 and sentence_map.count("ca911-locator") > 100
    assert chapter.count("ca911-locator") > 50


def test_the_pdf_prints_every_locator_in_the_face_of_its_sentence():
    from support.project import PDF
    from support.reference_styles import pdf_chars_with_faces, pdf_locator_problems

    if not PDF.is_file():
        pytest.fail("the PDF is not built: run `make book`")
    pages = pdf_chars_with_faces(PDF)
    assert (
        sum(len(LOCATOR_FIND.findall("".join(c for c, _ in p))) for p in pages) > 500
    )  # the check has work to do
    assert pdf_locator_problems(pages) == []


STYLE_PAGES = [
    "chapters/kazakhstan_uzbekistan.html",
    "appendices/sentence_map.html",
    "appendices/chronology.html",
    "notebooks/chronology_autumn_2001.html",
    "notebooks/table1_iraq_war.html",
    "_generated/actors/KAZ.html",
    "methods/discrepancies.html",
]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", STYLE_PAGES)
def test_locators_and_record_references_are_drawn_one_way_linked_or_not(visit, path, width):
    """Computed in the browser: each kind has one face, weight, colour and relative size on the
    page."""
    from support.reference_styles import COMPUTED_STYLES_JS, drawn_styles

    drawn = visit(path, width=width).page.evaluate(COMPUTED_STYLES_JS)
    assert drawn, f"{path}: no locator or record reference drawn"
    assert drawn_styles(drawn) == []
