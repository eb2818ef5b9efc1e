"""Every page of the built book on a phone (390 px, mobile emulation, device scale 3): nothing wider
than the screen, every figure whole with a link to its full size, every table whole or scrolling
with a visible cue, captions in view, words in table cells whole, no cell of Japanese text squeezed
to a character or two a line or narrower than four characters, no overprinting cells, no text
under 11 px or lighter than 400, and every face one the stylesheet names. One visit per page; the
checks are tests/support/screen_fit.py (tested on broken pages in
tests/support/test_screen_fit.py)."""

from __future__ import annotations

import pytest

from support import screen_fit
from support.project import sample_actor_pages, site_pages

pytestmark = pytest.mark.book
# every edition's pages, the Japanese ones as ja/...
PAGES = site_pages(
    lambda html_dir: screen_fit.book_pages(
        html_dir, lambda pages: sample_actor_pages(pages, html_dir)
    )
) or ["index.html"]


@pytest.fixture(scope="module")
def on_phone(browser, site):
    cache: dict[str, list[dict]] = {}

    def problems(path: str) -> list[dict]:
        if path not in cache:
            cache[path] = screen_fit.visit_and_measure(
                browser, site, path, screen_fit.PHONE, phone=True
            )
        return cache[path]

    return problems


@pytest.mark.parametrize("path", PAGES)
def test_page_fits_a_phone(on_phone, path):
    found = screen_fit.of_kinds(on_phone(path), screen_fit.FIT_KINDS)
    assert not found, screen_fit.report(path, found)


@pytest.mark.parametrize("path", PAGES)
def test_no_overprinting_on_a_phone(on_phone, path):
    found = screen_fit.of_kinds(on_phone(path), screen_fit.OVERPRINT_KINDS)
    assert not found, screen_fit.report(path, found)


@pytest.mark.parametrize("path", PAGES)
def test_type_on_a_phone(on_phone, path):
    found = screen_fit.type_problems(on_phone(path))
    assert not found, screen_fit.report(path, found)


@pytest.mark.parametrize("path", PAGES)
def test_no_japanese_cell_squeezed_on_a_phone(on_phone, path):
    found = screen_fit.of_kinds(on_phone(path), screen_fit.SQUEEZED_KINDS)
    assert not found, screen_fit.report(path, found)
