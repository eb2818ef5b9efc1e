"""The empty-section checker of tests/support/print_sections.py on small WeasyPrint PDFs: a section
whose only content is left out of print (its heading alone, then the next section's) is caught; the
same section with a sentence under its heading passes."""

from __future__ import annotations

from support import print_sections as sections
from support.test_print_layout import filler, weasyprint_pdf


def book(middle_section: str) -> str:
    return (
        "<h1>4. The networks</h1>"
        + "<h2>4.1. Who belonged with whom</h2>"
        + filler(3)
        + f"<h2>4.2. The chronology as a table</h2>{middle_section}"
        + "<h2>4.3. What it shows</h2>"
        + filler(2)
        + "<h1>5. Methods</h1>"
        + filler(2)
    )


def test_checker_finds_a_heading_printed_alone(tmp_path):
    screen_only = (
        '<div style="display: none"><table><tr><td>a searchable table</td></tr></table></div>'
    )
    found = sections.empty_sections(weasyprint_pdf(tmp_path, book(screen_only)))
    assert [(title, after) for _, title, after in found] == [
        ("4.2. The chronology as a table", "4.3. What it shows")
    ]


def test_checker_passes_the_section_with_its_print_note(tmp_path):
    note = (
        "<p>The sortable table is in the HTML edition; in print the full chronology lists them.</p>"
    )
    assert sections.empty_sections(weasyprint_pdf(tmp_path, book(note))) == []


def test_a_chapter_opening_on_its_first_section_is_not_empty(tmp_path):
    """A heading followed by a lower-level one (a chapter by its first section) is not a section
    printed empty."""
    pdf = weasyprint_pdf(tmp_path, "<h1>4. The networks</h1><h2>4.1. Who</h2>" + filler(2))
    assert sections.empty_sections(pdf) == []
