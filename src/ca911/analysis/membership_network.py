"""The membership network: which actors belong to which organisations at a date, its changes, and
its projection onto pairs of members."""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import pandas as pd

from ca911.analysis.networks import add_actor, day_text
from ca911.data import dates

# Membership snapshots (partial dates; each is read as its last day): the CST's signature, after the
# April 1999 renewal, the month of 9/11, the Iraq-war spring, and the chapters' present. Start bases
# that date no joining (the chapter dates an earlier step, or nothing): such rows guarantee no day.
UNDATED_STARTS = ("not_before", "undated")
SNAPSHOTS = ("1992", "1999", "2001-09", "2003-04", "2004")


# ------------------------------------------------------------------------------------ memberships
def membership_intervals(data) -> pd.DataFrame:
    """Each membership row with the days it is drawn: [`shown_from`, `shown_until`) (NaT = open)."""
    m = data.memberships.copy()
    m["shown_from"] = m["start_hi"].where(~m["start_basis"].astype(str).isin(UNDATED_STARTS))
    m["shown_until"] = m["end_lo"]
    m["showable"] = m["shown_from"].notna() & (
        m["shown_until"].isna() | (m["shown_from"] < m["shown_until"])
    )
    return m


def active_memberships(data, as_of) -> pd.DataFrame:
    """Membership rows drawn at `as_of` (see the module's rule on partial dates)."""
    d = dates.last_day(as_of)
    m = membership_intervals(data)
    keep = (m["shown_from"] <= d) & (m["shown_until"].isna() | (d < m["shown_until"]))
    return m[keep].sort_values(["member_id", "org_id", "start"]).reset_index(drop=True)


def unshowable_memberships(data) -> pd.DataFrame:
    """Rows no date is guaranteed to show: start and end in the same stated span, or a start not
    dated; by organisation, then date, so the states that joined one body together stand
    together."""
    m = membership_intervals(data)
    cols = ["member_id", "org_id", "status", "start", "start_basis", "end", "end_reason", "locator"]
    unshown = m.loc[~m["showable"], cols]
    by_body = unshown.sort_values(["org_id", "start", "member_id"], kind="stable")
    return by_body.reset_index(drop=True)


# What a change in the drawn network means, from the row that makes it: a dated joining, or only the
# first date the chapters show the membership (a "by" start), and a withdrawal or the end of what
# the chapters show.
START_CHANGES = {"joined": "joins", "by": "first shown as a member"}
OBSERVER_CHANGES = {"joined": "joins as an observer", "by": "first shown as an observer"}


END_CHANGES = {"withdrew": "leaves"}


def membership_changes(data) -> pd.DataFrame:
    """Every date on which the drawn membership network changes, and what changes. Rows of one pair
    that overlap (two chapters stating one membership) make one drawn span, so a later row of a pair
    already drawn is no change. `stated` is the partial date the change is read from, `edge` the day
    of it the rule takes: a membership is drawn from the end of its stated start and ends at the
    start of its stated end (`dates.edge_words` says so at the precision the data have)."""
    m = membership_intervals(data)
    rows = []
    for (member, org), pair in (
        m[m["showable"]].sort_values("shown_from").groupby(["member_id", "org_id"], sort=False)
    ):
        spans = []  # [the row that opens a drawn span, its end (NaT: open), the row that ends it]
        for r in pair.itertuples():
            if spans and (
                pd.isna(spans[-1][1]) or r.shown_from < spans[-1][1]
            ):  # inside the span being drawn
                span = spans[-1]
                if pd.notna(span[1]) and (pd.isna(r.shown_until) or r.shown_until > span[1]):
                    span[1], span[2] = r.shown_until, r
            else:
                spans.append([r, r.shown_until, r])
        for first, end, last in spans:
            rows.append(
                {
                    "date": first.shown_from,
                    "change": (
                        OBSERVER_CHANGES if first.status == "observer" else START_CHANGES
                    ).get(first.start_basis, "first shown as a member"),
                    "member_id": member,
                    "org_id": org,
                    "as_recorded": f"{first.start_basis} {first.start}",
                    "stated": first.start,
                    "edge": "end",
                }
            )
            if pd.notna(end):
                rows.append(
                    {
                        "date": end,
                        "change": END_CHANGES.get(last.end_reason, "no longer shown"),
                        "member_id": member,
                        "org_id": org,
                        "as_recorded": f"{last.end_reason} {last.end}",
                        "stated": last.end,
                        "edge": "start",
                    }
                )
    columns = ["date", "change", "member_id", "org_id", "as_recorded", "stated", "edge"]
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["date", "org_id", "member_id", "change"]).reset_index(drop=True)


