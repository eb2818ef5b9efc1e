"""Every legend entry of every figure the book draws is drawn in its figure, no legend shows a data
id, no text is cut by its panel or runs across its frame, no label covers a marker or node not its
own, no line strikes through a label, no leader lines cross, and no place's or actor's marker hides
under another. The figures are built from the notebooks' own code cells (and the actor pages'
timeline helper), so the check sees the matplotlib Figure itself; the self-tests of the checker are
in tests/support/test_figure_checks.py."""

from __future__ import annotations

import pytest

from support import figure_checks
from support.notebook_figures import notebook_figures

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def figures():
    found = notebook_figures()
    assert len(found) >= 15, sorted(
        found
    )  # every notebook figure, not a run that quietly found none
    return found


def test_every_legend_entry_is_drawn(figures):
    problems = {name: figure_checks.legend_problems(fig) for name, fig in figures.items()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_actor_timeline_legends_list_only_what_is_drawn():
    from ca911.book import actor_records
    from ca911.data import package as data
    from ca911.figures import actor_timeline

    pkg = data.load()
    records = actor_records.actor_records(pkg)
    problems = {}
    for actor_id in actor_records.actors_with_pages(pkg, records):
        mine = records[records["actor_id"] == actor_id]
        if (mine["resource"] == "events").any():
            problems[actor_id] = figure_checks.legend_problems(
                actor_timeline.timeline_figure(pkg, actor_id, mine)
            )
    assert len(problems) >= 10
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_label_crowds_a_legend(figures):
    problems = {name: figure_checks.text_near_legends(fig) for name, fig in figures.items()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_legend_reaches_into_a_panel_beside_it(figures):
    problems = {
        name: figure_checks.legends_over_panels(fig)
        + figure_checks.legends_over_panels(fig.ca911_narrow())
        for name, fig in figures.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_text_is_cut_by_its_panel(figures):
    problems = {name: figure_checks.clipped_text(fig) for name, fig in figures.items()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_label_covers_another_marker_node_or_boxed_label(figures):
    problems = {name: figure_checks.text_over_ink(fig) for name, fig in figures.items()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_label_runs_across_its_panel_frame(figures):
    problems = {name: figure_checks.text_across_frame(fig) for name, fig in figures.items()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_line_strikes_through_a_label_and_no_leader_lines_cross(figures):
    problems = {name: figure_checks.lines_through_labels(fig) for name, fig in figures.items()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_every_bar_drawn_is_long_enough_to_see(figures):
    """A membership of a month is a bar too, not a hairline that leaves its row looking empty
    (in both layouts: a phone's narrower axes shorten every bar)."""
    problems = {
        name: figure_checks.thin_bars(fig) + figure_checks.thin_bars(fig.ca911_narrow())
        for name, fig in figures.items()
        if hasattr(fig, "ca911_narrow")
    }
    problems |= {
        name: figure_checks.thin_bars(fig)
        for name, fig in figures.items()
        if not hasattr(fig, "ca911_narrow")
    }
    assert {k: v for k, v in problems.items() if v} == {}


def in_both_layouts(check, fig) -> list:
    """What `check` finds in the figure and, where it has one, in its narrow layout."""
    narrow = check(fig.ca911_narrow()) if hasattr(fig, "ca911_narrow") else []
    return check(fig) + narrow


def test_no_label_of_a_day_or_place_floats_away_from_it(figures):
    """A label set off its point (a key day's name above the plot) has a leader line to it."""
    problems = {
        name: in_both_layouts(figure_checks.floating_annotations, fig)
        for name, fig in figures.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}


# Figures whose markers stand for places or actors: one hidden under another loses a force or a
# node. (In the chronologies, events of one day in one lane coincide by their dates; their density
# is another matter.)
PLACE_AND_NODE_FIGURES = ("map_military_presence", "network_")


def test_no_marker_of_a_place_or_actor_is_hidden_under_another(figures):
    chosen = {name: fig for name, fig in figures.items() if name.startswith(PLACE_AND_NODE_FIGURES)}
    assert len(chosen) >= 5, sorted(chosen)
    problems = {name: figure_checks.hidden_markers(fig) for name, fig in chosen.items()}
    assert {k: v for k, v in problems.items() if v} == {}


# Year axes drawn before this check, still without a label: the swimlanes set the bands' names
# under the years, and the deployment chart's two broken axes are headed 'before'/'after'.
YEAR_AXES_NOT_YET_LABELLED = (
    "chronology_1992_2004: fig-long-swimlanes",
    "military_presence_aid: fig-presence-timeline",
)


def test_every_year_axis_says_it_counts_years(figures):
    """Fig 7.2 had years under its bars and no axis label (Year / 年); both layouts."""
    problems = {
        name: in_both_layouts(figure_checks.unlabelled_year_axes, fig)
        for name, fig in figures.items()
        if name not in YEAR_AXES_NOT_YET_LABELLED
    }
    assert "chronology_1992_2004: fig-long-memberships" in problems
    assert {k: v for k, v in problems.items() if v} == {}
