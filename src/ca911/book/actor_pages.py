"""A page per actor: every record that names an actor, gathered from both chapters.

An actor's records are the rows that name it: events (through `event_actors.csv`), facts (`actor_ids`),
memberships (as member or as organisation), deployments (as force, host or facility), stances, and period
relations (as partner, or as the country whose period it is). Each counts once per actor, by its record
reference (`refs.format_ref`), the stable name the sentence map and the discrepancy register use too.
Actors with at least `MIN_RECORDS` records get a page under `_generated/actors/<id>.md` (HTML only);
every actor has an entry in the compact index, which is all the PDF prints.
"""

from __future__ import annotations

import pandas as pd

from ca911.analysis.chronology import FAMILY_OF
from ca911.book.myst import Markup, markdown_table, myst_code, myst_text
from ca911.book.records import event_date_text, fact_label, label_of, record_markup
from ca911.book.wording import count as count_phrase
from ca911.book.wording import figure_count, name_in_text
from ca911.data import dates
from ca911.data.numbers import with_qualifier
from ca911.data.package import DataPackage, shown_name
from ca911.data.refs import format_ref, key_of
from ca911.data.schema import primary_key

MIN_RECORDS = 3
PAGE_DIR = "actors"  # under _generated/
RESOURCE_ORDER = ("events", "facts", "memberships", "deployments", "stances", "period_relations")
KIND_WORDS = {
    "events": "event",
    "facts": "fact",
    "memberships": "membership",
    "deployments": "deployment",
    "stances": "stance",
    "period_relations": "period relation",
}
UNSAFE_IN_ROLE = set(
    "`<>\\"
)  # a role's title cannot hold these; such a name is printed beside its link


KIND_HEADINGS = {
    "state": "States",
    "organization": "Organisations and treaty systems",
    "person": "People",
    "institution": "Institutions",
    "facility": "Bases and airfields",
    "unit": "Military units and forces",
    "group": "Groups",
    "media": "Media",
    "place": "Places",
}
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


def marked_external(name: str, external: list[str]) -> str:
    """The name with the parts the chapters do not print in square brackets: `[Sergei] Ivanov`."""
    return shown_name(name, external)


def index_name(name_en: str, kind: str) -> str:
    """The name as an index lists it: a person surname first ("Karimov, Islam", "Kunanbaev, Abai (Ibragim)");
    any other actor as it is named. One style for every person, whether the chapters print a given name or not."""
    words = str(name_en).split()
    if kind != "person" or len(words) < 2:
        return str(name_en)
    return f"{words[-1]}, {' '.join(words[:-1])}"


def sort_key(name: str) -> tuple[str, str]:
    """Alphabetical order of a displayed name: letters only, accents and case ignored."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return ("".join(c for c in plain if c.isalnum() or c == " ").strip(), name)


def navigation_order(pkg: DataPackage, actor_ids) -> list[tuple[str, str]]:
    """(actor id, title) of the given actors as the index and the sidebar list them: by kind in the order of
    KIND_HEADINGS, then by displayed name; the title marks the parts of a name the chapters do not print."""
    actors = pkg.actors.set_index("actor_id").loc[sorted(actor_ids)]
    kinds = list(KIND_HEADINGS)
    rows = []
    for actor_id, a in actors.iterrows():
        shown = index_name(a["name_en"], a["kind"])
        rank = kinds.index(a["kind"]) if a["kind"] in kinds else len(kinds)
        rows.append(
            (rank, sort_key(shown), actor_id, marked_external(shown, a["name_en_external"]))
        )
    return [(actor_id, title) for *_, actor_id, title in sorted(rows)]


def actor_in_text(pkg: DataPackage, actor_id: str, start: bool = False, lang: str = "en") -> str:
    """The actor's name as it stands in a sentence: "the United States", "Russia"; capitalised at a sentence's start."""
    a = pkg.actors.set_index("actor_id").loc[actor_id]
    return name_in_text(a[f"name_{lang}"], a["kind"], lang, start=start)


def page_label(actor_id: str) -> str:
    return f"actor-{actor_id}"


def index_label(actor_id: str) -> str:
    """The actor's entry in the compact index (both editions); print resolves `actor-<id>` to it."""
    return f"idx-actor-{actor_id}"


def count_words(n: int, resource: str, lang: str = "en") -> str:
    """ "1 event", "3 period relations"."""
    return figure_count(n, KIND_WORDS[resource], lang)


