"""Actor networks: small hand-made packages with known answers, then the real data."""

from __future__ import annotations

import io
import json
import re
import zipfile

import networkx as nx
import pandas as pd
import pytest

from ca911.analysis import (
    alignment_network,
    contact_network,
    membership_network,
    network_layouts,
    presence_network,
)
from ca911.analysis import network_exports as nx_exports
from ca911.book import analysis_tables
from ca911.book.generated import generators
from ca911.data import dates
from ca911.data.named_dates import AUTUMN_2001
from ca911.data.output_date import output_iso_date
from ca911.data.package import DATA_DIR, DataPackage, load
from ca911.data.schema import date_columns
from support.project import ROOT

DATE_COLUMNS = date_columns(
    json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8")), strings_only=True
)

COLUMNS = {
    "actors": ["actor_id", "kind", "name_en", "name_ja", "country_id"],
    "memberships": [
        "member_id",
        "org_id",
        "status",
        "start",
        "start_basis",
        "end",
        "end_reason",
        "source_id",
        "locator",
    ],
    "deployments": [
        "deployment_id",
        "facility_id",
        "host_id",
        "force_id",
        "unit",
        "personnel",
        "personnel_qualifier",
        "status",
        "as_of",
        "locator",
    ],
    "events": ["event_id", "date", "date_end", "event_type"],
    "event_actors": ["event_id", "actor_id", "role"],
    "periods": [
        "period_id",
        "country_id",
        "start",
        "end",
        "approximate",
        "label_en",
        "policy_type",
        "locator",
    ],
    "period_relations": ["period_id", "partner_id", "relation", "note_en", "locator"],
}


def make_pkg(**rows) -> DataPackage:
    """A DataPackage built from dict rows, with the loader's `<col>_lo`/`<col>_hi` bounds added."""
    tables = {}
    for name, cols in COLUMNS.items():
        frame = pd.DataFrame(
            [{c: r.get(c, "") for c in cols} for r in rows.get(name, [])], columns=cols
        )
        for col in DATE_COLUMNS.get(name, []):
            if col in frame:
                bounds = [dates.bounds(v) for v in frame[col]]
                frame[f"{col}_lo"] = pd.to_datetime(
                    pd.Series([b[0] for b in bounds], dtype="datetime64[ns]")
                )
                frame[f"{col}_hi"] = pd.to_datetime(
                    pd.Series([b[1] for b in bounds], dtype="datetime64[ns]")
                )
        tables[name] = frame
    if "personnel" in tables["deployments"]:
        tables["deployments"]["personnel"] = pd.array(
            [None if v in ("", None) else int(v) for v in tables["deployments"]["personnel"]],
            dtype="Int64",
        )
    return DataPackage(tables, {"resources": []}, "")


def actor(i, kind="state", country=""):
    return {
        "actor_id": i,
        "kind": kind,
        "name_en": f"Name {i}",
        "name_ja": f"名{i}",
        "country_id": country,
    }


# --------------------------------------------------------------------------- hand-made: memberships
@pytest.fixture
def memberships_pkg():
    m = [
        dict(
            member_id="S1",
            org_id="O1",
            status="founding_member",
            start="1990",
            start_basis="joined",
            locator="a",
        ),
        dict(
            member_id="S1",
            org_id="O1",
            status="member",
            start="1994",
            start_basis="by",
            locator="b",
        ),  # same pair again
        dict(
            member_id="S2",
            org_id="O1",
            status="member",
            start="1991-05",
            start_basis="by",
            end="1995",
            end_reason="withdrew",
            locator="c",
        ),
        dict(
            member_id="S3",
            org_id="O2",
            status="member",
            start="1995-03",
            start_basis="by",
            end="1995-03",
            end_reason="withdrew",
            locator="d",
        ),  # start and end in one month: never guaranteed
        dict(
            member_id="S1",
            org_id="O2",
            status="member",
            start="1993",
            start_basis="by",
            locator="e",
        ),
        dict(
            member_id="S2",
            org_id="O2",
            status="observer",
            start="1994-06-15",
            start_basis="joined",
            locator="f",
        ),
    ]
    return make_pkg(
        actors=[actor(x) for x in ("S1", "S2", "S3")]
        + [actor(x, "organization") for x in ("O1", "O2")],
        memberships=m,
    )


