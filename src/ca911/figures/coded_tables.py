"""Chapter tables drawn as coded figures: the stances of autumn 2001 as a heatmap and Table 1 (the
Iraq war) as codes, in the one style of `ca911.figures.style`."""

from __future__ import annotations

import re
import textwrap

import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from ca911.analysis.chronology import stance_changes
from ca911.data import dates
from ca911.figures.style import MIN_TEXT_PT, OKABE_ITO, figure, figure_width, two_layouts

# Ordinal: grey for "not stated", then viridis from light (refuses) to dark (full support).
STANCE_COLOURS = ["#e6e6e6", "#fde725", "#a0da39", "#4ac16d", "#1fa187", "#277f8e", "#365c8d"]


def stance_words(label: str, width: int = 46) -> str:
    """A stance scale label from the codebook as the key prints it, wrapped: '3 — declares …' → '3
    declares …'. A remark on how the data keep the code ('(used only by carry-forward, never
    stored)') is for the codebook, not the reader of the chart."""
    label = re.sub(r"\s*\([^)]*\b(?:stored|carry-forward)\b[^)]*\)", "", label)
    return textwrap.fill(label.replace(" — ", " ", 1), width)


@two_layouts
def stance_heatmap(
    codes: pd.DataFrame,
    evidenced: pd.DataFrame,
    stance_labels: list[str],
    state_names: dict[str, str],
    layout: str = "wide",
):
    """States × days; evidenced days in full colour, carried-forward days lighter; ▲ where a
    position changed; ○ on an evidenced day that is a reading, not printed
    (`evidenced.attrs["approximate"]`). `stance_labels` are the codebook's labels of the codes 0, 1,
    … in order ("3 — general cooperation …")."""
    narrow = layout == "narrow"
    fig, ax = figure(6.4 if narrow else 4.2, figure_width(layout))
    n = len(stance_labels)
    rgba = np.array(
        [
            [to_rgba(STANCE_COLOURS[c], 1.0 if ev else 0.45) for c, ev in zip(crow, erow)]
            for crow, erow in zip(codes.to_numpy(), evidenced.to_numpy())
        ]
    )
    ax.imshow(rgba, aspect="auto", interpolation="none")
    ch = stance_changes(codes).to_numpy()
    ys, xs = np.nonzero(ch)
    ax.scatter(xs, ys, marker="^", s=14, color="black", zorder=3)
    approximate = evidenced.attrs.get("approximate")
    if approximate is not None and approximate.to_numpy().any():
        ys, xs = np.nonzero(approximate.to_numpy())
        ax.scatter(
            xs,
            ys,
            marker="o",
            s=34,
            facecolors="none",
            edgecolors="black",
            linewidths=0.8,
            zorder=4,
        )
    ax.set_yticks(range(len(codes.index)), [state_names.get(s, s) for s in codes.index])
    days = list(codes.columns)
    ticks = [i for i, d in enumerate(days) if d.weekday() == 0][:: 2 if narrow else 1]
    ax.set_xticks(ticks, [days[i].strftime(dates.axis_format("day", "en")) for i in ticks])
    ax.set_xticks(range(len(days)), minor=True)
    ax.tick_params(axis="x", which="minor", length=0)
    handles = [
        Patch(
            facecolor=STANCE_COLOURS[i],
            edgecolor="#999999",
            label=stance_words(stance_labels[i], 52 if narrow else 46),
        )
        for i in range(n)
    ]
    handles += [
        Patch(facecolor=to_rgba(STANCE_COLOURS[5], 0.45), label="lighter = carried forward"),
        Line2D([], [], marker="^", color="black", linestyle="", label="position changed"),
    ]
    if approximate is not None and approximate.to_numpy().any():
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                markerfacecolor="none",
                color="black",
                linestyle="",
                label=dates.approximately("this day", True, "en") + " (read from context)",
            )
        )
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.08 if narrow else -0.14),
        ncol=1 if narrow else 2,
        fontsize=MIN_TEXT_PT,
        frameon=False,
        columnspacing=1.0,
        handletextpad=0.4,
        labelspacing=0.6,
    )
    for spine in ax.spines.values():
        spine.set_visible(False)
    return fig


COUNTRY_TINTS = [
    OKABE_ITO[1],
    OKABE_ITO[0],
]  # one light tint per column: colour repeats the column's name


@two_layouts
def coded_table(
    codes: pd.DataFrame,
    labels: dict[str, str],
    row_labels: list[str],
    col_labels: list[str],
    layout: str = "wide",
):
    """Table 1 as codes: each cell names its code in the codebook's words (acronyms as written
    there), on a light tint of its column's colour; a cell without a code says so. Narrow: each
    dimension a row of its own, its name above its two cells."""
    narrow = layout == "narrow"
    # narrow: a row is its name (NAME_UNITS) over the cells (one unit), in the axes' data units
    name_units = 0.42 if narrow else 0.0
    fig, ax = figure((1.05 if narrow else 0.55) * len(codes.index) + 0.5, figure_width(layout))
    for i, dim in enumerate(codes.index):
        top = i * (1 + name_units)
        if narrow:
            label = row_labels[i]
            ax.text(
                0.02,
                top + name_units * 0.9,
                label[:1].upper() + label[1:],
                ha="left",
                va="bottom",
                fontsize=MIN_TEXT_PT + 0.5,
            )
        for j, col in enumerate(codes.columns):
            v = codes.loc[dim, col]
            coded = isinstance(v, str)
            face = to_rgba(COUNTRY_TINTS[j % len(COUNTRY_TINTS)], 0.22) if coded else "#ffffff"
            ax.add_patch(
                Rectangle(
                    (j, top + name_units), 1, 1, facecolor=face, edgecolor="white", linewidth=3
                )
            )
            text = (
                textwrap.fill(labels.get(v, v.replace("_", " ")), 21 if narrow else 27)
                if coded
                else "no code"
            )
            ax.text(
                j + 0.04,
                top + name_units + 0.5,
                text,
                ha="left",
                va="center",
                fontsize=MIN_TEXT_PT + 0.5,
                color="#000000" if coded else "#555555",
            )
    ax.set_xlim(0, len(codes.columns))
    ax.set_ylim(len(codes.index) * (1 + name_units), 0)
    ax.set_xticks([j + 0.04 for j in range(len(codes.columns))], col_labels, ha="left", fontsize=10)
    ax.xaxis.tick_top()
    if narrow:
        ax.set_yticks([])
    else:
        ax.set_yticks(
            [i + 0.5 for i in range(len(codes.index))],
            [textwrap.fill(label[:1].upper() + label[1:], 24) for label in row_labels],
        )
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(length=0)
    return fig
