"""The figure of an actor's page: its events on one time axis, a lane per chapter."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from ca911.analysis.chronology import FAMILY_OF
from ca911.data.chapters import chapters
from ca911.data.language import DEFAULT_LANG
from ca911.data.package import DataPackage
from ca911.data.refs import key_of
from ca911.figures.style import (
    A4_TEXT_WIDTH_IN,
    figure,
    figure_width,
    svg_text,
    two_layouts,
    words_in,
)
from ca911.figures.timeline_keys import FAMILY_STYLE, family_legend
from ca911.figures.timelines import WORDS


@two_layouts
def timeline_figure(
    pkg: DataPackage,
    actor_id: str,
    records: pd.DataFrame,
    layout: str = "wide",
    lang: str = DEFAULT_LANG,
):
    """The actor's events on one time axis, a lane per chapter; a bar spans what an imprecise date
    covers (a month, a year), a marker (colour and shape by family of event) marks where it starts.
    In two layouts (`style.two_layouts`)."""
    narrow = layout == "narrow"
    ev = pkg.events.set_index("event_id")
    ids = [key_of(ref) for ref in records.loc[records["resource"] == "events", "ref"]]
    fig, ax = figure(
        2.6 if narrow else 2.1,  # the tight bounding box adds padding
        width_in=figure_width(layout) if narrow else A4_TEXT_WIDTH_IN - 0.3,
    )
    in_order = chapters()
    lanes = {
        c.id: len(in_order) - 1 - i for i, c in enumerate(in_order)
    }  # the first chapter on the top lane
    for eid in sorted(ids):
        e = ev.loc[eid]
        lo = e["date_lo"]
        hi = e["date_end_hi"] if pd.notna(e["date_end_hi"]) else e["date_hi"]
        colour, marker = FAMILY_STYLE[FAMILY_OF.get(str(e["event_type"]), "statement")]
        y = lanes.get(str(e["source_id"]), 0)
        if hi > lo:
            ax.plot(
                [lo, hi],
                [y, y],
                color=colour,
                linewidth=3,
                alpha=0.45,
                solid_capstyle="butt",
                zorder=2,
            )
        ax.scatter(
            [lo], [y], color=colour, marker=marker, s=26, edgecolor="white", linewidth=0.4, zorder=3
        )
    ax.set_yticks(
        list(lanes.values()),
        [words_in(WORDS, lang)["lane"].format(number=c.number) for c in in_order],
    )
    ax.set_ylim(-0.6, len(in_order) - 0.4)
    ax.set_xlim(pd.Timestamp("1990-07-01"), pd.Timestamp("2005-06-30"))
    ax.xaxis.set_major_locator(mdates.YearLocator(4 if narrow else 2))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    family_legend(
        ax,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.16 if narrow else -0.2),
        ncol=2 if narrow else 3,
        lang=lang,
    )
    return fig


def timeline_svg(
    pkg: DataPackage, actor_id: str, records: pd.DataFrame, lang: str = DEFAULT_LANG
) -> str:
    return svg_text(timeline_figure(pkg, actor_id, records, lang=lang))
