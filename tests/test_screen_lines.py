"""How the book's text wraps on screen, at 1280 px and on a 390 px phone, in both editions: a
numbered contents entry too long for a line hangs under its title, not its number (the sidebar,
open in its drawer on a phone); a Japanese table header breaks between phrases, never inside a
katakana word. The checks: tests/support/screen_lines.py, self-tested in
tests/support/test_screen_lines.py."""

from __future__ import annotations

import pytest

from support import screen_fit, screen_lines

pytestmark = pytest.mark.book

SIZES = {"1280": (screen_fit.DESKTOP, False), "390": (screen_fit.PHONE, True)}


def _open(browser, site, path, size):
    device, phone = SIZES[size]
    context = browser.new_context(color_scheme="light", **device)
    page = context.new_page()
    page.goto(f"{site}/{path}", wait_until="load")
    page.wait_for_load_state("networkidle")
    if phone:  # the sidebar is a drawer the header's button opens
        page.locator("button.primary-toggle").first.click()
        page.locator("nav.bd-links").first.wait_for(state="visible")
    return context, page


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", ["ja/notebooks/network_alignment.html", "index.html"])
def test_a_wrapped_contents_entry_hangs_under_its_title(browser, site, path, size):
    context, page = _open(browser, site, path, size)
    try:
        entries = page.locator("nav.bd-links li > a.reference").count()
        found = screen_lines.toc_entries_hanging_under_their_number(page)
    finally:
        context.close()
    assert entries >= 17
    assert found == [], f"{path} at {size} px:\n" + "\n".join(found)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "path",
    ["ja/appendices/sentence_map.html", "ja/appendices/glossary.html", "ja/methods/codebook.html"],
)
def test_japanese_table_headers_break_between_phrases(browser, site, path, size):
    device, _ = SIZES[size]
    context = browser.new_context(color_scheme="light", **device)
    try:
        page = context.new_page()
        page.goto(f"{site}/{path}", wait_until="load")
        page.wait_for_load_state("networkidle")
        headers = page.locator("article th").count()
        found = screen_lines.katakana_words_broken_in_headers(page)
    finally:
        context.close()
    assert headers > 0
    assert found == [], f"{path} at {size} px:\n" + "\n".join(found)
