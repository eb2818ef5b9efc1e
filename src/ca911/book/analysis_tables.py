"""Analysis results as MyST tables for the notebooks: Table 1 of chapter 4 and the events behind it,
a listing of events, and the downloads of the exported networks. The frames come from the analysis
layer; the Markdown (escaping, links, labels) is the book's."""

from __future__ import annotations

import pandas as pd

from ca911.analysis.chronology import dimension_labels, table1, table1_event_numbers
from ca911.analysis.network_exports import all_networks
from ca911.book.myst import Markup, english_only, markdown_table, myst_code, myst_text
from ca911.book.records import event_date_text, label_of
from ca911.data.package import DataPackage


def table1_markdown(
    pkg: DataPackage,
    lang: str = "ja",
    caption: str = "",
    name: str = "",
    edition: str | None = None,
) -> str:
    """Table 1 as a numbered MyST table in `lang`; each cell ends with the numbers of its evidence
    in the list of events (`table1_evidence`), each linked to the event's entry in the full
    chronology. On a page of another `edition` (the English table on a Japanese page) the words
    of the table are declared in their language (`myst.english_only`)."""
    foreign = edition is not None and edition != lang
    if foreign and lang != "en":
        raise NotImplementedError(f"Table 1 in {lang!r} on a page of the {edition!r} edition")
    words = english_only if foreign else myst_text
    t = pkg.iraq_war_responses.set_index(["dimension", "country_id"])
    numbers = table1_event_numbers(pkg)
    heads = {"ja": ["", "カザフスタン", "ウズベキスタン"], "en": ["", "Kazakhstan", "Uzbekistan"]}[
        lang
    ]
    dims = dimension_labels(pkg, lang)
    rows = []
    for dim in table1(pkg, lang).index:
        # a row's label heads its row, as a capital starts a sentence: "Domestic opinion"
        row = [Markup(f"**{words(dims[dim][:1].upper() + dims[dim][1:])}**")]
        for country in ("KAZ", "UZB"):
            rec = t.loc[(dim, country)]
            # no-break spaces hold the markers together; a word space parts them from the text, so
            # that the text breaks as any text does (WeasyPrint, asked to keep the text's last word
            # with a link, broke the cell after its first word: "Active" alone on its line)
            links = "\u00a0".join(
                f"{{ref}}`[{numbers[e]}] <{label_of(e)}>`"
                for e in sorted(rec["event_ids"] or [], key=numbers.get)
            )
            text = words(rec[f"text_{lang}"])
            row.append(Markup(f"{text} {links}" if links else text))
        rows.append(row)
    return markdown_table(
        pd.DataFrame(rows, columns=heads), caption, name, widths=[16, 42, 42], lang=lang
    )


# The fixed words of the notebooks' tables, in each edition's language.
TABLE_WORDS = {
    "en": {
        "cell": "{country}: {dimension}",
        "evidence_columns": ["", "event", "evidence for"],
        "sep": ", ",
        "cells_sep": "; ",
        "listing_columns": ["date", "what happened", "type", "stated in"],
        "network": "network",
    },
    "ja": {
        "cell": "{country}：{dimension}",
        "evidence_columns": ["", "出来事", "根拠となるセル"],
        "sep": "、",
        "cells_sep": "、",
        "listing_columns": ["日付", "出来事", "種類", "典拠箇所"],
        "network": "ネットワーク",
    },
}


def table1_evidence(
    pkg: DataPackage, caption: str, name: str, name_of=None, lang: str = "en"
) -> str:
    """The events behind Table 1 as a numbered MyST table, numbered as the cells' markers
    (`table1_event_numbers`): each event's date (linked to its chronology entry), what happened, who
    took part (`name_of(actor_id)`, e.g. a link to the actor's page) and where the chapter states
    it, then the cells it evidences."""
    words = TABLE_WORDS[lang]
    numbers = table1_event_numbers(pkg)
    ev = pkg.events.set_index("event_id")
    ea = pkg.event_actors
    dims = dimension_labels(pkg, lang)
    cells_of: dict[str, list[str]] = {}
    for r in pkg.iraq_war_responses.itertuples():
        for e in r.event_ids or []:
            cells_of.setdefault(e, []).append(
                words["cell"].format(
                    country=pkg.actor_name(r.country_id, lang), dimension=dims[r.dimension]
                )
            )
    rows = []
    for event_id, number in numbers.items():
        r = ev.loc[event_id]
        who = words["sep"].join(
            dict.fromkeys(
                (name_of or (lambda a: myst_text(pkg.actor_name(a, lang))))(a)
                for a in ea.loc[ea["event_id"] == event_id, "actor_id"]
            )
        )
        # three columns, so that a phone shows each event whole: the date leads the event, the
        # locator ends it
        rows.append(
            [
                Markup(f"[{number}]"),
                Markup(
                    f"**{{ref}}`{event_date_text(r, lang)} <{label_of(event_id)}>`** · "
                    f"{myst_text(r[f'summary_{lang}'])}"
                    + (f" *{who}*" if who else "")
                    + f" · {myst_code(r.locator)}"
                ),
                Markup(words["cells_sep"].join(myst_text(c) for c in cells_of[event_id])),
            ]
        )
    frame = pd.DataFrame(rows, columns=words["evidence_columns"])
    return markdown_table(frame, caption, name, widths=[6, 70, 24], lang=lang)


def events_listing(
    events: pd.DataFrame, lang: str = "en", type_labels: dict[str, str] | None = None
) -> pd.DataFrame:
    """Events as a reader lists them: the date as the data give it (linked to the event's chronology
    entry), what happened, the kind of event in words, and where the chapter states it. In Japanese
    the kinds are `type_labels` (the codebook's `label_ja`: `pkg.labels("events", "event_type",
    "ja")`)."""
    rows = events.to_dict("records")
    columns = TABLE_WORDS[lang]["listing_columns"]

    def kind(code) -> str:
        if lang == "ja":
            return (type_labels or {}).get(code, code)
        return str(code).replace("_", " ")

    return pd.DataFrame(
        {
            columns[0]: [
                Markup(f"{{ref}}`{event_date_text(r, lang)} <{label_of(r['event_id'])}>`")
                for r in rows
            ],
            columns[1]: [r[f"summary_{lang}"] for r in rows],
            columns[2]: [kind(r["event_type"]) for r in rows],
            columns[3]: [myst_code(r["locator"]) for r in rows],
        }
    )


def network_download_table(
    pkg,
    prefix: str,
    labels: dict[str, str],
    caption: str,
    name: str,
    heading: str | None = None,
    by_label: bool = True,
    lang: str = "en",
) -> str:
    """The downloads of every exported network whose name starts with `prefix`, as a numbered MyST
    table (one row per network, its GraphML and GEXF files): the rows come from `all_networks`, so a
    network added there is offered for download without editing a notebook. `labels` names a row for
    the reader (default: the network's name after the prefix); rows in the order of their labels, or
    of `all_networks` if not `by_label`."""

    def link(file: str) -> Markup:
        return Markup(f"{{download}}`{file} <../_generated/networks/{file}>`")

    rows = [
        (labels.get(n, n.removeprefix(prefix)), link(f"{n}.graphml"), link(f"{n}.gexf"))
        for n in all_networks(pkg)
        if n.startswith(prefix)
    ]
    rows = sorted(rows) if by_label else rows
    heading = heading or TABLE_WORDS[lang]["network"]
    return markdown_table(
        pd.DataFrame(rows, columns=[heading, "GraphML", "GEXF"]), caption, name, lang=lang
    )