def test_as_date_reads_a_partial_date_as_its_last_day():
    assert dates.last_day("2004") == pd.Timestamp("2004-12-31")
    assert dates.last_day("2002-02") == pd.Timestamp("2002-02-28")
    assert dates.last_day(pd.Timestamp("2001-09-10")) == pd.Timestamp("2001-09-10")


@pytest.mark.parametrize(
    "as_of, edges, projected_weight",
    [
        ("1990-12-30", set(), None),  # S1 joined "1990": guaranteed only from 31 Dec
        ("1991-05-15", {("O1", "S1")}, None),  # S2 "by 1991-05": only from 31 May
        ("1993-06-30", {("O1", "S1"), ("O1", "S2")}, 1),
        # S2 only observes O2: drawn there, but sharing no membership with S1 through it
        ("1994-12-31", {("O1", "S1"), ("O1", "S2"), ("O2", "S1"), ("O2", "S2")}, 1),
        (
            "1995-06-30",
            {("O1", "S1"), ("O2", "S1"), ("O2", "S2")},
            None,
        ),  # S2 left O1 "1995": gone from 1 Jan, and an observer of O2 shares nothing
    ],
)
def test_membership_snapshot_edges_and_projection(memberships_pkg, as_of, edges, projected_weight):
    G = membership_network.build_membership_graph(memberships_pkg, as_of)
    assert {tuple(sorted(e)) for e in G.edges} == edges
    assert not list(nx.isolates(G))
    assert all(G.nodes[n]["bipartite"] == (0 if n.startswith("S") else 1) for n in G)
    P = membership_network.project_members(G)
    if projected_weight is None:
        assert P.number_of_edges() == 0
        assert all(P.nodes[n]["isolated_reason"] for n in P)  # an isolate says why
    else:
        assert P.edges["S1", "S2"]["weight"] == projected_weight


def test_two_rows_for_one_pair_make_one_edge_that_keeps_both(memberships_pkg):
    G = membership_network.build_membership_graph(memberships_pkg, "1994-12-31")
    e = G.edges["S1", "O1"]
    assert e["rows"] == 2 and e["statuses"] == "founding_member;member" and e["locators"] == "a | b"
    assert G.edges["S2", "O2"]["statuses"] == "observer"


def test_rows_no_date_can_show_are_listed(memberships_pkg):
    unshown = membership_network.unshowable_memberships(memberships_pkg)
    assert list(zip(unshown["member_id"], unshown["org_id"])) == [("S3", "O2")]
    changes = membership_network.membership_changes(memberships_pkg)
    # S1–O1's second row falls inside the span its first row opened: no change in the drawn network
    assert list(zip(changes["member_id"], changes["org_id"], changes["change"])) == [
        ("S1", "O1", "joins"),
        ("S2", "O1", "first shown as a member"),
        ("S1", "O2", "first shown as a member"),
        ("S2", "O2", "joins as an observer"),
        ("S2", "O1", "leaves"),
    ]
    last = changes.iloc[-1]
    assert (last["date"], last["change"], last["member_id"], last["org_id"]) == (
        pd.Timestamp("1995-01-01"),
        "leaves",
        "S2",
        "O1",
    )


def test_projected_weights_table(memberships_pkg):
    table = membership_network.projected_weights(memberships_pkg, ["1993-06-30", "1994-12-31"])
    assert table.loc["S1–S2"].tolist() == [1, 1]  # S2 only observes O2


def test_membership_layout_is_two_fixed_columns(memberships_pkg):
    pos = network_layouts.membership_layout(memberships_pkg)
    assert set(pos) == {"S1", "S2", "O1", "O2"}  # S3 is never drawn
    assert {pos[n][0] for n in ("S1", "S2")} == {0.0} and {pos[n][0] for n in ("O1", "O2")} == {1.0}
    assert pos == network_layouts.membership_layout(memberships_pkg)


