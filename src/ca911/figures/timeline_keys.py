"""What the figures on a time axis share: the event families' colours and markers with their key,
the key set under the plot, and the year axis."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D

from ca911.data.language import DEFAULT_LANG
from ca911.figures.style import MIN_TEXT_PT, OKABE_ITO, words_in

FAMILY_STYLE = {  # colour and marker: the marker repeats the colour's information
    "diplomacy": (OKABE_ITO[4], "o"),
    "statement": (OKABE_ITO[0], "s"),
    "agreement or decision": (OKABE_ITO[2], "D"),
    "military": (OKABE_ITO[5], "^"),
    "attack or closure": (OKABE_ITO[7], "X"),
}
# The families in each edition's words (the keys are the analysis layer's family names).
FAMILY_WORDS = {
    "en": {f: f for f in FAMILY_STYLE},
    "ja": {
        "diplomacy": "外交",
        "statement": "声明",
        "agreement or decision": "合意・決定",
        "military": "軍事",
        "attack or closure": "攻撃・封鎖",
    },
}


def _drawn_families(axes) -> list[str]:
    """The event families whose colour some marker in the axes carries: a key lists only what is
    drawn."""
    drawn = {
        tuple(np.round(c[:3], 3))
        for ax in np.atleast_1d(axes)
        for coll in ax.collections
        for c in coll.get_facecolors()
    }
    return [f for f, (c, _) in FAMILY_STYLE.items() if tuple(np.round(to_rgba(c)[:3], 3)) in drawn]


def family_handles(axes, lang: str = DEFAULT_LANG) -> list[Line2D]:
    words = words_in(FAMILY_WORDS, lang)
    return [
        Line2D(
            [],
            [],
            color=FAMILY_STYLE[f][0],
            marker=FAMILY_STYLE[f][1],
            linestyle="",
            label=words[f],
        )
        for f in _drawn_families(axes)
    ]


def family_legend(ax, loc="upper left", lang: str = DEFAULT_LANG, **kw):
    return ax.legend(
        handles=family_handles(ax, lang), loc=loc, fontsize=MIN_TEXT_PT, frameon=False, **kw
    )


def key_under_axes(ax, handles, below: float, ncol: int):
    """The figure's key centred under its axes, `below` (axes fraction) under their bottom edge,
    clear of the tick labels."""
    return ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -below),
        ncol=ncol,
        fontsize=MIN_TEXT_PT,
        frameon=False,
    )


def key_under_figure(fig, handles, ncol: int):
    """The key under every panel of the figure, the layout making room for it."""
    return fig.legend(
        handles=handles,
        loc="outside lower center",
        ncol=ncol,
        fontsize=MIN_TEXT_PT,
        frameon=False,
    )


def year_axis(ax, every: int = 2) -> None:
    """Years on a time axis: a tick for every year, a label every other year (fourteen labels run
    together)."""
    ax.xaxis.set_major_locator(mdates.YearLocator(every))
    ax.xaxis.set_minor_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=MIN_TEXT_PT)
