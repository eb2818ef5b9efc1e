"""The map's key: each force's marker, how a presence placed only in a country is drawn, capitals
and towns, and the marker sizes of two personnel numbers; under the panels, in the edition's
words."""

from __future__ import annotations

import math

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ca911.data.language import DEFAULT_LANG
from ca911.figures.map_markers import BASE_DOT, MAPPED_FORCES, marker_area
from ca911.figures.style import FORCES, MIN_TEXT_PT, OKABE_ITO, force_key_name, words_in

WORDS = {
    "en": {
        "at the capital": "no place named: at the capital",
        "capital": "capital",
        "town": "town of a base or airfield",
        "personnel": "{number} personnel",
    },
    "ja": {
        "at the capital": "場所の記載なし：首都に表示",
        "capital": "首都",
        "town": "基地・飛行場のある町",
        "personnel": "{number}人",
    },
}


def at_the_capital(label: str):
    """The key's marker for a presence placed only in a country: hollow with a dashed outline, as
    the map draws it (a Line2D marker cannot be dashed; a scatter's collection keeps its line
    style). Drawn on a figure of its own, so the map's axes gain no artist."""
    return (
        Figure()
        .add_subplot()
        .scatter(
            [],
            [],
            s=49.0,  # a 7 pt circle, as the forces' markers in the key
            marker="o",
            facecolors="none",
            edgecolors="#555555",
            linestyles="--",
            linewidths=1.1,
            label=label,
        )
    )


def presence_key(fig, layout: str = "wide", lang: str = DEFAULT_LANG):
    """The key centred under the map (one column on a phone's width, three in the text column)."""
    words = words_in(WORDS, lang)
    handles = [
        Line2D(
            [],
            [],
            marker=FORCES[f].marker,
            color=FORCES[f].colour,
            linestyle="",
            markersize=7,
            label=force_key_name(f, lang),
        )
        for f in MAPPED_FORCES
    ]
    handles += [
        at_the_capital(words["at the capital"]),
        Line2D(
            [],
            [],
            marker="s",
            color=OKABE_ITO[7],
            linestyle="",
            markersize=3.5,
            label=words["capital"],
        ),
        Line2D(
            [],
            [],
            marker="o",
            color=BASE_DOT,
            linestyle="",
            markersize=2.8,
            label=words["town"],
        ),
    ]
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            color="#999999",
            linestyle="",
            markersize=math.sqrt(marker_area(n)),
            label=words["personnel"].format(number=f"{n:,}"),
        )
        for n in (1000, 10000)
    ]
    return fig.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=1 if layout == "narrow" else 3,
        frameon=False,
        columnspacing=0.8,
        handletextpad=0.3,
        fontsize=MIN_TEXT_PT,
    )
