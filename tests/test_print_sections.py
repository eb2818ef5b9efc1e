"""No section of either printed edition prints as its heading alone
(tests/support/print_sections.py; its self-tests are in tests/support/test_print_sections.py)."""

from __future__ import annotations

from support import print_sections as sections
from support.project import each_edition


@each_edition
def test_no_section_prints_empty(built_book, built):
    found = sections.empty_sections(built.pdf)
    assert found == [], f"{len(found)} headings with nothing under them: " + "; ".join(
        f"p. {page}: {title!r} then {after!r}" for page, title, after in found[:8]
    )
