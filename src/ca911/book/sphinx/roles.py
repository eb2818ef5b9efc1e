"""The roles that put records into the prose: `{event}` (an event's date, linked to the full
chronology), `{fact}` (an undated fact's locator, linked to the sentence map) and `{number}` (a
number of a record with its qualifier as printed). An unknown reference is a build error naming the
file it is missing from.

The records come from the data package of the project being built (`ca911_data_dir`, relative to the
source folder, default `data`), never from the working directory. They are kept in this module,
keyed by the data folder and its hash, not on the Sphinx environment: the environment is pickled
after every build and sent back from every worker of a parallel read, and the tables would travel
with it.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

from ca911 import __version__
from ca911.book.editions import edition
from ca911.book.records import (
    LOCATOR_CLASS,
    RECORD_CLASS,
    edition_of,
    event_date_text,
    fact_label,
    label_of,
    number_text,
    record_target,
)
from ca911.book.sphinx.repeated_locators import repeated_locators_as_ibid
from ca911.data.locators import LOCATOR_MENTION as LOCATOR
from ca911.data.locators import shown_locator
from ca911.data.numbers import in_words
from ca911.data.package import DataPackage, load, package_hash
from ca911.data.refs import RECORD_REF


def locator_node(locator: str) -> nodes.literal:
    """A chapter locator as the reader sees it everywhere: code with the locator class, a run of
    paragraphs with its en dash."""
    shown = shown_locator(locator)
    return nodes.literal(shown, shown, classes=[LOCATOR_CLASS])


def record_node(ref: str) -> nodes.literal:
    """A record reference (`<file>:<key>`) as the reader sees it everywhere: code with the record
    class."""
    return nodes.literal(ref, ref, classes=[RECORD_CLASS])


def _link_keeping_content(target: str, content: nodes.Node, env) -> pending_xref:
    """A link to a label that keeps `content` as it is (a `{ref}` with a title would replace it by
    plain text); `resolve_kept_content` resolves it."""
    ref = pending_xref(
        "",
        refdomain="std",
        reftype=KEEP_CONTENT,
        reftarget=target,
        refexplicit=True,
        refwarn=True,
        refdoc=env.docname,
    )
    ref += content
    return ref


KEEP_CONTENT = "ca911-keep-content"


def resolve_kept_content(app, env, node, contnode):
    """`missing-reference` handler: a link made by `_link_keeping_content` resolves to the label
    like `{ref}`."""
    if node.get("reftype") != KEEP_CONTENT:
        return None
    from sphinx.util.nodes import make_refnode

    std = env.get_domain("std")
    docname, labelid = std.anonlabels.get(node["reftarget"].lower(), ("", ""))
    if not docname:
        return None
    return make_refnode(app.builder, node["refdoc"], docname, labelid, contnode)


def mark_locators_and_records(doctree) -> None:
    """Code that holds exactly a locator or a record reference, however the page wrote it (a code
    span in a chapter, a generated table), becomes the one node `locator_node`/`record_node`
    makes. A run of paragraphs anywhere in the page's text (a locator quoted in a sentence of the
    data, "§5.1 ¶3-4") is shown as the locator shows it, with an en dash; code blocks and raw
    markup keep what they quote."""
    for text in list(doctree.findall(nodes.Text)):
        parent = text.parent
        if parent is None or isinstance(parent, (nodes.literal_block, nodes.raw)):
            continue
        shown = shown_locator(str(text))
        if shown != str(text):
            parent.replace(text, nodes.Text(shown))
    for literal in list(doctree.findall(nodes.literal)):
        text = literal.astext()
        if LOCATOR.fullmatch(text):
            literal.replace_self(locator_node(text))
        elif RECORD_REF.fullmatch(text):
            literal.replace_self(record_node(text))


# Where a glued number stays a figure: a table, a figure or its caption, and after a word that makes
# it a measure or a name ("weight 2", "betweenness 0.4", "Table 1").
FIGURE_PLACES = (nodes.table, nodes.figure, nodes.caption, nodes.title, nodes.literal_block)
MEASURED = ("weight", "betweenness", "centrality", "code", "chapter", "table", "level")


def spell_small_counts(doctree, lang: str) -> None:
    """A count a notebook glues into running English text ("link {glue} actors") reads as the
    `{number}` role and the wording module write one: one to nine in words (numbers.in_words)."""
    if lang != "en":
        return
    for node in list(doctree.findall(nodes.inline)):
        text = node.astext().strip()
        if "pasted-text" not in node.get("classes", []) or text not in {
            str(n) for n in range(1, 10)
        }:
            continue
        if any(isinstance(a, FIGURE_PLACES) for a in _ancestors(node)):
            continue
        index = node.parent.index(node) if node.parent is not None else 0
        words = node.parent[index - 1].astext().split() if index > 0 else []
        if words and words[-1].strip("(").lower() in MEASURED:
            continue
        node.children = [nodes.Text(in_words(int(text), lang))]


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def record_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """`{record}`events:ch3-2001-09-24-putin-tv-address``: the reference as code, linked to the
    record's entry where it has one; a malformed reference is a build error."""
    ref = text.strip()
    if not RECORD_REF.fullmatch(ref):
        msg = inliner.reporter.error(
            f"not a record reference {ref!r} (expected <file>:<key>)", line=lineno
        )
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    target = record_target(ref)
    node = record_node(ref)
    return [
        _link_keeping_content(target, node, inliner.document.settings.env) if target else node
    ], []


