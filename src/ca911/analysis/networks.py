"""Actor networks built from the data package: memberships, military presence, diplomatic contacts
and chapter 4's alignments.

Every builder takes a loaded `DataPackage` (or anything with the same tables) and returns a networkx
graph whose nodes are actor ids with their names as attributes. The fixed positions the figures and
downloads share are in `ca911.analysis.network_layouts`, drawing in `ca911.figures.networks`, the GraphML/GEXF
downloads in `ca911.analysis.network_exports`, pairs of states in words in `ca911.book.network_wording`; this
module needs no matplotlib. One module for the four networks, which share one reading of partial dates and
one actor table.

**Partial dates.** A record counts at a date `d` only on days its wording guarantees it: a start (or a
deployment's `as_of`) counts from the *last* day its partial date covers, an end from the *first* day.
A membership that began "by 2001-09" is drawn from 30 September 2001; one that ended "1999-04" is gone
from 1 April 1999. A row whose start and end fall in the same stated month or year is therefore never
drawn, nor is one whose start the chapter does not date (`start_basis` `not_before` or `undated`: no day
is guaranteed); `unshowable_memberships` lists them. An `as_of` given as a partial string ("2004") means the
last day it covers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx
import pandas as pd

from ca911.data import dates, named_dates
from ca911.data.named_dates import AUTUMN_2001

# Membership snapshots (partial dates; each is read as its last day): the CST's signature, after the
# April 1999 renewal, the month of 9/11, the Iraq-war spring, and the chapters' present.
# Start bases that date no joining (the chapter dates an earlier step, or nothing): such rows guarantee no day.
UNDATED_STARTS = ("not_before", "undated")
SNAPSHOTS = ("1992", "1999", "2001-09", "2003-04", "2004")
NINE_ELEVEN = pd.Timestamp(named_dates.NINE_ELEVEN)

# Deployment statuses that describe troops (present, on their way, or agreed/planned to come);
# `capacity` describes what a facility could hold, not a force, and is left out.
PRESENCE_STATUSES = ("present", "arriving", "agreed", "planned")
# When two records of one force in one host share a date, the firmer status wins.
_STATUS_RANK = {"present": 0, "arriving": 1, "agreed": 2, "planned": 3}

# Event types that are contacts between actors (the codebook's controlled list), by family.
CONTACT_FAMILIES = {
    "phone_call": "calls and messages",
    "condolence": "calls and messages",
    "visit": "visits",
    "meeting": "meetings and agreements",
    "summit": "meetings and agreements",
    "agreement": "meetings and agreements",
    "treaty_signature": "meetings and agreements",
}
CONTACT_TYPES = tuple(CONTACT_FAMILIES)
# Roles that make an actor a party to a contact; `subject` (talked about) does not.
CONTACT_ROLES = ("initiator", "target", "host", "participant")

POWERS = (
    "RUS",
    "USA",
    "CHN",
)  # the three powers chapter 4 weighs Kazakhstan and Uzbekistan against


# ----------------------------------------------------------------------------------------- dates
def _date_text(value) -> str:
    return dates.last_day(value).strftime("%Y-%m-%d")


# ----------------------------------------------------------------------------------------- actors
def _actors(data) -> pd.DataFrame:
    return data.actors.set_index("actor_id")


def _add_actor(G: nx.Graph, data, actor_id: str, **attrs) -> None:
    actors = _actors(data)
    row = actors.loc[actor_id] if actor_id in actors.index else None
    G.add_node(
        actor_id,
        label=str(row["name_en"]) if row is not None else actor_id,
        name_ja=str(row["name_ja"]) if row is not None else "",
        kind=str(row["kind"]) if row is not None else "",
        **attrs,
    )


def _sorted_copy(G: nx.Graph) -> nx.Graph:
    """Same graph with nodes and edges inserted in sorted order (so exports are byte-stable)."""
    H = G.__class__()
    H.graph.update(G.graph)
    for n in sorted(G.nodes):
        H.add_node(n, **G.nodes[n])
    for u, v in sorted(
        G.edges, key=lambda e: (e[0], e[1]) if G.is_directed() else tuple(sorted(e))
    ):
        a, b = (u, v) if G.is_directed() else tuple(sorted((u, v)))
        H.add_edge(a, b, **G.edges[u, v])
    return H


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
    """Rows no date is guaranteed to show: start and end in the same stated span, or a start not dated."""
    m = membership_intervals(data)
    cols = ["member_id", "org_id", "status", "start", "start_basis", "end", "end_reason", "locator"]
    return m.loc[~m["showable"], cols].reset_index(drop=True)


# What a change in the drawn network means, from the row that makes it: a dated joining, or only the first date
# the chapters show the membership (a "by" start), and a withdrawal or the end of what the chapters show.
START_CHANGES = {"joined": "joins", "by": "first shown as a member"}
END_CHANGES = {"withdrew": "leaves"}


def membership_changes(data) -> pd.DataFrame:
    """Every date on which the drawn membership network changes, and what changes. Rows of one pair that overlap
    (two chapters stating one membership) make one drawn span, so a later row of a pair already drawn is no change."""
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
                    "change": START_CHANGES.get(first.start_basis, "first shown as a member"),
                    "member_id": member,
                    "org_id": org,
                    "as_recorded": f"{first.start_basis} {first.start}",
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
                    }
                )
    out = pd.DataFrame(rows, columns=["date", "change", "member_id", "org_id", "as_recorded"])
    return out.sort_values(["date", "org_id", "member_id", "change"]).reset_index(drop=True)


def build_membership_graph(data, as_of) -> nx.Graph:
    """Bipartite graph of members (bipartite=0) and organisations (bipartite=1) at `as_of`.

    One edge per member–organisation pair; several rows for one pair (e.g. two chapters stating the same
    membership) are kept on the edge as `rows`, `statuses` and `locators`."""
    active = active_memberships(data, as_of)
    G = nx.Graph(
        name=f"memberships at {_date_text(as_of)}",
        as_of=_date_text(as_of),
        rule="start counts from the last day it covers, end from the first day",
    )
    for member in sorted(set(active["member_id"])):
        _add_actor(G, data, member, bipartite=0, side="member")
    for org in sorted(set(active["org_id"])):
        _add_actor(G, data, org, bipartite=1, side="organization")
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


def membership_table(data, snapshots=SNAPSHOTS) -> pd.DataFrame:
    """Organisations (rows) × snapshots (columns): the members drawn at each date, by id."""
    cells = {}
    for label in snapshots:
        G = build_membership_graph(data, label)
        cells[label] = {
            o: ", ".join(sorted(G[o])) for o, d in G.nodes(data=True) if d["bipartite"] == 1
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
        shared = sorted(set(G[a]) & set(G[b]))
        if shared:
            P.add_edge(a, b, weight=len(shared), shared=";".join(shared))
    for n in members:
        P.nodes[n]["isolated_reason"] = (
            "shares no organisation with another member at this date" if P.degree(n) == 0 else ""
        )
    return P


def projected_weights(data, snapshots=SNAPSHOTS) -> pd.DataFrame:
    """Shared-membership weight of every state pair ("KAZ–RUS", rows) at every snapshot (columns); 0 = none."""
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


# -------------------------------------------------------------------------------------- presence
def presence_snapshots(data) -> dict[str, pd.Timestamp]:
    """The presence network's three dates: the eve of 9/11, the end of 2001, the chapters' latest."""
    latest = data.deployments["as_of_hi"].max()
    return {
        "before-9-11": NINE_ELEVEN - pd.Timedelta(days=1),
        "after-9-11": pd.Timestamp(named_dates.END_OF_2001),
        "latest": latest,
    }


def build_presence_graph(data, as_of) -> nx.DiGraph:
    """Directed force → host graph at `as_of`, one edge per force and host.

    A deployment record counts once the whole span of its `as_of` has passed. The edge describes the
    pair's latest record (`status`, `as_of`, `unit`, `deployment_id`; ties go to the firmer status);
    `personnel` (and `weight`) is the latest number the chapters give for the pair by then, with its own
    `personnel_as_of`, so a later record without a number does not erase an earlier one. `facility` lists
    every facility the pair's records name."""
    d = dates.last_day(as_of)
    dep = data.deployments
    dep = dep[(dep["as_of_hi"] <= d) & dep["status"].astype(str).isin(PRESENCE_STATUSES)].copy()
    dep["rank"] = dep["status"].astype(str).map(_STATUS_RANK)
    G = nx.DiGraph(
        name=f"military presence at {d:%Y-%m-%d}",
        as_of=f"{d:%Y-%m-%d}",
        rule="a record counts once the whole span of its as_of has passed; capacity records left out",
    )
    for node in sorted(set(dep["force_id"]) | set(dep["host_id"])):
        role = ("force" if node in set(dep["force_id"]) else "") + (
            "host" if node in set(dep["host_id"]) else ""
        )
        _add_actor(G, data, node, role={"forcehost": "force and host"}.get(role, role))
    for (force, host), grp in dep.groupby(["force_id", "host_id"], sort=True):
        order = grp.sort_values(
            ["as_of_hi", "as_of_lo", "rank", "deployment_id"], ascending=[False, False, True, True]
        )
        last = order.iloc[0]
        facilities = sorted(f for f in grp["facility_id"] if f)
        attrs = {
            "status": str(last["status"]),
            "as_of": last["as_of"],
            "unit": last["unit"],
            "deployment_id": last["deployment_id"],
            "facility": ";".join(dict.fromkeys(facilities)),
            "records": len(grp),
            "locator": last["locator"],
        }
        numbered = order[order["personnel"].notna()]
        if len(numbered):
            n = numbered.iloc[0]
            attrs.update(
                personnel=int(n["personnel"]),
                weight=int(n["personnel"]),
                personnel_qualifier=str(n["personnel_qualifier"]),
                personnel_as_of=n["as_of"],
                personnel_status=str(n["status"]),
                personnel_deployment_id=n["deployment_id"],
            )
        G.add_edge(force, host, **attrs)
    return G


