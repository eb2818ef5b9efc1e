"""Sphinx extension for the book: metadata, the shipped Japanese font, PDF settings."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

from ca911 import __version__, bibstyle
from ca911.data import package_hash
from ca911.plotting import FONT_FILE

PDF_FILE_NAME = "companion.pdf"
FONT_CSS = """@font-face {
  font-family: "IPAexGothic";
  src: url("fonts/ipaexg.ttf") format("truetype");
  unicode-range: U+3000-30FF, U+3400-4DBF, U+4E00-9FFF, U+FF00-FFEF;
}
table.ca911-table1 { border-collapse: collapse; margin: 0.5em 0 1em; }
table.ca911-table1 th, table.ca911-table1 td { border: 1px solid #bbbbbb; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
body, p, li, td, th, h1, h2, h3, h4, figcaption, .caption-text, .toctree-wrapper {
  font-family: "Fira Sans", "Helvetica Neue", Arial, "IPAexGothic", sans-serif;
}
/* A long file name in a heading (`iraq_war_responses.csv`) wraps on a phone instead of making the
   whole page scroll sideways (WCAG 1.4.10 reflow); Sphinx sets .pre to nowrap. */
:is(h1, h2, h3, h4, h5, h6) code, :is(h1, h2, h3, h4, h5, h6) code .pre {
  white-space: normal;
  overflow-wrap: anywhere;
}
"""
# The reference list as in an author-date book: no labels (the citations say "Matsui n.d."), hanging indent.
BIBLIOGRAPHY_CSS = """
/* The Japanese dash 「――」 (U+2015) from the Japanese font: Fira Sans draws it as two short dashes ("−−"). */
@font-face {
  font-family: "ca911 Japanese dashes";
  src: url("fonts/ipaexg.ttf") format("truetype");
  unicode-range: U+2015;
}
div.citation-list, div.citation-list * {
  font-family: "ca911 Japanese dashes", "Fira Sans", "Helvetica Neue", Arial, "IPAexGothic", sans-serif;
}
div.citation-list div.citation { display: block; padding-left: 2em; text-indent: -2em; margin-bottom: 0.4em; }
div.citation-list div.citation > span.label { display: none; }
div.citation-list div.citation > p { margin: 0; }
"""
# HTML only. Figures keep their drawn size (text >= 8.5 pt = 11.3 px): a narrow screen scrolls a figure
# sideways instead of shrinking its text; the white figure ground keeps labels visible in dark mode.
FIGURE_CSS = """
figure img[src$=".svg"] { max-width: none; background: #ffffff; }
figure > div:has(> img[src$=".svg"]), figure > .cell_output { overflow-x: auto; max-width: 100%; }
"""
PDF_CSS = """
html, body, p, li, td, th, h1, h2, h3, h4, div, span, a {
  font-family: "Fira Sans", "IPAexGothic", sans-serif;
}
table { table-layout: auto; width: 100%; font-size: 8pt; }
table.ca911-sentence-map { table-layout: fixed; }
table.ca911-sentence-map td { padding-top: 1pt; padding-bottom: 1pt; }
/* the theme hides every td inside .docutils (meant for field lists); notebook and data tables need them */
table td:not(.field-body) { display: table-cell !important; }
/* long ids and locators wrap inside their cell instead of running off the page */
td, th { overflow-wrap: anywhere; word-break: break-word; }
td code, td .pre, p code { white-space: normal !important; overflow-wrap: anywhere; }
div.cell_output, div.output { max-width: 100%; overflow: hidden; }
table td, table th { color: #000; }
img { max-width: 100%; }
/* code stays in the HTML (folded); the printed book shows results only */
div.cell_input, .cell div.cell_input, details.hide.above-input { display: none !important; }
"""
# The browser tab's icon: without one every browser asks the server for /favicon.ico (a 404).
FAVICON = "favicon.svg"
FAVICON_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    '<rect width="32" height="32" rx="6" fill="#0072B2"/>'
    '<text x="16" y="21.5" font-family="Arial, Helvetica, sans-serif" font-size="14" font-weight="700" '
    'fill="#ffffff" text-anchor="middle">CA</text></svg>\n'
)


def _configure(app: Sphinx, config) -> None:
    # Jupyter Book passes _config.yml as overrides before extensions register their values,
    # so these are set here, from one place.
    config.project = config.html_title  # the title in _config.yml, for the PDF cover
    config.version = config.release = __version__
    config.simplepdf_file_name = PDF_FILE_NAME
    config.simplepdf_use_weasyprint_api = True  # in-process: a failure raises
    config.simplepdf_vars = {"cover-overlay": "rgba(0, 0, 0, 0.0)", "primary": "#0072B2", "links": "#0072B2"}
    # pydata-sphinx-theme reads the starting colour mode from html_context; left empty, its script logs
    # "Got invalid theme mode: ." as a console error on a reader's first visit. Light matches the figures
    # and the PDF; the reader's own choice (the theme switch) still wins.
    config.html_context = {"default_mode": "light", **(config.html_context or {})}


def _favicon(app: Sphinx, config) -> None:
    """Written into _generated/ (never read as a page) before Sphinx checks that html_favicon exists."""
    if config.html_favicon:
        return
    from ca911.generated import write_all

    write_all(Path(app.srcdir) / "_generated", {FAVICON: FAVICON_SVG.encode("utf-8")})
    config.html_favicon = str(Path(app.srcdir) / "_generated" / FAVICON)


def _dedupe_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Sphinx 7.4 lists an inline script added after Builder.init() twice (once as filename None, once
    as ''), so sphinx-thebe's `const THEBE_JS_URL = …` ran twice: "Identifier 'THEBE_JS_URL' has already
    been declared" on every page. Keep the first of each (name, priority, attributes)."""
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    seen, unique = set(), []
    for js in scripts:
        key = (getattr(js, "filename", js) or "", getattr(js, "priority", 0),
               tuple(sorted(getattr(js, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(js)
    scripts[:] = unique


def _aria_citations(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Docutils 0.21 writes the bibliography as <div role="list"> of role="doc-biblioentry" items; that
    role is deprecated (DPUB-ARIA 1.1), so a list of them has no list items: axe-core's critical
    aria-required-children. The entries are list items."""
    body = context.get("body")
    if isinstance(body, str) and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def _escape_print_title(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """sphinx-book-theme puts the page title's plain text into its print header (`<h1>{{ pagetitle }}</h1>`)
    unescaped; an actor page's title is data (its names), so it is escaped here, after the theme set it."""
    import html

    if isinstance(context.get("pagetitle"), str):
        context["pagetitle"] = html.escape(context["pagetitle"], quote=False)


def _static_files(app: Sphinx) -> None:
    static = Path(app.outdir) / "_static"
    (static / "fonts").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FONT_FILE, static / "fonts" / "ipaexg.ttf")
    import itables

    bundle = Path(itables.__file__).parent / "html"
    (static / "itables").mkdir(exist_ok=True)
    for name in ("dt_bundle.js", "dt_bundle.css"):
        shutil.copyfile(bundle / name, static / "itables" / name)
    css = FONT_CSS + BIBLIOGRAPHY_CSS + (PDF_CSS if app.builder.name == "simplepdf" else FIGURE_CSS)
    (static / "ca911.css").write_text(css, encoding="utf-8")
    app.add_css_file("ca911.css")


# Tables on screen (print has its own stylesheet): a designed table (`:widths:` given, class ca911-fixed) fills the
# column, its widths a guide; words never split, but identifiers may break anywhere rather than push the table off the
# right edge. On a phone the codebook keeps readable columns and scrolls inside its box, with a visible edge and a cue.
TABLE_SCREEN_CSS = """@media screen {
  table.ca911-fixed { table-layout: auto; }
  table.ca911-fixed td code, table.ca911-fixed td .pre { white-space: normal; overflow-wrap: anywhere; }
  .pst-scrollable-table-container:has(> table.ca911-codebook) { overflow-x: auto; }
}
@media screen and (max-width: 44rem) {
  table.ca911-fixed td { hyphens: auto; overflow-wrap: anywhere; }
  table.ca911-fixed td:first-child { overflow-wrap: normal; }
  table.ca911-codebook { min-width: 40rem; }
  .pst-scrollable-table-container:has(> table.ca911-codebook) { overflow-x: scroll; border-right: 3px solid var(--pst-color-border, #ccc); }
  .pst-scrollable-table-container:has(> table.ca911-codebook)::before {
    content: "Scroll sideways for all columns →"; display: block; position: sticky; left: 0; font-style: italic; font-size: 0.9em;
  }
}
"""


def _table_css(app: Sphinx) -> None:
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / "ca911-tables.css").write_text(TABLE_SCREEN_CSS, encoding="utf-8")
    app.add_css_file("ca911-tables.css")


def _outdated_on_data_change(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Sphinx re-reads only edited sources; a data (or helper code) edit must re-read every page."""
    from ca911.book import code_hash

    digest = package_hash() + code_hash()
    if getattr(env, "ca911_data_hash", None) == digest:
        return []
    env.ca911_data_hash = digest
    return sorted(env.found_docs)


def _generate(app: Sphinx, config) -> None:
    from ca911.generated import generate

    generate(Path(app.srcdir))


def _downloads_as_text_in_print(app: Sphinx, doctree, docname: str) -> None:
    """A PDF cannot carry the download area: name the file instead of linking to a dead path."""
    if app.builder.name != "simplepdf":
        return
    from docutils import nodes
    from sphinx import addnodes

    for node in list(doctree.findall(addnodes.download_reference)):
        node.replace_self(nodes.literal(text=f"{node.astext()} (download from the HTML edition)"))


def _notebook_download(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Offer the executed .ipynb of every notebook page (the theme does so only with a launch button).

    It is taken from the execution cache: in cache mode myst-nb writes the notebook it read, without
    the outputs it merged from the cache.
    """
    import nbformat
    from jupyter_cache import get_cache
    from myst_nb.core.read import is_myst_markdown_notebook

    from ca911.book import read_markdown

    source = Path(app.srcdir) / f"{pagename}.md"
    if context.get("ipynb_source") or not source.is_file():
        return
    text = source.read_text(encoding="utf-8")
    if not is_myst_markdown_notebook(text):
        return
    cache_path = Path(app.config.nb_execution_cache_path or ".jupyter_cache")
    cache_path = cache_path if cache_path.is_absolute() else Path(app.srcdir) / cache_path
    try:
        _, executed = get_cache(str(cache_path)).merge_match_into_notebook(read_markdown(text))
    except KeyError:
        return
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nbformat.writes(executed), encoding="utf-8")
    context["ipynb_source"] = f"{pagename}.ipynb"


# ------------------------------------------------------------------- actor pages: HTML only
ACTOR_PAGES = "_generated/actors/*"


def _actor_pages_html_only(app: Sphinx) -> None:
    """The printed book has the compact actor index, not a page per actor: the pages are excluded from
    the PDF build and their glob is taken out of the table of contents (read by sphinx-external-toc at
    config-inited). At builder-inited the builder is known and no source has been found yet."""
    if app.builder.name != "simplepdf":
        return
    config = app.config
    config.exclude_patterns = [*config.exclude_patterns, ACTOR_PAGES]
    site_map = getattr(config, "external_site_map", None)
    if site_map is not None and "appendices/actors" in site_map:
        site_map["appendices/actors"].subtrees = []


def _actor_refs_in_print(app: Sphinx, env, node, contnode):
    """In print, `actor-<id>` (a page's label) resolves to the actor's entry in the compact index."""
    if app.builder.name != "simplepdf" or node.get("reftype") != "ref" or not node.get("reftarget", "").startswith("actor-"):
        return None
    from ca911.actor_pages import index_label

    target = index_label(node["reftarget"].removeprefix("actor-")).lower()
    return env.get_domain("std").resolve_xref(env, node["refdoc"], app.builder, "ref", target, node, contnode)


def setup(app: Sphinx) -> dict:
    bibstyle.register()  # before sphinxcontrib-bibtex looks up the styles _config.yml names
    app.connect("html-page-context", _notebook_download, priority=500)  # before the theme's handler (501)
    app.connect("doctree-resolved", _downloads_as_text_in_print)
    app.connect("config-inited", _generate, priority=950)
    app.connect("config-inited", _configure, priority=900)
    app.connect("config-inited", _favicon, priority=700)
    app.connect("builder-inited", _actor_pages_html_only)
    app.connect("missing-reference", _actor_refs_in_print)  # before Sphinx validates html_favicon (800)
    app.connect("html-page-context", _dedupe_scripts, priority=999)  # after every other extension
    app.connect("html-page-context", _aria_citations)
    app.connect("html-page-context", _escape_print_title, priority=999)  # after sphinx-book-theme (500)
    app.connect("env-get-outdated", _outdated_on_data_change)
    from ca911.records import event_role, fact_role

    app.add_role("event", event_role)
    app.add_role("fact", fact_role)
    app.connect("builder-inited", _static_files)
    app.connect("builder-inited", _table_css)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
