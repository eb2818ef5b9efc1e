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
                node["translatable"] = False


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
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
