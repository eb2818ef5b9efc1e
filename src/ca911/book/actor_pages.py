"""A page per actor: every record that names an actor, gathered from both chapters (which records
those are, and which actors get a page, is `ca911.book.actor_records`).

Actors with at least `actor_records.MIN_RECORDS` records get a page under
`_generated/actors/<id>.md` (HTML only); every actor has an entry in the compact index
(`ca911.book.actor_index`), which is all the PDF prints. `actor_files` writes the part's files: the
index, the pages and their timeline figures (`ca911.figures.actor_timeline`).
"""

from __future__ import annotations

from inspect import signature

import pandas as pd

from ca911.book.actor_index import index_markdown
from ca911.book.actor_page_words import PAGE_WORDS, UNIT_COLUMN
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
from ca911.book.myst import Markup, english_only, markdown_table, myst_code, myst_text
from ca911.book.records import record_markup
from ca911.book.wording import count as count_phrase
from ca911.book.wording import name_in_text
from ca911.data.numbers import with_qualifier
from ca911.data.package import DataPackage
from ca911.data.presence_words import status_word
from ca911.data.refs import key_of

PAGE_DIR = "actors"  # under _generated/


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


def _title(actor, lang: str = "en") -> str:
    """The page's title: in English both names (the Japanese as printed is what the chapters
    show); in Japanese the Japanese name alone, in one script, the English one following under it
    as the other name."""
    if lang == "ja":
        return myst_text(actor.name_ja)
    name_en = marked_external(actor.name_en, actor.name_en_external)
    return f"{myst_text(name_en)} · {myst_text(actor.name_ja)}"


