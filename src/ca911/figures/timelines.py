"""The chronologies on a time axis: event timelines, swimlanes of states, membership bars and months
side by side (the coded tables are in `coded_tables`, the networks in `*_networks`). Each takes tidy
frames from `ca911.analysis.chronology` and returns a Figure in the one style
(`ca911.figures.style`), drawn for the text column (`layout="wide"`) and carrying its drawing for a
phone's width (`layout="narrow"`: taller, panels stacked, keys in fewer columns; see
`style.two_layouts`)."""

from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import ScaledTranslation

from ca911.analysis.chronology import OTHER_LANE
from ca911.data import dates
from ca911.data.language import DEFAULT_LANG
from ca911.data.named_dates import NINE_ELEVEN
from ca911.figures.style import (
    MIN_TEXT_PT,
    OKABE_ITO,
    figure,
    figure_width,
    keep_inside_axes,
    latin_width,
    two_layouts,
    words_in,
    wrap,
)

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
WORDS = {
    "en": {
        "no label": "no label stated",
        "month axis": "events in the month, one marker each",
        "joining date not given": "member by this date (joining date not given)",
        "still a member": "still a member at the chapters’ time",
        "lane": "chapter {number}",
        "other lane": "others",
        "band key": "Grey bands, {country}\u2019s periods: {periods}",
        "nine eleven": "11 September 2001",
    },
    "ja": {
        "no label": "分析上の規定なし",
        "month axis": "その月の出来事（1件につき1個）",
        "joining date not given": "この時点で加盟（加盟日の記載なし）",
        "still a member": "各章の時点でなお加盟",
        "lane": "第{number}章",
        "other lane": "その他",
        "band key": "灰色の帯は{country}の時期区分：{periods}",
        "nine eleven": "2001年9月11日",
    },
}
# A period's policy type in Japanese: the codebook's Japanese term (periods.policy_type).
POLICY_WORDS_JA = {
    "balance_of_power": "勢力均衡型",
    "bandwagon": "バンドワゴン型",
    "omnidirectional": "全方位外交",
    "pragmatic": "実利主義",
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
    levels = (
        len(key_days or {}) if narrow else 2
    )  # on a phone's width each label has a line of its own
    for k, (day, label) in enumerate(
        (key_days or {}).items()
    ):  # every other label a line higher: neighbours never touch
        ax.axvline(pd.Timestamp(day), color="#555555", linewidth=0.7, linestyle=":", zorder=0)
        ax.annotate(
            label,
            (pd.Timestamp(day), 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, 3 + 11 * (k % levels)),
            textcoords="offset points",
            fontsize=MIN_TEXT_PT,
            ha="left" if k == 0 else "center",
            va="bottom",
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
    ax.xaxis.set_major_formatter(mdates.DateFormatter(dates.axis_format("day", lang)))
    ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    family_legend(
        ax,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.09 if narrow else -0.12),
        ncol=2 if narrow else 3,
        lang=lang,
    )  # five in a row outgrow the column
    return fig


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
                number = str(p.period_id).rsplit("-", 1)[-1]
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
            band_names.append((name, x1))
    for row in lanes.itertuples():
        if row.lane not in y:
            continue
        colour, marker = FAMILY_STYLE[row.family]
        yy = y[row.lane]
        hi = row.date_end_hi if pd.notna(row.date_end_hi) else row.date_hi
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
    for name, band_end in band_names:
        _clear_of_day(name, pd.Timestamp(NINE_ELEVEN), band_end)
    ax.set_xlim(pd.Timestamp(start), pd.Timestamp(end))
    _year_axis(ax, every=4 if narrow else 2)
    ax.grid(axis="x", which="both", color="#e5e5e5", linewidth=0.5)
    if band_key:  # the bands' names under the years, the key of families under them
        joiner = "、" if lang == "ja" else ", "
        key = words_in(WORDS, lang)["band key"].format(
            country=lane_names.get(periods["country_id"].iloc[0], ""),
            periods=joiner.join(band_key),
        )
        _fit_wrapped(ax.set_xlabel(key, fontsize=MIN_TEXT_PT, loc="left"), key, lang)
        fig.legend(
            handles=family_handles(ax, lang),
            loc="outside lower center",
            ncol=2,
            fontsize=MIN_TEXT_PT,
            frameon=False,
        )
    else:
        family_legend(
            ax,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.06 if narrow else -0.08),
            ncol=2 if narrow else 3,
            lang=lang,
        )
    fig.draw_without_rendering()  # the axes in their final place
    keep_inside_axes(day_label)
    return fig


def _clear_of_day(text, day: pd.Timestamp, band_end: pd.Timestamp, margin_days: int = 40) -> None:
    """A band's name that the day's vertical line would run through starts just after the line
    instead, if it fits in its band there (measured on the laid-out figure; the layout does not
    depend on where it sits)."""
    fig = text.figure
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    box = text.get_window_extent(renderer)
    to_days = text.axes.transData.inverted()
    line_x = text.axes.transData.transform((mdates.date2num(day), 0))[0]
    if not box.x0 <= line_x <= box.x1:
        return
    width_days = to_days.transform((box.x1, 0))[0] - to_days.transform((box.x0, 0))[0]
    after = day + pd.Timedelta(days=margin_days)
    if mdates.date2num(after) + width_days <= mdates.date2num(band_end):
        text.set_x(after)


def _fit_wrapped(text, words: str, lang: str, widest: int = 56) -> None:
    """A text that starts at its axes' left edge, wrapped at the widest width that keeps it inside
    the figure (measured on the laid-out figure: a phone's figure has no room past its edge)."""
    fig = text.figure
    for width in range(widest, 9, -2):
        text.set_text(wrap(words, width, lang))
        fig.draw_without_rendering()
        if text.get_window_extent(fig._get_renderer()).x1 <= fig.bbox.x1:
            return


def _year_axis(ax, every: int = 2) -> None:
    """Years on a time axis: a tick for every year, a label every other year (fourteen labels run
    together)."""
    ax.xaxis.set_major_locator(mdates.YearLocator(every))
    ax.xaxis.set_minor_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=MIN_TEXT_PT)


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
    if narrow:  # a label wider than about a third of a phone's column: the member under it
        labels = {
            k: v.replace(" · ", "\n") if latin_width(v) > 24 else v for k, v in labels.items()
        }
    row_h = 0.3 if any("\n" in v for v in labels.values()) else 0.16
    fig, ax = figure(max(2.5, row_h * len(rows) + (1.1 if narrow else 0.8)), figure_width(layout))
    orgs = list(dict.fromkeys(spans["org_id"]))
    colour = {o: OKABE_ITO[i % len(OKABE_ITO)] for i, o in enumerate(orgs)}
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
    _year_axis(ax, every=4 if narrow else 2)
    ax.grid(axis="x", which="both", color="#eeeeee", linewidth=0.5, zorder=0)
    ax.set_axisbelow(True)
    handles = [
        Patch(
            facecolor="#999999",
            hatch="///",
            edgecolor="white",
            label=words["joining date not given"],
        )
    ]
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
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.06),
        ncol=1 if narrow else 2,
        fontsize=MIN_TEXT_PT,
        frameon=False,
    )
    return fig


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
            [m.to_timestamp().strftime(dates.axis_format("month", lang)) for m in months],
        )
        ax.invert_yaxis()
    fig.legend(
        handles=family_handles(axes, lang),
        loc="outside lower center",
        ncol=2 if narrow else 5,
        frameon=False,
    )  # spans both columns
    return fig
