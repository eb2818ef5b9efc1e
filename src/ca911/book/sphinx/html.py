"""The HTML edition's pages (and what both editions share): the stylesheets, the favicon, the
executed notebook offered for download, and what the pages get after Sphinx and the theme have made
them (html-page-context handlers): scripts listed once, citation entries as list items, a full-size
link under every content image (a <picture> with its narrow layout where it has one), break points
in identifiers set in table cells, named sidebar toggles, previous/next buttons in reading order,
the copy button's words."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sphinx.application import Sphinx

from ca911 import __version__
from ca911.book.records import edition_of
from ca911.book.sphinx.html_chrome import (
    copybutton_words,
    name_hidden_content_toggles,
    name_toctree_toggles,
)
from ca911.book.sphinx.japanese_cells import japanese_cell_phrases
from ca911.book.sphinx.narrow_figures import NARROW_CLASS, NARROW_MEDIA
from ca911.book.sphinx.stacked_tables import stacked_tables

# Stylesheets are files in folders beside this module, each folder copied into _static by
# html_static_path: common/ for both editions (ca911.css; ca911-tables.css, the tables on screen),
# then print/ (ca911-print.css) for the PDF or screen/ (ca911-screen.css) for the HTML.
STATIC_DIR = Path(__file__).parent / "static"
COMMON_CSS = STATIC_DIR / "common"
SCREEN_CSS = STATIC_DIR / "screen"
PRINT_CSS = STATIC_DIR / "print"
# The browser tab's icon: without one every browser asks the server for /favicon.ico (a 404).
FAVICON = "favicon.svg"
FAVICON_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    '<rect width="32" height="32" rx="6" fill="#0072B2"/>'
    '<text x="16" y="21.5" font-family="Arial, Helvetica, sans-serif" font-size="14" '
    'font-weight="700" '
    'fill="#ffffff" text-anchor="middle">CA</text></svg>\n'
)


def dedupe_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Sphinx 7.4 lists an inline script added after Builder.init() twice (once as filename None,
    once as ''), so sphinx-thebe's `const THEBE_JS_URL = …` ran twice: "Identifier 'THEBE_JS_URL'
    has already been declared" on every page. Keep the first of each (name, priority,
    attributes)."""
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    seen, unique = set(), []
    for js in scripts:
        key = (
            getattr(js, "filename", js) or "",
            getattr(js, "priority", 0),
            tuple(sorted(getattr(js, "attributes", {}).items())),
        )
        if key not in seen:
            seen.add(key)
            unique.append(js)
    scripts[:] = unique


