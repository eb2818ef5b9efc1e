"""Every page of the built book on a desktop screen (1280 px): no two table cells' text overprint
and no cell's text runs out of its cell, every table fits its column without scrolling, no text
lighter than 400 and every face one the stylesheet names; one search box; the landing page's title
is not the book's title again. One visit per page; the checks are tests/support/screen_fit.py
(tested in tests/support/test_screen_fit.py)."""

from __future__ import annotations

import re

import pytest
import yaml

from support import screen_fit
from support.project import HTML, ROOT, sample_actor_pages, site_pages

pytestmark = pytest.mark.book
# every edition's pages, the Japanese ones as ja/...
PAGES = site_pages(
    lambda html_dir: screen_fit.book_pages(
        html_dir, lambda pages: sample_actor_pages(pages, html_dir)
    )
) or ["index.html"]


@pytest.fixture(scope="module")
def on_desktop(browser, site):
    cache: dict[str, list[dict]] = {}

    def problems(path: str) -> list[dict]:
        if path not in cache:
            cache[path] = screen_fit.visit_and_measure(
                browser, site, path, screen_fit.DESKTOP, phone=False
            )
        return cache[path]

    return problems


@pytest.mark.parametrize("path", PAGES)
def test_no_overprinting_on_a_desktop(on_desktop, path):
    found = screen_fit.of_kinds(on_desktop(path), screen_fit.OVERPRINT_KINDS)
    assert not found, screen_fit.report(path, found)


@pytest.mark.parametrize("path", PAGES)
def test_tables_and_figures_fit_the_desktop_column(on_desktop, path):
    found = screen_fit.of_kinds(on_desktop(path), screen_fit.FIT_KINDS)
    assert not found, screen_fit.report(path, found)


@pytest.mark.parametrize("path", PAGES)
def test_type_on_a_desktop(on_desktop, path):
    found = screen_fit.type_problems(on_desktop(path))
    assert not found, screen_fit.report(path, found)


def test_one_search_box_on_a_desktop(visit):
    page = visit("index.html").page
    boxes = page.evaluate("""() => [...document.querySelectorAll('.search-button-field, form.bd-search input')]
        .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden').length""")  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
    assert boxes == 1, f"index.html at 1280 px shows {boxes} search boxes"


def test_the_landing_title_is_not_the_book_title(built_book):
    title = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]
    h1 = re.search(
        r"<h1[^>]*>(.*?)</h1>", (HTML / "index.html").read_text(encoding="utf-8"), re.S
    ).group(1)
    assert re.sub(r"<[^>]+>|¶|#", "", h1).strip() != title


def test_the_page_contents_open_from_the_article_header_where_the_rail_gives_way(visit):
    """At 1280 px the main column takes the right rail's width; the page's contents stay one click
    away."""
    page = visit("methods/codebook.html").page
    rail = page.evaluate(
        "() => getComputedStyle(document.querySelector('#pst-secondary-sidebar')).display"
    )
    assert rail == "none"
    page.locator(".bd-header-article button.secondary-toggle").click()
    entries = page.locator("#pst-secondary-sidebar-modal[open] nav.page-toc a")
    entries.first.wait_for(state="visible", timeout=5000)
    assert entries.count() > 3