# ------------------------------------------------------------------------------ hand-made: presence
@pytest.fixture
def presence_pkg():
    d = [
        dict(
            deployment_id="f-h-2000",
            host_id="H",
            force_id="F",
            personnel=100,
            personnel_qualifier="exact",
            status="present",
            as_of="2000",
            locator="p1",
        ),
        dict(
            deployment_id="f-h-2001-10",
            facility_id="base",
            host_id="H",
            force_id="F",
            status="present",
            as_of="2001-10",
            locator="p2",
        ),
        dict(
            deployment_id="f-h-2001-10-plan",
            facility_id="base",
            host_id="H",
            force_id="F",
            personnel=500,
            personnel_qualifier="expected",
            status="planned",
            as_of="2001-10",
            locator="p3",
        ),
        dict(
            deployment_id="g-h-cap",
            host_id="H",
            force_id="G",
            personnel=3000,
            personnel_qualifier="up_to",
            status="capacity",
            as_of="2001-11",
            locator="p4",
        ),
        dict(
            deployment_id="f-k-2001",
            host_id="K",
            force_id="F",
            personnel=50,
            personnel_qualifier="about",
            status="present",
            as_of="2001",
            locator="p5",
        ),
    ]
    return make_pkg(
        actors=[actor(x) for x in ("F", "G", "H", "K")] + [actor("base", "facility", "H")],
        deployments=d,
    )


def test_presence_before_counts_only_spans_that_have_passed(presence_pkg):
    G = presence_network.build_presence_graph(presence_pkg, "2001-09-10")
    assert list(G.edges) == [("F", "H")]  # "2001" (F→K) has not passed by 10 September
    e = G.edges["F", "H"]
    assert (e["weight"], e["personnel_as_of"], e["status"], e["facility"]) == (
        100,
        "2000",
        "present",
        "",
    )


def test_presence_after_takes_the_latest_record_and_the_latest_number(presence_pkg):
    G = presence_network.build_presence_graph(presence_pkg, "2001-12-31")
    assert sorted(G.edges) == [("F", "H"), ("F", "K")]  # the capacity record makes no edge
    assert "G" not in G
    e = G.edges["F", "H"]
    assert (
        e["status"] == "present" and e["deployment_id"] == "f-h-2001-10"
    )  # firmer status wins a tie
    assert (e["personnel"], e["personnel_qualifier"], e["personnel_status"]) == (
        500,
        "expected",
        "planned",
    )
    assert e["facility"] == "base" and e["records"] == 3
    assert G.edges["F", "K"]["weight"] == 50
    assert G.nodes["F"]["role"] == "force" and G.nodes["H"]["role"] == "host"


def test_presence_without_any_number_has_no_weight():
    pkg = make_pkg(
        actors=[actor("F"), actor("H")],
        deployments=[
            dict(deployment_id="x", host_id="H", force_id="F", status="agreed", as_of="2001-12-04")
        ],
    )
    e = presence_network.build_presence_graph(pkg, "2002").edges["F", "H"]
    assert "weight" not in e and "personnel" not in e and e["status"] == "agreed"


# ------------------------------------------------------------------------------ hand-made: contacts
@pytest.fixture
def contact_pkg():
    actors = [actor(x) for x in ("A", "B", "C", "D", "E")] + [
        actor("a1", "person", "A"),
        actor("b1", "person", "B"),
    ]
    events = [
        dict(event_id="e1", date="2001-09-12", event_type="visit"),
        dict(event_id="e2", date="2001-09-13", event_type="phone_call"),
        dict(event_id="e3", date="2001-09-14", event_type="agreement"),
        dict(event_id="e4", date="2001-09-15", date_end="2001-09-18", event_type="visit"),
        dict(event_id="e5", date="2001-09-16", event_type="statement"),  # not a contact type
        dict(event_id="e6", date="2001-11-02", event_type="visit"),  # after the window
        dict(event_id="e7", date="2001-09", event_type="meeting"),  # may fall before 11 September
        dict(event_id="e8", date="2001-10-01", event_type="meeting"),
        dict(event_id="e9", date="2001-10-02", event_type="condolence"),  # co-initiators only
    ]
    ea = [
        ("e1", "a1", "initiator"),
        ("e1", "A", "initiator"),
        ("e1", "B", "host"),
        ("e2", "A", "initiator"),
        ("e2", "C", "target"),
        ("e3", "B", "participant"),
        ("e3", "C", "participant"),
        ("e4", "A", "initiator"),
        ("e4", "b1", "target"),
        ("e4", "D", "subject"),
        ("e5", "A", "initiator"),
        ("e5", "D", "target"),
        ("e6", "A", "initiator"),
        ("e6", "E", "host"),
        ("e7", "A", "participant"),
        ("e7", "E", "participant"),
        ("e8", "C", "participant"),
        ("e8", "E", "participant"),
        ("e9", "D", "initiator"),
        ("e9", "E", "initiator"),
    ]
    return make_pkg(
        actors=actors,
        events=events,
        event_actors=[dict(event_id=e, actor_id=a, role=r) for e, a, r in ea],
    )


