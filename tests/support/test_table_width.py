"""The table-width checker of tests/support/table_width.py on synthetic pages in Chromium: a two-row
table stretched across the column is found; one at its natural width and a full one of running prose
pass."""

from __future__ import annotations

from support.table_width import stretched_tables

SHORT = (
    "<table {attrs}><caption>Codes of "
    "status.</caption><thead><tr><th>code</th><th>meaning</th></tr></thead>"
    "<tbody><tr><td>member</td><td>a full member</td></tr><tr><td>observer</td><td>an "
    "observer</td></tr></tbody></table>"
)


LONG = (
    "<table style='width:100%'><caption>Prose.</caption><tr><td>"
    + "a long cell of running prose " * 12
    + "</td><td>x</td></tr></table>"
)


def synthetic(browser, body: str) -> list[str]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.set_content(
            f"<html><body><main style='width:700px'><article>{body}</article></main></body></html>"
        )
        return stretched_tables(page)
    finally:
        context.close()


def test_the_checker_finds_a_stretched_two_row_table(browser):
    found = synthetic(browser, SHORT.format(attrs="style='width:100%'"))
    assert len(found) == 1 and "Codes of status" in found[0], found


def test_the_checker_passes_a_table_at_its_natural_width_and_a_full_one(browser):
    assert synthetic(browser, SHORT.format(attrs="") + LONG) == []
