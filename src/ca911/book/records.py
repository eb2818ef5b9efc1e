"""Records in the prose: the `{event}` role and the generated full chronology it links to, and the
`{fact}` role, which cites an undated fact by its locator and links to its entry in the sentence-map appendix,
and the `{number}` role, which writes a number of a record with its qualifier as printed.

`{event}`ch3-2001-09-24-putin-tv-address`` renders the event's date as the data gives it
("24 September 2001", "September 2001", "about November 2001") and links to its entry in the
full chronology appendix, so no date of a record is typed into a chapter.
`{event}`Uzbek <ch3-2001-09-20-uzb-denies-base-use-plans>`` links the words "Uzbek" to the record instead,
for a second record of a date the sentence already gives: no sentence need show the same date twice.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.util.nodes import split_explicit_title

from ca911.book.myst import myst_code, myst_text
from ca911.data import dates
from ca911.data.locators import LOCATOR_MENTION as LOCATOR
from ca911.data.numbers import is_share, with_qualifier
from ca911.data.package import DataPackage
from ca911.data.refs import RECORD_REF

# Each is one element with one class on every page, in both editions: the book's stylesheets style these.
LOCATOR_CLASS = "ca911-locator"
RECORD_CLASS = "ca911-record"
# Records with an entry of their own (events in the full chronology, facts in the list of undated facts).
LINKED_RECORD_FILES = ("events", "facts")


def event_date_text(row, lang: str = "en") -> str:
    """An event's (or stance's) date in words, a span and approximation included: 'about November 2001'."""
    end = row.get("date_end")
    return dates.span_words(row["date"], end if isinstance(end, str) and end else None, lang, bool(row.get("approximate")))


def label_of(event_id: str) -> str:
    return f"ev-{event_id}"


def fact_label(fact_id: str) -> str:
    return f"fact-{fact_id}"


def locator_node(locator: str) -> nodes.literal:
    """A chapter locator as the reader sees it everywhere: code with the locator class."""
    return nodes.literal(locator, locator, classes=[LOCATOR_CLASS])


def record_node(ref: str) -> nodes.literal:
    """A record reference (`<file>:<key>`) as the reader sees it everywhere: code with the record class."""
    return nodes.literal(ref, ref, classes=[RECORD_CLASS])


def record_target(ref: str) -> str | None:
    """The label of the record's own entry, for records that have one."""
    resource, _, key = ref.partition(":")
    return {"events": label_of, "facts": fact_label}[resource](key) if resource in LINKED_RECORD_FILES else None


def record_markup(ref: str) -> str:
    """MyST for a record reference: the `{record}` role, which links it to its entry where it has one."""
    return f"{{record}}`{ref}`"


def _link_keeping_content(target: str, content: nodes.Node, env) -> pending_xref:
    """A link to a label that keeps `content` as it is (a `{ref}` with a title would replace it by plain text);
    `resolve_kept_content` resolves it."""
    ref = pending_xref("", refdomain="std", reftype=KEEP_CONTENT, reftarget=target, refexplicit=True,
                       refwarn=True, refdoc=env.docname)
    ref += content
    return ref


KEEP_CONTENT = "ca911-keep-content"


def resolve_kept_content(app, env, node, contnode):
    """`missing-reference` handler: a link made by `_link_keeping_content` resolves to the label like `{ref}`."""
    if node.get("reftype") != KEEP_CONTENT:
        return None
    from sphinx.util.nodes import make_refnode

    std = env.get_domain("std")
    docname, labelid = std.anonlabels.get(node["reftarget"].lower(), ("", ""))
    if not docname:
        return None
    return make_refnode(app.builder, node["refdoc"], docname, labelid, contnode)


def mark_locators_and_records(doctree) -> None:
    """Code that holds exactly a locator or a record reference, however the page wrote it (a code span in a
    chapter, a generated table), becomes the one node `locator_node`/`record_node` makes."""
    for literal in list(doctree.findall(nodes.literal)):
        text = literal.astext()
        if LOCATOR.fullmatch(text):
            literal.replace_self(locator_node(text))
        elif RECORD_REF.fullmatch(text):
            literal.replace_self(record_node(text))


