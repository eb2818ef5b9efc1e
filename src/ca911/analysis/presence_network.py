"""The military-presence network: which force is in which host country at a date, and with what
status."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ca911.analysis.networks import add_actor
from ca911.data import dates, named_dates

NINE_ELEVEN = pd.Timestamp(named_dates.NINE_ELEVEN)


# Deployment statuses that describe troops (present, on their way, or agreed/planned to come);
# `capacity` describes what a facility could hold, not a force, and is left out.
PRESENCE_STATUSES = ("present", "arriving", "agreed", "planned")


# When two records of one force in one host share a date, the firmer status wins.
_STATUS_RANK = {"present": 0, "arriving": 1, "agreed": 2, "planned": 3}


# -------------------------------------------------------------------------------------- presence
def presence_snapshots(data) -> dict[str, pd.Timestamp]:
    """The presence network's three dates: the eve of 9/11, the end of 2001, the chapters'
    latest."""
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
    `personnel` (and `weight`) is the latest number the chapters give for the pair by then, with its
    own `personnel_as_of`, so a later record without a number does not erase an earlier one.
    `facility` lists every facility the pair's records name."""
    d = dates.last_day(as_of)
    dep = data.deployments
    dep = dep[(dep["as_of_hi"] <= d) & dep["status"].astype(str).isin(PRESENCE_STATUSES)].copy()
    dep["rank"] = dep["status"].astype(str).map(_STATUS_RANK)
    G = nx.DiGraph(
        name=f"military presence at {d:%Y-%m-%d}",
        as_of=f"{d:%Y-%m-%d}",
        rule=(
            "a record counts once the whole span of its as_of has passed; capacity records left out"
        ),
    )
    for node in sorted(set(dep["force_id"]) | set(dep["host_id"])):
        role = ("force" if node in set(dep["force_id"]) else "") + (
            "host" if node in set(dep["host_id"]) else ""
        )
        add_actor(G, data, node, role={"forcehost": "force and host"}.get(role, role))
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
