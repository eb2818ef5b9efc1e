"""The printed book as assistive technology reads it: each built PDF (the book and its archival
copy, per edition) is tagged, headings in the order of its contents, every figure with alt text,
every table with header cells, its language and its metadata (title, authors, version, licence,
language) in XMP; the book claims PDF/UA-1. The checker is tests/support/pdf_structure.py (its
self-tests beside it show it failing on untagged and broken PDFs)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import ca911
from support.edition_metadata import metadata_language_problems
from support.pdf_structure import accessibility_problems
from support.project import BUILD, ROOT

pytestmark = pytest.mark.book

# the edition's PDF and its language; an edition not built here is skipped, the English one never
EDITIONS = {"companion.pdf": "en", "companion-ja.pdf": "ja"}


def built(name: str) -> Path:
    path = BUILD / "pdf" / name
    if not path.is_file():
        if name == "companion.pdf":
            pytest.fail("the book is not built: run `make book`")
        pytest.skip(f"{name} is not built here")
    return path


def title(language: str) -> str:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    if language == "en":
        return cff["title"]
    from pypdf import PdfReader

    # the Japanese edition's title is its translated cover title: the HTML <title> WeasyPrint read
    return str(PdfReader(built("companion-ja.pdf")).metadata.title)


@pytest.mark.parametrize("name", EDITIONS)
def test_the_book_pdf_is_tagged_for_assistive_technology(built_book, name):
    language = EDITIONS[name]
    path = built(name)
    problems = accessibility_problems(
        path, title=title(language), language=language, version=ca911.__version__
    )
    assert problems == [], f"{path.name}: {problems}"


@pytest.mark.parametrize("name", EDITIONS)
def test_the_archival_copy_is_tagged_as_the_book_is(built_book, name):
    from ca911.book.sphinx.pdf_output import archival_pdf_name

    language = EDITIONS[name]
    built(name)
    path = built(archival_pdf_name(name))
    problems = accessibility_problems(
        path, title=title(language), language=language, version=ca911.__version__, ua_part=None
    )
    assert problems == [], f"{path.name}: {problems}"


def test_a_japanese_edition_declares_its_language_and_describes_itself_in_japanese(tmp_path):
    import weasyprint
    from pypdf import PdfReader

    from ca911.book.sphinx.pdf_output import write_book_pdfs
    from support.pdf_structure import xmp, xmp_values

    page = weasyprint.HTML(
        string='<html lang="ja"><head><title>九・一一後の中央アジア</title></head>'
        "<body><h1>第一章</h1><ul><li>一</li></ul></body></html>"
    )
    target = tmp_path / "companion-ja.pdf"
    write_book_pdfs(page, target, data_dir=ROOT / "data", citation_file=ROOT / "CITATION.cff")
    assert (
        accessibility_problems(
            target, title="九・一一後の中央アジア", language="ja", version=ca911.__version__
        )
        == []
    )
    rdf = xmp(PdfReader(target))
    assert xmp_values(rdf, "dc", "language") == ["ja"]
    from ca911.book.editions import ABSTRACT_JA, TEAM_JA

    assert xmp_values(rdf, "dc", "description") == [ABSTRACT_JA]  # not the English abstract
    assert xmp_values(rdf, "dc", "creator") == [TEAM_JA]
    assert metadata_language_problems(target) == []


@pytest.mark.parametrize("name", EDITIONS)
def test_the_book_pdf_describes_itself_in_its_edition_language(built_book, name):
    assert metadata_language_problems(built(name)) == []