def _date_text(value, lang: str = "en") -> str:
    return dates.words(value, lang) if isinstance(value, str) and value else ""


def _span_text(start, end, lang: str = "en", open_end: bool = False) -> str:
    """A span of two dates in words; with `open_end`, a span with no end reads 'from <start>'."""
    if open_end and not end:
        return dates.since(_date_text(start, lang), lang)
    return dates.span_words(start, end or None, lang)


def actor_records(pkg: DataPackage) -> pd.DataFrame:
    """One row per (actor, record that names it): actor_id, resource, ref, date (as printed), sort date,
    locator, what (our English summary), target (the label of the record's entry elsewhere, if any)."""
    d, rows = pkg.descriptor, []

    def add(actor, resource, rec, date, sort, locator, what, target=""):
        if isinstance(actor, str) and actor:
            rows.append(
                {
                    "actor_id": actor,
                    "resource": resource,
                    "ref": format_ref(resource, rec, primary_key(d, resource)),
                    "date": date,
                    "sort": sort,
                    "locator": locator,
                    "what": what,
                    "target": target,
                }
            )

    events = pkg.events.set_index("event_id")
    for r in pkg.event_actors.to_dict("records"):
        e = events.loc[r["event_id"]].to_dict()
        add(
            r["actor_id"],
            "events",
            {"event_id": r["event_id"]},
            event_date_text(e),
            e["date_lo"],
            e["locator"],
            e["summary_en"],
            label_of(r["event_id"]),
        )
    for r in pkg.facts.to_dict("records"):
        for actor in r["actor_ids"]:
            add(
                actor,
                "facts",
                r,
                "",
                pd.NaT,
                r["locator"],
                r["summary_en"],
                fact_label(r["fact_id"]),
            )
    names = pkg.actors.set_index("actor_id")["name_shown"]
    kinds = pkg.actors.set_index("actor_id")["kind"]

    def named(
        actor_id: str,
    ) -> str:  # mid-label: "Kazakhstan in the Commonwealth of Independent States"
        return name_in_text(names.get(actor_id, actor_id), kinds.get(actor_id))

    for r in pkg.memberships.to_dict("records"):
        span = _span_text(r["start"], r["end"], open_end=True)
        what = f"{names.get(r['member_id'], r['member_id'])} in {named(r['org_id'])}: {str(r['status']).replace('_', ' ')}"
        for actor in (r["member_id"], r["org_id"]):
            add(actor, "memberships", r, span, r["start_lo"], r["locator"], what)
    for r in pkg.deployments.to_dict("records"):
        where = named(r["host_id"]) + (
            f" ({names.get(r['facility_id'], r['facility_id'])})" if r["facility_id"] else ""
        )
        what = (
            f"{names.get(r['force_id'], r['force_id'])} in {where}: {r['unit'] or 'unit not named'}, "
            f"personnel {with_qualifier(r['personnel'], r['personnel_qualifier'])}, {str(r['status']).replace('_', ' ')}"
        )
        for actor in dict.fromkeys((r["force_id"], r["host_id"], r["facility_id"])):
            add(
                actor,
                "deployments",
                r,
                _date_text(r["as_of"]),
                r["as_of_lo"],
                r["locator"],
                what,
                label_of(r["event_id"]) if r["event_id"] else "",
            )
    for r in pkg.stances.to_dict("records"):
        add(
            r["actor_id"],
            "stances",
            r,
            event_date_text(r),
            r["date_lo"],
            events.loc[r["event_id"], "locator"] if r["event_id"] in events.index else "",
            f"{str(r['issue']).replace('_', ' ')}: {str(r['stance']).replace('_', ' ')}",
            label_of(r["event_id"]) if r["event_id"] else "",
        )
    periods = pkg.periods.set_index("period_id")
    for r in pkg.period_relations.to_dict("records"):
        p = periods.loc[r["period_id"]]
        span = _span_text(p["start"], p["end"])
        what = f"{names.get(p['country_id'], p['country_id'])}, {p['label_en']}: {str(r['relation']).replace('_', ' ')} {named(r['partner_id'])}"
        for actor in dict.fromkeys((p["country_id"], r["partner_id"])):
            add(actor, "period_relations", r, span, p["start_lo"], r["locator"], what)
    out = pd.DataFrame(
        rows, columns=["actor_id", "resource", "ref", "date", "sort", "locator", "what", "target"]
    )
    out = out.drop_duplicates(["actor_id", "ref"])
    out["order"] = out["resource"].map({r: i for i, r in enumerate(RESOURCE_ORDER)})
    return (
        out.sort_values(["actor_id", "sort", "order", "ref"], na_position="last")
        .drop(columns="order")
        .reset_index(drop=True)
    )


