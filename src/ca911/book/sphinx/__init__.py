"""Sphinx extension for the book: metadata, the shipped Japanese font, PDF settings."""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx

from ca911 import __version__
from ca911.book.sphinx import bibstyle
from ca911.book.sphinx import html as html_pages
from ca911.data import package_hash
from ca911.book.sphinx.imprint import build_commit, data_date, print_front_matter
from ca911.style import FONT_FILE

PDF_FILE_NAME = "companion.pdf"
# Stylesheets are files beside this module: ca911.css for both editions, then ca911-print.css for the
# PDF or ca911-screen.css for the HTML.
STATIC_DIR = Path(__file__).parent / "static"
TEMPLATES_DIR = Path(__file__).parent / "templates"
PRINT_CSS = "ca911-print.css"
SCREEN_CSS = "ca911-screen.css"
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
    config.templates_path = [*config.templates_path, str(TEMPLATES_DIR)]
    config.simplepdf_sidebars = {"**": ["ca911-print-toc.html"]}


def _favicon(app: Sphinx, config) -> None:
    """Written into _generated/ (never read as a page) before Sphinx checks that html_favicon exists."""
    if config.html_favicon:
        return
    from ca911.generated import write_all

    write_all(Path(app.srcdir) / "_generated", {FAVICON: FAVICON_SVG.encode("utf-8")})
    config.html_favicon = str(Path(app.srcdir) / "_generated" / FAVICON)


def _print_marks(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The print stylesheet keeps identifiers whole and numbers right-aligned by these marks."""
    if app.builder.name != "simplepdf" or not isinstance(context.get("body"), str):
        return
    from ca911.book.sphinx.print_marks import mark_for_print, proper_names

    captions = None
    if pagename == app.config.root_doc:  # the single print document: the parts are its toctrees, in order
        from sphinx import addnodes

        root = app.env.get_doctree(app.config.root_doc)
        captions = [node.get("caption") for node in root.findall(addnodes.toctree)]
    context["body"] = mark_for_print(context["body"], captions, proper_names(Path(app.srcdir)))
    # WeasyPrint hyphenates by the page's language through pyphen, whose "en" is its en_GB dictionary: it
    # breaks "Americ-an", "Cent-ral", "bey-ond". The en_US patterns break the same words by syllable, and
    # the British spellings of the book hyphenate with them as well; the PDF's text is unchanged.
    context["language"] = "en-US"


# The code points the Japanese @font-face rules cover (ca911-screen.css): the subset keeps those the book uses.
JAPANESE_RANGES = ((0x2015, 0x2015), (0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF))
SUBSET_FONT = "fonts/ipaexg-subset.woff2"
# The code face: the PDF embeds the TTFs from the matplotlib wheel; the HTML edition ships WOFF2 subsets
# of the characters its pages use (a page with code or an identifier would otherwise fetch 340 kB each).
MONO_FONTS = {"DejaVuSansMono.ttf": "fonts/DejaVuSansMono-subset.woff2",
              "DejaVuSansMono-Bold.ttf": "fonts/DejaVuSansMono-Bold-subset.woff2"}
# The text face of the HTML edition (ca911-screen.css), from the same wheel: a face the book ships, so no
# reader's browser falls back to whatever sans-serif (or ExtraLight cut of one) the system has.
TEXT_FONTS = {"DejaVuSans.ttf": "fonts/DejaVuSans-subset.woff2",
              "DejaVuSans-Bold.ttf": "fonts/DejaVuSans-Bold-subset.woff2",
              "DejaVuSans-Oblique.ttf": "fonts/DejaVuSans-Oblique-subset.woff2",
              "DejaVuSans-BoldOblique.ttf": "fonts/DejaVuSans-BoldOblique-subset.woff2"}


def mono_font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def japanese_code_points(texts) -> list[int]:
    return sorted({ord(c) for text in texts for c in text if any(lo <= ord(c) <= hi for lo, hi in JAPANESE_RANGES)})


def _subset_fonts(app: Sphinx, exception) -> None:
    """A page with Japanese text would fetch the whole 6 MB IPAexGothic, and one with code the 340 kB DejaVu Sans
    Mono: the HTML edition ships WOFF2 subsets of the glyphs its pages, search index and downloads use
    (fontTools; the same bytes for the same book)."""
    if exception is not None or app.builder.name != "html":
        return
    from fontTools import subset

    out = Path(app.outdir)
    texts = [p.read_text(encoding="utf-8", errors="ignore") for p in sorted(out.rglob("*"))
             if p.is_file() and p.suffix in (".html", ".js", ".txt", ".md", ".ipynb") and "_static" not in p.parts]
    used = sorted({ord(c) for text in texts for c in text})
    fonts = [(FONT_FILE, SUBSET_FONT, japanese_code_points(texts))]
    fonts += [(mono_font_dir() / name, target, used) for name, target in {**MONO_FONTS, **TEXT_FONTS}.items()]
    for source, target, unicodes in fonts:
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]  # keep vertical forms and the like for whatever text uses them
        font = subset.load_font(str(source), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        (out / "_static" / target).parent.mkdir(parents=True, exist_ok=True)
        subset.save_font(font, str(out / "_static" / target), options)


TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'


def _name_toctree_toggles(app: Sphinx, exception) -> None:
    """The theme's sidebar toggles (<summary> with only an icon) have no accessible name: axe-core's serious
    summary-name on pages whose section is open (the actor pages). Each gets one, in every written page."""
    if exception is not None or app.builder.name != "html":
        return
    named = '<summary aria-label="Show or hide the pages of this section"><span class="toctree-toggle" role="presentation">'
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if TOGGLE in text:
            page.write_text(text.replace(TOGGLE, named), encoding="utf-8")


def _escape_print_title(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """sphinx-book-theme puts the page title's plain text into its print header (`<h1>{{ pagetitle }}</h1>`)
    unescaped; an actor page's title is data (its names), so it is escaped here, after the theme set it."""
    import html

    if isinstance(context.get("pagetitle"), str):
        context["pagetitle"] = html.escape(context["pagetitle"], quote=False)


def _static_files(app: Sphinx) -> None:
    static = Path(app.outdir) / "_static"
    (static / "fonts").mkdir(parents=True, exist_ok=True)
    if app.builder.name == "simplepdf":  # the HTML edition gets subsets when its pages are written
        shutil.copyfile(FONT_FILE, static / "fonts" / "ipaexg.ttf")
        for name in MONO_FONTS:
            shutil.copyfile(mono_font_dir() / name, static / "fonts" / name)
    import itables

    bundle = Path(itables.__file__).parent / "html"
    (static / "itables").mkdir(exist_ok=True)
    for name in ("dt_bundle.js", "dt_bundle.css"):
        shutil.copyfile(bundle / name, static / "itables" / name)
    sheets = ["ca911.css", PRINT_CSS if app.builder.name == "simplepdf" else SCREEN_CSS]
    for name in sheets:
        shutil.copyfile(STATIC_DIR / name, static / name)
        app.add_css_file(name, priority=900)  # after the theme's own sheets


# Tables on screen (print has its own stylesheet): a designed table (`:widths:` given, class ca911-fixed) fills the
# column, its widths a guide. Words break only between words: an identifier in code may also break after / _ :
# (the <wbr> that html_pages.break_points_in_table_code puts there) and, only where it is longer than its cell is wide,
# anywhere (break-word, unlike `anywhere`, does not let the table shrink its columns letter by letter).
TABLE_SCREEN_CSS = """@media screen {
  table.ca911-fixed { table-layout: auto; }
  .bd-article :is(td, th) :is(code, .pre) { white-space: normal; overflow-wrap: break-word; }
  .bd-article :is(td, th) { overflow-wrap: normal; word-break: normal; }
}
"""


def _table_css(app: Sphinx) -> None:
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / "ca911-tables.css").write_text(TABLE_SCREEN_CSS, encoding="utf-8")
    app.add_css_file("ca911-tables.css")