def record_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """`{record}`events:ch3-2001-09-24-putin-tv-address``: the reference as code, linked to the record's entry
    where it has one; a malformed reference is a build error."""
    ref = text.strip()
    if not RECORD_REF.fullmatch(ref):
        msg = inliner.reporter.error(f"not a record reference {ref!r} (expected <file>:<key>)", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    target = record_target(ref)
    node = record_node(ref)
    return [_link_keeping_content(target, node, inliner.document.settings.env) if target else node], []


def chronology_markdown(pkg: DataPackage, name_of=None) -> str:
    """Every event of both chapters, by year, each entry labelled for the `{event}` role; `name_of(actor_id)`
    writes an actor's name (generated.generators passes the link to its page: actor_pages.linked_name)."""
    ev = pkg.events.sort_values(["date_lo", "event_id"])
    names = pkg.actors.set_index("actor_id")["name_shown"]
    name_of = name_of or (lambda a: myst_text(names.get(a, a)))
    actors = pkg.event_actors.assign(name=lambda d: [name_of(a) for a in d["actor_id"]]
                                     ).groupby("event_id")["name"].agg(lambda s: ", ".join(dict.fromkeys(s)))
    out, year = [], None
    for row in ev.to_dict("records"):
        y = row["date"][:4]
        if y != year:
            out += [f"# {y}", ""]
            year = y
        out += [f"({label_of(row['event_id'])})=",
                f"**{myst_text(event_date_text(row))}** · {myst_text(row['summary_en'])} "
                f"*{actors.get(row['event_id'], '')}* · {myst_code(row['locator'])} · {myst_code('events:' + row['event_id'])}", ""]
    return "\n".join(out) + "\n"


def chronology_file(pkg: DataPackage, name_of=None) -> dict[str, bytes]:
    return {"chronology.md": chronology_markdown(pkg, name_of).encode("utf-8")}


def _record_role(table: str, id_col: str, label, render, keep_content: bool = False):
    """A role `{name}`<id>`` that renders a record of `table` with `render(row)` and links it to `label(id)`,
    or `{name}`words <id>`` that links the words; an unknown id is a build error naming the file."""
    from ca911.data.package import load

    def role(name, rawtext, text, lineno, inliner, options=None, content=None):
        env = inliner.document.settings.env
        # The environment outlives a build; the table is kept only for the data it was read from
        # (ca911_data_hash is set at the start of each build by sphinx_ext._outdated_on_data_change).
        cache, digest = f"ca911_{table}", getattr(env, "ca911_data_hash", None)
        if getattr(env, cache, (None,))[0] != digest or digest is None:
            setattr(env, cache, (digest, load(validate=False)[table].set_index(id_col)))
        records = getattr(env, cache)[1]
        has_title, title, record_id = split_explicit_title(text.strip())
        record_id = record_id.strip()
        if record_id not in records.index:
            msg = inliner.reporter.error(f"unknown {id_col.removesuffix('_id')} id {record_id!r} (not in data/{table}.csv)",
                                         line=lineno)
            return [inliner.problematic(rawtext, rawtext, msg)], [msg]
        if keep_content and not has_title:
            return [_link_keeping_content(label(record_id), render(records.loc[record_id].to_dict()), env)], []
        ref = pending_xref("", refdomain="std", reftype="ref", reftarget=label(record_id), refexplicit=True,
                           refwarn=True, refdoc=env.docname)
        # an explicit title links the reader's words instead of repeating what the record renders
        ref += nodes.inline("", title) if has_title else render(records.loc[record_id].to_dict())
        return [ref], []

    return role


# `{event}`<event_id>``: the event's date from the data, linked to the full chronology.
event_role = _record_role("events", "event_id", label_of,
                          lambda row: nodes.inline("", event_date_text(row), classes=["ca911-event"]))


# `{fact}`<fact_id>``: an undated fact's locator, linked to its entry in the sentence-map appendix.
fact_role = _record_role("facts", "fact_id", fact_label, lambda row: locator_node(str(row["locator"])), keep_content=True)


def number_text(pkg_tables, descriptor: dict, ref: str) -> str:
    """`<resource>:<primary key>[/<column>]` → the column's number with its qualifier ('about 7,000', '66%').
    The column defaults to `value`; its qualifier is `<column>_qualifier` or else `qualifier`; a unit
    `share` is written as a percentage. A KeyError names what is unknown."""
    from ca911.data.refs import format_ref, parse_ref
    from ca911.data.schema import primary_key

    try:
        table, parts = parse_ref(ref)
    except ValueError as err:
        raise KeyError(str(err)) from None
    if table not in pkg_tables:
        raise KeyError(f"no table {table!r} in data/datapackage.json")
    key = primary_key(descriptor, table)
    if len(parts) not in (len(key), len(key) + 1):
        raise KeyError(f"{ref!r}: expected {format_ref(table, dict(zip(key, key)), key)}[/column]")
    column = parts[len(key)] if len(parts) > len(key) else "value"
    frame = pkg_tables[table]
    match = frame[(frame[key].astype(str) == list(parts[:len(key)])).all(axis=1)]
    if match.empty:
        raise KeyError(f"no record {format_ref(table, dict(zip(key, parts)), key)} in data/{table}.csv")
    row = match.iloc[0].to_dict()
    if column not in row:
        raise KeyError(f"no column {column!r} in data/{table}.csv")
    qualifier = row.get(f"{column}_qualifier", row.get("qualifier"))
    return with_qualifier(row[column], qualifier, share=is_share(row.get("unit")))


def number_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """`{number}`indicators:KAZ/border_length_with_russia/2004`` → "about 7,000" (not linked: the
    sentence's locator says where to read); an unknown reference is a build error naming the file."""
    from ca911.data.package import load

    env = inliner.document.settings.env
    digest = getattr(env, "ca911_data_hash", None)  # as for `_record_role`: the cache lives as long as the data
    if getattr(env, "ca911_number_tables", (None,))[0] != digest or digest is None:
        pkg = load(validate=False)
        env.ca911_number_tables = (digest, {n: pkg[n] for n in (r["name"] for r in pkg.descriptor["resources"])},
                                   pkg.descriptor)
    _, tables, descriptor = env.ca911_number_tables
    try:
        rendered = number_text(tables, descriptor, text.strip())
    except KeyError as err:
        msg = inliner.reporter.error(f"unknown number {text.strip()!r}: {err.args[0]}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    return [nodes.inline(rawtext, rendered, classes=["ca911-number"])], []