# Raised whenever what the environment keeps changes shape, so an environment of an older layout is
# read afresh.
ENV_VERSION = 2


def data_dir(env: BuildEnvironment) -> Path:
    """The data package of the project being built: `ca911_data_dir` relative to the source
    folder."""
    return Path(env.srcdir, env.config.ca911_data_dir or "data")


def data_digest(env: BuildEnvironment) -> str:
    """The hash of the data (and of this package's code) the pages are read with; set once per
    build."""
    from ca911.book.execution_hash import code_hash

    return package_hash(data_dir(env)) + code_hash()


class DataPackageMissingError(FileNotFoundError):
    """The project being built has no data package where ca911_data_dir says."""


_PACKAGES: dict[tuple[str, str], DataPackage] = {}
_INDEXED: dict[tuple[str, str, str], object] = {}


def package_of(env: BuildEnvironment) -> DataPackage:
    """The package of the build's data folder, loaded once per process for each version of the
    data."""
    if not (data_dir(env) / "datapackage.json").is_file():
        raise DataPackageMissingError(
            f"no data package at {data_dir(env)} (the config value ca911_data_dir)"
        )
    digest = getattr(env, "ca911_data_hash", None) or data_digest(env)
    key = (str(data_dir(env)), digest)
    if key not in _PACKAGES:
        # one version of the data at a time: an edited package replaces the old one
        _PACKAGES.clear()
        _INDEXED.clear()
        _PACKAGES[key] = load(data_dir(env), validate=False)
    return _PACKAGES[key]


def records_of(env: BuildEnvironment, table: str, id_col: str):
    package = package_of(env)
    key = (str(data_dir(env)), table, id_col)
    if key not in _INDEXED:
        _INDEXED[key] = package[table].set_index(id_col)
    return _INDEXED[key]


# wraps a record link whose text is the reader's words, not the record rendered
WORDED_LINK_CLASS = "ca911-worded-link"


