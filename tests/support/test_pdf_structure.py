"""The structure-tree checker of tests/support/pdf_structure.py, shown to catch small broken PDFs
made with the book's own WeasyPrint and writer, and to pass the same PDF mended."""

from __future__ import annotations

from pathlib import Path

import weasyprint
from sphinx.util.logging import skip_warningiserror

from support.pdf_structure import (
    accessibility_problems,
    parted_captions,
    structure_tree,
    tagged_headings,
)
from support.project import ROOT

TITLE = "A small book"
VERSION = "9.9.9"
PIXEL = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
GOOD_BODY = f"""<h1>First chapter</h1><p>Text.</p><h2>A section</h2>
<ul><li>one</li><li>two</li></ul>
<table><thead><tr><th>State</th><th>Year</th></tr></thead><tbody><tr><td>Kazakhstan</td><td>2001</td></tr></tbody></table>
<img alt="One grey dot" src="{PIXEL}"><h1>Second chapter</h1>"""  # noqa: E501 (HTML given whole)


def html(body: str = GOOD_BODY, lang: str | None = "en") -> weasyprint.HTML:
    lang_attribute = f' lang="{lang}"' if lang else ""
    return weasyprint.HTML(
        string=f"<html{lang_attribute}><head><title>{TITLE}</title></head><body>{body}</body></html>"
    )


def book_pdf(tmp_path: Path, page: weasyprint.HTML, citation: dict | None = None) -> Path:
    """Written as the book's PDF is (ca911's writer: PDF/UA-1, metadata from a CITATION.cff)."""
    import yaml

    from ca911.book.sphinx.pdf_output import write_book_pdfs

    cff = tmp_path / "CITATION.cff"
    cff.write_text(
        yaml.safe_dump(
            citation
            or {
                "title": TITLE,
                "version": VERSION,
                "authors": [{"name": "Team"}],
                "license": ["MIT"],
            }
        )
    )  # noqa: E501
    target = tmp_path / "book.pdf"
    # the writer reports WeasyPrint's complaints (no alt text, no language) as Sphinx warnings; a
    # strict Sphinx app an earlier test left in this process would raise them before the PDF is
    # written, and these broken PDFs are the point
    with skip_warningiserror():
        write_book_pdfs(page, target, data_dir=ROOT / "data", citation_file=cff)
    return target


def problems(path: Path, **kw) -> list[str]:
    return accessibility_problems(
        path, **{"title": TITLE, "language": "en", "version": VERSION, **kw}
    )


def test_a_tagged_book_passes_and_its_headings_are_read_in_order(tmp_path):
    path = book_pdf(tmp_path, html())
    assert problems(path) == []
    from pypdf import PdfReader

    assert tagged_headings(path, structure_tree(PdfReader(path))) == [
        (1, "First chapter"),
        (2, "A section"),
        (1, "Second chapter"),
    ]


def test_an_untagged_pdf_fails(tmp_path):
    path = tmp_path / "untagged.pdf"
    html().write_pdf(path)
    assert problems(path) == ["untagged: no structure tree or /MarkInfo /Marked is not true"]


def test_a_figure_without_alt_text_fails(tmp_path):
    path = book_pdf(tmp_path, html(GOOD_BODY.replace(' alt="One grey dot"', "")))
    assert [p for p in problems(path) if p.startswith("a Figure without alt text")]


def test_a_table_without_header_cells_fails(tmp_path):
    body = GOOD_BODY.replace("<th>", "<td>").replace("</th>", "</td>")
    assert [p for p in problems(book_pdf(tmp_path, html(body))) if "without header cells" in p]


def test_a_book_without_a_list_fails(tmp_path):
    body = GOOD_BODY.replace("<ul><li>one</li><li>two</li></ul>", "<p>one, two</p>")
    assert "no list (L) in the structure tree" in problems(book_pdf(tmp_path, html(body)))


def test_a_missing_language_fails(tmp_path):
    path = book_pdf(tmp_path, html(lang=None))
    assert [p for p in problems(path) if p.startswith("document language /Lang")]


def test_a_bookmark_that_is_no_tagged_heading_fails(tmp_path):
    # a heading drawn as a styled paragraph: in the outline, but a screen reader gets a P
    body = GOOD_BODY.replace(
        "<h2>A section</h2>",
        '<p style="bookmark-level: 2; bookmark-label: content()">A section</p>',
    )
    found = problems(book_pdf(tmp_path, html(body)))
    assert [p for p in found if p.startswith("bookmark 'A section'")], found


def test_headings_out_of_the_outline_order_fail(tmp_path):
    # the outline says Second before First; the tags read First first
    body = GOOD_BODY.replace(
        "<h1>First chapter</h1>", '<h1 style="bookmark-level: none">First chapter</h1>'
    )
    body += "<p style=\"bookmark-level: 1; bookmark-label: 'First chapter'\">x</p>"
    assert [
        p
        for p in problems(book_pdf(tmp_path, html(body)))
        if p.startswith("bookmark 'First chapter'")
    ]


def test_metadata_missing_from_xmp_fails(tmp_path):
    path = book_pdf(tmp_path, html(), citation={"title": TITLE, "authors": []})
    found = problems(path, version="1.0")
    assert "XMP has no dc:creator" in found
    assert "XMP has no dc:rights" in found
    assert [p for p in found if p.startswith("XMP xmpMM:VersionID")]
    assert [p for p in problems(path, title="Another title") if p.startswith("XMP dc:title")]


def test_a_part_bookmark_is_the_label_heading_its_title_starts_with_and_nothing_looser():
    from support.pdf_structure import _outline_mismatches

    headings = [(1, "Part I"), (1, "1. The chapter"), (1, "第1部"), (2, "2.1 A section")]
    assert (
        _outline_mismatches([(1, "Part I — Companion to x"), (2, "1. The chapter")], headings) == []
    )
    assert _outline_mismatches([(1, "第1部 原著第3章の手引き")], headings) == []
    # a longer label is not the shorter one, a section is never matched by its start
    assert _outline_mismatches([(1, "Part II — Companion to y")], headings) != []
    assert _outline_mismatches([(2, "2.1 A section and more")], headings) != []


def test_a_caption_run_on_or_parted_from_its_figure_is_found(tmp_path):
    """A figure tall enough that its long caption runs past the page foot, or so tall that its
    caption opens the next page: each is found; a figure short enough keeps its caption whole."""
    words = " ".join(["Words of a long caption that explains what the figure draws."] * 16)

    def book(name: str, height_mm: int) -> Path:
        (tmp_path / name).mkdir()
        body = (
            "<style>@page { size: A5; margin: 15mm; } figure { margin: 0; }</style>"
            f'<h1>Chapter</h1><figure><img alt="A grey box" src="{PIXEL}" style="width: 100mm; '
            f'height: {height_mm}mm"><figcaption>Fig. 1.1 {words}</figcaption></figure>'
        )
        return book_pdf(tmp_path / name, html(body))

    assert [f.split(":")[0] for _, f in parted_captions(book("runs-on", 110))] == [
        "caption runs on"
    ]
    assert [f.split(":")[0] for _, f in parted_captions(book("parted", 170))] == [
        "caption parted from its figure"
    ]
    assert parted_captions(book("whole", 30)) == []
