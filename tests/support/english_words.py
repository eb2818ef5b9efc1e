"""English words left in the Japanese text the data make (the discrepancy register, the
chronology, the glossary, the actor pages): a lower-case Latin word of three letters or more in a
Japanese block, once code, identifiers, file names, locators, names and quoted titles are taken
out, is a word of ours left untranslated (`about`, `undated`, `as printed`) or a code shown where
its Japanese word belongs. Names keep their Latin letters (`japanese_pages.latin_names`) and ids
stay as they are."""

from __future__ import annotations

import re

from support import japanese_pages as pages

# a lower-case word standing alone, not part of an id (kaz-2, as_of), a file name or a
# locator (§intro)
ENGLISH_WORD = re.compile(r"(?<![A-Za-z0-9_./§-])[a-z]{3,}(?![A-Za-z0-9_-])")


def english_words(page_html: str, names=frozenset(), identifiers=frozenset()) -> list[str]:
    """'word: the block's text' for every English word in a Japanese block of the page."""
    found = []
    for block in pages.blocks(pages.prose_of(pages.article(page_html))):
        text = pages.own_text(block)
        if not pages.JAPANESE.search(text):
            continue
        rest = pages.QUOTED_TITLE.sub(" ", pages.URL.sub(" ", text))
        rest = pages._without_names(rest, frozenset(names) | frozenset(identifiers))
        found += [f"{w}: {' '.join(text.split())[:120]}" for w in ENGLISH_WORD.findall(rest)]
    return found
