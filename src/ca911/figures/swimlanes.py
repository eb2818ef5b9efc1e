"""Swimlanes: each state's events across the years, chapter 4's periods shaded on their lane and
named in the edition's words, 11 September marked (a figure of `timelines`' kind, in its own module
for its band names, which stay at their band's start, set over the day's line, and on a phone are
keyed under the axes)."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from ca911.analysis.alignment_network import period_number
from ca911.data.language import DEFAULT_LANG
from ca911.data.named_dates import NINE_ELEVEN
from ca911.figures.style import (
    MIN_TEXT_PT,
    figure,
    figure_width,
    keep_inside_axes,
    two_layouts,
    words_in,
    wrap,
)
from ca911.figures.timeline_keys import (
    FAMILY_STYLE,
    family_handles,
    key_under_axes,
    key_under_figure,
    year_axis,
)

WORDS = {
    "en": {
        "no label": "no label stated",
        "band key": "Grey bands, {country}\u2019s periods: {periods}",
        "nine eleven": "11 September 2001",
    },
    "ja": {
        "no label": "分析上の規定なし",
        "band key": "灰色の帯は{country}の時期区分：{periods}",
        "nine eleven": "2001年9月11日",
    },
}
POLICY_WORDS_JA = {
    "balance_of_power": "勢力均衡型",
    "bandwagon": "バンドワゴン型",
    "omnidirectional": "全方位外交",
    "pragmatic": "実利主義",
}


def period_words(policy_type, lang: str = DEFAULT_LANG) -> str:
    """A period as its policy type reads in words ('balance_of_power' → 'balance of power', in
    Japanese the codebook's term 勢力均衡型)."""
    no_label = words_in(WORDS, lang)["no label"]
    if not isinstance(policy_type, str) or not policy_type or policy_type == "none_stated":
        return no_label
    if lang == "ja":
        return POLICY_WORDS_JA[policy_type]
    return policy_type.replace("_", " ")


@two_layouts
def swimlanes(
    lanes: pd.DataFrame,
    lane_order: list[str],
    periods: pd.DataFrame,
    start: str,
    end: str,
    lane_names: dict[str, str],
    height_in: float = 4.0,
    layout: str = "wide",
    lang: str = DEFAULT_LANG,
):
    """Events per state across years; year- and month-dated events drawn as spans; periods
    shaded."""
    narrow = layout == "narrow"
    fig, ax = figure(height_in * (1.25 if narrow else 1), figure_width(layout))
    y = {lane: i for i, lane in enumerate(reversed(lane_order))}
    shades = ["#f7f7f7", "#e8e8e8"]
    ax.set_xlim(
        pd.Timestamp(start), pd.Timestamp(end)
    )  # before the band names are measured against the 11 September line
    band_names = []
    band_key = []  # narrow: each band carries its number, the names go under the axes
    for k, p in enumerate(periods.itertuples()):
        if p.country_id in y:
            x1 = (
                p.end_lo if pd.notna(p.end_lo) else pd.Timestamp(end)
            )  # periods meet at their shared year
            yy = y[p.country_id]
            ax.fill_between(
                [p.start_lo, x1], yy - 0.45, yy + 0.45, color=shades[k % 2], zorder=0, linewidth=0
            )
            upper = (
                k % 2 == 0 or narrow
            )  # neighbouring periods' names at the band's top and bottom: they never run together
            words = period_words(p.policy_type, lang)
            if narrow:  # a phone's lane is too short for the names: the chapter's period numbers
                number = str(period_number(p.period_id))
                band_key.append(f"{number} {words}")
                words = number
            name = ax.text(
                p.start_lo + pd.Timedelta(days=40),
                yy + (0.43 if upper else -0.43),
                words,
                fontsize=MIN_TEXT_PT,
                va="top" if upper else "bottom",
                color="#222222",
            )
            band_names.append((name, shades[k % 2]))
    drawn = set()
    for row in lanes.itertuples():
        if row.lane not in y:
            continue
        colour, marker = FAMILY_STYLE[row.family]
        yy = y[row.lane]
        hi = row.date_end_hi if pd.notna(row.date_end_hi) else row.date_hi
        if (row.lane, row.family, row.date_lo, hi) in drawn:
            continue  # the same span and mark again would only darken the band: drawn once
        drawn.add((row.lane, row.family, row.date_lo, hi))
        if (hi - row.date_lo).days > 1:
            ax.plot(
                [row.date_lo, hi],
                [yy, yy],
                color=colour,
                linewidth=4,
                alpha=0.35,
                solid_capstyle="butt",
                zorder=1,
            )
        mid = row.date_lo + (hi - row.date_lo) / 2
        ax.scatter(
            [mid],
            [yy],
            color=colour,
            marker=marker,
            s=16,
            edgecolor="white",
            linewidth=0.3,
            zorder=2,
        )
    ax.axvline(pd.Timestamp(NINE_ELEVEN), color="#333333", linestyle=":", linewidth=0.8)
    day_label = ax.text(  # the dotted line says what it marks
        mdates.date2num(pd.Timestamp(NINE_ELEVEN)),
        1.01,
        words_in(WORDS, lang)["nine eleven"],
        transform=ax.get_xaxis_transform(),
        fontsize=MIN_TEXT_PT,
        ha="center",
        va="bottom",
    )
    ax.set_yticks(list(y.values()), [lane_names.get(lane, lane) for lane in y])
    for name, shade in band_names:
        _over_day(name, pd.Timestamp(NINE_ELEVEN), shade)
    ax.set_xlim(pd.Timestamp(start), pd.Timestamp(end))
    year_axis(ax, every=4 if narrow else 2)
    ax.grid(axis="x", which="both", color="#e5e5e5", linewidth=0.5)
    if band_key:  # the bands' names under the years, the key of families under them
        joiner = "、" if lang == "ja" else ", "
        key = words_in(WORDS, lang)["band key"].format(
            country=lane_names.get(periods["country_id"].iloc[0], ""),
            periods=joiner.join(band_key),
        )
        _fit_wrapped(ax.set_xlabel(key, fontsize=MIN_TEXT_PT, loc="left"), key, lang)
        key_under_figure(fig, family_handles(ax, lang), ncol=2)
    else:
        key_under_axes(ax, family_handles(ax, lang), 0.06 if narrow else 0.08, 2 if narrow else 3)
    fig.draw_without_rendering()  # the axes in their final place
    keep_inside_axes(day_label)
    return fig


def _over_day(text, day: pd.Timestamp, shade: str) -> None:
    """A band's name that the day's vertical line would run through stays at its band's start,
    set on its band's shade above the line: moved past the line it would read as a period that
    opens on the day (measured on the laid-out figure; the layout does not depend on it)."""
    fig = text.figure
    fig.draw_without_rendering()
    box = text.get_window_extent(fig._get_renderer())
    line_x = text.axes.transData.transform((mdates.date2num(day), 0))[0]
    if box.x0 <= line_x <= box.x1:
        text.set_bbox({"facecolor": shade, "edgecolor": "none", "pad": 1.0})
        text.set_zorder(3)


def _fit_wrapped(text, words: str, lang: str, widest: int = 56) -> None:
    """A text that starts at its axes' left edge, wrapped at the widest width that keeps it inside
    the figure (measured on the laid-out figure: a phone's figure has no room past its edge)."""
    fig = text.figure
    for width in range(widest, 9, -2):
        text.set_text(wrap(words, width, lang))
        fig.draw_without_rendering()
        if text.get_window_extent(fig._get_renderer()).x1 <= fig.bbox.x1:
            return
