"""Fixed positions for the network figures and downloads: the same graph always gives the same
picture, and a node keeps its place across the snapshots of one network (ties break by id)."""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from ca911.analysis.alignment_network import POWERS
from ca911.analysis.membership_network import membership_intervals
from ca911.analysis.presence_network import PRESENCE_STATUSES


def _barycentric_order(
    left: list[str], right: list[str], edges: list[tuple[str, str]], rounds: int = 8
) -> tuple[list[str], list[str]]:
    """Order two columns to reduce crossings (barycentre heuristic, ties by id): deterministic."""
    nbrs = defaultdict(set)
    for a, b in edges:
        nbrs[a].add(b)
        nbrs[b].add(a)
    left, right = sorted(left), sorted(right)
    for _ in range(rounds):
        pos = {n: i for i, n in enumerate(left)}
        right = sorted(
            right, key=lambda n: (sum(pos[m] for m in nbrs[n]) / max(len(nbrs[n]), 1), n)
        )
        pos = {n: i for i, n in enumerate(right)}
        left = sorted(left, key=lambda n: (sum(pos[m] for m in nbrs[n]) / max(len(nbrs[n]), 1), n))
    return left, right


def membership_layout(data) -> dict[str, tuple[float, float]]:
    """Fixed two-column positions for every member (x=0) and organisation (x=1) ever drawn."""
    m = membership_intervals(data)
    m = m[m["showable"]]
    edges = sorted(set(zip(m["member_id"], m["org_id"])))
    left, right = _barycentric_order(sorted(set(m["member_id"])), sorted(set(m["org_id"])), edges)
    pos = {}
    for x, column in ((0.0, left), (1.0, right)):
        for i, n in enumerate(column):
            pos[n] = (x, 1.0 - i / max(len(column) - 1, 1))
    return pos


def circle_layout(nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle in the given order, the first at the top, clockwise."""
    k = len(nodes)
    return {
        n: (round(math.sin(2 * math.pi * i / k), 6), round(math.cos(2 * math.pi * i / k), 6))
        for i, n in enumerate(nodes)
    }


# Circle order for the state–state networks: Central Asia, its two great neighbours, then westwards.
CIRCLE_ORDER = (
    "KAZ",
    "KGZ",
    "TJK",
    "TKM",
    "UZB",
    "CHN",
    "RUS",
    "BLR",
    "UKR",
    "LTU",
    "LVA",
    "EST",
    "GEO",
    "AZE",
    "ARM",
)


def projection_layout(data) -> dict[str, tuple[float, float]]:
    """Every member ever drawn on one circle, in `CIRCLE_ORDER` (others after it, by id)."""
    m = membership_intervals(data)
    members = set(m.loc[m["showable"], "member_id"])
    rank = {n: i for i, n in enumerate(CIRCLE_ORDER)}
    return circle_layout(sorted(members, key=lambda n: (rank.get(n, len(rank)), n)))


def presence_layout(data) -> dict[str, tuple[float, float]]:
    """Forces on the top row, hosts on the bottom row (a force that is also a host stays on top)."""
    dep = data.deployments[data.deployments["status"].astype(str).isin(PRESENCE_STATUSES)]
    forces = sorted(set(dep["force_id"]))
    hosts = sorted(set(dep["host_id"]) - set(forces))
    edges = sorted(set(zip(dep["force_id"], dep["host_id"])))
    forces, hosts = _barycentric_order(forces, hosts, edges)
    pos = {}
    for y, row in ((1.0, forces), (0.0, hosts)):
        for i, n in enumerate(row):
            pos[n] = ((i + 0.5) / len(row), y)
    return pos


def contact_layout(G: nx.Graph) -> dict[str, tuple[float, float]]:
    """Fixed two-hub positions: the two actors with most events on the top row, the actors in
    contact with both in a row below them, those in contact with one hub only beside that hub, and
    any others at the end of the bottom row. Ties break by id, so the same graph gives the same
    picture."""
    if G.number_of_nodes() < 2:
        return {n: (0.0, 0.0) for n in G}
    by_events = sorted(G, key=lambda n: (-G.degree(n, weight="weight"), n))
    h1, h2 = sorted(by_events[:2])
    n1, n2 = set(G[h1]) - {h2}, set(G[h2]) - {h1}
    both = sorted(n1 & n2)
    only1, only2 = sorted(n1 - n2), sorted(n2 - n1)
    rest = sorted(set(G) - {h1, h2} - n1 - n2)
    pos = {h1: (-0.8, 1.0), h2: (0.8, 1.0)}
    for i, n in enumerate(only1):
        pos[n] = (-1.7, 1.0 - 0.55 * i)
    for i, n in enumerate(only2):
        pos[n] = (1.7, 1.0 - 0.55 * i)
    bottom = both + rest
    for i, n in enumerate(bottom):
        pos[n] = (
            round(-1.2 + 2.4 * i / max(len(bottom) - 1, 1), 6) if len(bottom) > 1 else 0.0,
            0.0,
        )
    return pos


ALIGNMENT_POSITIONS = {
    "RUS": (-1.05, 0.85),
    "CHN": (1.05, 0.85),
    "USA": (0.0, -0.95),
    "subject": (0.0, 0.05),
}


def alignment_layout(G: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """The country in the middle, Russia top left, China top right, the US below; others left of
    centre."""
    pos = {}
    others = sorted(n for n in G if n not in POWERS and G.nodes[n].get("role") != "country")
    for n in G:
        if G.nodes[n].get("role") == "country":
            pos[n] = ALIGNMENT_POSITIONS["subject"]
        elif n in POWERS:
            pos[n] = ALIGNMENT_POSITIONS[n]
    for i, n in enumerate(others):
        pos[n] = (-1.1, -0.3 - 0.45 * i)
    return pos
