"""On the built book and the data: no internal field name, code value or period id in the reader's
running text (outside code blocks, table cells, the codebook and the data model); no straight
quotation mark in the text of any HTML page or of the PDF, and no straight apostrophe in either
edition's text or link titles; every chronology summary tells what
happened in the past tense. The checkers (tests/support/reader_words.py) fail on small broken inputs
in test_reader_words_checkers.py."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from ca911.data.package import load
from support.project import HTML, PDF, edition_html_files, reader_pages
from support.reader_words import (
    NAME_PAGES,
    internal_names,
    names_in_text,
    present_tense,
    reader_text,
    straight_marks,
    straight_quotes,
    table_codes,
)
from support.rendered_text import pdf_text_outside_code, visible_text

# The pages that document the coding by its names (the codebook, the data model); the register of
# discrepancies says its readings in words like the rest of the book.
CODING_PAGES = NAME_PAGES


def html_pages() -> list[str]:
    if not HTML.is_dir():
        return ["index.html"]
    return sorted(
        p.relative_to(HTML).as_posix()
        for p in edition_html_files(HTML)
        if p.relative_to(HTML).parts[0] not in ("_static", "_sources", "_images", "_downloads")
    )


@pytest.fixture(scope="module")
def names() -> set[str]:
    pkg = load(validate=False)
    return internal_names(pkg.descriptor, pkg.periods["period_id"].astype(str))


def _prose(page_html: str) -> str:
    """The page's running text: table body cells (a table of records may show a code) are left out
    too."""
    soup = BeautifulSoup(page_html, "html.parser")
    for cell in soup.find_all("td"):
        cell.decompose()
    return reader_text(str(soup))


@pytest.mark.book
@pytest.mark.parametrize("path", [p for p in html_pages() if p not in CODING_PAGES])
def test_no_internal_names_in_running_text(path, names):
    if not (HTML / path).is_file():
        pytest.fail("the HTML is not built: run `make book`")
    found = names_in_text(_prose((HTML / path).read_text(encoding="utf-8")), names)
    assert found == [], f"{path}: {found[:5]}"


@pytest.mark.book
@pytest.mark.parametrize("path", [p for p in reader_pages() if not p.endswith(tuple(CODING_PAGES))])
def test_no_code_in_any_table_cell_or_header(built_book, path):
    """Both editions: a table says its kinds, columns and reasons in words (Table 16.1 showed
    `internal_conflict`), in code face or not; file names, records and
    locators are no codes. The codebook and the data model list the codes themselves."""
    found = table_codes((HTML / path).read_text(encoding="utf-8"))
    assert found == [], f"{path}: {found[:5]}"


@pytest.mark.book
@pytest.mark.parametrize("path", html_pages())
def test_no_straight_quotation_marks_in_html_text(path):
    if not (HTML / path).is_file():
        pytest.fail("the HTML is not built: run `make book`")
    # code (a JSON key in a sentence) quotes as the language does; visible_text leaves it out
    found = straight_quotes(visible_text((HTML / path).read_text(encoding="utf-8")))
    assert found == [], f"{path}: {found[:5]}"


@pytest.mark.book
@pytest.mark.parametrize("path", reader_pages())
def test_no_straight_apostrophe_in_either_editions_html_text_or_tooltips(built_book, path):
    """Both editions, apostrophes too (Russia's), and the titles a link shows on hover (a
    citation's tooltip is its reference): text made after Sphinx's smartquotes, as the
    bibliography is, keeps the straight marks its source has."""
    page_html = (HTML / path).read_text(encoding="utf-8")
    soup = BeautifulSoup(page_html, "html.parser")
    tooltips = " ".join(a["title"] for a in soup.select("a[title]"))
    found = straight_marks(visible_text(page_html)) + straight_marks(tooltips)
    assert found == [], f"{path}: {found[:5]}"


@pytest.mark.book
def test_no_straight_quotation_marks_in_pdf_text():
    if not PDF.is_file():
        pytest.fail("the PDF is not built: run `make book`")
    found = [
        f"p. {n}: {q}"
        for n, text in enumerate(pdf_text_outside_code(PDF), 1)
        for q in straight_quotes(text)
    ]
    assert found == [], found[:10]


def test_every_event_summary_tells_what_happened_in_the_past_tense():
    events = load(validate=False).events
    present = {
        r.event_id: present_tense(r.summary_en)
        for r in events.itertuples()
        if present_tense(r.summary_en)
    }
    assert present == {}, present


def test_data_text_has_no_straight_quotation_marks():
    pkg = load(validate=False)
    found = []
    for resource in pkg.descriptor["resources"]:
        frame = pkg[resource["name"]]
        for field in resource["schema"]["fields"]:
            if field["type"] == "string" and field["name"] in frame and not field.get("quotation"):
                found += [
                    f"{resource['name']}.{field['name']}: {q}"
                    for v in frame[field["name"]]
                    if isinstance(v, str)
                    for q in straight_quotes(v)
                ]
    assert found == [], found[:10]


@pytest.mark.book
def test_the_rendered_chronology_tells_every_event_in_the_past_tense():
    """The full chronology as the reader sees it: each entry's summary (the entry without its date,
    actors, locator and record reference) passes the tense check."""
    page = HTML / "appendices/chronology.html"
    if not page.is_file():
        pytest.fail("the HTML is not built: run `make book`")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    entries = [p for p in soup.select("article p") if p.select_one("code.ca911-record")]
    assert len(entries) == len(load(validate=False).events)
    present = {}
    for entry in entries:
        for part in entry.select("strong, em, code"):
            part.decompose()
        summary = max(entry.get_text(" ").split("·"), key=len)
        if present_tense(summary):
            present[summary.strip()[:60]] = present_tense(summary)
    assert present == {}, present
