"""The print edition (sphinx-simplepdf): what differs from the HTML book.

Doctree work is done by post-transforms limited to the print builder: the download sections left
out, downloads named instead of linked, notebook code left out, references to an actor's page sent
to its entry in the compact actor index. The print edition has no actor pages: its table of contents
(`_toc_print.yml`, passed by ci/build-book.sh) leaves them out. What must work on the assembled page
(the marks of `print_marks`, which see the HTML that docutils, pandas and the notebooks' outputs
made of a table) and the front matter the print templates show are added in html-page-context, by
handlers connected only when the print builder runs.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from ca911 import __version__
from ca911.book.records import edition_of
from ca911.book.sphinx.print_code import mark_code_continuations
from ca911.book.sphinx.print_marks import (
    anchor_tables,
    drop_code_only_cells,
    keep_tokens_whole,
    mark_identifiers,
    mark_introductions,
    mark_keep_with_next,
    mark_landscape_tables,
    mark_lead_ins,
    mark_locators,
    mark_names,
    mark_number_columns,
    mark_ragged,
    mark_short_code,
    mark_short_lists,
    mark_wide_tables,
)
from ca911.book.sphinx.print_marks_ja import (
    LONGEST_HEAD_PHRASE,
    TABLE_HEAD_ELEMENTS,
    mark_breaks_after_code,
    mark_japanese_cells,
    mark_japanese_contents,
    mark_japanese_phrases,
    mark_number_counters,
)
from ca911.book.sphinx.print_navigation import (
    link_part_labels,
    number_section_references,
    open_parts,
)
from ca911.book.sphinx.print_pages import group_chapters, labels_into_headings
from ca911.book.sphinx.print_spacing import glue_separators, keep_ideographic_spaces
from ca911.book.sphinx.print_tables import mark_date_cells, mark_table_notes

PRINT_BUILDERS = ("simplepdf",)
# A section labelled `…-downloads` lists files to download and says how to open them: a paper reader
# can do neither, and the imprint says once where the HTML edition and its files are.
DOWNLOAD_SECTION_SUFFIX = "-downloads"


def is_download_section(ids) -> bool:
    return any(str(i).endswith(DOWNLOAD_SECTION_SUFFIX) for i in ids)


class DownloadSectionsLeftOut(SphinxPostTransform):
    """In print, the download sections are left out whole, heading and all. Runs before Sphinx
    resolves references (priority 10), so a reference inside a dropped section is dropped with it.
    Each is the last section of its chapter: no section number is skipped."""

    default_priority = 5
    builders = PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        for section in list(self.document.findall(nodes.section)):
            if is_download_section(section["ids"]):
                section.parent.remove(section)


class DownloadsAsText(SphinxPostTransform):
    """A PDF cannot carry the download area: the file is named instead of linked to a dead path (the
    imprint says once where the downloads are)."""

    default_priority = 200
    builders = PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(addnodes.download_reference)):
            node.replace_self(nodes.literal(text=node.astext()))


class NoCodeInPrint(SphinxPostTransform):
    """The printed book shows no notebook code (the print stylesheet hides it too): leaving the
    cells out spares WeasyPrint styling some 3,000 highlighted elements it would never draw."""

    default_priority = 200
    builders = PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.container)):
            if "cell_input" in node["classes"]:
                node.parent.remove(node)


class ActorReferencesToIndex(SphinxPostTransform):
    """In print, `actor-<id>` (an actor page's label) refers to the actor's entry in the compact
    index. Runs before Sphinx resolves references (priority 10)."""

    default_priority = 5
    builders = PRINT_BUILDERS

    def run(self, **kwargs) -> None:
        from ca911.book.actor_index import index_label

        for node in self.document.findall(addnodes.pending_xref):
            target = node.get("reftarget", "")
            if node.get("reftype") == "ref" and target.startswith("actor-"):
                node["reftarget"] = index_label(target.removeprefix("actor-")).lower()


def mark_for_print(
    html: str, part_captions: list[str | None] | None = None, names=(), lang: str = "en"
) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    drop_code_only_cells(soup)
    mark_lead_ins(soup)
    keep_ideographic_spaces(soup)
    glue_separators(soup)
    mark_number_columns(soup)
    mark_date_cells(soup)
    mark_wide_tables(soup)
    mark_landscape_tables(soup)
    mark_identifiers(soup)
    mark_short_code(soup)
    mark_locators(soup)
    keep_tokens_whole(soup)
    mark_names(soup, names)
    mark_ragged(soup)
    mark_keep_with_next(soup)
    mark_introductions(soup)
    mark_short_lists(soup)
    if lang == "ja":
        mark_japanese_cells(soup)
        mark_breaks_after_code(soup)
        mark_number_counters(soup)
    mark_code_continuations(soup)
    mark_table_notes(soup)
    number_section_references(soup, lang)
    anchor_tables(soup)
    if part_captions:
        open_parts(soup, part_captions)
    if lang == "ja":  # after the part openers, whose titles it marks too
        mark_japanese_phrases(soup, counters=True)
        mark_japanese_phrases(
            soup, TABLE_HEAD_ELEMENTS, LONGEST_HEAD_PHRASE, wbr=True, counters=True
        )
    labels_into_headings(soup)
    group_chapters(soup)  # last: the marks above see the anchors beside their sections
    return str(soup)


def proper_names(data_dir: Path) -> frozenset[str]:
    """The words of the actors' and the chapter authors' names (actors.csv, sources.csv in
    `data_dir`), capitalised and four letters or more, and their short Japanese names: the print
    edition never breaks them."""
    import csv

    words = set()
    for table, columns in (
        ("actors.csv", ("name_en", "name_en_external", "name_en_ours")),
        ("sources.csv", ("author",)),
    ):
        path = data_dir / table
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for column in columns:
                    words |= {
                        w
                        for w in re.findall(r"[^\W\d_]+", row.get(column) or "")
                        if len(w) >= 4 and w[0].isupper()
                    }
                # a short Japanese name (コミロフ, マラシェンコ) is never split over lines either
                for column in ("name_ja", "author_ja"):
                    words |= {
                        w
                        for w in re.split(r"[\s・（）()、]+", row.get(column) or "")
                        if 2 <= len(w) <= 8 and re.fullmatch(r"[\u3040-\u30ff\u4e00-\u9fff]+", w)
                    }
    return frozenset(words)


def contents_with_the_opening(toc: str, body: str) -> str:
    """The printed contents with the root page's own opening section first: Sphinx's contents list
    the pages of the toctrees only, so the pages before the first part (the book's opening, with
    its key figure) were printed unlisted."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    heading = soup.find("h1")
    # the section that carries the opening's id (the print build wraps its own text in a section
    # of its own for the page rules, print_pages.group_chapters)
    section = heading.find_parent("section", id=True) if heading else None
    if section is None or not section.get("id"):
        return toc
    for link in heading.select("a.headerlink"):
        link.decompose()
    # the Japanese heading's phrase spans are no words of their own: joined with spaces they would
    # print 二つの 章を …
    for phrase in heading.select(".ca911-phrase"):
        phrase.unwrap()
    heading.smooth()
    entry = BeautifulSoup(
        '<ul><li class="toctree-l1"><a class="reference internal"></a></li></ul>', "html.parser"
    )
    entry.a["href"] = "#" + section["id"]
    entry.a.string = heading.get_text(" ", strip=True)
    return str(entry) + toc


FRONT_MATTER = "Front matter"


FRONT_MATTER_PAGES = "front/"  # the folder of the front matter's pages


def _is_front_matter(toctree) -> bool:
    """The front matter's toctree: its English caption, or, as an edition may stage its own
    translated table of contents, the pages it lists (all in FRONT_MATTER_PAGES)."""
    if (toctree.get("rawcaption") or toctree.get("caption")) == FRONT_MATTER:
        return True
    pages = [page for _, page in toctree.get("entries", [])]
    return bool(pages) and all(str(page).startswith(FRONT_MATTER_PAGES) for page in pages)


def part_captions(toctrees) -> list[str | None]:
    """Each part's caption in the edition's language, in order; None for the front matter, which
    opens no part in either edition."""
    return [None if _is_front_matter(node) else node.get("caption") for node in toctrees]


def print_language(language: str | None) -> str:
    """The print page's lang attribute for an edition's Sphinx language."""
    return "ja" if edition_of(language) == "ja" else "en-US"


def _print_marks(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The print stylesheet keeps identifiers whole and numbers right-aligned by these marks."""
    if not isinstance(context.get("body"), str):
        return
    from ca911.book.sphinx.roles import data_dir

    captions = None
    if (
        pagename == app.config.root_doc
    ):  # the single print document: the parts are its toctrees, in order
        root = app.env.get_doctree(app.config.root_doc)
        captions = part_captions(root.findall(addnodes.toctree))
    context["body"] = mark_for_print(
        context["body"],
        captions,
        proper_names(data_dir(app.env)),
        edition_of(app.config.language),
    )
    if captions is not None and isinstance(context.get("toc"), str):
        context["toc"] = contents_with_the_opening(
            link_part_labels(context["toc"], captions), context["body"]
        )
        if edition_of(app.config.language) == "ja":
            context["toc"] = mark_japanese_contents(context["toc"])
    # The page's language selects its type (the Japanese rules of ca911-print.css apply under
    # html[lang|="ja"]) and WeasyPrint's hyphenation through pyphen, whose "en" is its en_GB
    # dictionary: it breaks "Americ-an", "Cent-ral", "bey-ond". The en_US patterns break the same
    # words by syllable, and the British spellings of the book hyphenate with them as well; the
    # PDF's text is unchanged.
    context["language"] = print_language(app.config.language)


def _print_front_matter(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    if pagename != app.config.root_doc:
        return
    import yaml

    from ca911.book.sphinx.imprint import build_commit, data_date, print_front_matter

    cff_path = Path(app.srcdir) / "CITATION.cff"
    cff = yaml.safe_load(cff_path.read_text(encoding="utf-8")) if cff_path.is_file() else {}
    html_context = app.config.html_context or {}
    context["ca911_print_front_matter"] = print_front_matter(
        app.config.project,
        html_context.get("cover_logo_title", app.config.author),
        __version__,
        html_context.get("cover_meta_data", ""),
        cff,
        build_commit(Path(app.srcdir)),
        data_date(edition_of(app.config.language)),
        lang=edition_of(app.config.language),
    )
    if edition_of(app.config.language) == "ja":  # the title page's title and blurb, set large
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(context["ca911_print_front_matter"], "html.parser")
        mark_japanese_phrases(soup, "article.ca911-title-page :is(h1, p)")
        context["ca911_print_front_matter"] = str(soup)


def _connect_page_handlers(app: Sphinx) -> None:
    """html-page-context has no builder filter of its own: the print handlers are connected for the
    print builder only, once it is known."""
    if app.builder.name in PRINT_BUILDERS:
        app.connect("html-page-context", _print_marks)
        app.connect("html-page-context", _print_front_matter)


def setup(app: Sphinx) -> dict:
    app.setup_extension(
        "ca911.book.sphinx.roles"
    )  # the data folder (ca911_data_dir): the names never hyphenated
    app.add_post_transform(DownloadSectionsLeftOut)
    app.add_post_transform(DownloadsAsText)
    app.add_post_transform(NoCodeInPrint)
    app.add_post_transform(ActorReferencesToIndex)
    app.connect("builder-inited", _connect_page_handlers)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
