"""The chronologies on a time axis: event timelines, membership bars and months side by side
(swimlanes of states are in `swimlanes`, the families' key and the year axis they share in
`timeline_keys`, the coded tables in `coded_tables`, the networks in `*_networks`). Each takes tidy
frames from `ca911.analysis.chronology` and returns a Figure in the one style
(`ca911.figures.style`), drawn for the text column (`layout="wide"`) and carrying its drawing for a
phone's width (`layout="narrow"`: taller, panels stacked, keys in fewer columns; see
`style.two_layouts`)."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import ScaledTranslation

from ca911.analysis.chronology import OTHER_LANE
from ca911.data import dates
from ca911.data.language import DEFAULT_LANG
from ca911.figures.style import (
    MIN_TEXT_PT,
    figure,
    figure_width,
    latin_width,
    organisation_colours,
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

SPAN_KEY_GREY = "#777777"  # a bar takes its event's family colour: the key shows its shape
WORDS = {
    "en": {
        "month axis": "events in the month, one marker each",
        "joining date not given": "member by this date (joining date not given)",
        "joining dated": "member from the joining date given",
        "year axis": "Year",
        "still a member": "no end recorded: drawn to the record’s end",
        "unstated end": "after the evidence date (no end given)",
        "lane": "chapter {number}",
        "other lane": "others",
        "observer": "{label} (observer)",
        "span": "an event over several days",
    },
    "ja": {
        "month axis": "その月の出来事（1件につき1個）",
        "joining date not given": "この時点で加盟（加盟日の記載なし）",
        "joining dated": "記載された加盟日から加盟",
        "year axis": "年",
        "still a member": "終了の記載なし（記録の終わりまで描く）",
        "unstated end": "根拠の日付以後（終了の記載なし）",
        "lane": "原著第{number}章",
        "other lane": "その他",
        "observer": "{label}（オブザーバー）",
        "span": "数日にわたる出来事",
    },
}


@two_layouts
def event_timeline(
    lanes: pd.DataFrame,
    lane_order: list[str],
    start: str,
    end: str,
    key_days: dict[str, str] | None = None,
    height_in: float = 4.2,
    layout: str = "wide",
    lang: str = DEFAULT_LANG,
    lane_names: dict[str, str] | None = None,
):
    """One lane per actor, named from `lane_names` (actor id → name; the lane of everyone else as
    'others'); each event a marker on its day (ranges as bars), linked across lanes."""
    narrow = layout == "narrow"
    fig, ax = figure(height_in + (1.4 if narrow else 0), figure_width(layout))
    y = {lane: i for i, lane in enumerate(reversed(lane_order))}
    spans_drawn = False
    for _, grp in lanes.groupby("event_id", sort=True):
        ys = sorted(y[lane] for lane in grp["lane"] if lane in y)
        row = grp.iloc[0]
        colour, marker = FAMILY_STYLE[row["family"]]
        x0, x1 = (
            row["date_lo"],
            row["date_hi"] if pd.isna(row["date_end_hi"]) else row["date_end_hi"],
        )
        if len(ys) > 1:
            ax.plot([x0, x0], [ys[0], ys[-1]], color=colour, linewidth=0.6, alpha=0.5, zorder=1)
        for yy in ys:
            if x1 > x0:
                spans_drawn = True
                ax.plot(
                    [x0, x1],
                    [yy, yy],
                    color=colour,
                    linewidth=3,
                    alpha=0.6,
                    solid_capstyle="butt",
                    zorder=2,
                )
            ax.scatter(
                [x0],
                [yy],
                color=colour,
                marker=marker,
                s=22,
                edgecolor="white",
                linewidth=0.4,
                zorder=3,
            )
    # each day's label on a line of its own, starting at its day, the earliest highest: a
    # leader drops from each label's left foot to its day, clear of the later days' labels,
    # which start to its right
    key_days = key_days or {}
    for k, (day, label) in enumerate(key_days.items()):
        ax.axvline(pd.Timestamp(day), color="#555555", linewidth=0.7, linestyle=":", zorder=0)
        ax.annotate(
            label,
            (pd.Timestamp(day), 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3 + 11 * (len(key_days) - 1 - k)),
            textcoords="offset points",
            fontsize=MIN_TEXT_PT,
            ha="left",
            va="bottom",
            # a label a line up is tied to its day's line by a leader: floating, it names no day
            arrowprops={
                "arrowstyle": "-",
                "color": "#555555",
                "lw": 0.6,
                "shrinkA": 0,
                "shrinkB": 0,
                "relpos": (0.0, 0.0),
            },
        )
    other = {OTHER_LANE: words_in(WORDS, lang)["other lane"]}
    ax.set_yticks(list(y.values()), [(lane_names or {}).get(k, other.get(k, k)) for k in y])
    ax.set_ylim(-0.7, len(lane_order) - 0.3)
    ax.set_xlim(
        pd.Timestamp(start) - pd.Timedelta(days=1), pd.Timestamp(end) + pd.Timedelta(days=1)
    )
    ax.xaxis.set_major_locator(
        mdates.WeekdayLocator(byweekday=mdates.MO, interval=2 if narrow else 1)
    )
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda x, _: dates.axis_words(mdates.num2date(x), "day", lang))
    )
    ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    handles = family_handles(ax, lang)
    if spans_drawn:  # the key explains every mark the lanes show, a ranged event's bar too
        span = words_in(WORDS, lang)["span"]
        # on a phone's width, wider than its column of the key, it squeezed the lanes
        label = wrap(span, 16, lang) if narrow else span
        handles.append(
            Line2D([], [], color=SPAN_KEY_GREY, lw=3, alpha=0.6, solid_capstyle="butt", label=label)
        )
    # five in a row outgrow the column
    key_under_axes(ax, handles, 0.09 if narrow else 0.12, 2 if narrow else 3)
    return fig


@two_layouts
def membership_bars(
    spans: pd.DataFrame,
    names: dict[str, str],
    start: str,
    end: str,
    layout: str = "wide",
    lang: str = DEFAULT_LANG,
    org_names: dict[str, str] | None = None,
):
    """Who was in which treaty or organisation when: one bar per membership row, labelled by the
    organisation (its id, or its short name from `org_names`) and the member (from `names`); on a
    phone's width a long label takes two lines."""
    narrow = layout == "narrow"
    words = words_in(WORDS, lang)
    rows = list(dict.fromkeys(zip(spans["org_id"], spans["member_id"])))
    labels = {(o, m): f"{(org_names or {}).get(o, o)} · {names.get(m, m)}" for o, m in rows}
    # an observer's bar says so: the chapters record a place beside the members, not a membership
    for s in spans[spans["status"].astype(str).eq("observer")].itertuples():
        labels[(s.org_id, s.member_id)] = words["observer"].format(
            label=labels[(s.org_id, s.member_id)]
        )
    if narrow:  # a label wider than about a third of a phone's column: the member under it
        labels = {
            k: v.replace(" · ", "\n") if latin_width(v) > 21 else v for k, v in labels.items()
        }
    row_h = 0.3 if any("\n" in v for v in labels.values()) else 0.16
    fig, ax = figure(max(2.5, row_h * len(rows) + (1.1 if narrow else 0.8)), figure_width(layout))
    orgs = list(dict.fromkeys(spans["org_id"]))
    colour = organisation_colours(orgs)
    y = {r: i for i, r in enumerate(reversed(rows))}
    for s in spans.itertuples():
        yy = y[(s.org_id, s.member_id)]
        ax.barh(
            yy,
            (s.bar_end - s.bar_start).days,
            left=s.bar_start,
            height=0.7,
            color=colour[s.org_id],
            alpha=0.85,
            hatch="///" if s.start_basis == "by" else None,
            edgecolor="white",
            linewidth=0.3,
        )
        faint = min(pd.Timedelta(days=UNSTATED_DAYS), pd.Timestamp(end) - s.bar_end).days
        if s.unstated_end and faint > 0:  # the last evidence, then a faint open end: none stated
            ax.barh(
                yy,
                faint,
                left=s.bar_end,
                height=0.7,
                color=colour[s.org_id],
                alpha=UNSTATED_ALPHA,
                linewidth=0,
            )
        if (
            s.open_end
        ):  # just past the bar's end, outside the axes' clip: an open end lies at the axis' edge
            ax.scatter(
                [s.bar_end],
                [yy],
                marker=">",
                s=16,
                color="#333333",
                zorder=3,
                clip_on=False,
                transform=ax.transData + ScaledTranslation(4 / 72, 0, fig.dpi_scale_trans),
            )
    ax.set_yticks(list(y.values()), [labels[row] for row in y])
    ax.tick_params(axis="y", labelsize=MIN_TEXT_PT)
    ax.set_xlim(pd.Timestamp(start), pd.Timestamp(end))
    year_axis(ax, every=4 if narrow else 2)
    ax.grid(axis="x", which="both", color="#eeeeee", linewidth=0.5, zorder=0)
    ax.set_axisbelow(True)
    ax.set_xlabel(words["year axis"], fontsize=MIN_TEXT_PT)
    solid = ~spans["start_basis"].eq("by")  # a bar for each kind of start drawn: its key entry
    handles = [
        Patch(facecolor="#999999", alpha=0.85, edgecolor="white", label=words["joining dated"])
    ] * bool(solid.any()) + [
        Patch(
            facecolor="#999999",
            alpha=0.85,
            hatch="///",
            edgecolor="white",
            label=words["joining date not given"],
        )
    ] * bool((~solid).any())
    if spans["open_end"].any():  # the key lists only symbols the plot draws
        handles.append(
            Line2D(
                [],
                [],
                color="#333333",
                marker=">",
                linestyle="",
                label=words["still a member"],
            )
        )
    if spans["unstated_end"].any():
        handles.append(
            Patch(
                facecolor="#999999", alpha=UNSTATED_ALPHA, linewidth=0, label=words["unstated end"]
            )
        )
    key_under_figure(fig, handles, 1 if narrow else 2)  # under the year axis' label
    _widen_thin_bars(ax)
    return fig


