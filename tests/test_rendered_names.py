"""Figures print names with the parts the chapters do not print in square brackets (checked on the SVGs)."""

from __future__ import annotations

import pytest

from ca911.data import load
from support.project import HTML
from support.rendered_names import svg_texts, unbracketed_parts


def test_checker_flags_an_unbracketed_outside_part():
    svg = '<svg><!-- US → Uzbekistan at Karshi-Khanabad: 1,000 --><text>[Karshi-]Khanabad</text></svg>'
    texts = svg_texts(svg)
    assert unbracketed_parts(texts, ["Karshi-"]) == ["Karshi- in «US → Uzbekistan at Karshi-Khanabad: 1,000»"]
    assert unbracketed_parts(texts[1:], ["Karshi-"]) == []


@pytest.mark.book
def test_figures_bracket_every_outside_name_part(built_book):
    parts = sorted({p for x in load().actors["name_en_external"].fillna("") for p in x.split("|") if p}, key=len, reverse=True)
    pages = " ".join(p.read_text(encoding="utf-8") for p in HTML.rglob("*.html"))
    svgs = sorted(svg for svg in (HTML / "_images").glob("*.svg") if svg.name in pages)  # figures the book shows
    assert svgs and parts
    problems = [f"{svg.name}: {p}" for svg in svgs for p in unbracketed_parts(svg_texts(svg.read_text(encoding="utf-8")), parts)]
    assert problems == []
