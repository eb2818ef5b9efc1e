"""English a reader of the Japanese edition meets only once the page is on screen: words a script
writes after the page loads (DataTables' info line, search label, headers and the names of its
buttons) and words a stylesheet draws (CSS generated content: `content: "..."` of ::before and
::after, such as a table's scroll cue), which no check of the built HTML file sees.

`rendered(page)` reads, in the browser after the scripts ran, the document as it then stands and
every string a pseudo-element draws; `untranslated_on_screen` applies the Japanese pages' checks
(tests/support/japanese_pages.py) to the document, the label rule (a Latin word and no Japanese,
names taken out) to what widgets and stylesheets write outside the blocks of prose, and names each
finding. Self-tests on small broken pages: tests/support/test_japanese_screen.py.
"""

from __future__ import annotations

import re

from bs4 import Comment

from support import japanese_pages as checks
from support.screen_fit import DESCRIBE_ELEMENT_JS

RENDERED_JS = r"""
() => {
/*DESCRIBE_ELEMENT*/
  const generated = [];
  for (const el of document.body.querySelectorAll("*")) {
    // text declared in another language may draw words of that language
    const declared = el.closest("[lang]");
    if (declared && !declared.lang.toLowerCase().startsWith("ja")) continue;
    for (const pseudo of ["::before", "::after"]) {
      const content = getComputedStyle(el, pseudo).content || "";
      for (const m of content.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
        const text = m[1].replace(/\\(.)/g, "$1");
        if (text.trim()) generated.push({element: describe(el) + pseudo, text});
      }
    }
  }
  return {html: document.documentElement.outerHTML, generated};
}
""".replace("/*DESCRIBE_ELEMENT*/\n", DESCRIBE_ELEMENT_JS)  # noqa: E501 (a script given whole, as the browser reads it)

# Elements a widget writes its words into outside the blocks of prose the prose check reads (a
# DataTables info line is a <div>, its search label a <label>, a menu's item an <option>); inside a
# block of prose (a link's text in a paragraph) the prose check reads the block as a whole.
WIDGET_TEXT = ("div", "span", "label", "button", "option", "a", "nav", "summary")
# Formats named as themselves (a download's column heads: GraphML, GEXF)
FORMAT_NAMES = frozenset({"GraphML", "GEXF"})
# A download menu names its files by their extension (.ipynb, .pdf): no word to translate.
FILE_EXTENSION = re.compile(r"(?<![\w.])\.[a-z0-9]{2,5}\b")


def rendered(page) -> dict:
    """The page as it stands in the browser (scripts run): {"html", "generated": [{element,
    text}]}."""
    return page.evaluate(RENDERED_JS)


def _english(text: str, names) -> bool:
    text = FILE_EXTENSION.sub(" ", checks.URL.sub(" ", text))
    text = checks._without_names(text, frozenset(names) | FORMAT_NAMES)
    return bool(checks.LATIN_WORD.search(text)) and not checks.JAPANESE.search(text)


def untranslated_widget_text(page_html: str, names=frozenset()) -> list[str]:
    """Words a widget writes that are English (a Latin word and no Japanese once names,
    identifiers, code and text declared in another language are taken out): the own text (not a
    nested element's) of every WIDGET_TEXT element outside the blocks of prose, and the whole text
    of every header cell, whose one or two words the prose check's three-word floor lets
    through."""
    found = []
    root = checks.prose_of(checks.article(page_html))
    for hidden in root.select(".onlyprint"):  # the theme's print-only header
        hidden.decompose()
    for tag in root.find_all(WIDGET_TEXT):
        if tag.find_parent(checks.BLOCKS):
            continue
        own = "".join(
            str(s) for s in tag.find_all(string=True, recursive=False) if not isinstance(s, Comment)
        )
        if own.strip() and _english(own, names):
            found.append(f"<{tag.name}> {' '.join(own.split())[:80]}")
    for cell in root.find_all("th"):
        text = cell.get_text(" ")
        if text.strip() and _english(text, names):
            found.append(f"<th> {' '.join(text.split())[:80]}")
    return found


def untranslated_on_screen(state: dict, names=frozenset()) -> list[str]:
    """Every English text of a rendered Japanese page: prose blocks, labels, widget words, and the
    strings its stylesheets draw."""
    page_html = state["html"]
    return [
        *(f"prose: {text}" for text in checks.untranslated(page_html, names)),
        *(f"label: {text}" for text in checks.untranslated_labels(page_html, names)),
        *(f"widget: {text}" for text in untranslated_widget_text(page_html, names)),
        *(
            f"drawn by CSS: {g['element']}: {g['text']!r}"
            for g in state["generated"]
            if _english(g["text"], names)
        ),
    ]
