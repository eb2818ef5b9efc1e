"""Records in the prose: the `{event}` role and the generated full chronology it links to, and the
`{fact}` role, which cites an undated fact by its locator and links to its entry in the sentence-map appendix.

`{event}`ch3-2001-09-24-putin-tv-address`` renders the event's date as the data gives it
("24 September 2001", "September 2001", "about November 2001") and links to its entry in the
full chronology appendix, so no date of a record is typed into a chapter.
"""

from __future__ import annotations

import pandas as pd
from docutils import nodes
from sphinx.addnodes import pending_xref

from ca911.data import DataPackage
from ca911.generated import generator

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


def chronology_markdown(pkg: DataPackage) -> str:
    """Every event of both chapters, by year, each entry labelled for the `{event}` role."""
    ev = pkg.events.sort_values(["date_lo", "event_id"])
    names = pkg.actors.set_index("actor_id")["name_en"]
    actors = pkg.event_actors.assign(name=lambda d: d["actor_id"].map(names)).groupby("event_id")["name"].agg(
        lambda s: ", ".join(dict.fromkeys(s)))
    out, year = [], None
    for row in ev.to_dict("records"):
        y = row["date"][:4]
        if y != year:
            out += [f"# {y}", ""]
            year = y
        out += [f"({label_of(row['event_id'])})=",
                f"**{event_date_text(row)}** · {row['summary_en']} "
                f"*{actors.get(row['event_id'], '')}* · `{row['locator']}` · `{row['event_id']}`", ""]
    return "\n".join(out) + "\n"


@generator("chronology")
def _chronology_file(pkg: DataPackage) -> dict[str, bytes]:
    return {"chronology.md": chronology_markdown(pkg).encode("utf-8")}


def event_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """`{event}`<event_id>``: the event's date from the data, linked to the full chronology."""
    from ca911.data import load

    env = inliner.document.settings.env
    if not hasattr(env, "ca911_events"):
        env.ca911_events = load(validate=False).events.set_index("event_id")
    events = env.ca911_events
    event_id = text.strip()
    if event_id not in events.index:
        msg = inliner.reporter.error(f"unknown event id {event_id!r} (not in data/events.csv)", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    row = events.loc[event_id].to_dict()
    ref = pending_xref("", refdomain="std", reftype="ref", reftarget=label_of(event_id), refexplicit=True,
                       refwarn=True, refdoc=env.docname)
    ref += nodes.inline("", event_date_text(row), classes=["ca911-event"])
    return [ref], []


def fact_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """`{fact}`<fact_id>``: the undated fact's locator, linked to its entry in the sentence-map appendix."""
    from ca911.appendices import fact_label
    from ca911.data import load

    env = inliner.document.settings.env
    if not hasattr(env, "ca911_facts"):
        env.ca911_facts = load(validate=False).facts.set_index("fact_id")
    facts = env.ca911_facts
    fact_id = text.strip()
    if fact_id not in facts.index:
        msg = inliner.reporter.error(f"unknown fact id {fact_id!r} (not in data/facts.csv)", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    ref = pending_xref("", refdomain="std", reftype="ref", reftarget=fact_label(fact_id), refexplicit=True,
                       refwarn=True, refdoc=env.docname)
    ref += nodes.literal("", str(facts.loc[fact_id, "locator"]), classes=["ca911-fact"])
    return [ref], []