def record_counts(records: pd.DataFrame) -> pd.DataFrame:
    """Actor × resource: how many records of each kind name the actor, with a total."""
    counts = records.pivot_table(
        index="actor_id", columns="resource", values="ref", aggfunc="count", fill_value=0
    )
    counts = counts.reindex(columns=list(RESOURCE_ORDER), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    return counts


def actors_with_pages(pkg: DataPackage, records: pd.DataFrame | None = None) -> list[str]:
    counts = record_counts(actor_records(pkg) if records is None else records)
    return sorted(counts.index[counts["total"] >= MIN_RECORDS])


def ref_link(actor_id: str, text: str, with_page: set[str] | None) -> str:
    """MyST for an actor's name linked to its page (HTML) or index entry (print): `{ref}` with the name as
    title; a name a role cannot carry is printed escaped, followed by a linked "page"."""
    text = str(text)
    if with_page is not None and actor_id not in with_page:
        return myst_text(text)
    if (
        UNSAFE_IN_ROLE & set(text) or not text.strip() or text.lstrip()[0] in "!~"
    ):  # XRefRole reads a leading ! or ~
        return f"{myst_text(text)} ({{ref}}`page <{page_label(actor_id)}>`)"
    return f"{{ref}}`{' '.join(text.split())} <{page_label(actor_id)}>`"


_WITH_PAGE_CACHE: dict[str, set[str]] = {}


def linked_name(pkg: DataPackage, actor_id: str, text: str | None = None) -> Markup:
    """The actor's English name (or `text`) as a link to its page if it has one, else as plain escaped text."""
    if pkg.sha256 not in _WITH_PAGE_CACHE:
        _WITH_PAGE_CACHE[pkg.sha256] = set(actors_with_pages(pkg))
    names = pkg.actors.set_index("actor_id")["name_shown"]
    return Markup(
        ref_link(
            actor_id,
            text if text is not None else names.get(actor_id, actor_id),
            _WITH_PAGE_CACHE[pkg.sha256],
        )
    )


# ------------------------------------------------------------------------------------------- figure


def _timeline_figure(pkg: DataPackage, actor_id: str, records: pd.DataFrame, layout: str = "wide"):
    from ca911.figures import style
    from ca911.figures import timelines as figures

    narrow = layout == "narrow"
    ev = pkg.events.set_index("event_id")
    ids = [key_of(ref) for ref in records.loc[records["resource"] == "events", "ref"]]
    fig, ax = style.figure(
        2.6 if narrow else 2.1,  # the tight bounding box adds padding
        width_in=style.figure_width(layout) if narrow else style.A4_TEXT_WIDTH_IN - 0.3,
    )
    from ca911.data.chapters import chapters

    in_order = chapters()
    lanes = {
        c.id: len(in_order) - 1 - i for i, c in enumerate(in_order)
    }  # the first chapter on the top lane
    for eid in sorted(ids):
        e = ev.loc[eid]
        lo = e["date_lo"]
        hi = e["date_end_hi"] if pd.notna(e["date_end_hi"]) else e["date_hi"]
        colour, marker = figures.FAMILY_STYLE[FAMILY_OF.get(str(e["event_type"]), "statement")]
        y = lanes.get(str(e["source_id"]), 0)
        if hi > lo:
            ax.plot(
                [lo, hi],
                [y, y],
                color=colour,
                linewidth=3,
                alpha=0.45,
                solid_capstyle="butt",
                zorder=2,
            )
        ax.scatter(
            [lo], [y], color=colour, marker=marker, s=26, edgecolor="white", linewidth=0.4, zorder=3
        )
    ax.set_yticks(list(lanes.values()), [f"chapter {c.number}" for c in in_order])
    ax.set_ylim(-0.6, len(in_order) - 0.4)
    ax.set_xlim(pd.Timestamp("1990-07-01"), pd.Timestamp("2005-06-30"))
    import matplotlib.dates as mdates

    ax.xaxis.set_major_locator(mdates.YearLocator(4 if narrow else 2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    figures.family_legend(
        ax,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.16 if narrow else -0.2),
        ncol=2 if narrow else 3,
    )
    return fig


def timeline_figure(pkg: DataPackage, actor_id: str, records: pd.DataFrame, layout: str = "wide"):
    """The actor's events on one time axis, a lane per chapter; a bar spans what an imprecise date covers
    (a month, a year), a marker (colour and shape by family of event) marks where it starts. In two layouts
    (style.two_layouts; the style module is imported only when a figure is drawn)."""
    from ca911.figures import style

    return style.two_layouts(_timeline_figure)(pkg, actor_id, records, layout=layout)


def timeline_svg(pkg: DataPackage, actor_id: str, records: pd.DataFrame) -> str:
    from ca911.figures import style

    return style.svg_text(timeline_figure(pkg, actor_id, records))


# -------------------------------------------------------------------------------------------- pages


def _record_cell(row) -> Markup:
    """The record's reference, linked to its entry where it has one (events, facts): `records.record_markup`."""
    return Markup(record_markup(row.ref))


def _without_own_column(
    table: pd.DataFrame, ids_of: dict[str, pd.Series], actor_id: str
) -> pd.DataFrame:
    """The table without each column (named in `ids_of`, with the actor ids of its rows) that names the page's
    own actor in every row: the caption already says whose records they are."""
    own = [
        column for column, ids in ids_of.items() if len(ids) and (ids.astype(str) == actor_id).all()
    ]
    return table.drop(columns=own)


def _title(actor) -> str:

    return f"{myst_text(marked_external(actor.name_en, actor.name_en_external))} · {myst_text(actor.name_ja)}"


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
            f":alt: A time axis from 1991 to 2005 with a lane for chapter 3 above a lane for chapter 4, showing "
            f"{count_phrase(n, 'event')} of {in_text} as markers coloured and shaped by family of event; a bar spans "
            "the month or year an imprecise date covers.",
            "",
            f"Events of {in_text} in both chapters, by chapter: marker = where the date starts, "
            "bar = the span an imprecise date covers; colour and shape = family of event.",
            "Data: `events.csv`, `event_actors.csv`.",
            ":::",
            "",
        ]
    # the page's own actor is never a link in its tables, and a column that names only it is left out
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
                    _date_text(r.start),
                    _date_text(r.end) or "open",
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
                    _date_text(r.as_of),
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
        # the {fact} role prints the fact's locator, linked to its entry in the list of undated facts
        out += [f"- {myst_text(r.what)} · {{fact}}`{key_of(r.ref)}`" for r in facts.itertuples()]
        out += [""]
    if actor_id in degree:
        out += [
            "## In the contact network of autumn 2001",
            "",
            f"In the diplomatic contact network of 11 September – 30 October 2001 (states and organisations, "
            f"{{ref}}`nb-network-diplomatic-contacts-centrality`), {in_text} has {count_phrase(degree[actor_id], 'partner')}.",
            "",
        ]
    # three columns, so the summary stays readable on a phone; the record's reference (its file names its kind)
    # and its locator share the last
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
        "Dated records first, in date order, then the undated; events and facts link to their entries.",
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


def index_markdown(pkg: DataPackage, records: pd.DataFrame, with_page: set[str]) -> str:
    """All actors by kind, one line each: name, Japanese name, record counts; a page link where there is one.
    Each entry has its own label: the PDF, which has no actor pages, links actor names here."""

    counts = record_counts(records)
    actors = pkg.actors.set_index("actor_id")
    out, heading = [], None
    for actor_id, title in navigation_order(
        pkg, actors.index[actors["kind"].isin(list(KIND_HEADINGS))]
    ):
        r = actors.loc[actor_id]
        if KIND_HEADINGS.get(r["kind"]) != heading:
            heading = KIND_HEADINGS.get(r["kind"])
            out += [f"# {heading}", ""]
        c = counts.loc[actor_id] if actor_id in counts.index else None
        shown = (
            ", ".join(count_words(int(c[k]), k) for k in RESOURCE_ORDER if c is not None and c[k])
            or "no records"
        )
        name = ref_link(actor_id, title, with_page)
        out += [
            f"({index_label(actor_id)})=",
            f"**{name}** · {myst_text(r['name_ja'])} · {myst_code(actor_id)} · {shown}",
            "",
        ]
    return "\n".join(out) + "\n"


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

            out.update(
                style.svg_files(
                    timeline_figure(pkg, actor_id, mine), f"{PAGE_DIR}/{actor_id}-timeline"
                )
            )
    return out
