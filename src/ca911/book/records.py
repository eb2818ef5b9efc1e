"""Records as the pages name them: the dates of events in words, the labels of their entries, a
record reference as MyST (`record_markup`, the `{record}` role), the generated full chronology the
`{event}` role links to, and the number of a record with its qualifier (`number_text`, the
`{number}` role). The roles themselves are in `ca911.book.sphinx.roles`.
"""

from __future__ import annotations

from ca911.analysis.chronology import in_date_order
from ca911.book.myst import markdown_cell, myst_code, myst_text
from ca911.data import dates
from ca911.data.numbers import is_share, with_qualifier
from ca911.data.package import DataPackage
from ca911.data.refs import RECORD_REF

# Each is one element with one class on every page, in both editions: the book's stylesheets style
# these.
LOCATOR_CLASS = "ca911-locator"
RECORD_CLASS = "ca911-record"
# Records with an entry of their own (events in the full chronology, facts in the list of undated
# facts).
LINKED_RECORD_FILES = ("events", "facts")


def edition_of(language: str | None) -> str:
    """The edition a Sphinx build makes, from its `language` setting: "ja" for Japanese, else the
    English edition (Sphinx's default language is "en", older projects leave it None)."""
    from ca911.data.language import check_language

    return check_language("ja" if str(language or "").startswith("ja") else "en")


def event_date_text(row, lang: str = "en") -> str:
    """An event's (or stance's) date in words, a span and approximation included: 'about November
    2001'."""
    end = row.get("date_end")
    return dates.span_words(
        row["date"],
        end if isinstance(end, str) and end else None,
        lang,
        bool(row.get("approximate")),
    )


def label_of(event_id: str) -> str:
    return f"ev-{event_id}"


def fact_label(fact_id: str) -> str:
    return f"fact-{fact_id}"


def record_target(ref: str) -> str | None:
    """The label of the record's own entry, for records that have one."""
    resource, _, key = ref.partition(":")
    return (
        {"events": label_of, "facts": fact_label}[resource](key)
        if resource in LINKED_RECORD_FILES
        else None
    )


def record_markup(ref: str) -> str:
    """MyST for a record reference: the `{record}` role, which links it to its entry where it has
    one."""
    return f"{{record}}`{ref}`"


def chronology_markdown(pkg: DataPackage, name_of=None, lang: str = "en") -> str:
    """Every event of both chapters, by year in the book's date order, each entry labelled for the
    `{event}` role; `name_of(actor_id)` writes an actor's name (generated.generators passes the
    link to its page: actor_pages.linked_name). In `lang`: the date in its words, the summary and
    the names from the data's fields in that language (`summary_ja`, `name_ja`)."""
    ev = in_date_order(pkg.events)
    names = pkg.actors.set_index("actor_id")["name_shown" if lang == "en" else f"name_{lang}"]
    name_of = name_of or (lambda a: myst_text(names.get(a, a)))
    actors = (
        pkg.event_actors.assign(name=lambda d: [name_of(a) for a in d["actor_id"]])
        .groupby("event_id")["name"]
        .agg(lambda s: NAME_SEPARATOR[lang].join(dict.fromkeys(s)))
    )
    out, year, dated, noted = [], None, False, False
    for row in ev.to_dict("records"):
        y = row["date"][:4]
        if y != year:
            out += [f"# {dates.words(y, lang)}", ""]
            year, dated, noted = y, False, False
        if row["date_precision"] != "year":
            dated = True
        elif dated and not noted:  # the year's undated events follow its dated ones
            out += [YEAR_ONLY[lang].format(year=dates.words(y, lang)), ""]
            noted = True
        out += [
            f"({label_of(row['event_id'])})=",
            f"**{myst_text(event_date_text(row, lang))}** · {myst_text(row[f'summary_{lang}'])}"
            f"{PARTICIPANTS_GAP[lang]}"
            f"{PARTICIPANTS[lang].format(actors.get(row['event_id'], ''))} · "
            f"{myst_code(row['locator'])}" + closing_id("events:" + row["event_id"], lang),
            "",
        ]
    return "\n".join(out) + "\n"


# Before a year's events dated only to the year, after its dated ones (in_date_order): a reader who
# finds "about 2002" after December 2002 learns why it is there.
YEAR_ONLY = {
    "en": "*Dated only to the year {year} (the chapters give no month):*",
    "ja": "（以下は、{year}の出来事のうち月の記されないもの）",
}


def closing_id(ref: str, lang: str) -> str:
    """The record's id closing an appendix entry, for a reader who looks it up in the data: in
    English only. The Japanese entry ends with its locator (its label still carries the id, for
    links), no English id trailing the Japanese prose."""
    return f" · {myst_code(ref)}" if lang == "en" else ""


# Who took part, after an entry's summary: in italics in English; in brackets in Japanese, whose
# type has no italic.
PARTICIPANTS = {"en": "*{}*", "ja": "（{}）"}
# a word space before the English italics; none after a Japanese summary's 。 (the bracket's
# full-width form carries its own space)
PARTICIPANTS_GAP = {"en": " ", "ja": ""}
# Between the names of a list (Japanese lists names with the ideographic comma).
NAME_SEPARATOR = {"en": ", ", "ja": "、"}


def chronology_file(pkg: DataPackage, name_of=None, lang: str = "en") -> dict[str, bytes]:
    return {"chronology.md": chronology_markdown(pkg, name_of, lang).encode("utf-8")}


def number_text(
    pkg_tables,
    descriptor: dict,
    ref: str,
    lang: str = "en",
    counter: str | None = None,
    prose: bool = False,
) -> str:
    """`<resource>:<primary key>[/<column>]` → the column's number with its qualifier ('about
    7,000', '66%'; '約7,000'). The column defaults to `value`; its qualifier is
    `<column>_qualifier` or else `qualifier`; a unit `share` is written as a percentage. A
    `counter` word of the sentence goes inside the qualifier ('1,500人以上'). A KeyError names what
    is unknown. In `prose` a small whole number is spelled out in English ('five')."""
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
    match = frame[(frame[key].astype(str) == list(parts[: len(key)])).all(axis=1)]
    if match.empty:
        raise KeyError(
            f"no record {format_ref(table, dict(zip(key, parts)), key)} in data/{table}.csv"
        )
    row = match.iloc[0].to_dict()
    if column not in row:
        raise KeyError(f"no column {column!r} in data/{table}.csv")
    qualifier = row.get(f"{column}_qualifier", row.get("qualifier"))
    return with_qualifier(
        row[column],
        qualifier,
        share=is_share(row.get("unit")),
        lang=lang,
        counter=counter,
        prose=prose,
    )


def record_link(ref: str) -> str:
    """A record reference as Markdown, in the one style of every page (`records.record_markup`);
    text that is no record reference is shown as escaped text (the validator names it)."""
    return record_markup(ref) if RECORD_REF.fullmatch(ref) else markdown_cell(ref)
