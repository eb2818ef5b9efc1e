"""The archival PDF (PDF/A-3) of each edition carries the data package and the citation: every CSV
of data/ and datapackage.json (relationship Data) and CITATION.cff (Supplement), byte-identical to
the repository's files, valid for Frictionless once saved; it is the same rendering as the book
(same pages). The checker is tests/support/pdf_archive.py (its self-tests beside it show it failing
on missing, changed, mislabelled and invalid attachments, and the same input giving the same
bytes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from support.pdf_archive import archive_problems
from support.project import BUILD, ROOT

pytestmark = pytest.mark.book

EDITIONS = ("companion.pdf", "companion-ja.pdf")


def built_pair(name: str) -> tuple[Path, Path]:
    from ca911.book.sphinx.pdf_output import archival_pdf_name

    book = BUILD / "pdf" / name
    if not book.is_file():
        if name == "companion.pdf":
            pytest.fail("the book is not built: run `make book`")
        pytest.skip(f"{name} is not built here")
    return book, BUILD / "pdf" / archival_pdf_name(name)


@pytest.mark.parametrize("name", EDITIONS)
def test_the_archival_pdf_carries_the_data_package_and_the_citation(built_book, name):
    _, archival = built_pair(name)
    assert archival.is_file(), f"{archival.name} was not written beside {name}"
    problems = archive_problems(
        archival,
        data_dir=ROOT / "data",
        citation_file=ROOT / "CITATION.cff",
        bib_file=ROOT / "references.bib",
    )
    assert problems == [], f"{archival.name}: {problems}"


@pytest.mark.parametrize("name", EDITIONS)
def test_the_archival_pdf_is_the_books_rendering(built_book, name):
    book, archival = built_pair(name)
    book_pages, archival_pages = PdfReader(book).pages, PdfReader(archival).pages
    assert len(book_pages) == len(archival_pages)
    for index in (0, len(book_pages) // 2, len(book_pages) - 1):
        assert book_pages[index].extract_text() == archival_pages[index].extract_text()
