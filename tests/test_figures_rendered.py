"""Figure text where it is read: every figure of the built book has no mathtext, at least 8 pt text
at its printed size, and at least 11 px text on screen at 1280 px; at 390 px a figure drawn at the
column's width whose text is smaller than that carries a visible link to its full-size image
(tests/test_phone_fit.py checks every image for it). The PDF draws the same SVG files (simplepdf
prefers image/svg+xml).

Run these alone: `.venv/bin/python -m pytest -m book tests/test_figures_rendered.py` (build first).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from ca911.figures import style
from support import figure_checks
from support.browser import Visit
from support.legibility import legibility_problems
from support.project import EDITIONS, HTML, sample_actor_pages

pytestmark = pytest.mark.book
SCREEN_MIN_PX = 11.0
_FIGURE_IMG = re.compile(r'<figure[^>]*>.*?<img[^>]*src="([^"]+\.svg)"', re.S)
_NARROW_LAYOUT = re.compile(
    r'<source[^>]*\bsrcset="([^"]+\.svg)"'
)  # a figure's layout for phones (a <picture>)


def every_edition_page() -> list[Path]:
    return [p for ed in EDITIONS.values() if ed.html.is_dir() for p in ed.pages()]


def figure_pages() -> dict[str, list[Path]]:
    """Each HTML page of both editions (the Japanese ones as ja/...) with its figures' SVG
    files."""
    pages = {}
    for page in every_edition_page():
        rel = page.relative_to(HTML)
        if any(part.startswith("_") for part in rel.parts[:2]):
            continue
        text = page.read_text(encoding="utf-8")
        srcs = _FIGURE_IMG.findall(text) + _NARROW_LAYOUT.findall(text)
        if srcs:
            pages[rel.as_posix()] = [(page.parent / s).resolve() for s in srcs]
    return pages


def test_the_book_has_figures(built_book):
    assert sum(len(v) for v in figure_pages().values()) >= 10


def printed_figure_pages() -> dict[str, list[Path]]:
    """Each HTML page with the SVG files of its figures as print shows them (never a phone's
    narrow layout)."""
    pages = {}
    for page in every_edition_page():
        rel = page.relative_to(HTML)
        srcs = (
            []
            if any(part.startswith("_") for part in rel.parts[:2])
            else _FIGURE_IMG.findall(page.read_text(encoding="utf-8"))
        )
        if srcs:
            pages[rel.as_posix()] = [(page.parent / s).resolve() for s in srcs]
    return pages


def test_every_figure_is_legible_in_print(built_book):
    problems = {
        f"{page}: {svg.name}": legibility_problems(svg.read_text(encoding="utf-8"))
        for page, svgs in printed_figure_pages().items()
        for svg in svgs
    }
    assert {k: v for k, v in problems.items() if v} == {}


def _every_figure():
    return [(page, svg) for page, svgs in figure_pages().items() for svg in svgs]


def test_no_two_labels_overlap_in_any_figure(built_book):
    """Text extents from the shipped SVG (what the HTML shows and the PDF prints): no two labels'
    ink within 1 pt."""
    found = {
        f"{page}: {svg.name}": figure_checks.overlapping_labels(svg.read_text(encoding="utf-8"))
        for page, svg in _every_figure()
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_no_internal_code_in_any_figure(built_book):
    found = {
        f"{page}: {svg.name}": figure_checks.internal_codes(svg.read_text(encoding="utf-8"))
        for page, svg in _every_figure()
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_no_text_past_any_figure_edge(built_book):
    found = {
        f"{page}: {svg.name}": figure_checks.text_past_edge(svg.read_text(encoding="utf-8"))
        for page, svg in _every_figure()
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_no_iso_date_in_any_figure(built_book):
    """Dates in figure text read in words ("September 2001", "30 Sep 2001"), not as 2001-09-30."""
    found = {
        f"{page}: {svg.name}": figure_checks.iso_dates(svg.read_text(encoding="utf-8"))
        for page, svg in _every_figure()
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_no_date_in_any_figure_has_a_leading_zero(built_book):
    """Date ticks read as the book writes dates: "1 Oct", 10月1日, never "01 Oct"."""
    found = {
        f"{page}: {svg.name}": figure_checks.zero_padded_dates(svg.read_text(encoding="utf-8"))
        for page, svg in _every_figure()
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_figure_text_meets_the_print_floor(built_book):
    """At the printed width (figures wider than the text column print smaller), no text under 8
    pt."""
    sizes = {
        f"{page}: {svg.name}": figure_checks.smallest_printed_pt(svg.read_text(encoding="utf-8"))
        for page, svg in _every_figure()
    }
    smallest = min(sizes.items(), key=lambda kv: kv[1])
    assert {
        k: round(v, 2) for k, v in sizes.items() if v < figure_checks.PRINT_FLOOR_PT - 0.01
    } == {}, smallest
    print(f"smallest figure text in print: {smallest[1]:.2f} pt ({smallest[0]})")


def smallest_text_px(visit: Visit, svg_files: list[Path]) -> list[tuple[str, float]]:
    """For each figure image on the page: its smallest text in CSS px as displayed (drawn size ×
    display scale)."""
    return [(src, px) for src, px, _ in smallest_text_px_and_link(visit, svg_files)]


def smallest_text_px_and_link(visit: Visit, svg_files: list[Path]) -> list[tuple[str, float, bool]]:
    """As smallest_text_px, with whether a visible link beside the image opens it at full size."""
    shown = visit.page.eval_on_selector_all(
        'figure img[src$=".svg"]',
        """imgs => imgs.map(i => [i.currentSrc || i.src,
        i.getBoundingClientRect().width,
        [...i.closest('figure').querySelectorAll('a[href]')].some(a => a.href === i.src && a.getClientRects().length > 0)])""",  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
    )
    by_name = {
        svg.name: svg for svg in svg_files
    }  # the file shown: on a phone, a <picture>'s narrow layout
    out = []
    for src, shown_px, linked in shown:
        text = by_name[src.rsplit("/", 1)[-1]].read_text(encoding="utf-8")
        px_per_pt = shown_px / style.svg_width_pt(text)
        out.append((src.rsplit("/", 1)[-1], min(style.svg_text_sizes_pt(text)) * px_per_pt, linked))
    return out


@pytest.mark.parametrize("width", [1280, 390])
def test_figure_text_on_screen(browser, site, width):
    small = []
    pages = figure_pages()
    for page in sample_actor_pages(
        sorted(pages)
    ):  # every figure's print legibility is checked above, from its file
        svgs = pages[page]
        visit = Visit(browser, site, page, width=width)
        try:
            small += [
                f"{page}: {name} {px:.1f} px" + ("" if width == 1280 else ", no full-size link")
                for name, px, linked in smallest_text_px_and_link(visit, svgs)
                if px < SCREEN_MIN_PX and (width == 1280 or not linked)
            ]
        finally:
            visit.close()
    assert small == []


def test_screen_check_sees_a_shrunken_figure(browser, site):
    """The same measurement on a page where the stylesheet shrinks figures (the broken state)."""
    page, svgs = next(iter(figure_pages().items()))
    visit = Visit(browser, site, page, width=390)
    try:
        visit.page.add_style_tag(content='figure img[src$=".svg"] { max-width: 160px !important; }')
        assert any(px < SCREEN_MIN_PX for _, px in smallest_text_px(visit, svgs))
    finally:
        visit.close()


def figures_beside_their_captions():
    """(page, svg file, svg text, caption text) of every figure of both editions, its wide and its
    phone layout."""
    for page in every_edition_page():
        rel = page.relative_to(HTML).as_posix()
        text = page.read_text(encoding="utf-8")
        for figure in re.findall(r"<figure[^>]*>.*?</figure>", text, re.S):
            caption = re.search(r"<figcaption.*?</figcaption>", figure, re.S)
            caption_text = html.unescape(re.sub(r"<[^>]+>", "", caption[0] if caption else ""))
            for src in re.findall(r'<(?:img[^>]*\bsrc|source[^>]*\bsrcset)="([^"]+\.svg)"', figure):
                svg = (page.parent / src).resolve().read_text(encoding="utf-8")
                yield rel, src, svg, caption_text


def test_every_abbreviation_a_figure_shows_is_expanded(built_book):
    """Every figure of both editions, its wide and its phone layout, beside its own caption: an
    acronym a figure shows (CIS, SCO) is spelled out in the figure or its caption, "CIS
    (Commonwealth of Independent States)" / 「CIS（独立国家共同体）」. No page is exempt."""
    found = {}
    for rel, _, svg, caption_text in figures_beside_their_captions():
        missing = figure_checks.unexplained_abbreviations(svg, caption_text)
        if missing:
            found.setdefault(rel, set()).update(missing)
    assert found == {}


def test_every_term_a_caption_explains_is_shown_in_its_figure(built_book):
    """Every figure of both editions, its wide and its phone layout: an abbreviation its caption
    explains ("CRRF: …", "CRRFは…") is one the figure shows (self-tests:
    tests/support/test_figure_checks.py)."""
    found = {}
    for rel, src, svg, caption_text in figures_beside_their_captions():
        missing = figure_checks.glossed_terms_not_shown(svg, caption_text)
        if missing:
            found.setdefault(f"{rel}: {src}", set()).update(missing)
    assert found == {}
