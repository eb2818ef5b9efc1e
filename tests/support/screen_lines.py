"""Where the browser breaks lines, read from the laid-out page (Range rectangles, one per
character), for two checks of how text wraps on screen:

- `toc_entries_hanging_under_their_number(page)`: a numbered contents entry ("11. バンドワゴン型
  か…", the sidebar's or a page's contents) that takes more than one line starts every line in its
  title's column; a line that starts left of the title starts under the number.
- `katakana_words_broken_in_headers(page)`: no table header cell breaks a line between two
  katakana of one word (「はたらき · モダ｜リティ」); a Japanese header breaks between phrases.
  `katakana_words_broken_in_cells(page)`: the same for every cell, head or body (「ユーラシア経済共
  同体」 in a narrow glossary column).
- `rows_scrolling_sideways(page, selector)`: the tables laid out a row at a time on a phone need
  no sideways scroll, and each labelled cell shows its column's name above it.
- `small_edition_switches(page)`: the link to the other edition is a control a finger can hit and
  an eye can read (a target at least 24 px each way, text at least 14 px).

Each returns descriptions of what it found (empty: nothing). Self-tests on small pages drawn both
ways: tests/support/test_screen_lines.py."""

from __future__ import annotations

import re

TOC_JS = r"""
() => {
  const found = [];
  const entries = document.querySelectorAll(
    ":is(nav.bd-links, .toctree-wrapper, nav) li > a.reference");
  for (const link of entries) {
    if (!link.getClientRects().length || link.offsetParent === null) continue;
    const text = link.textContent;
    const number = text.match(/^\s*(?:\d+(?:\.\d+)*|[A-Z])\.\s+/);  // 11. or an appendix's B.
    if (!number) continue;
    // the title: from its first character to the link's end
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    let skip = number[0].length, start = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (skip < node.data.length) { start = [node, skip]; break; }
      skip -= node.data.length;
    }
    if (!start) continue;
    const range = document.createRange();
    range.setStart(...start);
    range.setEndAfter(link.lastChild);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    if (!rects.length) continue;
    const titleLeft = rects[0].left;
    const lines = new Map();  // a line's top -> its leftmost character
    for (const r of rects) {
      const top = Math.round(r.top);
      const key = [...lines.keys()].find((t) => Math.abs(t - top) < r.height / 2) ?? top;
      lines.set(key, Math.min(lines.get(key) ?? Infinity, r.left));
    }
    const lefts = [...lines.values()];
    const off = lefts.filter((left) => Math.abs(left - titleLeft) > 1.5);
    if (off.length) {
      found.push(`${text.trim().slice(0, 40)}: ${lefts.length} lines, ` +
                 `title at ${titleLeft.toFixed(0)} px, ` +
                 `a line at ${Math.min(...off).toFixed(0)} px`);
    }
  }
  return found;
}
"""

HEADER_BREAKS_JS = r"""
(CELLS) => {
  const katakana = /[\u30a1-\u30fa\u30fc-\u30ff\uff66-\uff9f]/;
  const found = [];
  for (const cell of document.querySelectorAll(CELLS)) {
    if (!cell.getClientRects().length) continue;
    const chars = [];  // [character, its rectangle's top], in reading order
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0) chars.push([node.data[i], rect.top, rect.height]);
      }
    }
    for (let i = 1; i < chars.length; i++) {
      const [before, top0, height] = chars[i - 1];
      const [after, top1] = chars[i];
      if (top1 - top0 > height / 2 && katakana.test(before) && katakana.test(after)) {
        const text = chars.map((c) => c[0]).join("");
        found.push(`${text.slice(0, i)}｜${text.slice(i)}`);
      }
    }
  }
  return found;
}
"""


def toc_entries_hanging_under_their_number(page) -> list[str]:
    """Numbered contents entries, shown on the page, one of whose lines starts off their title's
    column."""
    return page.evaluate(TOC_JS)


def katakana_words_broken_in_headers(page) -> list[str]:
    """Each header cell's text with ｜ where a line breaks between two katakana."""
    return page.evaluate(HEADER_BREAKS_JS, "th")


def katakana_words_broken_in_cells(page) -> list[str]:
    """Each table cell's (head or body) text with ｜ where a line breaks between two katakana."""
    return page.evaluate(HEADER_BREAKS_JS, "article :is(th, td)")


