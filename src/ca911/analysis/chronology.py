"""Reshaping the data for the chronologies, Table 1, the stance heatmap, deployments and aid."""

from __future__ import annotations

import pandas as pd

from ca911.data import dates
from ca911.data.named_dates import AUTUMN_2001, END_OF_RECORD, NINE_ELEVEN
from ca911.data.numbers import with_qualifier
from ca911.data.package import DataPackage

STATE_LANES = ["RUS", "USA", "KAZ", "KGZ", "TJK", "TKM", "UZB"]
OTHER_LANE = "Other"
CENTRAL_ASIA = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
# Event types grouped into five families, so colour stays distinguishable (Okabe–Ito has eight).
EVENT_FAMILIES = {
    "diplomacy": ["visit", "meeting", "summit", "phone_call", "condolence"],
    "statement": ["statement", "address", "report", "poll"],
    "agreement or decision": [
        "agreement",
        "treaty_signature",
        "decision",
        "accession",
        "withdrawal",
        "founding",
        "policy_change",
        "assistance",
        "appointment",
    ],
    "military": ["deployment", "military_operation", "exercise"],
    "attack or closure": ["attack", "border_closure"],
}
FAMILY_OF = {t: fam for fam, types in EVENT_FAMILIES.items() for t in types}


def require_rows(frame: pd.DataFrame, what: str) -> pd.DataFrame:
    """Fail loudly instead of drawing an empty figure."""
    if frame.empty:
        raise ValueError(
            f"no {what} in the data: the figure would be empty (check data/ and the filters used)"
        )
    return frame


def actor_state(pkg: DataPackage) -> pd.Series:
    """actor_id → the state it stands for (itself for states, its country for people, bodies and
    places)."""
    a = pkg.actors.set_index("actor_id")
    state = a["country_id"].astype("string").fillna("")
    state[a["kind"] == "state"] = a.index[a["kind"] == "state"]
    return state


def event_lanes(pkg: DataPackage, lanes: list[str] = STATE_LANES) -> pd.DataFrame:
    """One row per (event, lane): the states an event involves, through any of its actors."""
    state = actor_state(pkg)
    ea = pkg.event_actors.assign(state=lambda d: d["actor_id"].map(state).fillna(""))
    ea["lane"] = ea["state"].where(ea["state"].isin(lanes), OTHER_LANE)
    pairs = ea[["event_id", "lane"]].drop_duplicates()
    out = pairs.merge(pkg.events, on="event_id")
    out["family"] = out["event_type"].astype(str).map(FAMILY_OF)
    return out.sort_values(["date_lo", "event_id", "lane"]).reset_index(drop=True)


def events_between(
    pkg: DataPackage, start: str, end: str, precision: str | None = None
) -> pd.DataFrame:
    """Events inside the window, plus month-dated events of a month the window touches (e.g.
    "September 2001" for a window from 11 September); year-dated ones are too coarse to place."""
    ev = pkg.events
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    inside = (ev["date_lo"] >= lo) & (ev["date_hi"] <= hi)
    month_overlap = (
        (ev["date_precision"] == "month") & (ev["date_lo"] <= hi) & (ev["date_hi"] >= lo)
    )
    mask = inside | month_overlap
    if precision:
        mask &= ev["date_precision"] == precision
    return ev[mask].sort_values(["date_lo", "event_id"]).reset_index(drop=True)


def event_actor_names(pkg: DataPackage, lang: str = "en") -> pd.Series:
    """event_id → 'Putin (initiator); Bush (target)' in the chapters' order of roles; in Japanese
    the names in Japanese, joined by 、."""
    names = pkg.actors.set_index("actor_id")["name_shown" if lang == "en" else f"name_{lang}"]
    joiner = "; " if lang == "en" else "、"
    ea = pkg.event_actors.assign(name=lambda d: d["actor_id"].map(names))
    return ea.groupby("event_id", sort=True)["name"].agg(lambda s: joiner.join(dict.fromkeys(s)))


DATE_ORDER = "date order"  # a table's sort key for its date column, never shown


def in_date_order(events: pd.DataFrame) -> pd.DataFrame:
    """Events in the book's one date order (every chronology, table or appendix, uses it): an event
    dated to the day (or a span of days) sorts by its first day; one dated only to a month or a year
    sorts after the days of that month or year, by the last day it can mean ("September 2001" after
    30 September, not before 11 September; "about 2002" after the dated events of 2002 it may
    follow, December 2002 included)."""
    rank = events["date_precision"].astype(str).map(PRECISION_RANK).fillna(0)
    return (
        events.assign(_key=events["date_hi"].where(rank > 0, events["date_lo"]), _rank=rank)
        .sort_values(["_key", "_rank", "date_lo", "event_id"])
        .drop(columns=["_key", "_rank"])
    )


