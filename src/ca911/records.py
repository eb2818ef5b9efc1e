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

from ca911.data import DataPackage
from ca911.numbers import is_share, with_qualifier
from ca911.tables import myst_code, myst_text

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def format_partial_date(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def event_date_text(row) -> str:
    text = format_partial_date(row["date"])
    if isinstance(row.get("date_end"), str) and row["date_end"]:
        text += f" – {format_partial_date(row['date_end'])}"
    if bool(row.get("approximate")):
        text = f"about {text}"
    return text


def label_of(event_id: str) -> str:
    return f"ev-{event_id}"


def fact_label(fact_id: str) -> str:
    return f"fact-{fact_id}"


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
                f"*{actors.get(row['event_id'], '')}* · {myst_code(row['locator'])} · {myst_code(row['event_id'])}", ""]
    return "\n".join(out) + "\n"


def chronology_file(pkg: DataPackage, name_of=None) -> dict[str, bytes]:
    return {"chronology.md": chronology_markdown(pkg, name_of).encode("utf-8")}


def number_text(pkg_tables, descriptor: dict, ref: str) -> str:
    """`<resource>:<primary key>[/<column>]` → the column's number with its qualifier ('about 7,000', '66%').
    The column defaults to `value`; its qualifier is `<column>_qualifier` or else `qualifier`; a unit
    `share` is written as a percentage. A KeyError names what is unknown."""
    from ca911.schema import primary_key

    table, _, rest = ref.partition(":")
    if table not in pkg_tables:
        raise KeyError(f"no table {table!r} in data/datapackage.json")
    key = primary_key(descriptor, table)
    parts = rest.split("/")
    if len(parts) not in (len(key), len(key) + 1):
        raise KeyError(f"{ref!r}: expected {table}:{'/'.join(key)}[/column]")
    column = parts[len(key)] if len(parts) > len(key) else "value"
    frame = pkg_tables[table]
    match = frame[(frame[key].astype(str) == parts[:len(key)]).all(axis=1)]
    if match.empty:
        raise KeyError(f"no record {table}:{'/'.join(parts[:len(key)])} in data/{table}.csv")
    row = match.iloc[0].to_dict()
    if column not in row:
        raise KeyError(f"no column {column!r} in data/{table}.csv")
    qualifier = row.get(f"{column}_qualifier", row.get("qualifier"))
    return with_qualifier(row[column], qualifier, share=is_share(row.get("unit")))