class RecordRole(SphinxRole):
    """`{name}`<id>`` renders a record of `table` and links it to `label(id)`; `{name}`words <id>``
    links the reader's words instead of repeating what the record renders."""

    table: str
    id_col: str
    # True: the rendered node stays as it is inside the link (a {ref} title would flatten it)
    keep_content = False

    def label(self, record_id: str) -> str:
        raise NotImplementedError

    def render(self, row: dict) -> nodes.Node:
        raise NotImplementedError

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        records = records_of(self.env, self.table, self.id_col)
        has_title, title, record_id = split_explicit_title(self.text.strip())
        record_id = record_id.strip()
        if record_id not in records.index:
            kind = self.id_col.removesuffix("_id")
            msg = self.inliner.reporter.error(
                f"unknown {kind} id {record_id!r} (not in data/{self.table}.csv)", line=self.lineno
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        if self.keep_content and not has_title:
            return [
                _link_keeping_content(
                    self.label(record_id), self.render(records.loc[record_id].to_dict()), self.env
                )
            ], []
        ref = pending_xref(
            "",
            refdomain="std",
            reftype="ref",
            reftarget=self.label(record_id),
            refexplicit=True,
            refwarn=True,
            refdoc=self.env.docname,
        )
        if has_title:
            # the reader's words ("the report", その報道) read as a reference only as a link: the
            # wrapper tells print to carry the target's page after them (print_navigation)
            ref += nodes.inline("", title)
            return [nodes.inline("", "", ref, classes=[WORDED_LINK_CLASS])], []
        ref += self.render(records.loc[record_id].to_dict())
        return [ref], []


class EventRole(RecordRole):
    """`{event}`<event_id>``: the event's date from the data, linked to the full chronology."""

    table, id_col = "events", "event_id"

    def label(self, record_id: str) -> str:
        return label_of(record_id)

    def render(self, row: dict) -> nodes.Node:
        return nodes.inline(
            "", event_date_text(row, edition_of(self.config.language)), classes=["ca911-event"]
        )


class FactRole(RecordRole):
    """`{fact}`<fact_id>``: an undated fact's locator, linked to its entry in the sentence-map
    appendix."""

    table, id_col = "facts", "fact_id"

    def label(self, record_id: str) -> str:
        return fact_label(record_id)

    keep_content = True

    def render(self, row: dict) -> nodes.Node:
        return locator_node(str(row["locator"]))


class NumberRole(SphinxRole):
    """`{number}`indicators:KAZ/border_length_with_russia/2004`` → "about 7,000", 約7,000 in the
    Japanese edition (not linked: the sentence's locator says where to read). A counter word before
    the reference, `{number}`人 <deployments:rus-tjk-2001/personnel>``, is written inside the
    qualifier, as Japanese needs (1,500人以上, not 1,500以上人)."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        package = package_of(self.env)
        tables = {
            name: package[name] for name in (r["name"] for r in package.descriptor["resources"])
        }
        has_counter, counter, ref = split_explicit_title(self.text.strip())
        try:
            rendered = number_text(
                tables,
                package.descriptor,
                ref.strip(),
                lang=edition_of(self.config.language),
                counter=counter.strip() if has_counter else None,
                prose=True,
            )
        except KeyError as err:
            msg = self.inliner.reporter.error(
                f"unknown number {ref.strip()!r}: {err.args[0]}", line=self.lineno
            )
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.inline(self.rawtext, rendered, classes=["ca911-number"])], []


ENGLISH_CLASS = "ca911-english"


def english_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """`{english}`text``: a text the data hold in English only, on a page of another edition
    (a discrepancy's reasoning on the Japanese page), as literal text marked `lang="en"` (docutils
    writes a `language-en` class as the attribute) with the one class the checks of the Japanese
    pages recognise as declared English."""
    return [nodes.inline(rawtext, text, classes=["language-en", ENGLISH_CLASS])], []


def built_file_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """`{built}`pdf``: where a build writes this edition's file of that kind (`html`, `pdf`,
    `archival`; `editions.Edition.built_file`), as code: one source sentence names the English
    edition's files in the English book and the Japanese edition's in the Japanese one."""
    lang = edition_of(inliner.document.settings.env.config.language)
    try:
        path = edition(lang).built_file(text.strip())
    except ValueError as err:
        msg = inliner.reporter.error(str(err), line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    return [nodes.literal(rawtext, path)], []


def _outdated_on_data_change(
    app: Sphinx, env: BuildEnvironment, added, changed, removed
) -> list[str]:
    """Sphinx re-reads only edited sources; a data (or helper code) edit must re-read every page. A
    project without a data package has nothing to cite (a role in it reports the missing
    package)."""
    if not (data_dir(env) / "datapackage.json").is_file():
        return []
    digest = data_digest(env)
    if getattr(env, "ca911_data_hash", None) == digest:
        return []
    env.ca911_data_hash = digest
    return sorted(env.found_docs)


def setup(app: Sphinx) -> dict:
    app.add_config_value("ca911_data_dir", "data", "env", types=[str])
    app.add_role("event", EventRole())
    app.add_role("fact", FactRole())
    app.add_role("number", NumberRole())
    app.add_role("record", record_role)
    app.add_role("english", english_role)
    app.add_role("built", built_file_role)
    app.connect("missing-reference", resolve_kept_content)
    app.connect(
        "doctree-resolved", lambda app, doctree, docname: mark_locators_and_records(doctree)
    )
    app.connect(
        "doctree-resolved",
        lambda app, doctree, docname: repeated_locators_as_ibid(
            doctree, edition_of(app.config.language)
        ),
    )
    app.connect(
        "doctree-resolved",
        lambda app, doctree, docname: spell_small_counts(doctree, edition_of(app.config.language)),
    )
    app.connect("env-get-outdated", _outdated_on_data_change)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
