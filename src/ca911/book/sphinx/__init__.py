"""The book's Sphinx extension, as sub-extensions each with its own setup(): the record roles
(`roles`), the HTML edition's pages and stylesheets (`html`), the Japanese search's query
splitter (`search`), the fonts (`fonts`), the print edition (`print`), appendix numbering
(`numbering`) and the citation styles (`bibstyle`). This module sets them up, configures Sphinx
from one place and writes the generated files (`_generated/`) the pages include.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ca911 import __version__
from ca911.book.editions import edition
from ca911.book.execution_hash import read_markdown
from ca911.book.records import edition_of

TEMPLATES_DIR = Path(__file__).parent / "templates"
ACTOR_PAGES = "_generated/actors/*"
SUB_EXTENSIONS = (
    "i18n",
    "bibstyle",
    "roles",
    "fonts",
    "html",
    "search",
    "narrow_figures",
    "print",
    "numbering",
    "pdf_output",
)


def _configure(app: Sphinx, config) -> None:
    # Jupyter Book passes _config.yml as overrides before extensions register their values,
    # so these are set here, from one place.
    config.project = config.html_title  # the title in _config.yml, for the PDF cover
    config.version = config.release = __version__
    config.simplepdf_file_name = edition(edition_of(config.language)).pdf_name
    config.simplepdf_use_weasyprint_api = True  # in-process: a failure raises
    config.simplepdf_vars = {
        "cover-overlay": "rgba(0, 0, 0, 0.0)",
        "primary": "#0072B2",
        "links": "#0072B2",
    }
    # pydata-sphinx-theme reads the starting colour mode from html_context; left empty, its script
    # logs "Got invalid theme mode: ." as a console error on a reader's first visit. Light matches
    # the figures and the PDF; the reader's own choice (the theme switch) still wins.
    config.html_context = {"default_mode": "light", **(config.html_context or {})}
    config.templates_path = [*config.templates_path, str(TEMPLATES_DIR)]
    config.simplepdf_sidebars = {"**": ["ca911-print-toc.html"]}
    # The notebooks are keyed in the execution cache by the data of the project being built, not by
    # whatever data/ lies above the working directory: the reader is told where that data is.
    reader = config.nb_custom_formats.get(".md") if config.nb_custom_formats else None
    if reader and reader[0] == f"{read_markdown.__module__}.{read_markdown.__name__}":
        data_dir = str(Path(app.srcdir, config.ca911_data_dir or "data"))
        config.nb_custom_formats = {
            **config.nb_custom_formats,
            ".md": [
                reader[0],
                {**reader[1], "data_dir": data_dir, "language": edition_of(config.language)},
                *reader[2:],
            ],
        }


def _generate(app: Sphinx, config) -> None:
    from ca911.book.generated import generate

    generate(
        Path(app.srcdir),
        actor_pages=config.ca911_actor_pages,
        data_dir=Path(app.srcdir, config.ca911_data_dir or "data"),
        lang=edition_of(config.language),
    )
    if config.ca911_actor_pages:
        _actor_pages_in_reading_order(app, config)


def _actor_pages_in_reading_order(app: Sphinx, config) -> None:
    """The sidebar lists the actor pages as the actor index does (by kind, then by displayed name,
    people by surname), not in the file-name order of the `_generated/actors/*` glob in _toc.yml
    (upper-case ids before slugs). The glob becomes the explicit list, each entry titled with its
    index name."""
    from sphinx_external_toc.api import Document, FileItem, GlobItem, TocTree

    from ca911.book.actor_index import navigation_order
    from ca911.book.actor_pages import PAGE_DIR
    from ca911.book.actor_records import actors_with_pages
    from ca911.data.package import load, shown_name

    site_map = getattr(config, "external_site_map", None)
    if site_map is None or "appendices/actors" not in site_map:
        return
    actors_doc = site_map["appendices/actors"]
    if ACTOR_PAGES not in actors_doc.child_globs():
        return
    pkg = load(Path(app.srcdir, config.ca911_data_dir or "data"), validate=False)
    lang = edition_of(config.language)
    # the other edition's name follows: English after Japanese in the Japanese sidebar
    actors = pkg.actors.set_index("actor_id")
    other_names = (
        actors["name_ja"]
        if lang == "en"
        else {i: shown_name(a.name_en, a.name_en_external, lang) for i, a in actors.iterrows()}
    )
    items = []
    for actor_id, title in navigation_order(pkg, actors_with_pages(pkg), lang):
        docname = f"_generated/{PAGE_DIR}/{actor_id}"
        site_map[docname] = Document(docname, title=f"{title} · {other_names[actor_id]}")
        items.append(FileItem(docname))
    actors_doc.subtrees = [
        TocTree(
            [
                *[i for i in tree.items if not (isinstance(i, GlobItem) and str(i) == ACTOR_PAGES)],
                *(items if ACTOR_PAGES in tree.globs() else []),
            ],
            caption=tree.caption,
            hidden=tree.hidden,
            maxdepth=tree.maxdepth,
            numbered=tree.numbered,
            reversed=tree.reversed,
            titlesonly=tree.titlesonly,
            style=tree.style,
            restart_numbering=tree.restart_numbering,
        )
        for tree in actors_doc.subtrees
    ]


def setup(app: Sphinx) -> dict:
    app.add_config_value(
        "ca911_actor_pages", True, "env"
    )  # False: a book without the generated actor pages
    for name in SUB_EXTENSIONS:
        app.setup_extension(f"{__name__}.{name}")
    app.connect("config-inited", _generate, priority=950)
    app.connect("config-inited", _configure, priority=900)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
