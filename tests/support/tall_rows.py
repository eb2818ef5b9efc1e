"""Table rows a phone makes very tall: an id or locator (set as code) squeezed into a narrow column
breaks over many lines, and its row grows with it.

`wrapped_codes(page)` runs in the browser on a Playwright page (open it at phone width) and returns
every code element of a table cell that takes more than `most` lines (a locator, "ch3 §2 ¶14", or a
download's file name more than one: each is read whole), with its text and its table's caption.

A plain function of a page, so tests/support/test_tall_rows.py shows it fails on a small broken
page; tests/test_reader_references.py runs it on the book's pages at 390 px.
"""

from __future__ import annotations

MEASURE_JS = """(most) => {
  const found = [];
  for (const code of document.querySelectorAll('td code, th code')) {
    const tops = new Set([...code.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
    const whole = code.classList.contains('ca911-locator') || code.classList.contains('download');
    if (tops.size > (whole ? 1 : most)) {
      const table = code.closest('table');
      const caption = table && table.querySelector('caption');
      found.push({lines: tops.size, whole: whole,
                  text: code.textContent.trim().slice(0, 50),
                  table: caption ? caption.textContent.trim().slice(0, 60) : ''});
    }
  }
  return found;
}"""  # noqa: E501 (a script given whole, as the browser reads it)


def wrapped_codes(page, most: int = 2) -> list[dict]:
    """Every id in a table cell that the page's width breaks over more than `most` lines, and
    every locator or file name it breaks at all."""
    return page.evaluate(MEASURE_JS, most)