# Among events that can end on the same day, the more precise first: 31 December 2001, then
# December 2001, then the year 2001.
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def chronology_table(
    pkg: DataPackage, start: str | None = None, end: str | None = None, lang: str = "en"
) -> pd.DataFrame:
    """Date (in words, as the rest of the book writes it), actors, what happened and where it is
    stated: one row per event, in date order (`in_date_order`). The `date order` column holds that
    order's key, then the row's place in it: a sortable table sorts its dates in words by it, since
    words do not sort by date."""
    ev = pkg.events if start is None else events_between(pkg, start, end)
    ev = in_date_order(require_rows(ev, "events in the chosen period"))
    kinds = pkg.labels("events", "event_type", lang)  # in Japanese the codebook's label_ja
    return pd.DataFrame(
        {
            "date": [
                dates.span_words(r["date"], r["date_end"] or None, lang, bool(r["approximate"]))
                for r in ev.fillna({"date_end": "", "approximate": False}).to_dict("records")
            ],
            "actors": ev["event_id"].map(event_actor_names(pkg, lang)).fillna(""),
            "what happened": ev[f"summary_{lang}"],
            "type": [
                code.replace("_", " ") if lang == "en" else kinds[code]
                for code in ev["event_type"].astype(str)
            ],
            "locator": ev["locator"],
            "record id": ev["event_id"],
            DATE_ORDER: [f"{n:04d}" for n in range(len(ev))],
        }
    ).reset_index(drop=True)


