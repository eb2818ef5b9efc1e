"""The Japanese edition's prose comes from Sphinx's message catalogs (`locales/ja/LC_MESSAGES/`, one
catalog per page); text made from the data does not.

The generated pages (`_generated/`: chronology, sentence map, glossary, codebook, actor pages, ...)
and the notebooks' outputs are written in each edition's language from the data's own fields and
the word-making modules. Their text is marked untranslatable before Sphinx extracts or translates
messages, so it never enters a catalog and a translator never re-words the data.

In a translated edition every translatable message must have a translation: one missing from its
page's catalog, empty or fuzzy would leave an English sentence on a Japanese page, so it is a build
warning (and `-W` fails the build) naming the page, the line and the message's start. While the
translations are being written, `CA911_ALLOW_UNTRANSLATED=1` turns the warnings into one log line
per page; make and CI never set it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePath

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages, get_node_line

from ca911 import __version__
from ca911.book.records import edition_of
from ca911.data.language import DEFAULT_LANG

GENERATED_DIR = "_generated"
ALLOW_UNTRANSLATED = "CA911_ALLOW_UNTRANSLATED"
MESSAGE_START = 60  # characters of an untranslated message quoted in its warning
# the translators this check loads, apart from Sphinx's own (whose fallbacks it does not touch)
CATALOG_NAMESPACE = "ca911-untranslated"

logger = logging.getLogger(__name__)


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
            # text elements only: an inline node is never a message of its own, and Sphinx's
            # RemoveTranslatableInline unwraps every inline that carries the attribute (a role's
            # span would lose its class and its lang)
            for node in top.findall(nodes.TextElement):
                if not isinstance(node, nodes.Inline) and not _written_in_the_page(node):
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


def _message_start(msg: str) -> str:
    flat = " ".join(msg.split())
    return flat if len(flat) <= MESSAGE_START else flat[: MESSAGE_START - 1] + "…"


def untranslated_allowed() -> bool:
    return os.environ.get(ALLOW_UNTRANSLATED, "") not in ("", "0")


class EveryMessageIsTranslated(SphinxTransform):
    """Just before sphinx.transforms.i18n.Locale (priority 20) replaces each message by its
    translation, the page's messages are extracted as Locale and the gettext builder extract them
    (text elements with `translatable` False, the data-made text, are skipped) and each is looked
    up in the page's catalog (one per page: gettext_compact is False). A fuzzy entry is not in the
    compiled catalog Sphinx reads, so it counts as missing, as an empty one does."""

    default_priority = 19

    def apply(self, **kwargs) -> None:
        language = edition_of(self.config.language)
        if language == DEFAULT_LANG or self.app.builder.name == "gettext":
            return
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        dirs = [str(Path(self.env.srcdir, d)) for d in self.config.locale_dirs]
        catalog, has_catalog = init_locale(dirs, language, domain, CATALOG_NAMESPACE)
        translations = _merged_catalog(catalog) if has_catalog else {}
        missing = [
            (node, msg)
            for node, msg in extract_messages(self.document)
            if not _made_from_data(node)
            and not _page_metadata(node)
            and not _in_the_edition_language(msg)
            and not translations.get(msg, "").strip()
        ]
        if not missing:
            return
        if untranslated_allowed():
            node, msg = missing[0]
            logger.info(
                "%s: %d untranslated message(s) (%s=1), the first at line %s: %r",
                self.env.docname,
                len(missing),
                ALLOW_UNTRANSLATED,
                _node_line(node),
                _message_start(msg),
            )
            return
        for node, msg in missing:
            logger.warning(
                "untranslated message in %s (%s, line %s): %r",
                self.env.docname,
                f"no catalog {domain}.po" if not has_catalog else f"catalog {domain}.po",
                _node_line(node),
                _message_start(msg),
                location=node,
                type="ca911",
                subtype="untranslated",
            )


def _page_metadata(node: nodes.Node) -> bool:
    """A page's front matter (a notebook's kernel and jupytext settings) is read as a field list at
    the top of the document, which docutils turns into a docinfo the reader never sees."""
    return any(
        isinstance(n, nodes.docinfo)
        or (isinstance(n, nodes.field_list) and isinstance(n.parent, nodes.document))
        for n in _self_and_parents(node)
    )


JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def _in_the_edition_language(msg: str) -> bool:
    """Words a notebook's code already wrote in Japanese for this edition (a table's header made
    with lang="ja") are not messages to translate; an English message that quotes a Japanese term
    has far more Latin letters than Japanese characters."""
    return len(JAPANESE.findall(msg)) > len(LATIN.findall(msg))


def _made_from_data(node: nodes.Node) -> bool:
    """Text a generated page shows, or text DataMadeTextIsNotTranslated marked: written in the
    edition's language from the data, never through a catalog. An image's alt text is a message
    whatever its ancestors (Sphinx's Locale transform translates every image's `alt`), so only the
    image's own mark counts for it."""
    if _from_generated_file(node):
        return True
    if isinstance(node, nodes.image):
        return node.get("translatable") is False
    return any(
        isinstance(n, nodes.Element) and n.get("translatable") is False
        for n in _self_and_parents(node)
    )


