"""Self-tests of the numbered-arrow check: a number set where two arrows cross is found, one on its
own arrow away from the others passes."""

from __future__ import annotations

from matplotlib.patches import FancyArrowPatch

from ca911.figures.style import figure
from support.numbered_marks import (
    boxed_labels_on_heads_or_labels,
    crowded_numbers,
    numbers_on_other_arrows,
)


def _two_crossing_arrows(number_at):
    fig, ax = figure(2.0, 2.0, layout=None)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    for a, b in (((0.1, 0.1), (0.9, 0.9)), ((0.1, 0.9), (0.9, 0.1))):
        ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=8))
    ax.text(*number_at, "1", ha="center", va="center", bbox={"boxstyle": "circle,pad=0.15"})
    return fig


def test_a_number_where_two_arrows_cross_is_found():
    assert numbers_on_other_arrows(_two_crossing_arrows((0.5, 0.5))) == [
        "number '1' touches an arrow not its own"
    ]


def test_a_number_on_its_own_arrow_clear_of_the_other_passes():
    assert numbers_on_other_arrows(_two_crossing_arrows((0.2, 0.2))) == []


def test_a_boxed_label_that_is_not_a_circle_is_not_a_number():
    fig, ax = figure(2.0, 2.0, layout=None)
    ax.add_patch(FancyArrowPatch((0.1, 0.1), (0.9, 0.9)))
    ax.add_patch(FancyArrowPatch((0.1, 0.9), (0.9, 0.1)))
    ax.text(0.5, 0.5, "label", bbox={"boxstyle": "round"})
    assert numbers_on_other_arrows(fig) == []


def _two_numbers(apart):
    fig, ax = figure(2.0, 2.0, layout=None)
    ax.set_xlim(0, 144)  # one data unit a point (2 in = 144 pt)
    ax.set_ylim(0, 144)
    ax.set_position([0, 0, 1, 1])
    for i, x in enumerate((60, 60 + apart), start=1):
        ax.text(
            x,
            72,
            str(i),
            ha="center",
            va="center",
            fontsize=8.5,
            bbox={"boxstyle": "circle,pad=0.15"},
        )
    return fig


def test_two_numbers_that_nearly_touch_are_found_and_apart_they_pass():
    # each circle is about 11 pt across: 14 pt apart leaves about 3 pt between them
    assert crowded_numbers(_two_numbers(14)) == ["numbers '1' and '2' closer than 4.0 pt"]
    assert crowded_numbers(_two_numbers(20)) == []


def test_a_number_beside_a_thick_arrow_touches_its_edge():
    def number_beside(width):
        fig, ax = figure(2.0, 2.0, layout=None)
        ax.set_xlim(0, 144)
        ax.set_ylim(0, 144)
        ax.set_position([0, 0, 1, 1])
        ax.add_patch(FancyArrowPatch((20, 20), (20, 120), arrowstyle="-|>", lw=0.8))
        ax.add_patch(FancyArrowPatch((34, 20), (34, 120), arrowstyle="-|>", lw=width))
        ax.text(
            20,
            70,
            "1",
            ha="center",
            va="center",
            fontsize=8.5,
            bbox={"boxstyle": "circle,pad=0.15"},
        )
        return fig

    # on its own arrow; the other's centre line 14 pt away, 8.5 pt past the circle: 0.5 pt from
    # the edge of a 16 pt line
    assert numbers_on_other_arrows(number_beside(1.0)) == []
    assert numbers_on_other_arrows(number_beside(16.0)) == [
        "number '1' touches an arrow not its own"
    ]


def _labelled_arrow(label_at, second_at=None, name_at=None):
    fig, ax = figure(2.0, 2.0, layout=None)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.add_patch(FancyArrowPatch((0.1, 0.5), (0.9, 0.5), arrowstyle="-|>", mutation_scale=9))
    boxed = {"boxstyle": "round,pad=0.12", "fc": "white"}
    ax.text(*label_at, "drawn to", ha="center", va="center", fontsize=8.5, bbox=boxed)
    if second_at:
        ax.text(*second_at, "cooperation", ha="center", va="center", fontsize=8.5, bbox=boxed)
    if name_at:
        ax.text(*name_at, "Russia", ha="center", va="center", fontsize=8.5)
    return fig


def test_an_edge_label_over_its_arrowhead_is_found():
    assert boxed_labels_on_heads_or_labels(_labelled_arrow((0.85, 0.5))) == [
        "label 'drawn to' covers an arrowhead"
    ]


def test_two_edge_labels_that_touch_are_found_and_a_label_over_a_name():
    fig = _labelled_arrow((0.4, 0.5), second_at=(0.4, 0.58), name_at=(0.4, 0.42))
    assert boxed_labels_on_heads_or_labels(fig) == [
        "labels 'drawn to' and 'cooperation' touch",
        "label 'drawn to' covers 'Russia'",
    ]


def test_an_edge_label_mid_arrow_clear_of_the_rest_passes():
    assert boxed_labels_on_heads_or_labels(_labelled_arrow((0.45, 0.5), name_at=(0.45, 0.2))) == []
