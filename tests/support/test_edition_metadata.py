"""The metadata-language checker on synthetic PDFs."""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

from support.edition_metadata import metadata_language_problems


def pdf(tmp_path, lang: str, **info):
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    writer.add_metadata({f"/{k}": v for k, v in info.items()})
    path = tmp_path / f"{lang}.pdf"
    writer.write(path)
    return path


def test_a_japanese_pdf_with_english_author_and_subject_is_caught(tmp_path):
    broken = pdf(
        tmp_path,
        "ja",
        Title="9.11後の中央アジア",
        Author="The ca911 companion-volume team",
        Keywords="Central Asia, 9/11, Iraq war",
    )
    found = metadata_language_problems(broken)
    assert [p.split(" ")[0] for p in found] == ["/Author", "/Subject", "/Keywords"]


def test_japanese_metadata_and_an_english_pdf_pass(tmp_path):
    fine = pdf(
        tmp_path,
        "ja",
        Title="9.11後の中央アジア",
        Author="ca911副読本チーム",
        Subject="二つの日本語の章から典拠つきのデータを作る。",
        Keywords="中央アジア, 9.11, イラク戦争, Jupyter Book",
    )
    assert metadata_language_problems(fine) == []
    assert metadata_language_problems(pdf(tmp_path, "en", Author="The team")) == []