STACKED_JS = r"""
(selector) => {
  const found = [];
  for (const table of document.querySelectorAll(selector)) {
    const box = table.closest(".pst-scrollable-table-container") || table.parentElement;
    if (box.scrollWidth > box.clientWidth + 1 || table.getBoundingClientRect().right >
        document.documentElement.clientWidth + 1) {
      found.push(`${table.id}: ${box.scrollWidth} px wide in a box of ${box.clientWidth} px`);
    }
    for (const cell of table.querySelectorAll("tbody [data-label]")) {
      const label = getComputedStyle(cell, "::before").content;
      if (label !== JSON.stringify(cell.dataset.label)) {
        found.push(`${table.id}: a cell under ${cell.dataset.label} shows ${label} before it`);
      }
    }
    if (!table.querySelector("tbody [data-label]")) found.push(`${table.id}: no labelled cell`);
  }
  return found;
}
"""


def rows_scrolling_sideways(page, selector: str) -> list[str]:
    """Each table matching `selector` that is wider than its box or the screen, or whose labelled
    cells do not show their label."""
    return page.evaluate(STACKED_JS, selector)


# WCAG 2.2 target size (minimum), and the book's smallest text for reading on a phone
MIN_TARGET_PX = 24
MIN_SWITCH_TEXT_PX = 14

SWITCH_JS = r"""
([minTarget, minText]) => {
  const found = [];
  const links = [...document.querySelectorAll("a.ca911-edition-switch")];
  for (const link of links) {
    const r = link.getBoundingClientRect();
    const size = parseFloat(getComputedStyle(link).fontSize);
    const seen = r.width > 0 && r.height > 0 && r.right <= document.documentElement.clientWidth + 1;
    if (!seen || r.width < minTarget || r.height < minTarget || size < minText) {
      found.push(`${link.textContent.trim()}: ${r.width.toFixed(0)}×${r.height.toFixed(0)} px, ` +
                 `text ${size} px${seen ? "" : ", not in view"}`);
    }
  }
  if (!links.length) found.push("no link to the other edition");
  return found;
}
"""


def small_edition_switches(page) -> list[str]:
    """Each link to the other edition that is out of view, smaller than a 24 px target or set in
    text under 14 px (or the page has none)."""
    return page.evaluate(SWITCH_JS, [MIN_TARGET_PX, MIN_SWITCH_TEXT_PX])


HEADING_LINES_JS = r"""
(selector) => {
  const found = [];
  for (const heading of document.querySelectorAll(selector)) {
    if (!heading.getClientRects().length) continue;
    let text = "";
    const breaks = [];
    let lastTop = null, lastHeight = 0, lastInCode = false;
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest(".headerlink")) continue;
      // a file or field name (code) may wrap anywhere, by the stylesheet's choice: not a word
      const inCode = !!node.parentElement.closest("code");
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0 && !/\s/.test(node.data[i])) {
          if (lastTop !== null && rect.top - lastTop > lastHeight / 2 && !(inCode && lastInCode)) {
            breaks.push(text.length);
          }
          lastTop = rect.top;
          lastHeight = rect.height;
          lastInCode = inCode;
        }
        text += node.data[i];
      }
    }
    found.push([text, breaks]);
  }
  return found;
}
"""


def heading_lines(page, selector: str = "article :is(h1, h2)") -> list[tuple[str, list[int]]]:
    """Each shown heading's text (its link mark left out) and the offsets in it where a new line
    starts (at its first character that is not a space), but inside code: a file name in a heading
    wraps anywhere rather than make a phone's page scroll sideways (ca911-screen.css)."""
    return [(text, breaks) for text, breaks in page.evaluate(HEADING_LINES_JS, selector)]


HYPHENS = ("-", "‐", "–", "—", "/")
# a phone's heading line holds about twelve Japanese characters: a phrase (a compound, a name with
# no kana in it) longer than that cannot stay whole
LONG_PHRASE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{13,}")


def _phrase_at(text: str, k: int, boundaries: set[int]) -> str:
    """The Japanese phrase around offset k: from the boundary before it to the one after."""
    start = max((b for b in boundaries if b < k), default=0)
    end = min((b for b in boundaries if b > k), default=len(text))
    return text[start:end]


def words_broken_in_headings(lines: list[tuple[str, list[int]]]) -> list[str]:
    """Headings with a line break inside a word, the text marked ｜ there: a line may start after a
    space or a hyphen, or in Japanese at a phrase boundary (japanese_phrases.phrase_breaks, the
    boundaries the print edition breaks its headings at)."""
    from ca911.book.sphinx.print_marks_ja import JAPANESE_CHARACTER
    from ca911.figures.japanese_phrases import phrase_breaks

    found = []
    for text, breaks in lines:
        japanese = set(phrase_breaks(text)) if JAPANESE_CHARACTER.search(text) else set()
        for k in breaks:
            before = text[:k].rstrip()
            if k != len(before) or before.rstrip("］]）)").endswith(HYPHENS) or k in japanese:
                continue
            if LONG_PHRASE.search(_phrase_at(text, k, japanese)):
                continue  # a phrase longer than a phone's line must break somewhere
            found.append(f"{text[:k]}｜{text[k:]}".strip())
    return found
