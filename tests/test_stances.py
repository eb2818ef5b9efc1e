"""Stances carry the care of their evidence: a day read from context is flagged and shown as
such."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd

from ca911.analysis import chronology
from ca911.data.package import load
from ca911.figures import coded_tables

STATES = ["RUS", "KAZ", "KGZ", "TJK", "TKM", "UZB", "GEO"]


def legend_texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()]


def test_heatmap_marks_exactly_the_days_read_from_context():
    pkg = load()
    codes, evidenced, undated = chronology.stance_matrix(pkg, STATES)
    approximate = evidenced.attrs["approximate"]
    st = pkg.stances[(pkg.stances["date"].str.len() == 10) & pkg.stances["actor_id"].isin(STATES)]
    expected = {
        (a, pd.Timestamp(d)) for a, d, x in zip(st["actor_id"], st["date"], st["approximate"]) if x
    }
    marked = {
        (s, day)
        for s in approximate.index
        for day in approximate.columns
        if approximate.loc[s, day]
    }
    assert marked == expected and expected  # the data have such days (Russia on 7 October)
    assert set(undated["date"]) == set(pkg.stances.loc[pkg.stances["date"].str.len() < 10, "date"])
    labels = list(pkg.labels("stances", "stance"))
    names = pkg.actors.set_index("actor_id")["name_en"].to_dict()
    assert "about this day (read from context)" in legend_texts(
        coded_tables.stance_heatmap(codes, evidenced, labels, names)
    )
    # the same figure with every day printed has no such key: the key follows the data, it is not
    # fixed text
    evidenced.attrs["approximate"] = approximate & False
    assert "about this day (read from context)" not in legend_texts(
        coded_tables.stance_heatmap(codes, evidenced, labels, names)
    )
