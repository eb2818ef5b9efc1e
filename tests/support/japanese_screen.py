"""English a reader of the Japanese edition meets only once the page is on screen: words a script
writes after the page loads (DataTables' info line, search label, headers and the names of its
buttons) and words a stylesheet draws (CSS generated content: `content: "..."` of ::before and
::after, such as a table's scroll cue), which no check of the built HTML file sees.

`rendered(page)` reads, in the browser after the scripts ran, the document as it then stands, every
string a pseudo-element draws, every accessible name, tooltip and placeholder as the scripts left
them (aria-label, title, alt, placeholder, aria-description) and the footers' text.
`untranslated_on_screen` applies the Japanese pages' checks (tests/support/japanese_pages.py) to the
document, the label rule (a Latin word and no Japanese, names taken out) to what widgets and
stylesheets write outside the blocks of prose and to the accessible names, the footer rule
(english_in_footer: no Latin word but names and licences, no Latin full stop closing Japanese) to
the footers, and names each finding. Self-tests on small broken pages:
tests/support/test_japanese_screen.py.
"""

from __future__ import annotations

import json
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
  // every name a tooltip, a field or assistive technology gives an element, as the scripts left it
  // (hidden elements too: the theme's print-only header is read when the page is printed)
  const labels = [];
  for (const el of document.querySelectorAll("*")) {
    const declared = el.closest("[lang]");
    if (declared && !declared.lang.toLowerCase().startsWith("ja")) continue;
    for (const attribute of LABEL_ATTRIBUTES) {
      const text = el.getAttribute(attribute);
      if (text && text.trim()) labels.push({element: describe(el), attribute, text});
    }
  }
  const footer = [...document.querySelectorAll("footer")].map((el) => el.innerText).join("\n");
  // Japanese text set in a slanted style (kana and kanji have no italic: the browser shears them)
  const slanted = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/[\u3040-\u30ff\u3400-\u9fff]/.test(node.data) || !node.parentElement) continue;
    const style = getComputedStyle(node.parentElement);
    if (style.fontStyle !== "normal" && node.parentElement.getClientRects().length)
      slanted.push({element: describe(node.parentElement), text: node.data.trim().slice(0, 40)});
  }
  return {html: document.documentElement.outerHTML, generated, labels, footer, slanted};
}
""".replace("/*DESCRIBE_ELEMENT*/\n", DESCRIBE_ELEMENT_JS + "/*LABEL_ATTRIBUTES*/\n")  # noqa: E501 (a script given whole, as the browser reads it)
# the attributes that name an element: the built pages' label check's, and the ARIA descriptions
NAMING_ATTRIBUTES = (*checks.LABEL_ATTRIBUTES, "aria-description", "aria-roledescription")
RENDERED_JS = RENDERED_JS.replace(
    "/*LABEL_ATTRIBUTES*/", f"const LABEL_ATTRIBUTES = {json.dumps(NAMING_ATTRIBUTES)};"
)

# Elements a widget writes its words into outside the blocks of prose the prose check reads (a
# DataTables info line is a <div>, its search label a <label>, a menu's item an <option>); inside a
# block of prose (a link's text in a paragraph) the prose check reads the block as a whole.
WIDGET_TEXT = ("div", "span", "label", "button", "option", "a", "nav", "summary")
# Formats named as themselves (a download's column heads: GraphML, GEXF)
FORMAT_NAMES = frozenset({"GraphML", "GEXF"})
# A download menu names its files by their extension (.ipynb, .pdf): no word to translate.
FILE_EXTENSION = re.compile(r"(?<![\w.])\.[a-z0-9]{2,5}\b")


# What a footer may name in Latin letters in a Japanese sentence: the team's name and the licences
FOOTER_NAMES = frozenset({"ca911", "CC BY", "MIT"})
# a Latin full stop closing a line of Japanese (a Japanese sentence ends with 。, even after "MIT")
LATIN_STOP_CLOSING = re.compile(r"\.\s*$")


def rendered(page) -> dict:
    """The page as it stands in the browser (scripts run): {"html", "generated": [{element,
    text}], "labels": [{element, attribute, text}], "footer": the footers' text}."""
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


def english_in_footer(footer_text: str, names=frozenset()) -> list[str]:
    """A Japanese page's footer (author, copyright line) is Japanese: no Latin word apart from
    names and licences, and no line of Japanese closed by a Latin full stop (the theme's
    "© Copyright ….")."""
    found = []
    for line in filter(str.strip, footer_text.splitlines()):
        rest = checks._without_names(checks.URL.sub(" ", line), frozenset(names) | FOOTER_NAMES)
        japanese_closed_in_latin = checks.JAPANESE.search(line) and LATIN_STOP_CLOSING.search(line)
        if checks.LATIN_WORD.search(rest) or japanese_closed_in_latin:
            found.append(" ".join(line.split())[:80])
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
        *(
            f"accessible name: {label['element']} {label['attribute']}={label['text'][:80]!r}"
            for label in state.get("labels", [])
            if _english(label["text"], names)
        ),
        *(f"footer: {text}" for text in english_in_footer(state.get("footer", ""), names)),
    ]


def slanted_japanese(state: dict) -> list[str]:
    """Every visible Japanese text of a rendered page set in an italic or oblique style."""
    return [f"slanted: {s['element']}: {s['text']!r}" for s in state.get("slanted", [])]
