"""Self-tests of the numbered-arrow check: a number set where two arrows cross is found, one on its
own arrow away from the others passes."""

from __future__ import annotations

from matplotlib.patches import FancyArrowPatch

from ca911.figures.style import figure
from support.numbered_marks import numbers_on_other_arrows


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