def _node_line(node: nodes.Node) -> int | str:
    try:
        return get_node_line(node)
    except ValueError:
        return "?"


def _merged_catalog(catalog) -> dict[str, str]:
    """The catalog and its fallbacks as one mapping, merged the way sphinx.transforms.i18n.Locale
    merges them (gettext's public API cannot tell a missing message from one translated as
    itself)."""
    catalogues = [getattr(catalog, "_catalog", None)]
    while (catalog := getattr(catalog, "_fallback", None)) is not None:
        catalogues.append(getattr(catalog, "_catalog", None))
    merged: dict[str, str] = {}
    for catalogue in filter(None, reversed(catalogues)):
        merged |= catalogue
    return merged


def _configure(app: Sphinx, config) -> None:
    config.locale_dirs = ["locales", *[d for d in config.locale_dirs if d != "locales"]]
    if edition_of(config.language) != DEFAULT_LANG:
        # theme_words' folder first, set here where the configuration is made, the same path each
        # build: a locale_dirs changed later would differ from the environment's saved one, and
        # Sphinx would read every page again at every build
        config.locale_dirs = [str(theme_words_dir(app)), *config.locale_dirs]
    # one catalog per page, so a page and its translation are reviewed side by side; no source
    # line numbers, so an edit above a message does not rewrite every catalog below it
    config.gettext_compact = False
    config.gettext_location = False
    config.gettext_uuid = False


# The book's words of Sphinx's `sphinx` catalog: sphinx.po, which `make catalogs` extracts from the
# book's templates, and theme.po, the words no template of the book holds (the HTML writer's and
# the themes' tooltips, landmark names and toggles), which the gettext builder never extracts, so
# `make catalogs` would mark them obsolete in sphinx.po.
SPHINX_CATALOGS = ("sphinx", "theme")


def theme_words(app: Sphinx) -> None:
    """Adds the book's `sphinx` catalogs (SPHINX_CATALOGS under `locales/<lang>/LC_MESSAGES/`) to
    the words of Sphinx's own, compiled under the build's doctrees (Sphinx reads a catalog as .mo
    only). Sphinx's and the themes' translations come first; these fill what they leave
    untranslated."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    language = app.config.language or DEFAULT_LANG
    words = Catalog(locale=language)
    for locale_dir in app.config.locale_dirs:
        for name in SPHINX_CATALOGS:
            po = Path(app.srcdir, locale_dir, language, "LC_MESSAGES", f"{name}.po")
            if po.is_file():
                with po.open("rb") as source:
                    for message in read_po(source):
                        if message.id and message.string and not message.fuzzy:
                            words.add(message.id, message.string)
    if not len(words):
        return
    target = theme_words_dir(app)
    mo = target / language / "LC_MESSAGES" / "sphinx.mo"
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as compiled:
        write_mo(compiled, words)
    app.add_message_catalog("sphinx", str(target))
    # the HTML builder takes translations.js from the first locale dir holding sphinx.js: this
    # folder, first in locale_dirs (_configure), when it has words to fill
    script = mo.with_suffix(".js")
    if not _script_words(language, {m.id: m.string for m in words if m.id}, script):
        script.unlink(missing_ok=True)


def theme_words_dir(app: Sphinx) -> Path:
    """Where theme_words compiles the book's words of Sphinx's catalog (under the doctrees)."""
    return Path(app.doctreedir, "ca911-theme-words")


# Sphinx's translations for its scripts (the search page's words), which it ships compiled
SPHINX_SCRIPT_WORDS = "sphinx.js"
SCRIPT_WORDS_CALL = re.compile(r"Documentation\.addTranslations\((?P<catalog>\{.*\})\);", re.S)


def _script_words(language: str, words: dict[str, str], target: Path) -> bool:
    """Writes Sphinx's script translations for `language` to `target` with the messages it leaves
    empty (the search page's count of pages found, in Japanese) filled from `words`. False when
    there is nothing to fill."""
    import json

    import sphinx

    shipped = Path(sphinx.package_dir, "locale", language, "LC_MESSAGES", SPHINX_SCRIPT_WORDS)
    if not shipped.is_file():
        return False
    call = SCRIPT_WORDS_CALL.search(shipped.read_text(encoding="utf-8"))
    if call is None:
        raise ValueError(f"{shipped}: no Documentation.addTranslations({{...}}) call to read")
    catalog = json.loads(call["catalog"])
    missing = {
        message: words[message]
        for message, translation in catalog["messages"].items()
        if not translation and words.get(message)
    }
    if not missing:
        return False
    catalog["messages"].update(missing)
    target.write_text(
        f"Documentation.addTranslations({json.dumps(catalog, ensure_ascii=False, indent=1)});\n",
        encoding="utf-8",
    )
    return True


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", theme_words)
    app.add_transform(DataMadeTextIsNotTranslated)
    app.add_transform(EveryMessageIsTranslated)
    app.connect("config-inited", _configure, priority=910)
    app.connect("doctree-read", _alt_texts_into_catalogs)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
