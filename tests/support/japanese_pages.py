"""Checks of the Japanese HTML edition's pages, on a page's HTML: prose left in English, and runs of
the chapters' own text outside declared quotations.

- untranslated prose: a block of the page's article (paragraph, list item, caption, table cell,
  heading) whose Latin letters outnumber its Japanese characters and that holds at least three
  Latin words, once code, identifiers, locators, URLs, the reference list, quoted titles, text
  declared in another language (lang="en") and the known Latin names are taken out;
- our own words: no run of 20 characters of a block (whitespace removed, NFKC) that occurs in
  either chapter, once the declared quotations (the values of the data's fields marked
  `"quotation": true`: names, Table 1's cells, figures as printed) are taken out, the same rule
  as ca911.book.catalogs.copied_run applies to a catalog's translations. Quotations under three
  characters are not taken out (see copied_runs).
"""

from __future__ import annotations

import csv
import functools
import json
import re
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from ca911.sources.copied_text import RUN, copied_run

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{3,}")
# Blocks whose text is read, innermost first (a list item's own text without its nested lists).
BLOCKS = ["p", "li", "dt", "dd", "figcaption", "caption", "th", "td", "h1", "h2", "h3", "h4", "h5"]
# What may be Latin in a Japanese page: code, identifiers, locators, file names, the reference list
# and citations (author names, romanised and English titles), maths.
NOT_PROSE = [
    "pre",
    "code",
    "kbd",
    "samp",
    "script",
    "style",
    "math",
    ".math",
    ".ca911-id",
    ".ca911-locator",
    ".notranslate",
    "cite",
    "div.citation",
    ".citation-list",
    '[role="doc-bibliography"]',
    "span.cite",
    "a.bibtex",
]
QUOTED_TITLE = re.compile(r"“[^”]*”|\"[^\"]*\"|『[^』]*』|‘[^’]*’")
URL = re.compile(r"\b(?:https?://|doi:|www\.)\S+|\b[\w.-]+\.(?:csv|json|zip|md|ipynb|bib|cff|py)\b")


def _normalised(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def article(page_html: str) -> Tag:
    """The page's own content: the theme's article, or the body of a page without one."""
    soup = BeautifulSoup(page_html, "html.parser")
    return soup.select_one("article.bd-article") or soup.body or soup


def blocks(root: Tag) -> list[Tag]:
    """The text blocks of an article; a block holding other blocks is read for its own text only
    (own_text), its nested blocks on their own."""
    return root.find_all(BLOCKS)


def own_text(block: Tag) -> str:
    """A block's text without the blocks nested in it."""
    parts = []
    for node in block.descendants:
        if isinstance(node, str) and not any(
            parent.name in BLOCKS and parent is not block for parent in _parents_up_to(node, block)
        ):
            parts.append(str(node))
    return "".join(parts)


def _parents_up_to(node, block: Tag):
    parent = node.parent
    while parent is not None and parent is not block:
        yield parent
        parent = parent.parent


def _declared_foreign(tag: Tag) -> bool:
    lang = tag.get("lang") or tag.get("xml:lang")
    return bool(lang) and not str(lang).lower().startswith("ja")


def prose_of(root: Tag) -> Tag:
    """A copy of the article without what may be Latin in a Japanese page (NOT_PROSE and any
    element declared in another language)."""
    copy = BeautifulSoup(str(root), "html.parser")
    for tag in copy.select(", ".join(NOT_PROSE)):
        tag.decompose()
    for tag in copy.find_all(_declared_foreign):
        tag.decompose()
    return copy


# --------------------------------------------------------------------------- untranslated prose
def untranslated(page_html: str, names=frozenset(), least_words: int = 3) -> list[str]:
    """The text of every block of the article that reads as untranslated English."""
    found = []
    for block in blocks(prose_of(article(page_html))):
        text = QUOTED_TITLE.sub(" ", URL.sub(" ", own_text(block)))
        for name in sorted(names, key=len, reverse=True):
            text = text.replace(name, " ")
        words = LATIN_WORD.findall(text)
        latin, japanese = len(LATIN_LETTER.findall(text)), len(JAPANESE.findall(text))
        if len(words) >= least_words and latin > japanese:
            found.append(" ".join(own_text(block).split())[:100])
    return found


def latin_names(data_dir: Path) -> frozenset[str]:
    """The Latin forms of the actors' names and the chapters' authors (actors.csv, sources.csv):
    a Japanese page may print them as they are."""
    names = set()
    for table, columns in (
        ("actors.csv", ("name_en", "name_en_external", "name_en_ours", "abbreviation")),
        ("sources.csv", ("author", "author_en", "editor")),
    ):
        path = data_dir / table
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for column in columns:
                    value = (row.get(column) or "").strip()
                    if value:
                        names.add(value)
                        names |= {part.strip() for part in re.split(r"[;|]", value) if part.strip()}
    return frozenset(names)


# ------------------------------------------------------------------------------- our own words
def declared_quotations(data_dir: Path) -> frozenset[str]:
    """Every value of a field the data package declares `"quotation": true` (and each part of a
    list of them), normalised: the text a page may print as the chapters print it."""
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    values = set()
    for resource in descriptor["resources"]:
        fields = [f["name"] for f in resource["schema"]["fields"] if f.get("quotation")]
        if not fields:
            continue
        with (data_dir / resource["path"]).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for field in fields:
                    value = row.get(field) or ""
                    for part in [value, *re.split(r"[;|]", value)]:
                        if _normalised(part):
                            values.add(_normalised(part))
    return frozenset(values)


def copied_runs(
    page_html: str, chapters_text: str, quotations=frozenset(), n: int = RUN
) -> list[str]:
    """Every run of n characters of a block of the article, outside the declared quotations,
    that occurs in the chapters' text (one per block)."""
    kept = _cut_quotations(frozenset(quotations))
    runs = (
        copied_run(own_text(block), chapters_text, kept, n) for block in blocks(article(page_html))
    )
    return [run for run in runs if run]


@functools.lru_cache(maxsize=4)
def _cut_quotations(quotations: frozenset[str]) -> frozenset[str]:
    """The quotations cut out of a page's text, one set for every page of a run (so the checker
    orders them once). A quotation of one or two characters (中, 米国) is left in: cutting the text
    at every such name would cut a copied sentence into pieces too short to be found."""
    return frozenset(q for q in quotations if len(q) >= 3)
