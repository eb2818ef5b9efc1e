"""A page per actor: every record that names an actor, gathered from both chapters (which records
those are, and which actors get a page, is `ca911.book.actor_records`).

Actors with at least `actor_records.MIN_RECORDS` records get a page under
`_generated/actors/<id>.md` (HTML only); every actor has an entry in the compact index
(`ca911.book.actor_index`), which is all the PDF prints. `actor_files` writes the part's files: the
index, the pages and their timeline figures (`ca911.figures.actor_timeline`).
"""

from __future__ import annotations

import pandas as pd

from ca911.book.actor_index import index_markdown
from ca911.book.actor_records import (
    RESOURCE_ORDER,
    actor_records,
    actors_with_pages,
    count_words,
    date_text,
    marked_external,
    page_label,
    ref_link,
)
from ca911.book.myst import Markup, markdown_table, myst_code, myst_text
from ca911.book.records import record_markup
from ca911.book.wording import count as count_phrase
from ca911.book.wording import name_in_text
from ca911.data.numbers import with_qualifier
from ca911.data.package import DataPackage
from ca911.data.refs import key_of

PAGE_DIR = "actors"  # under _generated/


# The kind as a page names it: the code values are identifiers, these are words.
ACTOR_KIND_WORDS = {
    "state": "state",
    "organization": "organisation or treaty system",
    "person": "person",
    "institution": "institution",
    "facility": "base or airfield",
    "unit": "military unit or force",
    "group": "group",
    "media": "news medium",
    "place": "place",
}


# ------------------------------------------------------------------------------------------- figure


# -------------------------------------------------------------------------------------------- pages


def _record_cell(row) -> Markup:
    """The record's reference, linked to its entry where it has one (events, facts):
    `records.record_markup`."""
    return Markup(record_markup(row.ref))


def _without_own_column(
    table: pd.DataFrame, ids_of: dict[str, pd.Series], actor_id: str
) -> pd.DataFrame:
    """The table without each column (named in `ids_of`, with the actor ids of its rows) that names
    the page's own actor in every row: the caption already says whose records they are."""
    own = [
        column for column, ids in ids_of.items() if len(ids) and (ids.astype(str) == actor_id).all()
    ]
    return table.drop(columns=own)


def _title(actor) -> str:

    name_en = myst_text(marked_external(actor.name_en, actor.name_en_external))
    return f"{name_en} · {myst_text(actor.name_ja)}"


