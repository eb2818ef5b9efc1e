"""The networks as downloads: GraphML and GEXF files of every network the notebooks draw (with the
figures' fixed positions) and one ZIP of them all, written at build time by
`ca911.book.generated`."""

from __future__ import annotations

import io
import re

import networkx as nx
import pandas as pd

from ca911.analysis.alignment_network import alignment_periods, build_alignment_graph
from ca911.analysis.contact_network import build_contact_graph
from ca911.analysis.membership_network import SNAPSHOTS, build_membership_graph, project_members
from ca911.analysis.network_layouts import (
    alignment_layout,
    contact_layout,
    membership_layout,
    presence_layout,
    projection_layout,
)
from ca911.analysis.networks import sorted_copy
from ca911.analysis.presence_network import build_presence_graph, presence_snapshots
from ca911.data.archive import deterministic_zip
from ca911.data.named_dates import AUTUMN_2001
from ca911.data.output_date import output_iso_date


def _plain(value):
    """A GraphML/GEXF-safe Python value, or None to drop the attribute."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, bool) or type(value).__name__ in ("bool", "bool_"):
        return bool(value)
    if isinstance(value, int) or type(value).__name__.startswith(("int", "Int")):
        return int(value)
    if isinstance(value, float) or type(value).__name__.startswith("float"):
        return float(value)
    return str(value)


def _clean(attrs: dict) -> dict:
    return {k: v for k, v in ((k, _plain(v)) for k, v in attrs.items()) if v is not None}


def _export_graph(G: nx.Graph, pos: dict | None, viz: bool) -> nx.Graph:
    H = sorted_copy(G)
    H.graph.clear()
    H.graph.update(_clean(G.graph))
    for n in H:
        attrs = _clean(H.nodes[n])
        if pos and n in pos:
            x, y = (round(100.0 * c, 3) for c in pos[n])
            if viz:
                attrs["viz"] = {"position": {"x": x, "y": y, "z": 0.0}}
            else:
                attrs.update(x=x, y=y)
        H.nodes[n].clear()
        H.nodes[n].update(attrs)
    for u, v in H.edges:
        attrs = _clean(H.edges[u, v])
        H.edges[u, v].clear()
        H.edges[u, v].update(attrs)
    return H


def graphml_bytes(G: nx.Graph, pos: dict | None = None) -> bytes:
    """UTF-8 GraphML with sorted nodes and edges; positions (if given) as node attributes `x`, `y`.
    (Written with the standard-library writer, so lxml's presence cannot change the bytes.)"""
    buf = io.BytesIO()
    nx.write_graphml_xml(_export_graph(G, pos, viz=False), buf, encoding="utf-8")
    return buf.getvalue()


def gexf_bytes(G: nx.Graph, pos: dict | None = None) -> bytes:
    """UTF-8 GEXF 1.2 with sorted nodes and edges, positions as `viz:position`, and a fixed
    `lastmodifieddate`: the output date (networkx writes today's, which would change the bytes every
    day)."""
    buf = io.BytesIO()
    nx.write_gexf(_export_graph(G, pos, viz=True), buf, encoding="utf-8", version="1.2draft")
    return re.sub(
        rb'lastmodifieddate="[^"]*"',
        f'lastmodifieddate="{output_iso_date()}"'.encode(),
        buf.getvalue(),
    )


def all_networks(pkg) -> dict[str, tuple[nx.Graph, dict]]:
    """Every network the book shows, by export name, with the positions its figure uses."""
    out = {}
    mpos, ppos = membership_layout(pkg), projection_layout(pkg)
    for label in SNAPSHOTS:
        G = build_membership_graph(pkg, label)
        out[f"memberships-{label}"] = (G, mpos)
        out[f"memberships-projected-{label}"] = (project_members(G), ppos)
    prpos = presence_layout(pkg)
    for name, date in presence_snapshots(pkg).items():
        out[f"presence-{name}"] = (build_presence_graph(pkg, date), prpos)
    C = build_contact_graph(pkg, *AUTUMN_2001)
    out["contacts-autumn-2001"] = (C, contact_layout(C))
    for period_id in alignment_periods(pkg)["period_id"]:
        A = build_alignment_graph(pkg, period_id)
        out[f"alignment-{period_id}"] = (A, alignment_layout(A))
    return out


def network_exports(pkg) -> dict[str, bytes]:
    """{"networks/<name>.graphml": bytes, "networks/<name>.gexf": bytes, ...,
    "networks/ca911-networks.zip"}."""
    files = {}
    for name, (G, pos) in all_networks(pkg).items():
        files[f"networks/{name}.graphml"] = graphml_bytes(G, pos)
        files[f"networks/{name}.gexf"] = gexf_bytes(G, pos)
    files["networks/ca911-networks.zip"] = deterministic_zip(
        "ca911-networks", {rel.split("/", 1)[1]: content for rel, content in files.items()}
    )
    return dict(sorted(files.items()))