def build_membership_graph(data, as_of) -> nx.Graph:
    """Bipartite graph of members (bipartite=0) and organisations (bipartite=1) at `as_of`.

    One edge per member–organisation pair; several rows for one pair (e.g. two chapters stating the
    same membership) are kept on the edge as `rows`, `statuses` and `locators`."""
    active = active_memberships(data, as_of)
    G = nx.Graph(
        name=f"memberships at {day_text(as_of)}",
        as_of=day_text(as_of),
        rule="start counts from the last day it covers, end from the first day",
    )
    for member in sorted(set(active["member_id"])):
        add_actor(G, data, member, bipartite=0, side="member")
    for org in sorted(set(active["org_id"])):
        add_actor(G, data, org, bipartite=1, side="organization")
    for (member, org), rows in active.groupby(["member_id", "org_id"], sort=True):
        G.add_edge(
            member,
            org,
            weight=1,
            rows=len(rows),
            statuses=";".join(sorted(set(rows["status"].astype(str)))),
            start=min(rows["start"]),
            start_basis=";".join(sorted(set(rows["start_basis"].astype(str)))),
            locators=" | ".join(rows["locator"]),
        )
    return G


def snapshot_changes(data, snapshots=SNAPSHOTS) -> list[dict]:
    """Per snapshot, its member–organisation pairs (sorted tuples) and how they differ from the
    previous snapshot's: `joined` (not drawn before, and a row of the pair dates its joining in
    between), `first_shown` (not drawn before, but the chapters only show it held by now: a "by"
    start, which says nothing of when it began: Kazakhstan in the CIS "by 2004"), `ended` (drawn
    before, not now). The first snapshot has no previous one: nothing is new in it."""
    rows = membership_intervals(data)
    out, before = [], None
    for label in snapshots:
        G = build_membership_graph(data, label)
        edges = {tuple(sorted(e)) for e in G.edges}
        fresh = edges - before if before is not None else set()
        dated = {
            tuple(sorted((r.member_id, r.org_id)))
            for r in rows.itertuples()
            if r.start_basis == "joined" and r.shown_from <= dates.last_day(label)
        }
        out.append(
            {
                "label": label,
                "edges": edges,
                "joined": fresh & dated,
                "first_shown": fresh - dated,
                "ended": before - edges if before is not None else set(),
            }
        )
        before = edges
    return out


OBSERVER_MARK = "/observer"


def only_observer(edge: dict) -> bool:
    """Whether the chapters record the member only as an observer of the organisation."""
    return set(str(edge.get("statuses", "")).split(";")) == {"observer"}


def membership_table(data, snapshots=SNAPSHOTS) -> pd.DataFrame:
    """Organisations (rows) × snapshots (columns): the members drawn at each date, by id; an
    observer's id carries OBSERVER_MARK ("UZB/observer")."""
    cells = {}
    for label in snapshots:
        G = build_membership_graph(data, label)
        cells[label] = {
            o: ", ".join(
                m + OBSERVER_MARK if only_observer(G.edges[m, o]) else m for m in sorted(G[o])
            )
            for o, d in G.nodes(data=True)
            if d["bipartite"] == 1
        }
    orgs = sorted(set().union(*[set(c) for c in cells.values()]))
    frame = pd.DataFrame(
        {label: [cells[label].get(o, "") for o in orgs] for label in snapshots}, index=orgs
    )
    frame.index.name = "organisation"
    return frame


def project_members(G: nx.Graph) -> nx.Graph:
    """Member–member graph: an edge for each pair sharing organisations, `weight` = how many."""
    members = sorted(n for n, d in G.nodes(data=True) if d["bipartite"] == 0)
    P = nx.Graph(
        name=G.graph["name"].replace("memberships", "shared memberships"), as_of=G.graph["as_of"]
    )
    for n in members:
        P.add_node(n, **{k: v for k, v in G.nodes[n].items() if k not in ("bipartite", "side")})
    for a, b in combinations(members, 2):
        # an observer shares no membership (Uzbekistan beside the Shanghai Forum's members)
        shared = sorted(
            o
            for o in set(G[a]) & set(G[b])
            if not only_observer(G.edges[a, o]) and not only_observer(G.edges[b, o])
        )
        if shared:
            P.add_edge(a, b, weight=len(shared), shared=";".join(shared))
    for n in members:
        P.nodes[n]["isolated_reason"] = (
            "shares no organisation with another member at this date" if P.degree(n) == 0 else ""
        )
    return P


def projected_weights(data, snapshots=SNAPSHOTS) -> pd.DataFrame:
    """Shared-membership weight of every state pair ("KAZ–RUS", rows) at every snapshot (columns); 0
    = none."""
    cols = {}
    for label in snapshots:
        P = project_members(build_membership_graph(data, label))
        cols[label] = {tuple(sorted((a, b))): w for a, b, w in P.edges(data="weight")}
    pairs = sorted(set().union(*[set(c) for c in cols.values()]))
    frame = pd.DataFrame(
        {label: [cols[label].get(p, 0) for p in pairs] for label in snapshots},
        index=pd.Index([f"{a}–{b}" for a, b in pairs], name="pair"),
    )
    return frame