def aria_citations(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Docutils 0.21 writes the bibliography as <div role="list"> of role="doc-biblioentry" items;
    that role is deprecated (DPUB-ARIA 1.1), so a list of them has no list items: axe-core's
    critical aria-required-children. The entries are list items."""
    body = context.get("body")
    if isinstance(body, str) and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


# A content image (a figure, a notebook's output) drawn at the column's width: on a phone its text
# is smaller than drawn, so a visible link opens the image itself at full size (an SVG zooms without
# loss). A figure with a narrow layout (its image marked NARROW_CLASS just before the wide one)
# becomes a <picture> that shows the narrow one on a narrow screen, the wide one's alt text for
# both.
CONTENT_IMAGE = re.compile(
    r"(<a\b[^>]*>\s*)?"
    rf'(?:<img\b[^>]*?\bclass="[^"]*\b{NARROW_CLASS}\b[^"]*"[^>]*?\bsrc="([^"]*)"[^>]*>\s*)?'
    r'(<img\b[^>]*?\bsrc="([^"]*_images/[^"]+)"[^>]*>)'
)
FULL_SIZE_LINK = '<a class="reference external ca911-full-size" href="{src}">{words}</a>'
# A figure is drawn for the printed column (about 550 px wide, its smallest text 8 pt, 10.7 px):
# on a wide screen it may grow up to this factor of its own width, so its text reads at about
# 15 px; a narrower column draws it at the column's width.
SCREEN_ENLARGEMENT = 1.4
SVG_WIDTH_PT = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)pt"')
PX_PER_PT = 96 / 72
FULL_SIZE_WORDS = {"en": "Open the figure at full size", "ja": "図を原寸で開く"}
PICTURE = '<picture><source media="{media}" srcset="{narrow}" />{img}</picture>'
TABLE = re.compile(r"<table\b.*?</table>", re.S)
PRE_TEXT = re.compile(r'(<span class="pre">)([^<]*)(</span>)')
TEXT_RUN = re.compile(r"(?<=>)[^<>]+(?=<)")  # text between tags, never an attribute
ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}(?:-\d{2})?(?![\w-])")
ID_SEPARATOR = re.compile(r"([/_:])(?=[^/_:\s])")


def full_size_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if not isinstance(context.get("body"), str):
        return

    widths = _svg_widths_px(app)

    def link(m: re.Match) -> str:  # an image inside a link already opens something: left as it is
        link_before, narrow_src, img, src = m.groups()
        if link_before:
            return m.group(0)
        width = widths.get(src.rsplit("/", 1)[-1])
        if width and " style=" not in img:
            enlarged = round(SCREEN_ENLARGEMENT * width)
            img = img.replace("<img ", f'<img style="width: min(100%, {enlarged}px)" ', 1)
        if narrow_src:
            img = PICTURE.format(media=NARROW_MEDIA, narrow=narrow_src, img=img)
        words = FULL_SIZE_WORDS[edition_of(app.config.language)]
        return img + FULL_SIZE_LINK.format(src=src, words=words)

    context["body"] = CONTENT_IMAGE.sub(link, context["body"])


def _svg_widths_px(app: Sphinx) -> dict[str, float]:
    """The width each SVG image of the build was drawn at, in CSS px, by its name in _images/
    (read once per build from the images Sphinx collected; kept on the builder, which is not
    pickled with the environment)."""
    widths = getattr(app.builder, "_ca911_svg_widths", None)
    if widths is None:
        widths = {}
        for source, (_, name) in app.env.images.items():
            path = Path(app.srcdir, source)
            if name.endswith(".svg") and path.is_file():
                with path.open(encoding="utf-8", errors="replace") as svg:
                    found = SVG_WIDTH_PT.search(svg.read(4096))
                if found:
                    widths[name] = float(found.group(1)) * PX_PER_PT
        app.builder._ca911_svg_widths = widths
    return widths


def break_points_in_table_code(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    """An identifier in a table cell (`indicators:USA/troop_rotation_interval_months/2002-01`) may
    wrap after / _ : instead of widening its column past the screen; a word of prose never breaks
    (ca911-tables.css)."""
    if not isinstance(context.get("body"), str):
        return

    def in_code(m: re.Match) -> str:
        return m.group(1) + ID_SEPARATOR.sub(r"\1<wbr>", m.group(2)) + m.group(3)

    def in_table(
        t: re.Match,
    ) -> str:  # a date written 2001-09-30 is one word: it never breaks at its hyphens
        table = PRE_TEXT.sub(in_code, t.group(0))
        return TEXT_RUN.sub(
            lambda r: ISO_DATE.sub(r'<span class="ca911-nowrap">\g<0></span>', r.group(0)), table
        )

    context["body"] = TABLE.sub(in_table, context["body"])


# the notebooks' code and its comments are written once, in English, for every edition
CODE_LANGUAGE = "en"
CODE_CELL = re.compile(r'<div class="cell_input docutils container"')


def code_cells_declare_their_language(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    """In an edition in another language a notebook's code cell says it is English (`lang`), so a
    screen reader reads its comments as English and the edition's own text is told apart from
    it; the reader is told so on the how-to-read page."""
    if edition_of(app.config.language) == CODE_LANGUAGE or not isinstance(context.get("body"), str):
        return
    context["body"] = CODE_CELL.sub(rf'\g<0> lang="{CODE_LANGUAGE}"', context["body"])


def escape_print_title(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    """sphinx-book-theme puts the page title's plain text into its print header (`<h1>{{ pagetitle
    }}</h1>`) unescaped; an actor page's title is data (its names), so it is escaped here, after the
    theme set it."""
    import html

    if isinstance(context.get("pagetitle"), str):
        context["pagetitle"] = html.escape(context["pagetitle"], quote=False)


def notebook_download(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Offer the executed .ipynb of every notebook page (the theme does so only with a launch
    button).

    It is taken from the execution cache: in cache mode myst-nb writes the notebook it read, without
    the outputs it merged from the cache.
    """
    import nbformat
    from jupyter_cache import get_cache
    from myst_nb.core.read import is_myst_markdown_notebook

    from ca911.book.execution_hash import read_markdown

    source = Path(app.srcdir) / f"{pagename}.md"
    if context.get("ipynb_source") or not source.is_file():
        return
    text = source.read_text(encoding="utf-8")
    if not is_myst_markdown_notebook(text):
        return
    cache_path = Path(app.config.nb_execution_cache_path or ".jupyter_cache")
    cache_path = cache_path if cache_path.is_absolute() else Path(app.srcdir) / cache_path
    try:
        data_dir = Path(app.srcdir, app.config.ca911_data_dir or "data")
        _, executed = get_cache(str(cache_path)).merge_match_into_notebook(
            read_markdown(text, data_dir, edition_of(app.config.language))
        )
    except KeyError:
        return
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nbformat.writes(executed), encoding="utf-8")
    context["ipynb_source"] = f"{pagename}.ipynb"


def edition_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Every page names the same page in each edition (`<link rel="alternate" hreflang>` in its
    head, layout.html) and links visibly to the other edition (ca911-edition-switch.html in the
    article header, shown on a phone too). The editions are one site, the English one at its root
    and each other one in its own folder, so the links are relative."""
    from ca911.book.editions import EDITIONS, edition

    here = edition(edition_of(app.config.language))
    page = f"{pagename}{app.builder.out_suffix}"
    # from this page up to the site's root: the page's folders, then the edition's own folder
    up = "../" * (pagename.count("/") + len(here.html_prefix.parts))
    links = [
        {
            "lang": ed.lang,
            "href": f"{up}{ed.html_dir + '/' if ed.html_dir else ''}{page}",
            "label": EDITIONS[here.lang].other_edition_label if ed is not here else "",
        }
        for ed in EDITIONS.values()
    ]
    context["ca911_editions"] = links
    context["ca911_other_editions"] = [link for link in links if link["lang"] != here.lang]


def _is_actor_page(docname: str | None) -> bool:
    from ca911.book.actor_pages import PAGE_DIR

    return bool(docname) and docname.startswith(f"_generated/{PAGE_DIR}/")


def reading_order_buttons(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    """The previous/next buttons walk the reading order: a page of the book steps over the actor
    pages (reached from the actor index, not read in turn), so "next" from the actor index is the
    appendix after it; an actor page steps only to the actor pages beside it in the index's
    order."""
    relations = getattr(app.builder, "relations", {}).get(pagename)
    if not relations:
        return
    actor = _is_actor_page(pagename)
    for key, step in (("prev", 1), ("next", 2)):
        target = relations[step]
        if actor:
            target = target if _is_actor_page(target) else None
        else:
            while _is_actor_page(target):
                target = app.builder.relations[target][step]
        if target == relations[step]:
            continue
        context[key] = (
            {
                "link": app.builder.get_relative_uri(pagename, target),
                "title": app.builder.render_partial(app.env.titles[target])["title"],
            }
            if target
            else None
        )


def favicon(app: Sphinx, config) -> None:
    """Written into _generated/ (never read as a page) before Sphinx checks that html_favicon
    exists."""
    if config.html_favicon:
        return
    from ca911.book.generated import write_all

    write_all(Path(app.srcdir) / "_generated", {FAVICON: FAVICON_SVG.encode("utf-8")})
    config.html_favicon = str(Path(app.srcdir) / "_generated" / FAVICON)


def stylesheets(app: Sphinx) -> None:
    """The shared sheets, then the print or the screen one, after the theme's own sheets. Their
    folders join html_static_path once the builder is known; a value of the 'html' kind, it never
    makes Sphinx read the pages again."""
    from ca911.book.sphinx.print import PRINT_BUILDERS

    edition = PRINT_CSS if app.builder.name in PRINT_BUILDERS else SCREEN_CSS
    app.config.html_static_path = [*app.config.html_static_path, str(COMMON_CSS), str(edition)]
    # ca911-tables.css: a designed table (`:widths:` given, class ca911-fixed) fills the column on
    # screen, its widths a guide; words break only between words, an identifier in code also after /
    # _ : (the <wbr> of break_points_in_table_code) and, only where it is longer than its cell is
    # wide, anywhere.
    app.add_css_file("ca911-tables.css")
    for sheet in ["ca911.css", *sorted(p.name for p in edition.glob("*.css"))]:
        app.add_css_file(sheet, priority=900)


def itables_bundle(app: Sphinx) -> None:
    """DataTables from the itables wheel, served by the book itself (no CDN, no inline copy)."""
    import itables

    bundle = Path(itables.__file__).parent / "html"
    static = Path(app.outdir) / "_static" / "itables"
    static.mkdir(parents=True, exist_ok=True)
    for name in ("dt_bundle.js", "dt_bundle.css"):
        shutil.copyfile(bundle / name, static / name)


SEARCH_SUMMARY_JS = "ca911-search-summary.js"


def search_summary_script(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    """The search page reads its results' summaries as running text (static/screen/
    ca911-search-summary.js); added here, it is on that page only, and deferred: the theme's search
    template loads searchtools.js after the page's own scripts."""
    if pagename == "search":
        app.add_js_file(SEARCH_SUMMARY_JS, loading_method="defer")


def _connect_html_only(app: Sphinx) -> None:
    """html-page-context and build-finished have no builder filter of their own: the handlers that
    belong to the HTML edition (the PDF is also made by an HTML builder) are connected once the
    builder is known."""
    if app.builder.name == "html":
        app.connect("html-page-context", full_size_links)
        app.connect("html-page-context", break_points_in_table_code)
        app.connect("html-page-context", stacked_tables)  # Table 1 as blocks on a phone
        app.connect("html-page-context", japanese_cell_phrases)  # cells break between phrases
        app.connect("html-page-context", code_cells_declare_their_language)
        # before pydata-sphinx-theme's update_and_remove_templates (500), which drops a header
        # template that renders empty
        app.connect("html-page-context", edition_links, priority=400)
        app.connect("html-page-context", reading_order_buttons)
        app.connect("html-page-context", search_summary_script)
        app.connect("build-finished", name_toctree_toggles)
        app.connect("build-finished", copybutton_words)


def setup(app: Sphinx) -> dict:
    app.connect(
        "config-inited", favicon, priority=700
    )  # before Sphinx validates html_favicon (800)
    app.connect("builder-inited", stylesheets)
    app.connect("builder-inited", itables_bundle)
    app.connect("builder-inited", _connect_html_only)
    app.connect(
        "html-page-context", notebook_download, priority=500
    )  # before the theme's handler (501)
    app.connect("html-page-context", dedupe_scripts, priority=999)  # after every other extension
    app.connect("html-page-context", aria_citations)
    app.connect("html-page-context", name_hidden_content_toggles)
    app.connect(
        "html-page-context", escape_print_title, priority=999
    )  # after sphinx-book-theme (500)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
