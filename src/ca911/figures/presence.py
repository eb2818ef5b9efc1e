"""Foreign military presence and aid as charts: a dot plot of deployment records by place, with the
time axis broken at 11 September 2001, and the aid the chapters total, as bars."""

from __future__ import annotations

import re
import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from ca911.data import dates
from ca911.data.named_dates import NINE_ELEVEN
from ca911.data.numbers import NOT_GIVEN
from ca911.figures.style import (
    MIN_TEXT_PT,
    OKABE_ITO,
    figure,
    figure_width,
    force_colour,
    force_short_name,
    two_layouts,
)

STATUS_MARKERS = {"present": "o", "arriving": ">", "planned": "D", "agreed": "s", "capacity": "^"}


BREAK_DAY = pd.Timestamp(NINE_ELEVEN)


NOTE_WIDTH = (
    34  # characters: a longer note puts its aircraft on a second line (the row is drawn taller)
)


NARROW_NOTE_WIDTH = 21  # on a phone's width the note wraps at this width too


def _record_label(r) -> str:
    """A deployment record's force and place, as its row is labelled."""
    place = (
        f" · {re.sub(r' (air base|airfield)$', '', r.facility)}" if r.facility else ""
    )  # the kind: in the caption
    return force_short_name(r.force_id, r.force) + place


@two_layouts
def deployment_chart(d: pd.DataFrame, layout: str = "wide"):
    """A dot plot by place: one row per deployment record, grouped by host state; the time axis is
    broken at 11 September 2001 so the dense months after it get most of the width; each row names
    its force and place on the left and its date, status and numbers as printed on the right
    (nothing overlaps)."""
    narrow = layout == "narrow"
    note_width = NARROW_NOTE_WIDTH if narrow else NOTE_WIDTH
    hosts = list(dict.fromkeys(d.sort_values("as_of_lo")["host"]))
    rows: list[
        tuple[str, object, str]
    ] = []  # ("host", name, "") headings and ("record", row, note) lines, top to bottom
    for host in hosts:
        rows.append(("host", host, ""))
        sub = d[d["host"] == host].sort_values(["force", "facility", "as_of_lo", "deployment_id"])
        previous_label = None
        for r in sub.itertuples():
            numbers = r.personnel_label if r.personnel_label != NOT_GIVEN else "no number given"
            note = f"{dates.words(r.as_of, 'en', short=True)} {r.status}: {numbers}"
            if narrow:  # no room for labels left of the axes: the force and place head the note
                label = _record_label(r)
                note = textwrap.fill(note, note_width)
                note = note if label == previous_label else f"{label}\n{note}"
                previous_label = label
            if r.aircraft_label:
                aircraft = f"{r.aircraft_label} aircraft"
                last_line = note.rsplit("\n", 1)[-1]
                note += (
                    f";\n{aircraft}"
                    if len(f"{last_line}; {aircraft}") > note_width
                    else f"; {aircraft}"
                )
            rows.append(("record", r, note))
    heights = [1.0 + 0.55 * note.count("\n") for _, _, note in rows]
    tops = np.cumsum([0.0] + heights[:-1])
    centres = [
        sum(heights) - t - h / 2 for t, h in zip(tops, heights)
    ]  # top to bottom, in row units
    fig, axes = figure(
        0.215 * sum(heights) + (1.1 if narrow else 0.75),
        figure_width(layout),
        ncols=3,
        sharey=True,
        gridspec_kw={"width_ratios": [0.45, 0.9, 1.45] if narrow else [0.8, 1.3, 2.1]},
    )
    before, after, notes = axes
    previous_label = None
    labels = []
    for (kind, item, note), y, h in zip(rows, centres, heights):
        if kind == "host":
            labels.append("" if narrow else f"in {item}")
            if narrow:
                notes.text(0.08, y, f"in {item}", va="center", fontsize=MIN_TEXT_PT)
            previous_label = None
            for ax in (before, after, notes):
                ax.axhspan(y - h / 2, y + h / 2, color="#ececec", linewidth=0, zorder=0)
            continue
        r = item
        colour = force_colour(r.force_id)
        label = "" if narrow else _record_label(r)
        labels.append(
            "" if label == previous_label else label
        )  # a repeated force and place is not relabelled
        previous_label = label
        for ax in (before, after):
            if (r.as_of_hi - r.as_of_lo).days > 1:
                ax.plot(
                    [r.as_of_lo, r.as_of_hi],
                    [y, y],
                    color=colour,
                    linewidth=5,
                    alpha=0.35,
                    solid_capstyle="butt",
                )
        mid = r.as_of_lo + (r.as_of_hi - r.as_of_lo) / 2
        (before if mid < BREAK_DAY else after).scatter(  # whole, even beside the break
            [mid],
            [y],
            marker=STATUS_MARKERS[r.status],
            color=colour,
            s=30,
            zorder=3,
            edgecolor="white",
            linewidth=0.5,
            clip_on=False,
        )
        notes.text(
            0.08, y, note, va="center", fontsize=MIN_TEXT_PT, linespacing=1.0
        )  # in the layout: never cut off
    before.set_yticks(centres[::-1], labels[::-1])  # bottom to top, as a y axis counts
    before.tick_params(axis="y", length=0)
    before.set_ylim(0, sum(heights))
    before.set_xlim(pd.Timestamp("1998-10-01"), BREAK_DAY)
    after.set_xlim(BREAK_DAY, pd.Timestamp("2004-01-31"))
    before.set_xticks([pd.Timestamp(f"{y}-01-01") for y in ((1999,) if narrow else (1999, 2001))])
    before.xaxis.set_minor_locator(mdates.YearLocator())
    after.set_xticks(
        [pd.Timestamp(f"{y}-01-01") for y in ((2002, 2004) if narrow else (2002, 2003, 2004))]
    )
    after.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=[1, 7]))
    for ax in (before, after):
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    before.set_title("before", fontsize=MIN_TEXT_PT, loc="left")
    after.set_title(
        "after\n11 Sep 2001" if narrow else "after 11 Sep 2001", fontsize=MIN_TEXT_PT, loc="left"
    )
    for ax in (before, after):
        ax.grid(axis="x", color="#e5e5e5", linewidth=0.5)
        ax.set_axisbelow(True)
    before.spines["right"].set_linestyle(
        (0, (2, 2))
    )  # the break: two scales meet at 11 September 2001
    before.spines["right"].set_visible(True)
    after.spines["left"].set_visible(False)
    after.tick_params(axis="y", length=0)
    notes.axis("off")
    notes.set_title(
        "  as printed: date,\n  status, numbers"
        if narrow
        else "  as printed: date, status, numbers",
        fontsize=MIN_TEXT_PT,
        loc="left",
    )
    drawn = {m for ax in (before, after) for m in _drawn_markers(ax)}
    handles = [
        Line2D([], [], marker=m, color="#555555", linestyle="", label=s)
        for s, m in STATUS_MARKERS.items()
        if m in drawn
    ]
    fig.legend(
        handles=handles,
        loc="outside lower center",
        ncol=3 if narrow else 5,
        frameon=False,
        title="marker shape: status",
        columnspacing=1.0,
        handletextpad=0.3,
    )
    return fig


