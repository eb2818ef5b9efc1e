"""Self-tests of the colour-alone check on a small heatmap keyed by colour, with and without its
codes written in the cells."""

from __future__ import annotations

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.patches import Patch

from ca911.figures.style import figure
from support.figure_coding import colour_only_codes

COLOURS = ["#fde725", "#1fa187", "#365c8d"]


def _heatmap(write_codes: bool, hatch_key: bool = False):
    codes = np.array([[0, 0, 1, 1], [2, 2, 2, 1]])
    fig, ax = figure(2.0, 3.0)
    ax.imshow(np.array([[to_rgba(COLOURS[c]) for c in row] for row in codes]))
    if write_codes:
        for (row, col), code in np.ndenumerate(codes):
            ax.text(col, row, str(code))
    hatches = ["//", "..", "xx"] if hatch_key else [None] * 3
    ax.legend(
        handles=[
            Patch(facecolor=c, hatch=h, label=f"{i} position {i}")
            for i, (c, h) in enumerate(zip(COLOURS, hatches))
        ]
    )
    return fig


def test_a_heatmap_keyed_by_colour_alone_is_found():
    assert colour_only_codes(_heatmap(write_codes=False)) == [
        "code '0' ('0 position 0') is shown by colour alone",
        "code '1' ('1 position 1') is shown by colour alone",
        "code '2' ('2 position 2') is shown by colour alone",
    ]


def test_a_heatmap_that_writes_its_codes_passes():
    assert colour_only_codes(_heatmap(write_codes=True)) == []


def test_a_key_told_apart_by_hatching_is_not_colour_alone():
    assert colour_only_codes(_heatmap(write_codes=False, hatch_key=True)) == []
