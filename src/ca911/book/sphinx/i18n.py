"""The Japanese edition's prose comes from Sphinx's message catalogs (`locales/ja/LC_MESSAGES/`, one
catalog per page); text made from the data does not.

The generated pages (`_generated/`: chronology, sentence map, glossary, codebook, actor pages, ...)
and the notebooks' outputs are written in each edition's language from the data's own fields and
the word-making modules. Their text is marked untranslatable before Sphinx extracts or translates
messages, so it never enters a catalog and a translator never re-words the data.
"""

from __future__ import annotations

from pathlib import PurePath

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ca911 import __version__

GENERATED_DIR = "_generated"


def _from_generated_file(node: nodes.Node) -> bool:
    return bool(node.source) and GENERATED_DIR in PurePath(node.source).parts


def _is_cell_output(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and (
        node.get("nb_element", "").startswith("cell_code_output")
        or "cell_output" in node.get("classes", [])
    )


PROSE_CLASS = "ca911-prose"  # a notebook output's note written by us, not made from data


def _written_in_the_page(node: nodes.Element) -> bool:
    """What a notebook's output shows that was written in the page rather than made from data: a
    figure's caption and alt text (the code cell's `mystnb` metadata), a table's title and header
    row and a note marked with PROSE_CLASS (words the notebook's code passes to the table maker).
    It is translated like the rest of the page."""
    if isinstance(node, nodes.image):
        return True
    return any(
        isinstance(n, (nodes.caption, nodes.legend, nodes.thead))
        or (isinstance(n, nodes.title) and isinstance(n.parent, nodes.table))
        or PROSE_CLASS in n.get("classes", [])
        for n in _self_and_parents(node)
        if isinstance(n, nodes.Element)
    )


def _self_and_parents(node: nodes.Node):
    while node is not None:
        yield node
        node = node.parent


class DataMadeTextIsNotTranslated(SphinxTransform):
    """Runs before sphinx.transforms.i18n (priority 10 and 20) and before the gettext builder's
    extraction, which both skip text elements whose `translatable` is False."""

    default_priority = 5

    def apply(self, **kwargs) -> None:
        untranslatable: list[nodes.Node] = []
        for node in self.document.findall(nodes.Element):
            if _from_generated_file(node) or _is_cell_output(node):
                untranslatable.append(node)
        for top in untranslatable:
            for node in top.findall(nodes.Element):
                if not _written_in_the_page(node):
                    node["translatable"] = False


def _alt_texts_into_catalogs(app: Sphinx, doctree: nodes.document) -> None:
    """A figure's alt text is translated at read time (Sphinx's Locale transform translates an
    image's `alt`), but by the time the gettext builder extracts messages the figures of notebook
    outputs have become raw HTML: their alt texts are added to the page's catalog here, as read."""
    if app.builder.name != "gettext":
        return
    from sphinx.builders.gettext import MsgOrigin
    from sphinx.util.i18n import docname_to_domain

    catalog = app.builder.catalogs[docname_to_domain(app.env.docname, app.config.gettext_compact)]
    for image in doctree.findall(nodes.image):
        if image.get("alt"):
            catalog.add(image["alt"], MsgOrigin(image.source or app.env.docname, image.line or 0))


def _configure(app: Sphinx, config) -> None:
    config.locale_dirs = ["locales", *[d for d in config.locale_dirs if d != "locales"]]
    # one catalog per page, so a page and its translation are reviewed side by side; no source
    # line numbers, so an edit above a message does not rewrite every catalog below it
    config.gettext_compact = False
    config.gettext_location = False
    config.gettext_uuid = False


def setup(app: Sphinx) -> dict:
    app.add_transform(DataMadeTextIsNotTranslated)
    app.connect("config-inited", _configure, priority=910)
    app.connect("doctree-read", _alt_texts_into_catalogs)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