def test_contact_graph_edges_weights_and_types(contact_pkg):
    G = contact_network.build_contact_graph(contact_pkg, "2001-09-11", "2001-10-30")
    assert {tuple(sorted(e)): d["weight"] for *e, d in G.edges(data=True)} == {
        ("A", "B"): 2,
        ("A", "C"): 1,
        ("B", "C"): 1,
        ("C", "E"): 1,
    }
    assert G.edges["A", "B"]["types"] == "visit:2" and G.edges["A", "B"]["n_visit"] == 2
    assert G.edges["A", "B"]["events"] == "e1;e4"
    assert G.edges["B", "C"]["families"] == "meetings and agreements"
    assert "D" not in G  # only a subject, a statement's target or a co-initiator


def test_contact_centrality_known_values(contact_pkg):
    table = contact_network.centrality_table(
        contact_network.build_contact_graph(contact_pkg, "2001-09-11", "2001-10-30")
    ).set_index("actor")
    assert table.loc["C", "rank"] == 1
    assert table.loc["C", "betweenness"] == pytest.approx(
        2 / 3, abs=1e-4
    )  # on the A–E and B–E paths
    assert table.loc[["A", "B", "E"], "betweenness"].tolist() == [0.0, 0.0, 0.0]
    assert table["degree_centrality"].to_dict() == pytest.approx(
        {"A": 2 / 3, "B": 2 / 3, "C": 1.0, "E": 1 / 3}, abs=1e-4
    )
    assert table["events"].to_dict() == {"C": 3, "A": 3, "B": 3, "E": 1}


def test_contact_window_within_or_overlap(contact_pkg):
    within = contact_network.events_in_window(contact_pkg, "2001-09-11", "2001-10-30")
    overlap = contact_network.events_in_window(
        contact_pkg, "2001-09-11", "2001-10-30", how="overlap"
    )
    assert set(overlap["event_id"]) - set(within["event_id"]) == {"e7"}


def test_contact_graph_at_actor_level_keeps_people(contact_pkg):
    G = contact_network.build_contact_graph(contact_pkg, "2001-09-11", "2001-10-30", level="actor")
    assert G.has_edge("a1", "B") and G.has_edge("A", "b1") and not G.has_edge("A", "a1")


@pytest.mark.parametrize(
    "parties, pairs",
    [
        ([("X", "initiator"), ("Y", "initiator"), ("Z", "target")], {("X", "Z"), ("Y", "Z")}),
        ([("X", "initiator"), ("Y", "host"), ("Z", "host")], {("X", "Y"), ("X", "Z")}),
        ([("X", "participant"), ("Y", "participant"), ("Z", "subject")], {("X", "Y")}),
        ([("X", "initiator"), ("X", "host")], set()),
    ],
)
def test_contact_pairing_rule(parties, pairs):
    frame = pd.DataFrame(parties, columns=["node", "role"])
    assert contact_network.contact_pairs(frame) == pairs


# ----------------------------------------------------------------------------- hand-made: alignment
@pytest.fixture
def alignment_pkg():
    return make_pkg(
        actors=[actor(x) for x in ("X", "RUS", "USA", "CHN")],
        periods=[
            dict(
                period_id="x-1",
                country_id="X",
                start="1991",
                policy_type="bandwagon",
                label_en="one",
            ),
            dict(
                period_id="x-2",
                country_id="X",
                start="2001",
                policy_type="pragmatic",
                label_en="two",
            ),
        ],
        period_relations=[
            dict(period_id="x-1", partner_id="RUS", relation="drawn_to"),
            dict(period_id="x-1", partner_id="USA", relation="conflict"),
        ],
    )


def test_alignment_graph_is_exactly_the_stated_relations(alignment_pkg):
    G = alignment_network.build_alignment_graph(alignment_pkg, "x-1")
    assert sorted(G.edges(data="relation")) == [("X", "RUS", "drawn_to"), ("X", "USA", "conflict")]
    assert "CHN" not in G and G.graph["policy_type"] == "bandwagon"
    assert (
        network_layouts.alignment_layout(G)["X"] == network_layouts.ALIGNMENT_POSITIONS["subject"]
    )