def _drawn_markers(ax) -> set[str]:
    """The marker names of the axes' scatters (a scatter keeps only its path: compared with each
    name's path)."""
    from matplotlib.markers import MarkerStyle

    names = set()
    for coll in ax.collections:
        for name in STATUS_MARKERS.values():
            ms = MarkerStyle(name)
            path = ms.get_path().transformed(ms.get_transform())
            if any(
                len(p.vertices) == len(path.vertices) and np.allclose(p.vertices, path.vertices)
                for p in coll.get_paths()
            ):
                names.add(name)
    return names


@two_layouts
def aid_bars(parts: pd.DataFrame, total: int | None, title_note: str = "", layout: str = "wide"):
    """Horizontal bars in millions of dollars, with the stated total and the sum of the parts."""
    fig, ax = figure(2.8 if layout == "narrow" else 2.4, figure_width(layout))
    y = list(range(len(parts)))[::-1]
    ax.barh(y, parts["amount_usd"] / 1e6, color=OKABE_ITO[4])
    for yy, v in zip(y, parts["amount_usd"]):
        ax.annotate(
            f"${v / 1e6:,.1f}m",
            (v / 1e6, yy),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=MIN_TEXT_PT,
        )
    ax.set_yticks(y, parts["recipient"])
    ax.set_xlabel("US dollars, millions")
    summed = int(parts["amount_usd"].sum())
    note = f"sum of parts ${summed / 1e6:,.1f}m" + (
        ("\n" if layout == "narrow" else "; ") + f"stated total ${total / 1e6:,.1f}m"
        if total
        else ""
    )
    ax.set_title(note + title_note, fontsize=MIN_TEXT_PT, loc="left")
    ax.set_xlim(0, parts["amount_usd"].max() / 1e6 * 1.25)
    return fig
