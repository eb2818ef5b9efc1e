"""The archive checker of tests/support/pdf_archive.py, shown to catch small broken archival PDFs
(attachments missing, changed, mislabelled, an invalid package, no PDF/A claim) and to pass the one
ca911's writer makes."""

from __future__ import annotations

import shutil
from pathlib import Path

import weasyprint

from support.pdf_archive import archive_problems, embedded_files
from support.project import ROOT

PAGE = (
    '<html lang="en"><head><title>Archive</title></head>'
    "<body><h1>Data</h1><ul><li>x</li></ul></body></html>"
)


def archival_pdf(tmp_path: Path, data_dir: Path, citation: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    from ca911.book.sphinx.pdf_output import archival_pdf_name, write_book_pdfs

    target = tmp_path / "book.pdf"
    write_book_pdfs(weasyprint.HTML(string=PAGE), target, data_dir=data_dir, citation_file=citation)
    return target.with_name(archival_pdf_name(target.name))


def check(path: Path, data_dir: Path) -> list[str]:
    return archive_problems(
        path,
        data_dir=data_dir,
        citation_file=ROOT / "CITATION.cff",
        bib_file=data_dir.parent / "references.bib",
    )


def test_the_writers_archival_copy_passes(tmp_path, data_copy):
    assert check(archival_pdf(tmp_path, data_copy, ROOT / "CITATION.cff"), data_copy) == []


def test_a_pdf_without_attachments_or_pdfa_claim_fails(tmp_path, data_copy):
    path = tmp_path / "plain.pdf"
    weasyprint.HTML(string=PAGE).write_pdf(path)
    found = check(path, data_copy)
    assert "XMP pdfaid:part is [], not PDF/A-3" in found
    assert "events.csv is not attached" in found and "CITATION.cff is not attached" in found


def test_a_csv_missing_from_the_descriptor_is_missing_from_the_pdf(tmp_path, data_copy):
    shutil.copy(data_copy / "events.csv", data_copy / "events_extra.csv")
    assert "events_extra.csv is not attached" in check(
        archival_pdf(tmp_path, data_copy, ROOT / "CITATION.cff"), data_copy
    )


def test_an_attachment_that_differs_from_the_repository_fails(tmp_path, data_copy):
    path = archival_pdf(tmp_path, data_copy, ROOT / "CITATION.cff")
    with (data_copy / "aid.csv").open("a", encoding="utf-8") as fh:
        fh.write("\n")
    assert [p for p in check(path, data_copy) if p.startswith("aid.csv differs")]


def test_a_wrong_relationship_fails(tmp_path, data_copy):
    from ca911.book.sphinx.pdf_output import book_attachments

    attachments = book_attachments(
        data_copy, ROOT / "CITATION.cff", when=__import__("datetime").datetime(2026, 1, 1)
    )
    for attachment in attachments:
        attachment.relationship = "Source"
    path = tmp_path / "mislabelled.pdf"
    weasyprint.HTML(string=PAGE).render().write_pdf(
        path, pdf_variant="pdf/a-3u", attachments=attachments
    )
    found = check(path, data_copy)
    assert "events.csv: AFRelationship 'Source', not 'Data'" in found
    assert "CITATION.cff: AFRelationship 'Source', not 'Supplement'" in found


def test_an_attached_package_that_does_not_validate_fails(tmp_path, data_copy):
    rows = (data_copy / "events.csv").read_text(encoding="utf-8").splitlines()
    (data_copy / "events.csv").write_text(
        "\n".join([rows[0], "not,a,valid,row", *rows[1:]]) + "\n", encoding="utf-8"
    )
    found = check(archival_pdf(tmp_path, data_copy, ROOT / "CITATION.cff"), data_copy)
    assert [p for p in found if p.startswith("the attached package does not validate")], found


def test_attachments_keep_the_build_date_not_the_files_times(tmp_path, data_copy, monkeypatch):
    import os

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first = archival_pdf(tmp_path / "first", data_copy, ROOT / "CITATION.cff")
    for path in data_copy.iterdir():
        os.utime(path, (1_000_000_000, 1_000_000_000))
    second = archival_pdf(tmp_path / "second", data_copy, ROOT / "CITATION.cff")
    assert first.read_bytes() == second.read_bytes()
    assert first.with_name("book.pdf").read_bytes() == second.with_name("book.pdf").read_bytes()
    from pypdf import PdfReader

    assert {f.created for f in embedded_files(PdfReader(first)).values()} == {"D:20260101000000Z"}
