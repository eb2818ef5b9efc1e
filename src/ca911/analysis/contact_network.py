"""The diplomatic-contact network: who met, called or visited whom within a window of dates, and
who is central to it."""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx
import pandas as pd

from ca911.analysis.networks import actors_by_id, add_actor
from ca911.data.named_dates import AUTUMN_2001

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
    target or host; participants with each other and with everyone else. Co-initiators alone
    (several states sending the same message) and co-hosts alone (hosts of one tour) are not
    paired."""
    by_role = {r: set(parties.loc[parties["role"] == r, "node"]) for r in CONTACT_ROLES}
    initiators, participants = by_role["initiator"], by_role["participant"]
    counterparts = by_role["target"] | by_role["host"]
    pairs = {(a, b) for a in initiators for b in counterparts}
    pairs |= {(a, b) for a in participants for b in participants | initiators | counterparts}
    return {tuple(sorted(p)) for p in pairs if p[0] != p[1]}


def _node_of(data, level: str):
    actors = actors_by_id(data)

    def node(actor_id: str) -> str:
        if level == "state" and actor_id in actors.index and actors.at[actor_id, "country_id"]:
            return actors.at[actor_id, "country_id"]
        return actor_id

    return node


def build_contact_graph(
    data, start=AUTUMN_2001[0], end=AUTUMN_2001[1], types=CONTACT_TYPES, level: str = "state"
) -> nx.Graph:
    """Undirected contact graph of the events of `types` dated within [start, end].

    `level="state"` counts a person, institution or unit as its state (`country_id`); organisations
    stay themselves; `level="actor"` keeps every actor. `weight` = number of events a pair shares;
    `types` gives the count per event type, `n_<type>` the same as numbers, `events` the event
    ids."""
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
        add_actor(G, data, node)
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


def events_of(G: nx.Graph, node) -> set[str]:
    """The contact events `node` took part in: each once, however many partners it met there (a
    call to five leaders is one event, not five)."""
    return {i for m in G[node] for i in G.edges[node, m]["events"].split(";") if i}


def centrality_table(G: nx.Graph) -> pd.DataFrame:
    """Degree, the contact events taken part in (`events_of`), degree centrality and betweenness
    (unweighted, normalised) per node, most central first (betweenness, then degree, then
    events)."""
    between = nx.betweenness_centrality(G, normalized=True, weight=None)
    dc = nx.degree_centrality(G)
    rows = [
        {
            "actor": n,
            "name": G.nodes[n].get("label", n),
            "degree": G.degree(n),
            "events": len(events_of(G, n)),
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
