"""A checker run in the browser: tables stretched across the text column although their content
would read at a fraction of it (a two-row list of codes whose words stand far apart). Each table's
natural width is measured by setting it to `max-content` for a moment; a table drawn at least `full`
of its column's width and more than `slack` times its natural width is stretched."""

from __future__ import annotations

STRETCHED_JS = """([full, slack]) => {
  const found = [];
  for (const table of document.querySelectorAll('article table, main table')) {
    if (table.closest('.dt-container') || table.parentElement.closest('table')) continue;
    const column = (table.closest('.pst-scrollable-table-container') || table).parentElement;
    const drawn = table.getBoundingClientRect().width;
    const saved = table.getAttribute('style');
    table.style.setProperty('width', 'max-content', 'important');
    const natural = table.getBoundingClientRect().width;
    if (saved === null) table.removeAttribute('style'); else table.setAttribute('style', saved);
    const room = column.getBoundingClientRect().width;
    if (drawn >= full * room && drawn > slack * natural) {
      const caption = table.querySelector('caption');
      found.push(`${Math.round(drawn)} px drawn, ${Math.round(natural)} px natural: ` +
                 (caption ? caption.innerText : table.innerText).replace(/\\s+/g, ' ').slice(0, 70));
    }
  }
  return found;
}"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)


def stretched_tables(page, full: float = 0.9, slack: float = 1.6) -> list[str]:
    """Tables of the page (a Playwright page) stretched across the column beyond their natural
    width."""
    return page.evaluate(STRETCHED_JS, [full, slack])
