"""The index of actors: its order (by kind, then by the name as the index lists it), its labels and
its page."""

from __future__ import annotations

import pandas as pd

from ca911.book.actor_records import (
    RESOURCE_ORDER,
    count_words,
    marked_external,
    record_counts,
    ref_link,
)
from ca911.book.myst import myst_code, myst_text
from ca911.data.package import DataPackage

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


def index_name(name_en: str, kind: str) -> str:
    """The name as an index lists it: a person surname first ("Karimov, Islam", "Kunanbaev, Abai
    (Ibragim)"); any other actor as it is named. One style for every person, whether the chapters
    print a given name or not."""
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
    """(actor id, title) of the given actors as the index and the sidebar list them: by kind in the
    order of KIND_HEADINGS, then by displayed name; the title marks the parts of a name the chapters
    do not print."""
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


def index_label(actor_id: str) -> str:
    """The actor's entry in the compact index (both editions); print resolves `actor-<id>` to it."""
    return f"idx-actor-{actor_id}"


def index_markdown(pkg: DataPackage, records: pd.DataFrame, with_page: set[str]) -> str:
    """All actors by kind, one line each: name, Japanese name, record counts; a page link where
    there is one. Each entry has its own label: the PDF, which has no actor pages, links actor names
    here."""

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