# An end the chapters do not state: the bar stops at its last evidence, a faint year after it.
UNSTATED_DAYS, UNSTATED_ALPHA = 365, 0.3
MIN_BAR_PT = 4.0  # a membership of a month or less is a hairline at print size: drawn this wide


def _widen_thin_bars(ax, min_pt: float = MIN_BAR_PT) -> None:
    """Every bar narrower than `min_pt` as laid out, widened about its middle to `min_pt`, its
    hatch kept (the key tells a joining date not given by it): a span of days stays where it
    lies, but visible."""
    fig = ax.figure
    fig.draw_without_rendering()
    fig.set_layout_engine("none")  # the layout measured is the layout saved: no second pass
    days_per_pt = (lambda x0, x1: (x1 - x0) / (ax.bbox.width * 72 / fig.dpi))(*ax.get_xlim())
    for bar in (patch for container in ax.containers for patch in container):
        if bar.get_width() < min_pt * days_per_pt:
            middle = bar.get_x() + bar.get_width() / 2
            bar.set_x(middle - min_pt * days_per_pt / 2)
            bar.set_width(min_pt * days_per_pt)
            # the hatch stays: a widened bar drawn solid read as 'joining date given' in the key


@two_layouts
def months_side_by_side(
    lanes: pd.DataFrame,
    countries: list[str],
    names: dict[str, str],
    start: str,
    end: str,
    layout: str = "wide",
    lang: str = DEFAULT_LANG,
):
    """Month by month, the events of each country side by side (one column per country; narrow: one
    under another)."""
    narrow = layout == "narrow"
    months = pd.period_range(start, end, freq="M")
    if narrow:
        fig, axes = figure(3.4 * len(countries) + 0.4, figure_width(layout), nrows=len(countries))
    else:
        fig, axes = figure(3.6, ncols=len(countries), sharey=True)
    for ax, country in zip(np.atleast_1d(axes), countries):
        sub = lanes[(lanes["lane"] == country)].copy()
        sub["month"] = sub["date_lo"].dt.to_period("M")
        sub = sub[sub["month"].isin(months)].sort_values(["month", "event_id"])
        counts = {}
        for r in sub.itertuples():
            k = counts.get(r.month, 0)
            counts[r.month] = k + 1
            colour, marker = FAMILY_STYLE[r.family]
            ax.scatter(
                [k],
                [months.get_loc(r.month)],
                color=colour,
                marker=marker,
                s=30,
                edgecolor="white",
                linewidth=0.3,
                zorder=3,
            )  # above the month gridlines
        ax.set_title(names.get(country, country), fontsize=9)
        ax.set_xlim(-0.7, max(3, max(counts.values(), default=0)) - 0.3)
        ax.set_xticks([])
        ax.set_xlabel(words_in(WORDS, lang)["month axis"], fontsize=MIN_TEXT_PT)
        ax.grid(axis="y", color="#eeeeee", linewidth=0.5)
        ax.set_axisbelow(True)
    for ax in np.atleast_1d(axes) if narrow else np.atleast_1d(axes)[:1]:
        ax.set_yticks(
            range(len(months)),
            [dates.axis_words(m.to_timestamp(), "month", lang) for m in months],
        )
        ax.invert_yaxis()
    key_under_figure(fig, family_handles(axes, lang), ncol=2 if narrow else 5)  # both columns
    return fig