def actor_page(
    pkg: DataPackage,
    actor_id: str,
    records: pd.DataFrame,
    with_page: set[str],
    degree: dict[str, int],
    has_events: bool,
) -> str:

    a = pkg.actors.set_index("actor_id").loc[actor_id]
    actor = a.to_frame().T.assign(actor_id=actor_id).iloc[0]
    names = pkg.actors.set_index("actor_id")["name_shown"]
    mine = records[records["actor_id"] == actor_id]
    counts = mine["resource"].value_counts()
    in_text = myst_text(name_in_text(a["name_en"], a["kind"]))  # "the United States" in a sentence
    country = a["country_id"]
    variants = a["name_ja_variants"]
    out = [
        f"({page_label(actor_id)})=",
        f"# {_title(actor)}",
        "",
        f"**Kind:** {myst_text(ACTOR_KIND_WORDS.get(a['kind'], a['kind']))}"
        + (
            f" · **Country:** {ref_link(country, names.get(country, country), with_page)}"
            if isinstance(country, str) and country
            else ""
        )
        + f" · **Japanese:** {myst_text(a['name_ja'])}"
        + (f" (also printed as {'、'.join(myst_text(v) for v in variants)})" if variants else "")
        + f" · **id:** {myst_code(actor_id)} · **first named:** {myst_code(a['locator'])}",
        "",
    ]
    if isinstance(a["description_en"], str) and a["description_en"]:
        out += [myst_text(a["description_en"]), ""]
    if a["name_en_external"]:
        out += [
            "Square brackets mark the part of the English name that neither chapter prints.",
            "",
        ]
    out += [
        "**Records:** "
        + ", ".join(count_words(int(counts[r]), r) for r in RESOURCE_ORDER if r in counts)
        + f" ({len(mine)} in all).",
        "",
    ]
    if has_events:
        n = int(counts.get("events", 0))
        out += [
            "## Timeline",
            "",
            f":::{{figure}} {actor_id}-timeline.svg",
            f":name: fig-actor-{actor_id}",
            ":alt: A time axis from 1991 to 2005 with a lane for chapter 3 above a lane for "
            "chapter 4, showing "
            f"{count_phrase(n, 'event')} of {in_text} as markers coloured and shaped by family of "
            "event; a bar spans "
            "the month or year an imprecise date covers.",
            "",
            f"Events of {in_text} in both chapters, by chapter: marker = where the date starts, "
            "bar = the span an imprecise date covers; colour and shape = family of event.",
            "Data: `events.csv`, `event_actors.csv`.",
            ":::",
            "",
        ]
    # the page's own actor is never a link in its tables, and a column that names only it is left
    # out
    others = set(with_page) - {actor_id}
    mem = mine[mine["resource"] == "memberships"]
    if len(mem):
        m = pkg.memberships
        rows = m[(m["member_id"] == actor_id) | (m["org_id"] == actor_id)].sort_values(
            ["start_lo", "member_id", "org_id"]
        )
        table = pd.DataFrame(
            [
                [
                    Markup(ref_link(r.member_id, names.get(r.member_id, r.member_id), others)),
                    Markup(ref_link(r.org_id, names.get(r.org_id, r.org_id), others)),
                    str(r.status).replace("_", " "),
                    date_text(r.start),
                    date_text(r.end) or "open",
                    myst_code(r.locator),
                ]
                for r in rows.itertuples()
            ],
            columns=["member", "organisation", "status", "from", "until", "locator"],
        )
        table = _without_own_column(
            table, {"member": rows["member_id"], "organisation": rows["org_id"]}, actor_id
        )
        out += [
            "## Memberships",
            "",
            markdown_table(
                table,
                f"Memberships of {in_text}, as spans from the dates printed.",
                f"tab-actor-{actor_id}-memberships",
            ),
            "",
        ]
    dep = mine[mine["resource"] == "deployments"]
    if len(dep):
        keys = [key_of(ref) for ref in dep["ref"]]
        d = (
            pkg.deployments.set_index("deployment_id")
            .loc[keys]
            .reset_index()
            .sort_values(["as_of_lo", "deployment_id"])
        )
        table = pd.DataFrame(
            [
                [
                    Markup(ref_link(r.force_id, names.get(r.force_id, r.force_id), others)),
                    Markup(ref_link(r.host_id, names.get(r.host_id, r.host_id), others)),
                    Markup(ref_link(r.facility_id, names.get(r.facility_id, r.facility_id), others))
                    if r.facility_id
                    else None,
                    r.unit or None,
                    with_qualifier(r.personnel, r.personnel_qualifier),
                    str(r.status).replace("_", " "),
                    date_text(r.as_of),
                    myst_code(r.locator),
                ]
                for r in d.itertuples()
            ],
            columns=[
                "force",
                "host",
                "facility",
                "unit",
                "personnel",
                "status",
                "as of",
                "locator",
            ],
        )
        table = _without_own_column(
            table,
            {"force": d["force_id"], "host": d["host_id"], "facility": d["facility_id"]},
            actor_id,
        )
        out += [
            "## Deployments",
            "",
            markdown_table(
                table,
                f"Deployments naming {in_text}, personnel as printed with its qualifier.",
                f"tab-actor-{actor_id}-deployments",
            ),
            "",
        ]
    facts = mine[mine["resource"] == "facts"]
    if len(facts):
        out += ["## Undated facts", ""]
        # the {fact} role prints the fact's locator, linked to its entry in the list of undated
        # facts
        out += [f"- {myst_text(r.what)} · {{fact}}`{key_of(r.ref)}`" for r in facts.itertuples()]
        out += [""]
    if actor_id in degree:
        out += [
            "## In the contact network of autumn 2001",
            "",
            "In the diplomatic contact network of 11 September – 30 October 2001 (states and "
            "organisations, "
            f"{{ref}}`nb-network-diplomatic-contacts-centrality`), {in_text} has "
            f"{count_phrase(degree[actor_id], 'partner')}.",
            "",
        ]
    # three columns, so the summary stays readable on a phone; the record's reference (its file
    # names its kind) and its locator share the last
    table = pd.DataFrame(
        [
            [
                r.date or None,
                Markup(myst_text(r.what)),
                Markup(f"{_record_cell(r)} · {myst_code(r.locator)}"),
            ]
            for r in mine.itertuples()
        ],
        columns=["date", "what", "record · locator"],
    )
    out += [
        "## Every record",
        "",
        "Dated records first, in date order, then the undated; events and facts link to their "
        "entries.",
        "",
        markdown_table(
            table,
            f"Every record naming {in_text}.",
            f"tab-actor-{actor_id}-records",
            widths=[16, 52, 32],
            note="– in *date*: the record is undated.",
        ),
        "",
    ]
    return "\n".join(out) + "\n"


def contact_degrees(pkg: DataPackage) -> dict[str, int]:
    from ca911.analysis.contact_network import build_contact_graph

    try:
        G = build_contact_graph(pkg)
    except ValueError:
        return {}
    return {n: G.degree(n) for n in G.nodes}


def actor_files(pkg: DataPackage) -> dict[str, bytes]:
    records = actor_records(pkg)
    with_page = set(actors_with_pages(pkg, records))
    degree = contact_degrees(pkg)
    out = {"actors_index.md": index_markdown(pkg, records, with_page).encode("utf-8")}
    for actor_id in sorted(with_page):
        mine = records[records["actor_id"] == actor_id]
        has_events = bool((mine["resource"] == "events").any())
        out[f"{PAGE_DIR}/{actor_id}.md"] = actor_page(
            pkg, actor_id, records, with_page, degree, has_events
        ).encode("utf-8")
        if has_events:  # the page's figure and its narrow layout for phones
            from ca911.figures import style
            from ca911.figures.actor_timeline import timeline_figure

            out.update(
                style.svg_files(
                    timeline_figure(pkg, actor_id, mine), f"{PAGE_DIR}/{actor_id}-timeline"
                )
            )
    return out