def _outdated_on_data_change(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Sphinx re-reads only edited sources; a data (or helper code) edit must re-read every page."""
    from ca911.book.execution_hash import code_hash

    digest = package_hash() + code_hash()
    if getattr(env, "ca911_data_hash", None) == digest:
        return []
    env.ca911_data_hash = digest
    return sorted(env.found_docs)


def _generate(app: Sphinx, config) -> None:
    from ca911.generated import generate

    generate(Path(app.srcdir), actor_pages=config.ca911_actor_pages)
    if config.ca911_actor_pages:
        _actor_pages_in_reading_order(app, config)


def _actor_pages_in_reading_order(app: Sphinx, config) -> None:
    """The sidebar lists the actor pages as the actor index does (by kind, then by displayed name, people
    surname first), not in the file-name order of the `_generated/actors/*` glob in _toc.yml (upper-case
    ids before slugs). The glob becomes the explicit list, each entry titled with its index name."""
    from sphinx_external_toc.api import Document, FileItem, GlobItem, TocTree

    from ca911.actor_pages import PAGE_DIR, actors_with_pages, navigation_order
    from ca911.data import load

    site_map = getattr(config, "external_site_map", None)
    if site_map is None or "appendices/actors" not in site_map:
        return
    actors_doc = site_map["appendices/actors"]
    if ACTOR_PAGES not in actors_doc.child_globs():
        return
    pkg = load()
    names_ja = pkg.actors.set_index("actor_id")["name_ja"]
    items = []
    for actor_id, title in navigation_order(pkg, actors_with_pages(pkg)):
        docname = f"_generated/{PAGE_DIR}/{actor_id}"
        site_map[docname] = Document(docname, title=f"{title} · {names_ja[actor_id]}")
        items.append(FileItem(docname))
    actors_doc.subtrees = [TocTree([*[i for i in tree.items if not (isinstance(i, GlobItem) and str(i) == ACTOR_PAGES)],
                                     *(items if ACTOR_PAGES in tree.globs() else [])],
                                   caption=tree.caption, hidden=tree.hidden, maxdepth=tree.maxdepth, numbered=tree.numbered,
                                   reversed=tree.reversed, titlesonly=tree.titlesonly, style=tree.style,
                                   restart_numbering=tree.restart_numbering)
                           for tree in actors_doc.subtrees]


def _downloads_as_text_in_print(app: Sphinx, doctree, docname: str) -> None:
    """A PDF cannot carry the download area: name the file instead of linking to a dead path (the imprint
    says once where the downloads are)."""
    if app.builder.name != "simplepdf":
        return
    from docutils import nodes
    from sphinx import addnodes

    for node in list(doctree.findall(addnodes.download_reference)):
        node.replace_self(nodes.literal(text=node.astext()))


def _print_front_matter(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.name != "simplepdf" or pagename != app.config.root_doc:
        return
    import yaml

    cff_path = Path(app.srcdir) / "CITATION.cff"
    cff = yaml.safe_load(cff_path.read_text(encoding="utf-8")) if cff_path.is_file() else {}
    html_context = app.config.html_context or {}
    context["ca911_print_front_matter"] = print_front_matter(
        app.config.project, html_context.get("cover_logo_title", app.config.author), __version__,
        html_context.get("cover_meta_data", ""), cff, build_commit(Path(app.srcdir)), data_date())


def _no_code_in_print(app: Sphinx, doctree, docname: str) -> None:
    """The printed book shows no notebook code (the print stylesheet hides it too): leaving the cells out
    spares WeasyPrint styling some 3,000 highlighted elements it would never draw."""
    if app.builder.name != "simplepdf":
        return
    from docutils import nodes

    for node in list(doctree.findall(nodes.container)):
        if "cell_input" in node["classes"]:
            node.parent.remove(node)


def _notebook_download(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Offer the executed .ipynb of every notebook page (the theme does so only with a launch button).

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
    site_map = getattr(config, "external_site_map", None)
    actors = site_map["appendices/actors"] if site_map is not None and "appendices/actors" in site_map else None
    app.ca911_config_as_read = (config.exclude_patterns, actors.subtrees if actors else None)
    config.exclude_patterns = [*config.exclude_patterns, ACTOR_PAGES]
    if actors:
        actors.subtrees = []


def _config_as_read(app: Sphinx, env) -> None:
    """Put the configuration back as _config.yml has it once the sources are read: the environment is saved with
    it, and the next PDF build compares its own configuration with the saved one before builder-inited changes
    it again; a difference would make Sphinx read every page anew instead of only the edited ones."""
    saved = getattr(app, "ca911_config_as_read", None)
    if saved is None:
        return
    app.config.exclude_patterns, subtrees = saved
    if subtrees is not None:
        app.config.external_site_map["appendices/actors"].subtrees = subtrees


def _actor_refs_in_print(app: Sphinx, env, node, contnode):
    """In print, `actor-<id>` (a page's label) resolves to the actor's entry in the compact index."""
    if app.builder.name != "simplepdf" or node.get("reftype") != "ref" or not node.get("reftarget", "").startswith("actor-"):
        return None
    from ca911.actor_pages import index_label

    target = index_label(node["reftarget"].removeprefix("actor-")).lower()
    return env.get_domain("std").resolve_xref(env, node["refdoc"], app.builder, "ref", target, node, contnode)


def setup(app: Sphinx) -> dict:
    app.add_config_value("ca911_actor_pages", True, "env")  # False: a book without the generated actor pages
    bibstyle.register()  # before sphinxcontrib-bibtex looks up the styles _config.yml names
    app.connect("html-page-context", _notebook_download, priority=500)  # before the theme's handler (501)
    app.connect("doctree-resolved", _downloads_as_text_in_print)
    app.connect("doctree-resolved", _no_code_in_print)
    app.connect("config-inited", _generate, priority=950)
    app.connect("config-inited", _configure, priority=900)
    app.connect("config-inited", _favicon, priority=700)
    app.connect("builder-inited", _actor_pages_html_only)
    app.connect("env-updated", _config_as_read)
    app.connect("missing-reference", _actor_refs_in_print)  # before Sphinx validates html_favicon (800)
    app.connect("html-page-context", html_pages.dedupe_scripts, priority=999)  # after every other extension
    app.connect("html-page-context", html_pages.aria_citations)
    app.connect("html-page-context", _print_marks)
    app.connect("html-page-context", html_pages.full_size_links)
    app.connect("html-page-context", html_pages.break_points_in_table_code)
    app.connect("html-page-context", _print_front_matter)
    app.connect("html-page-context", _escape_print_title, priority=999)  # after sphinx-book-theme (500)
    app.connect("env-get-outdated", _outdated_on_data_change)
    from ca911.records import event_role, fact_role, number_role

    app.add_role("event", event_role)
    app.add_role("fact", fact_role)
    app.add_role("number", number_role)
    app.connect("builder-inited", _static_files)
    app.connect("build-finished", _subset_fonts)
    app.connect("build-finished", _name_toctree_toggles)
    app.connect("builder-inited", _table_css)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
