"""Notebooks fail loudly on data they cannot draw: a valid package with no events at all.

events.csv keeps only its header; every table that must point at an event is emptied too
(event_actors, event_links, stances, the sentence map) and optional event references are blanked
(deployments.event_id, iraq_war_responses.event_ids, facts.related_event_ids,
discrepancies.record_ids), so the package is still valid and the loader accepts it. The chronology
helpers the notebooks call must then stop with "no <what> in the data: …", not draw an empty figure
or fail with a KeyError deep inside pandas.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ca911.analysis import chronology
from ca911.data.package import load
from ca911.data.validation import validate_package
from support.project import read_rows, write_rows

EMPTIED = [
    "events",
    "event_actors",
    "event_links",
    "stances",
    "sentences",
]  # the sentence map cites events
BLANKED = {
    "deployments": "event_id",
    "iraq_war_responses": "event_ids",
    "facts": "related_event_ids",
    "discrepancies": "record_ids",
}
CLEAR_MESSAGE = r"^no .+ in the data: "


@pytest.fixture
def no_events(data_copy: Path) -> Path:
    for name in EMPTIED:
        header, _ = read_rows(data_copy / f"{name}.csv")
        write_rows(data_copy / f"{name}.csv", header, [])
    for name, column in BLANKED.items():
        header, rows = read_rows(data_copy / f"{name}.csv")
        write_rows(data_copy / f"{name}.csv", header, [{**r, column: ""} for r in rows])
    problems = validate_package(data_copy)
    assert problems == [], "the event-free package should be valid:\n" + "\n".join(
        map(str, problems)
    )
    return data_copy


@pytest.fixture
def pkg(no_events):
    return load(no_events)


def test_the_loader_accepts_a_package_without_events(pkg):
    assert len(pkg.events) == 0 and len(pkg.event_actors) == 0 and len(pkg.stances) == 0
    assert {"date_lo", "date_hi", "date_end_lo", "date_end_hi"} <= set(pkg.events.columns)
    assert len(pkg.actors) > 0  # everything else is still there


def test_require_rows_names_what_is_missing():
    import pandas as pd

    with pytest.raises(ValueError, match=r"^no widgets in the data: "):
        chronology.require_rows(pd.DataFrame({"a": []}), "widgets")
    frame = pd.DataFrame({"a": [1]})
    assert chronology.require_rows(frame, "widgets") is frame


def test_chronology_table_fails_loudly(pkg):
    with pytest.raises(ValueError, match=CLEAR_MESSAGE):
        chronology.chronology_table(pkg, *chronology.AUTUMN_2001)
    with pytest.raises(ValueError, match=CLEAR_MESSAGE):
        chronology.chronology_table(pkg)


def test_autumn_2001_window_fails_loudly(pkg):
    """chronology_autumn_2001: the window of events, as the notebook selects it."""
    start, end = chronology.AUTUMN_2001
    with pytest.raises(ValueError, match=CLEAR_MESSAGE + ".*") as err:
        chronology.require_rows(
            chronology.events_between(pkg, start, end),
            "events between 11 September and 30 October 2001",
        )
    assert "events between 11 September and 30 October 2001" in str(err.value)


def test_event_lanes_fail_loudly(pkg):
    """chronology_1992_2004: lanes per state, then the events from 1991 on."""
    with pytest.raises(ValueError, match=CLEAR_MESSAGE):
        lanes = chronology.event_lanes(
            pkg
        )  # may itself refuse; if it returns, it is an empty frame
        chronology.require_rows(lanes[lanes["date_lo"] >= "1991-01-01"], "events from 1991 on")


def test_stance_heatmap_data_fails_loudly(pkg):
    """chronology_autumn_2001 draws the stance heatmap straight from stance_matrix: with no stance
    row it would show every state as 'not stated' on every day, a figure that claims the chapters
    say nothing. It must refuse instead."""
    with pytest.raises(ValueError, match=CLEAR_MESSAGE):
        chronology.stance_matrix(pkg, ["RUS", *chronology.CENTRAL_ASIA])


def test_notebook_helpers_that_do_not_need_events_still_work(pkg):
    assert len(chronology.deployment_timeline(pkg)) == len(pkg.deployments)
    assert len(chronology.membership_spans(pkg)) > 0
    assert chronology.table1(pkg, "en").shape == (
        len(pkg.iraq_war_responses["dimension"].cat.categories),
        2,
    )