def test_alignment_period_without_relations_is_an_isolate_with_a_reason(alignment_pkg):
    G = alignment_network.build_alignment_graph(alignment_pkg, "x-2")
    assert list(G) == ["X"] and G.nodes["X"]["isolated_reason"]


def test_alignment_table(alignment_pkg):
    t = alignment_network.alignment_table(alignment_pkg).set_index("period")
    assert t.loc["x-1", ["RUS", "USA", "CHN"]].tolist() == ["drawn_to", "conflict", ""]
    assert t.loc["x-2", ["RUS", "USA", "CHN"]].tolist() == ["", "", ""]


def test_alignment_rows_follow_the_period_numbers_the_figure_titles_carry(alignment_pkg):
    # a third characterisation that starts before the others (as Uzbekistan's pragmatism "since
    # independence" does): the figure's panel 3 and the table's third row, not the first
    pkg = make_pkg(
        actors=[actor(x) for x in ("X", "Y", "RUS", "USA", "CHN")],
        periods=[
            *(alignment_pkg.periods.to_dict("records")),
            dict(
                period_id="x-3", country_id="X", start="1990", policy_type="pragmatic", label_en="3"
            ),
            dict(
                period_id="y-1", country_id="Y", start="1980", policy_type="pragmatic", label_en="y"
            ),
        ],
        period_relations=alignment_pkg.period_relations.to_dict("records"),
    )
    t = alignment_network.alignment_table(pkg)
    assert t[["period", "number"]].values.tolist() == [
        ["x-1", 1],
        ["x-2", 2],
        ["x-3", 3],
        ["y-1", 1],
    ]


# ------------------------------------------------------------------------------ exports (hand-made)
def test_exports_are_sorted_deterministic_and_undated(contact_pkg):
    G = contact_network.build_contact_graph(contact_pkg, "2001-09-11", "2001-10-30")
    pos = network_layouts.contact_layout(G)
    assert nx_exports.graphml_bytes(G, pos) == nx_exports.graphml_bytes(G, pos)
    gexf = nx_exports.gexf_bytes(G, pos)
    assert re.findall(rb'lastmodifieddate="([^"]*)"', gexf) == [output_iso_date().encode()]
    back = nx.read_graphml(io.BytesIO(nx_exports.graphml_bytes(G, pos)))
    assert (
        list(back) == sorted(G)
        and back.edges["A", "B"]["weight"] == 2
        and back.nodes["A"]["x"] == pos["A"][0] * 100
    )
    g2 = nx.read_gexf(io.BytesIO(gexf))
    assert (
        sorted(g2.edges) == sorted(tuple(sorted(e)) for e in G.edges)
        and g2.nodes["A"]["label"] == "Name A"
    )


def test_export_drops_missing_values_instead_of_writing_nan(presence_pkg):
    pkg = make_pkg(
        actors=[actor("F"), actor("H")],
        deployments=[
            dict(deployment_id="x", host_id="H", force_id="F", status="agreed", as_of="2001")
        ],
    )
    G = presence_network.build_presence_graph(pkg, "2002")
    text = nx_exports.graphml_bytes(G).decode()
    assert "nan" not in text.lower().replace("name", "") and "<NA>" not in text


def test_figures_refuse_empty_networks(contact_pkg):
    from ca911.figures import contact_networks, presence_networks

    empty = contact_network.build_contact_graph(contact_pkg, "1990-01-01", "1990-12-31")
    assert empty.number_of_edges() == 0
    with pytest.raises(ValueError, match=r"^no contacts between two actors in the data: "):
        contact_networks.contact_network(empty)
    with pytest.raises(ValueError, match=r"^no deployments of troops in the data: "):
        presence_networks.presence_panels(contact_pkg)


# ---------------------------------------------------------------------------------------- real data
@pytest.fixture(scope="module")
def pkg():
    return load()


def _guaranteed(row, d) -> bool:
    """The rule restated from the raw strings: a dated start (joined or by) whose last day ≤ d <
    end's first day."""
    if row["start_basis"] not in ("joined", "by"):
        return False
    start_last = dates.bounds(row["start"])[1]
    end_first = dates.bounds(row["end"])[0] if row["end"] else None
    return start_last <= d and (end_first is None or d < end_first)