def stance_matrix(
    pkg: DataPackage,
    states: list[str],
    start: str = AUTUMN_2001[0],
    end: str = AUTUMN_2001[1],
    issue: str = "us_military_use_2001",
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Ordinal stance per state and day with carry-forward.

    Returns (codes, evidenced, undated): `codes` holds the ordinal rank (0 = not stated) carried
    forward from each evidenced day; `evidenced` is True on days a stance row exists, and its
    `attrs["approximate"]` (same shape) is True where that day is a reading, not printed (the figure
    marks those days); `undated` lists the stances dated only to a month, which cannot be placed on
    a day.
    """
    st = require_rows(pkg.stances[pkg.stances["issue"] == issue], f"stances on {issue}")
    order = list(st["stance"].cat.categories)
    days = pd.date_range(start, end, freq="D")
    by_day = st[st["date"].str.len() == 10]
    undated = st[st["date"].str.len() < 10]
    codes = pd.DataFrame(0, index=states, columns=days, dtype="int64")
    evidenced = pd.DataFrame(False, index=states, columns=days)
    approximate = pd.DataFrame(False, index=states, columns=days)
    for state in states:
        rows = by_day[by_day["actor_id"] == state].sort_values("date")
        current = 0
        marks = {
            pd.Timestamp(d): order.index(s)
            for d, s in zip(rows["date"], rows["stance"].astype(str))
        }
        read = {
            pd.Timestamp(d) for d, a in zip(rows["date"], rows["approximate"].fillna(False)) if a
        }
        for day in days:
            if day in marks:
                current = marks[day]
                evidenced.loc[state, day] = True
                approximate.loc[state, day] = day in read
            codes.loc[state, day] = current
    evidenced.attrs["approximate"] = approximate
    return codes, evidenced, undated.reset_index(drop=True)


def stance_changes(codes: pd.DataFrame) -> pd.DataFrame:
    """True where a state's code differs from the day before (the first day counts if not 0)."""
    prev = codes.shift(1, axis=1).fillna(0).astype(int)
    return codes != prev


def table1(pkg: DataPackage, lang: str = "ja") -> pd.DataFrame:
    """Table 1 as printed: dimensions as rows (printed order), Kazakhstan and Uzbekistan as
    columns."""
    t = require_rows(pkg.iraq_war_responses, "Table 1 cells")
    frame = t.pivot(index="dimension", columns="country_id", values=f"text_{lang}")
    frame = frame.reindex(index=list(t["dimension"].cat.categories), columns=["KAZ", "UZB"])
    return frame


def dimension_labels(pkg: DataPackage, lang: str = "ja") -> dict[str, str]:
    labels = pkg.labels("iraq_war_responses", "dimension")
    return {
        k: (v.split(" — ")[0] if lang == "ja" else v.split(" — ")[-1]) for k, v in labels.items()
    }


def table1_event_numbers(pkg: DataPackage) -> dict[str, int]:
    """event_id → its number among the events behind Table 1, in date order (`in_date_order`): the
    one numbering that the cells' markers and the list of events share, so a reader on paper can go
    from a cell to its event."""
    ids = sorted({e for ids in pkg.iraq_war_responses["event_ids"] for e in (ids or [])})
    ordered = in_date_order(pkg.events[pkg.events["event_id"].isin(ids)])["event_id"]
    return {event_id: number for number, event_id in enumerate(ordered, 1)}


def deployment_timeline(pkg: DataPackage) -> pd.DataFrame:
    """Every deployment row once, with its label and which side of 11 September 2001 it falls."""
    d = require_rows(pkg.deployments, "deployments").copy()
    names = pkg.actors.set_index("actor_id")["name_shown"]
    d["force"] = d["force_id"].map(names)
    d["host"] = d["host_id"].map(names)
    d["facility"] = d["facility_id"].map(names).fillna("")
    d["personnel_label"] = [
        with_qualifier(n, q) for n, q in zip(d["personnel"], d["personnel_qualifier"])
    ]
    d["aircraft_label"] = [
        with_qualifier(n, q) if pd.notna(n) else ""
        for n, q in zip(d["aircraft"], d["aircraft_qualifier"])
    ]
    d["period"] = (d["as_of_lo"] >= pd.Timestamp(NINE_ELEVEN)).map(
        {True: "after 9/11", False: "before 9/11"}
    )
    d["row"] = d["force"] + " in " + d["host"] + d["facility"].map(lambda f: f" ({f})" if f else "")
    return d.sort_values(["as_of_lo", "deployment_id"]).reset_index(drop=True)


def aid_by_recipient(
    pkg: DataPackage, donor: str = "USA", year: int = 2002
) -> tuple[pd.DataFrame, int]:
    """The parts (states and the regional line) and the stated total, in whole dollars."""
    a = pkg.aid[(pkg.aid["donor_id"] == donor) & (pkg.aid["year"] == year)]
    require_rows(a, f"aid from {donor} in {year}")
    total = a.loc[a["recipient_id"] == "total", "amount_usd"]
    parts = a[a["recipient_id"] != "total"].copy()
    names = pkg.actors.set_index("actor_id")["name_shown"]
    parts["recipient"] = parts["recipient_id"].map(names).fillna("Region-wide")
    parts = parts.sort_values("amount_usd", ascending=False).reset_index(drop=True)
    return parts[["recipient_id", "recipient", "amount_usd", "as_printed", "locator"]], int(
        total.iloc[0]
    ) if len(total) else None


def membership_spans(pkg: DataPackage, end_of_record: str = END_OF_RECORD) -> pd.DataFrame:
    """Membership bars: one per member and organisation, the union of the rows that overlap.

    A row runs from the first day its start covers to the last day its end covers; an open end runs
    to the end of the record, except where the chapters only show the membership held "by" a date
    and give no end (Russia in the Shanghai Forum "by September 2001"): that row runs to the last
    day its date covers, the last evidence there is, and is marked `unstated_end` (the figure draws
    an open, fading end; no end is made up). Rows of the two chapters about the same membership
    merge into one bar. A row whose start the chapter does not date (`networks.UNDATED_STARTS`) has
    no span to draw and is left out.
    """
    from ca911.analysis.membership_network import UNDATED_STARTS

    m = require_rows(pkg.memberships, "memberships").copy()
    m = m[~m["start_basis"].astype(str).isin(UNDATED_STARTS)]
    m["bar_start"] = m["start_lo"]
    m["open_end"] = (
        m["end"].fillna("").astype(str).eq("")
    )  # the CSV leaves an open end empty, not NA
    m["unstated_end"] = m["open_end"] & m["start_basis"].astype(str).eq("by")
    m["bar_end"] = (
        m["end_hi"].fillna(pd.Timestamp(end_of_record)).where(~m["unstated_end"], m["start_hi"])
    )
    m["open_end"] &= ~m["unstated_end"]
    bars = []
    for _, grp in m.sort_values("bar_start").groupby(["org_id", "member_id"], sort=True):
        current = None
        for row in grp.to_dict("records"):
            if current is not None and row["bar_start"] <= current["bar_end"]:
                ends = [e for e in (current.get("end"), row.get("end")) if isinstance(e, str) and e]
                if len(ends) == 2 and (ends[0].startswith(ends[1]) or ends[1].startswith(ends[0])):
                    # the same end at two precisions (e.g. 1999 and 1999-04): keep the precise one
                    precise = max(ends, key=len)
                    current["end"], current["bar_end"] = (
                        precise,
                        min(current["bar_end"], row["bar_end"]),
                    )
                elif row["bar_end"] > current["bar_end"] or row["open_end"]:
                    current["bar_end"] = max(current["bar_end"], row["bar_end"])
                    current["open_end"] = current["open_end"] or row["open_end"]
                    # the later evidence decides: a later "by" row ends unstated, an open row not
                    current["unstated_end"] = row["unstated_end"] and not current["open_end"]
                current["rows"] += 1
                continue
            if current is not None:
                bars.append(current)
            current = dict(row, rows=1)
        bars.append(current)
    return (
        pd.DataFrame(bars).sort_values(["org_id", "bar_start", "member_id"]).reset_index(drop=True)
    )
