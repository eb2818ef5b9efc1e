"""How much of each chapter the data cover, as stacked bars: date expressions (mapped, excluded,
unmapped) and sentences (by what they hold)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ca911.data.language import DEFAULT_LANG
from ca911.figures.style import MIN_TEXT_PT, OKABE_ITO, figure, figure_width, two_layouts, words_in

DATE_COVERAGE_PARTS = (
    ("mapped", OKABE_ITO[4], None),
    ("excluded", OKABE_ITO[0], "//"),
    ("unmapped", OKABE_ITO[5], "xx"),
)


SENTENCE_COVERAGE_PARTS = (
    ("fact", OKABE_ITO[4], None),
    ("restatement", OKABE_ITO[1], ".."),
    ("analysis", OKABE_ITO[0], "//"),
    ("signpost", OKABE_ITO[6], "\\\\"),
    ("problem", OKABE_ITO[5], "xx"),
)
WORDS = {
    "en": {
        "parts": {p[0]: p[0] for p in DATE_COVERAGE_PARTS + SENTENCE_COVERAGE_PARTS},
        "units": {"date expressions": "date expressions", "sentences": "sentences"},
        "chapter": "chapter {number}",
    },
    "ja": {
        "parts": {
            "mapped": "対応づけ済み",
            "excluded": "除外（理由つき）",
            "unmapped": "未対応",
            "fact": "事実",
            "restatement": "再述",
            "analysis": "分析",
            "signpost": "道標",
            "problem": "問題あり",
        },
        "units": {"date expressions": "日付表現の数", "sentences": "文の数"},
        "chapter": "原著第{number}章",
    },
}


@two_layouts
def coverage_bars(
    summary: pd.DataFrame,
    parts=DATE_COVERAGE_PARTS,
    unit: str = "date expressions",
    layout: str = "wide",
    lang: str = DEFAULT_LANG,
):
    """Per chapter, how a chapter's items (date expressions, sentences) are accounted for, as
    stacked bars. Each count sits on a white patch so that hatching never runs through its digits;
    the key lists only the parts some chapter has."""
    narrow = layout == "narrow"
    words = words_in(WORDS, lang)
    fig, ax = figure(2.1 if narrow else 1.6, figure_width(layout))
    rows = [
        words["chapter"].format(number=i[2:]) if re.fullmatch(r"ch\d+", str(i)) else str(i)
        for i in summary.index
    ]
    left = np.zeros(len(summary))
    counts = []
    for status, colour, hatch in parts:
        vals = summary[status].to_numpy()
        if not vals.any():
            continue
        ax.barh(
            rows,
            vals,
            left=left,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            label=words["parts"][status],
        )
        for y, (start, v) in enumerate(zip(left, vals)):
            if v:
                counts.append(
                    ax.text(
                        start + v / 2,
                        y,
                        str(int(v)),
                        ha="center",
                        va="center",
                        fontsize=MIN_TEXT_PT,
                        color="black",
                        bbox={
                            "boxstyle": "square,pad=0.12",
                            "facecolor": "white",
                            "edgecolor": "none",
                        },
                    )
                )
        left += vals
    ax.set_ylim(len(rows) - 0.5, -0.5 - BAR_HEIGHT)  # room above the top bar for its counts
    _counts_clear_of_each_other(ax, counts)
    ax.set_xlabel(words["units"].get(unit, unit))
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.3 if narrow else -0.35),
        ncol=3 if narrow else len(parts),
        fontsize=MIN_TEXT_PT,
        frameon=False,
    )
    return fig


BAR_HEIGHT = 0.8  # barh's default, in rows
COUNT_GAP_PT = 3.0  # between two counts of one bar: closer, they read as one number


def _counts_clear_of_each_other(ax, counts) -> None:
    """A count too wide for its part of the bar, or too close to its neighbour's, moves above the
    bar (left of a part it still crowds), so that no two counts run together ("7 23 4")."""
    ax.figure.draw_without_rendering()  # the layout engine's final axes, so extents are final
    renderer = ax.figure._get_renderer()
    gap = COUNT_GAP_PT * ax.figure.dpi / 72
    by_row: dict[float, list] = {}
    for text in counts:
        by_row.setdefault(text.get_position()[1], []).append(text)
    for y, row in by_row.items():
        row.sort(key=lambda t: t.get_position()[0])
        boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in row]
        for i, (text, box) in enumerate(zip(row, boxes)):
            neighbours = boxes[max(i - 1, 0) : i] + boxes[i + 1 : i + 2]
            if any(box.x1 + gap > n.x0 and n.x1 + gap > box.x0 for n in neighbours) and len(
                text.get_text()
            ) <= min(len(t.get_text()) for t in row[max(i - 1, 0) : i + 2]):
                text.set_position((text.get_position()[0], y - BAR_HEIGHT / 2))
                text.set_va("bottom")