@pytest.mark.parametrize("label", membership_network.SNAPSHOTS)
def test_every_membership_row_active_at_a_snapshot_is_an_edge(pkg, label):
    d = dates.last_day(label)
    G = membership_network.build_membership_graph(pkg, label)
    active = [r for r in pkg.memberships.to_dict("records") if _guaranteed(r, d)]
    assert active, f"no membership at {label}"
    for r in active:
        assert G.has_edge(r["member_id"], r["org_id"]), r
    assert G.number_of_edges() == len({(r["member_id"], r["org_id"]) for r in active})
    assert sum(e["rows"] for *_, e in G.edges(data=True)) == len(active)
    assert not list(nx.isolates(G))


def test_every_drawable_membership_shows_in_some_snapshot(pkg):
    shown = set()
    for label in membership_network.SNAPSHOTS:
        shown |= {
            tuple(sorted(e)) for e in membership_network.build_membership_graph(pkg, label).edges
        }
    m = membership_network.membership_intervals(pkg)
    drawable = {
        tuple(sorted(p))
        for p in zip(m.loc[m["showable"], "member_id"], m.loc[m["showable"], "org_id"])
    }
    assert drawable <= shown
    assert (
        dates.last_day(membership_network.SNAPSHOTS[-1])
        >= membership_network.membership_changes(pkg)["date"].max()
    )


def test_rows_never_drawn_are_exactly_those_without_a_guaranteed_day(pkg):
    unshown = membership_network.unshowable_memberships(pkg)
    expected = [
        r
        for r in pkg.memberships.to_dict("records")
        if (r["end"] and dates.bounds(r["start"])[1] >= dates.bounds(r["end"])[0])
        or r["start_basis"] not in ("joined", "by")
    ]
    assert len(unshown) == len(expected)
    assert {"not_before", "undated"} <= set(
        unshown["start_basis"].astype(str)
    )  # the coalition rows
    # one body's rows stand together, by date: states joining it are not scattered by their codes
    keys = list(zip(unshown["org_id"], unshown["start"].astype(str)))
    assert keys == sorted(keys)


@pytest.mark.parametrize("label", membership_network.SNAPSHOTS)
def test_projected_isolates_have_a_reason(pkg, label):
    P = membership_network.project_members(membership_network.build_membership_graph(pkg, label))
    for n in P:
        assert bool(P.nodes[n]["isolated_reason"]) == (P.degree(n) == 0)


def test_presence_graphs_use_real_records_and_no_capacity(pkg):
    snaps = presence_network.presence_snapshots(pkg)
    assert snaps["latest"] == pkg.deployments["as_of_hi"].max()
    ids = set(pkg.deployments["deployment_id"])
    capacity = set(pkg.deployments.loc[pkg.deployments["status"] == "capacity", "deployment_id"])
    for date in snaps.values():
        G = presence_network.build_presence_graph(pkg, date)
        assert G.number_of_edges() and not list(nx.isolates(G))
        for *_, e in G.edges(data=True):
            assert e["deployment_id"] in ids - capacity
            assert e.get("personnel_deployment_id", e["deployment_id"]) in ids - capacity
    before = presence_network.build_presence_graph(pkg, snaps["before-9-11"])
    rows = pkg.deployments.set_index("deployment_id")
    assert all(
        rows.loc[e["deployment_id"], "as_of_hi"] < presence_network.NINE_ELEVEN
        for *_, e in before.edges(data=True)
    )


def test_contact_graph_on_the_data(pkg):
    G = contact_network.build_contact_graph(pkg)
    events = contact_network.events_in_window(pkg, *AUTUMN_2001).set_index("event_id")
    assert G.number_of_edges() and not list(nx.isolates(G))
    for *_, e in G.edges(data=True):
        ids = e["events"].split(";")
        assert e["weight"] == len(ids) and set(ids) <= set(events.index)
        assert all(str(events.loc[i, "event_type"]) in contact_network.CONTACT_TYPES for i in ids)
    table = contact_network.centrality_table(G)
    assert list(table["rank"]) == list(range(1, len(table) + 1)) and set(table["actor"]) == set(G)


def test_alignment_graphs_are_the_period_relations_and_nothing_else(pkg):
    rel = pkg.period_relations
    for period_id in pkg.periods["period_id"]:
        G = alignment_network.build_alignment_graph(pkg, period_id)
        expected = rel[rel["period_id"] == period_id]
        assert sorted(G.edges(data="relation")) == sorted(
            (G.graph["country"], p, str(r))
            for p, r in zip(expected["partner_id"], expected["relation"])
        )
        for n in nx.isolates(G):
            assert G.nodes[n]["isolated_reason"]


