"""What the actor networks share: one actor table for node names, one reading of partial dates,
and a sorted copy for byte-stable downloads.

One module per network family builds its graph from a loaded `DataPackage` (or anything with the
same tables), nodes being actor ids with their names as attributes: `membership_network`,
`presence_network`, `contact_network` and `alignment_network` in `ca911.analysis`. The fixed
positions the figures and downloads share are in `ca911.analysis.network_layouts`, drawing in
`ca911.figures.networks`, the GraphML/GEXF downloads in `ca911.analysis.network_exports`, pairs of
states in words in `ca911.book.network_wording`; no network module needs matplotlib.

**Partial dates.** A record counts at a date `d` only on days its wording guarantees it: a start (or
a deployment's `as_of`) counts from the *last* day its partial date covers, an end from the *first*
day. A membership that began "by 2001-09" is drawn from 30 September 2001; one that ended "1999-04"
is gone from 1 April 1999. A row whose start and end fall in the same stated month or year is
therefore never drawn, nor is one whose start the chapter does not date (`start_basis` `not_before`
or `undated`: no day is guaranteed); `unshowable_memberships` lists them. An `as_of` given as a
partial string ("2004") means the last day it covers.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ca911.data import dates


# ----------------------------------------------------------------------------------------- dates
def day_text(value) -> str:
    return dates.last_day(value).strftime("%Y-%m-%d")


# ----------------------------------------------------------------------------------------- actors
def actors_by_id(data) -> pd.DataFrame:
    return data.actors.set_index("actor_id")


def add_actor(G: nx.Graph, data, actor_id: str, **attrs) -> None:
    actors = actors_by_id(data)
    row = actors.loc[actor_id] if actor_id in actors.index else None
    G.add_node(
        actor_id,
        label=str(row["name_en"]) if row is not None else actor_id,
        name_ja=str(row["name_ja"]) if row is not None else "",
        kind=str(row["kind"]) if row is not None else "",
        **attrs,
    )


def sorted_copy(G: nx.Graph) -> nx.Graph:
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