def presence_table(G: nx.DiGraph) -> pd.DataFrame:
    rows = [
        {
            "force": u,
            "host": v,
            "facility": d["facility"],
            "personnel": d.get("personnel"),
            "qualifier": d.get("personnel_qualifier", ""),
            "number as of": d.get("personnel_as_of", ""),
            "latest record": d["as_of"],
            "status": d["status"],
            "locator": d["locator"],
        }
        for u, v, d in G.edges(data=True)
    ]
    out = pd.DataFrame(
        rows,
        columns=[
            "force",
            "host",
            "facility",
            "personnel",
            "qualifier",
            "number as of",
            "latest record",
            "status",
            "locator",
        ],
    )
    out["personnel"] = out["personnel"].astype("Int64")
    return out.sort_values(["force", "host"]).reset_index(drop=True)


# -------------------------------------------------------------------------------------- contacts
def _event_span(events: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    last = events["date_end_hi"].fillna(events["date_hi"])
    return events["date_lo"], last


def events_in_window(data, start, end, types=CONTACT_TYPES, how: str = "within") -> pd.DataFrame:
    """Events of `types` dated in [start, end]. `within`: every day the date (or range) could denote
    lies in the window; `overlap`: at least one does."""
    lo_w, hi_w = pd.Timestamp(start), pd.Timestamp(end)
    ev = data.events[data.events["event_type"].astype(str).isin(types)]
    lo, hi = _event_span(ev)
    keep = (lo >= lo_w) & (hi <= hi_w) if how == "within" else (hi >= lo_w) & (lo <= hi_w)
    return ev[keep].sort_values(["date", "event_id"]).reset_index(drop=True)


def contact_pairs(parties: pd.DataFrame) -> set[tuple[str, str]]:
    """Pairs in contact in one event, from its parties (`node`, `role`): every initiator with every
    target or host; participants with each other and with everyone else. Co-initiators alone (several
    states sending the same message) and co-hosts alone (hosts of one tour) are not paired."""
    by_role = {r: set(parties.loc[parties["role"] == r, "node"]) for r in CONTACT_ROLES}
    initiators, participants = by_role["initiator"], by_role["participant"]
    counterparts = by_role["target"] | by_role["host"]
    pairs = {(a, b) for a in initiators for b in counterparts}
    pairs |= {(a, b) for a in participants for b in participants | initiators | counterparts}
    return {tuple(sorted(p)) for p in pairs if p[0] != p[1]}


def _node_of(data, level: str):
    actors = _actors(data)

    def node(actor_id: str) -> str:
        if level == "state" and actor_id in actors.index and actors.at[actor_id, "country_id"]:
            return actors.at[actor_id, "country_id"]
        return actor_id

    return node


def build_contact_graph(
    data, start=AUTUMN_2001[0], end=AUTUMN_2001[1], types=CONTACT_TYPES, level: str = "state"
) -> nx.Graph:
    """Undirected contact graph of the events of `types` dated within [start, end].

    `level="state"` counts a person, institution or unit as its state (`country_id`); organisations stay
    themselves; `level="actor"` keeps every actor. `weight` = number of events a pair shares; `types`
    gives the count per event type, `n_<type>` the same as numbers, `events` the event ids."""
    events = events_in_window(data, start, end, types)
    ea = data.event_actors
    ea = ea[
        ea["event_id"].isin(events["event_id"]) & ea["role"].astype(str).isin(CONTACT_ROLES)
    ].copy()
    ea["node"] = ea["actor_id"].map(_node_of(data, level))
    ea["role"] = ea["role"].astype(str)
    etype = events.set_index("event_id")["event_type"].astype(str)
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event_id, parties in ea.groupby("event_id", sort=True):
        for pair in contact_pairs(parties):
            found[pair].append(event_id)
    G = nx.Graph(
        name=f"contacts {pd.Timestamp(start):%Y-%m-%d} to {pd.Timestamp(end):%Y-%m-%d}",
        start=f"{pd.Timestamp(start):%Y-%m-%d}",
        end=f"{pd.Timestamp(end):%Y-%m-%d}",
        level=level,
        event_types=";".join(types),
    )
    for node in sorted({n for pair in found for n in pair}):
        _add_actor(G, data, node)
    for (a, b), ids in sorted(found.items()):
        counts = Counter(etype[i] for i in ids)
        families = sorted({CONTACT_FAMILIES.get(t, t) for t in counts})
        G.add_edge(
            a,
            b,
            weight=len(ids),
            types=";".join(f"{t}:{counts[t]}" for t in sorted(counts)),
            families=";".join(families),
            events=";".join(sorted(ids)),
            **{f"n_{t}": counts.get(t, 0) for t in types},
        )
    return G


def centrality_table(G: nx.Graph) -> pd.DataFrame:
    """Degree, weighted degree (events), degree centrality and betweenness (unweighted, normalised)
    per node, most central first (betweenness, then degree, then events)."""
    between = nx.betweenness_centrality(G, normalized=True, weight=None)
    dc = nx.degree_centrality(G)
    rows = [
        {
            "actor": n,
            "name": G.nodes[n].get("label", n),
            "degree": G.degree(n),
            "events": int(G.degree(n, weight="weight")),
            "degree_centrality": round(dc[n], 4),
            "betweenness": round(between[n], 4),
        }
        for n in G.nodes
    ]
    out = pd.DataFrame(
        rows, columns=["actor", "name", "degree", "events", "degree_centrality", "betweenness"]
    )
    out = out.sort_values(
        ["betweenness", "degree", "events", "actor"], ascending=[False, False, False, True]
    )
    out.insert(0, "rank", range(1, len(out) + 1))
    return out.reset_index(drop=True)


def contact_edges_table(G: nx.Graph) -> pd.DataFrame:
    rows = [
        {"actor": a, "other": b, "events": d["weight"], "types": d["types"]}
        for a, b, d in G.edges(data=True)
    ]
    out = pd.DataFrame(rows, columns=["actor", "other", "events", "types"])
    return out.sort_values(["events", "actor", "other"], ascending=[False, True, True]).reset_index(
        drop=True
    )


# ------------------------------------------------------------------------------------- alignment
def alignment_periods(data) -> pd.DataFrame:
    """Chapter 4's periods in reading order: by country, then start, then id."""
    p = data.periods.copy()
    p["n_relations"] = (
        p["period_id"].map(data.period_relations["period_id"].value_counts()).fillna(0).astype(int)
    )
    return p.sort_values(["country_id", "start_lo", "period_id"]).reset_index(drop=True)


def build_alignment_graph(data, period_id: str) -> nx.DiGraph:
    """Country → partner edges for one period, typed by the relation chapter 4 attributes to it
    (period_relations.csv only; nothing is inferred). A period with no stated relation gives the
    country alone, with `isolated_reason`."""
    period = data.periods.set_index("period_id").loc[period_id]
    rel = data.period_relations[data.period_relations["period_id"] == period_id].sort_values(
        "partner_id"
    )
    country = period["country_id"]
    G = nx.DiGraph(
        name=f"alignment {period_id}",
        period_id=period_id,
        country=country,
        policy_type=str(period["policy_type"]),
        start=period["start"],
        end=period["end"],
        label_en=period["label_en"],
        locator=period["locator"],
    )
    _add_actor(
        G,
        data,
        country,
        role="country",
        isolated_reason=""
        if len(rel)
        else "chapter 4 attributes no relation to a partner in this period",
    )
    for r in rel.itertuples():
        _add_actor(G, data, r.partner_id, role="partner", isolated_reason="")
        G.add_edge(
            country, r.partner_id, relation=str(r.relation), note_en=r.note_en, locator=r.locator
        )
    return G


def alignment_table(data) -> pd.DataFrame:
    """One row per period: its label and the relation to each of Russia, the US and China ('' = none
    stated), plus any other partner."""
    rows = []
    for p in alignment_periods(data).itertuples():
        G = build_alignment_graph(data, p.period_id)
        rel = {v: d["relation"] for _, v, d in G.edges(data=True)}
        rows.append(
            {
                "period": p.period_id,
                "country": p.country_id,
                "years": f"{p.start}–{p.end}" if p.end else f"{p.start}–",
                "policy_type": str(p.policy_type),
                **{k: rel.get(k, "") for k in POWERS},
                "other": ";".join(f"{k}:{v}" for k, v in sorted(rel.items()) if k not in POWERS),
            }
        )
    return pd.DataFrame(rows)