def test_network_exports_are_registered_complete_and_deterministic(pkg):
    assert generators()["networks"] is nx_exports.network_exports
    first, second = nx_exports.network_exports(pkg), nx_exports.network_exports(load())
    assert first == second
    names = set(nx_exports.all_networks(pkg))
    assert {k for k in first if k != "networks/ca911-networks.zip"} == {
        f"networks/{n}.{ext}" for n in names for ext in ("graphml", "gexf")
    }
    for rel, content in first.items():
        if rel.endswith(".gexf"):
            assert f'lastmodifieddate="{output_iso_date()}"'.encode() in content
            nx.read_gexf(io.BytesIO(content))
        elif rel.endswith(".graphml"):
            nx.read_graphml(io.BytesIO(content))
    with zipfile.ZipFile(io.BytesIO(first["networks/ca911-networks.zip"])) as zf:
        assert len(zf.namelist()) == len(first) - 1


def test_notebook_download_links_point_at_exported_files(pkg):
    exported = set(nx_exports.network_exports(pkg))
    links = []
    for path in sorted((ROOT / "notebooks").glob("network_*.md")):
        links += re.findall(
            r"\{download\}`[^`<]*<\.\./_generated/(networks/[^>]+)>`",
            path.read_text(encoding="utf-8"),
        )
    assert links, "the network notebooks link their downloads"
    assert set(links) <= exported


@pytest.mark.parametrize(
    "module, draw",
    [
        ("membership_networks", "membership_snapshots"),
        ("membership_networks", "projected_snapshots"),
        ("presence_networks", "presence_panels"),
        ("alignment", "alignment_panels"),
        ("contact_networks", "contact_network"),
    ],
)
def test_figures_fit_the_a4_text_width(pkg, module, draw, tmp_path):
    import importlib

    import matplotlib
    from PIL import Image

    from ca911.figures.style import A4_TEXT_WIDTH_IN, save

    arg = contact_network.build_contact_graph(pkg) if draw == "contact_network" else pkg
    fig = getattr(importlib.import_module(f"ca911.figures.{module}"), draw)(arg)
    path = save(fig, tmp_path / f"{draw}.png")
    width_px, _ = Image.open(path).size
    assert width_px / matplotlib.rcParams["savefig.dpi"] <= A4_TEXT_WIDTH_IN + 0.01


def test_download_tables_offer_every_exported_network(pkg, monkeypatch):
    files = {
        p.removeprefix("networks/")
        for p in nx_exports.network_exports(pkg)
        if not p.endswith(".zip")
    }
    notebooks = " ".join(
        p.read_text(encoding="utf-8")
        for p in sorted((DATA_DIR.parent / "notebooks").glob("network_*.md"))
    )
    prefixes = set(re.findall(r'download_table\(\s*pkg,\s*"([\w-]+)"', notebooks))
    offered = {
        f
        for prefix in prefixes
        for f in re.findall(
            r"`([\w.-]+) <", analysis_tables.network_download_table(pkg, prefix, {}, "c", "n")
        )
    }
    assert offered == files
    # a network added to all_networks is offered without editing a notebook
    extra = dict(nx_exports.all_networks(pkg))
    extra["presence-new"] = extra["presence-latest"]
    monkeypatch.setattr(analysis_tables, "all_networks", lambda _pkg: extra)
    assert "presence-new.gexf" in analysis_tables.network_download_table(
        pkg, "presence-", {}, "c", "n"
    )


def test_an_actor_counts_each_contact_event_once_however_many_it_met_there(pkg):
    """A call to five leaders is one contact event for the caller, not five (the table said Russia
    took part in 16 of a window's 15 contact events)."""
    G = nx.Graph()
    G.add_edge("RUS", "KAZ", events="call;visit", weight=2)
    G.add_edge("RUS", "UZB", events="call", weight=1)
    G.add_edge("RUS", "TJK", events="call", weight=1)
    table = contact_network.centrality_table(G).set_index("actor")
    assert table.loc["RUS", "events"] == 2 and table.loc["KAZ", "events"] == 2
    window = contact_network.events_in_window(pkg, *AUTUMN_2001)
    on_data = contact_network.centrality_table(contact_network.build_contact_graph(pkg))
    assert on_data["events"].max() <= len(window)