def actor_page(
    pkg: DataPackage,
    actor_id: str,
    records: pd.DataFrame,
    with_page: set[str],
    degree: dict[str, int],
    has_events: bool,
    lang: str = "en",
) -> str:
    """The page of one actor in `lang`: its names and kind, its record counts, its timeline, its
    memberships and deployments, its undated facts and every record naming it (`records` are
    `actor_records.actor_records(pkg, lang)`)."""
    w, ja = PAGE_WORDS[lang], lang == "ja"
    a = pkg.actors.set_index("actor_id").loc[actor_id]
    actor = a.to_frame().T.assign(actor_id=actor_id).iloc[0]
    names = pkg.actors.set_index("actor_id")["name_ja" if ja else "name_shown"]
    mine = records[records["actor_id"] == actor_id]
    counts = mine["resource"].value_counts()
    # "the United States" in an English sentence; the Japanese name as it is
    in_text = myst_text(a["name_ja"] if ja else name_in_text(a["name_en"], a["kind"]))
    country = a["country_id"]
    variants = a["name_ja_variants"]
    other_name = (
        english_only(marked_external(a["name_en"], a["name_en_external"], lang))
        if ja
        else myst_text(a["name_ja"])
    )
    out = [
        f"({page_label(actor_id)})=",
        f"# {_title(actor, lang)}",
        "",
        f"**{w['kind']}** {myst_text(w['kinds'].get(a['kind'], a['kind']))}"
        + (
            f" · **{w['country']}** "
            + ref_link(country, names.get(country, country), with_page, lang)
            if isinstance(country, str) and country
            else ""
        )
        + f" · **{w['other_name']}** {other_name}"
        + (w["variants"].format(v="、".join(myst_text(v) for v in variants)) if variants else "")
        + f" · **id{w['colon']}** {myst_code(actor_id)}"
        + f" · **{w['first_named']}** {myst_code(a['locator'])}",
        "",
    ]
    # the actor's description is held in English only: the Japanese page leaves it out
    if not ja and isinstance(a["description_en"], str) and a["description_en"]:
        out += [myst_text(a["description_en"]), ""]
    if a["name_en_external"]:
        out += [w["brackets"], ""]
    kinds = [count_words(int(counts[r]), r, lang) for r in RESOURCE_ORDER if r in counts]
    out += [
        # a total only adds to two kinds or more: "5 events (5 in all)" says it twice
        w["records" if len(kinds) > 1 else "records_one_kind"].format(
            counts=w["list_sep"].join(kinds), n=len(mine)
        ),
        "",
    ]
    if has_events:
        n = int(counts.get("events", 0))
        out += [
            f"## {w['timeline']}",
            "",
            f":::{{figure}} {actor_id}-timeline.svg",
            f":name: fig-actor-{actor_id}",
            ":alt: "
            + w["timeline_alt"].format(events=count_phrase(n, "event", lang), name=in_text),
            "",
            w["timeline_caption"].format(name=in_text),
            w["data"],
            ":::",
            "",
        ]
    # the page's own actor is never a link in its tables, and a column that names only it is left
    # out
    others = set(with_page) - {actor_id}
    mem = mine[mine["resource"] == "memberships"]
    if len(mem):
        m = pkg.memberships
        statuses = pkg.labels("memberships", "status", lang) if ja else {}
        rows = m[(m["member_id"] == actor_id) | (m["org_id"] == actor_id)].sort_values(
            ["start_lo", "member_id", "org_id"]
        )
        columns = w["membership_columns"]
        table = pd.DataFrame(
            [
                [
                    Markup(
                        ref_link(r.member_id, names.get(r.member_id, r.member_id), others, lang)
                    ),
                    Markup(ref_link(r.org_id, names.get(r.org_id, r.org_id), others, lang)),
                    statuses.get(r.status) or str(r.status).replace("_", " "),
                    membership_start(r.start, r.start_basis, w, lang),
                    date_text(r.end, lang) or w["open"],
                    myst_code(r.locator),
                ]
                for r in rows.itertuples()
            ],
            columns=columns,
        )
        table = _without_own_column(
            table, {columns[0]: rows["member_id"], columns[1]: rows["org_id"]}, actor_id
        )
        out += [
            f"## {w['memberships']}",
            "",
            markdown_table(
                table,
                w["memberships_caption"].format(name=in_text),
                f"tab-actor-{actor_id}-memberships",
                lang=lang,
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
        columns = w["deployment_columns"]
        table = pd.DataFrame(
            [
                [
                    Markup(ref_link(r.force_id, names.get(r.force_id, r.force_id), others, lang)),
                    Markup(ref_link(r.host_id, names.get(r.host_id, r.host_id), others, lang)),
                    Markup(
                        ref_link(
                            r.facility_id, names.get(r.facility_id, r.facility_id), others, lang
                        )
                    )
                    if r.facility_id
                    else None,
                    getattr(r, UNIT_COLUMN[lang]) or None,
                    # Japanese counts people with 人, inside the qualifier (30人弱)
                    with_qualifier(
                        r.personnel,
                        r.personnel_qualifier,
                        lang=lang,
                        unit="persons" if ja else None,
                    ),
                    status_word(r.status, lang),
                    date_text(r.as_of, lang),
                    myst_code(r.locator),
                ]
                for r in d.itertuples()
            ],
            columns=columns,
        )
        table = _without_own_column(
            table,
            {columns[0]: d["force_id"], columns[1]: d["host_id"], columns[2]: d["facility_id"]},
            actor_id,
        )
        out += [
            f"## {w['deployments']}",
            "",
            markdown_table(
                table,
                w["deployments_caption"].format(name=in_text),
                f"tab-actor-{actor_id}-deployments",
                lang=lang,
            ),
            "",
        ]
    facts = mine[mine["resource"] == "facts"]
    if len(facts):
        out += [f"## {w['facts']}", ""]
        # the {fact} role prints the fact's locator, linked to its entry in the list of undated
        # facts
        out += [f"- {myst_text(r.what)} · {{fact}}`{key_of(r.ref)}`" for r in facts.itertuples()]
        out += [""]
    if actor_id in degree:
        out += [
            f"## {w['network']}",
            "",
            w["network_text"].format(
                name=in_text, partners=count_phrase(degree[actor_id], "partner", lang)
            ),
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
        columns=w["record_columns"],
    )
    out += [
        f"## {w['every_record']}",
        "",
        w["every_record_intro"],
        "",
        markdown_table(
            table,
            w["records_caption"].format(name=in_text),
            f"tab-actor-{actor_id}-records",
            widths=[16, 52, 32],
            note=w["undated_note"],
            lang=lang,
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


def actor_files(pkg: DataPackage, lang: str = "en") -> dict[str, bytes]:
    records = actor_records(pkg, lang)
    with_page = set(actors_with_pages(pkg, records))
    degree = contact_degrees(pkg)
    out = {"actors_index.md": index_markdown(pkg, records, with_page, lang).encode("utf-8")}
    for actor_id in sorted(with_page):
        mine = records[records["actor_id"] == actor_id]
        has_events = bool((mine["resource"] == "events").any())
        out[f"{PAGE_DIR}/{actor_id}.md"] = actor_page(
            pkg, actor_id, records, with_page, degree, has_events, lang
        ).encode("utf-8")
        if has_events:  # the page's figure and its narrow layout for phones
            from ca911.figures import style
            from ca911.figures.actor_timeline import timeline_figure

            # a figure that draws in more than one language is given the edition's
            in_lang = {"lang": lang} if "lang" in signature(timeline_figure).parameters else {}
            out.update(
                style.svg_files(
                    timeline_figure(pkg, actor_id, mine, **in_lang),
                    f"{PAGE_DIR}/{actor_id}-timeline",
                )
            )
    return out


def membership_start(start, basis: str, words: dict, lang: str) -> str:
    """A membership's start as the data mean it: the joining date, or 'by 1999' where the chapters
    show it held by then ('1999' in a 'from' column reads as a joining)."""
    if basis == "undated":
        return words["start_undated"]
    text = date_text(start, lang)
    form = {"by": "start_by", "not_before": "start_not_before"}.get(basis)
    return words[form].format(date=text) if form else text
