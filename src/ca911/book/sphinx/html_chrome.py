"""The theme's own words and marks on the HTML edition's pages in the edition's language: the
sidebar's and hidden cells' toggles named, the theme's English tooltips and landmark names, the copy
button's messages, and each contents entry's number in a box of its own. The themes write these in
Python or in scripts, not in templates the book's catalogs reach, so they are set on the pages as
Sphinx writes them or once the build has written them.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx

from ca911.book.records import edition_of

TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
THEME_WORDS = (
    ("aria-label", "Main"),
    ("title", "Toggle primary sidebar"),
    ("title", "Toggle secondary sidebar"),
)
TOGGLE_NAME = "Show or hide the pages of this section"  # in the edition's language: sphinx.po
# myst-nb names a hidden cell's toggle in English only, in its own HTML translator
HIDDEN_CONTENT_TOGGLE = '<summary aria-label="Toggle hidden content">'


def named_toggle() -> str:
    from sphinx.locale import _

    return (
        f'<summary aria-label="{_(TOGGLE_NAME)}"><span class="toctree-toggle" role="presentation">'
    )


def name_hidden_content_toggles(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    """A hidden cell's toggle is named in the edition's language (locales/<lang>/LC_MESSAGES/
    sphinx.po)."""
    from sphinx.locale import _

    if isinstance(context.get("body"), str) and HIDDEN_CONTENT_TOGGLE in context["body"]:
        context["body"] = context["body"].replace(
            HIDDEN_CONTENT_TOGGLE, f'<summary aria-label="{_("Toggle hidden content")}">'
        )


# A contents entry's number as Sphinx writes it: the link's first text ("11. ", with
# html_secnumber_suffix), or an appendix's letter, which its title carries ("B. ")
TOC_ENTRY_NUMBER = re.compile(
    r'(<li class="toctree-l\d[^"]*"><a class="[^"]*\breference internal\b[^"]*" href="[^"]*">)'
    r"((?:\d+(?:\.\d+)*|[A-Z])\. )"
)
TOC_NUMBER_CLASS = "ca911-toc-number"


def numbered_toc_entries(page_html: str) -> str:
    """Each number of a contents entry (the sidebar's and a page's toctree) in a box of its own,
    so that an entry too long for one line hangs its next lines under its text, not under its
    number (ca911-screen.css)."""
    return TOC_ENTRY_NUMBER.sub(rf'\1<span class="{TOC_NUMBER_CLASS}">\2</span>', page_html)


def name_toctree_toggles(app: Sphinx, exception) -> None:
    """The theme's sidebar toggles (<summary> with only an icon) have no accessible name: axe-core's
    serious summary-name on pages whose section is open (the actor pages). Each gets one, in every
    written page. pydata-sphinx-theme makes the sidebar in Python (its toctree HTML, cached across
    pages), not from a template an extension could override, so the written pages are where the
    toggle can be named, and where a numbered entry's number gets its box (numbered_toc_entries)."""
    if exception is not None:
        return
    from sphinx.locale import _

    named = named_toggle()
    # sphinx-book-theme writes these words of its sidebar in English only (its templates do not ask
    # the catalog): in the edition's language here too
    chrome = {
        f'{attribute}="{words}"': f'{attribute}="{_(words)}"' for attribute, words in THEME_WORDS
    }
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = numbered_toc_entries(text.replace(TOGGLE, named))
        for english, translated in chrome.items():
            new = new.replace(english, translated)
        if new != text:
            page.write_text(new, encoding="utf-8")


# sphinx-copybutton's words for a language its own table (`messages` in copybutton.js, chosen by the
# page's lang) does not hold; otherwise it falls back to English
COPYBUTTON_WORDS = {
    "ja": {
        "copy": "コピー",
        "copy_to_clipboard": "クリップボードにコピー",
        "copy_success": "コピーしました",
        "copy_failure": "コピーできませんでした",
    }
}
COPYBUTTON_TABLE = "const messages = {"


def copybutton_words(app: Sphinx, exception) -> None:
    """The edition's words join copybutton's table of messages in the copy written to _static."""
    import json

    words = COPYBUTTON_WORDS.get(edition_of(app.config.language))
    script = Path(app.outdir, "_static", "copybutton.js")
    if exception is not None or words is None or not script.is_file():
        return
    text = script.read_text(encoding="utf-8")
    entry = f"{json.dumps(app.config.language)}: {json.dumps(words, ensure_ascii=False)},"
    if COPYBUTTON_TABLE in text and entry not in text:
        text = text.replace(COPYBUTTON_TABLE, f"{COPYBUTTON_TABLE}\n  {entry}", 1)
        script.write_text(text, encoding="utf-8")
