"""Figures print names with the parts the chapters do not print in square brackets (checked on the
SVGs)."""

from __future__ import annotations

import pytest

from ca911.data.package import load
from support.project import HTML, edition_html_files
from support.rendered_names import svg_texts, unbracketed_parts


@pytest.mark.book
def test_figures_bracket_every_outside_name_part(built_book):
    parts = sorted({p for x in load().actors["name_en_external"] for p in x}, key=len, reverse=True)
    pages = " ".join(p.read_text(encoding="utf-8") for p in edition_html_files(HTML))
    svgs = sorted(
        svg for svg in (HTML / "_images").glob("*.svg") if svg.name in pages
    )  # figures the book shows
    assert svgs and parts
    problems = [
        f"{svg.name}: {p}"
        for svg in svgs
        for p in unbracketed_parts(svg_texts(svg.read_text(encoding="utf-8")), parts)
    ]
    assert problems == []
