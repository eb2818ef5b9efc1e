"""The book's search as a reader uses it, in the browser: a query typed into an edition's search
page, the pages it lists (Sphinx's searchtools.js with the edition's language_data.js) and the
status line it shows once it has listed them, the summaries under its results and whether they
read as text (summary_residue), the pages whose text holds the query, and whether the search
field's text starts clear of the icon the theme draws over its left edge.

Self-tests on small pages: tests/support/test_site_search.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from bs4 import BeautifulSoup

# searchtools.js sets the results' title ("Searching" until then) once it has listed the last page
# found, and the status line just after it. Not its pulse counter: a pulse timer pending when the
# search stops sets it going again (from -1 to 0), so on a busy machine it is seldom seen stopped.
SEARCH_FINISHED_JS = (
    "() => typeof Search !== 'undefined' && Search.title"
    " && Search.title.innerText === Documentation.gettext('Search Results')"
)
NOT_PAGES = ("_static", "_sources", "_images", "_downloads")


def search_page(browser, origin: str, edition_dir: str, query: str) -> tuple[set[str], str]:
    """The pages (paths in the edition) the edition's search page lists for `query`, and the
    status line it shows under its title once it has listed them."""
    prefix = f"{edition_dir}/" if edition_dir else ""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{origin}/{prefix}search.html?q={quote(query)}", wait_until="load")
        page.wait_for_function(
            SEARCH_FINISHED_JS, timeout=120_000
        )  # two test workers share the cores
        links = page.eval_on_selector_all(
            "#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))"
        )
        status = page.evaluate("() => Search.status.textContent.trim()")
        return {link.split("#")[0].split("?")[0] for link in links}, status
    finally:
        context.close()


def pages_containing(html_dir: Path, word: str) -> set[str]:
    """The edition's pages whose article text holds `word` (the text Sphinx indexes)."""
    found = set()
    for path in html_dir.rglob("*.html"):
        rel = path.relative_to(html_dir)
        if rel.parts[0] in NOT_PAGES or rel.name in ("search.html", "genindex.html"):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.bd-article")
        if article is not None and word in article.get_text():
            found.add(rel.as_posix())
    return found


SPLIT_JS = "texts => texts.map(text => splitQuery(text))"


def splitter_disagreements(page, splitter_js: str, split, texts: list[str]) -> list[str]:
    """Texts the query splitter (`splitter_js`, run in `page`) splits otherwise than `split`, the
    index's splitter with its filter, does."""
    page.add_script_tag(content=splitter_js)
    in_browser = page.evaluate(SPLIT_JS, texts)
    return [
        f"{text}: index {split(text)}, query {words}"
        for text, words in zip(texts, in_browser, strict=True)
        if words != split(text)
    ]


# The search fields on a page (the search page's, the search dialog's): where each one's text
# starts, its icon's right edge and its border's left edge.
SEARCH_FIELD_JS = r"""
(minGap) => {
  const problems = [];
  for (const form of document.querySelectorAll("form.bd-search")) {
    const input = form.querySelector("input");
    const icon = form.querySelector("i, svg, .icon");
    if (!input) continue;
    const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    // a closed dialog's field: measured as it draws once opened
    const dialog = form.closest("dialog");
    if (dialog && !dialog.open) dialog.show();
    if (!shown(input)) { if (dialog) dialog.close(); continue; }
    const s = getComputedStyle(input);
    const box = input.getBoundingClientRect(), outer = form.getBoundingClientRect();
    const textStart = box.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft);
    const where = (dialog ? "the search dialog's field" : "the search field") + ` (${input.placeholder})`;
    if (icon && shown(icon)) {
      const iconRight = icon.getBoundingClientRect().right;
      if (textStart < iconRight + minGap)
        problems.push(`${where}: text starts at ${textStart.toFixed(1)}px, its icon ends at ${iconRight.toFixed(1)}px`);
    }
    if (textStart < outer.left + parseFloat(getComputedStyle(form).borderLeftWidth) + minGap)
      problems.push(`${where}: text starts ${(textStart - outer.left).toFixed(1)}px inside its border`);
    if (dialog) dialog.close();
  }
  return problems;
}
"""  # noqa: E501 (a script given whole, as the browser reads it)
MIN_GAP_PX = 4


def search_field_problems(page, min_gap: float = MIN_GAP_PX) -> list[str]:
    """Every search field whose text starts under its icon or less than `min_gap` px from it or
    from the field's border."""
    return page.evaluate(SEARCH_FIELD_JS, min_gap)


# A result's summary is running text: a run of white space (a line break, the indentation of the
# page's HTML) is what a page's layout leaves when its text is read without it (the theme's
# header and menus, the print-only copy of the title, a table's rows).
LAYOUT_RESIDUE = re.compile(r"\s{2,}|\n")
SUMMARIES_SHOWN_JS = """() => {
  const items = document.querySelectorAll("#search-results ul.search li");
  return items.length > 0 && [...items].slice(0, 8).every((li) => li.querySelector("p.context"));
}"""


def summaries(browser, origin: str, edition_dir: str, query: str, without=()) -> list[str]:
    """The summaries under the first eight results of the edition's search for `query`, as the
    search page shows them; `without`: scripts (file names) the page is served without."""
    prefix = f"{edition_dir}/" if edition_dir else ""
    context = browser.new_context()
    try:
        page = context.new_page()
        for name in without:
            page.route(f"**/{name}*", lambda route: route.abort())
        page.goto(f"{origin}/{prefix}search.html?q={quote(query)}", wait_until="load")
        page.wait_for_function(SUMMARIES_SHOWN_JS, timeout=120_000)
        return page.eval_on_selector_all(
            "#search-results ul.search li p.context", "ps => ps.slice(0, 8).map(p => p.textContent)"
        )
    finally:
        context.close()


def summary_residue(summary: str) -> list[str]:
    """Where a summary shows the page's layout instead of its text (LAYOUT_RESIDUE), each with
    the words around it."""
    return [
        repr(summary[max(m.start() - 20, 0) : m.end() + 20])
        for m in LAYOUT_RESIDUE.finditer(summary)
    ]
