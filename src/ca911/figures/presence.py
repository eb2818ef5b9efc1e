"""Foreign military presence and aid as charts: a dot plot of deployment records by place, with the
time axis broken at 11 September 2001, and the aid the chapters total, as bars."""

from __future__ import annotations

import re

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import StrMethodFormatter

from ca911.data import dates
from ca911.data.language import DEFAULT_LANG, check_language
from ca911.data.named_dates import NINE_ELEVEN
from ca911.data.numbers import count_in_column, money_label, with_qualifier
from ca911.data.presence_words import no_number, status_word
from ca911.figures.style import (
    MIN_TEXT_PT,
    OKABE_ITO,
    figure,
    figure_width,
    force_colour,
    force_short_name,
    latin_width,
    two_layouts,
    words_in,
    wrap,
)

STATUS_MARKERS = {"present": "o", "arriving": ">", "planned": "D", "agreed": "s", "capacity": "^"}


BREAK_DAY = pd.Timestamp(NINE_ELEVEN)


NOTE_WIDTH = 36  # characters: a longer note runs on to a second line (the row is drawn taller)


# English counts dollars in millions ("161.8 million"), Japanese in 万 ("1億6,180万ドル")
DOLLAR_UNIT = {"en": 1e6, "ja": 1e4}
NARROW_NOTE_WIDTH = 21  # on a phone's width the note wraps at this width too
WORDS = {
    "en": {
        "note": "{date} {status}: {numbers}",
        "aircraft": "{count}",
        "aircraft joiner": "; ",
        "host": "in {host}",
        "before": "before",
        "after": "after\n{date}",
        "notes": "  as printed: date, status, numbers",
        "notes narrow": "  as printed: date,\n  status, numbers",
        "key title": "marker shape: status",
        "dollars axis": "US dollars, millions",
        "title": "Amount by recipient",
        "title with total": "Amount by recipient; stated total {amount}",
        "title with total narrow": "Amount by recipient;\nstated total {amount}",
        "region": "Region-wide",
    },
    "ja": {
        "note": "{date} {status}：{numbers}",
        "aircraft": "航空機{count}",
        "aircraft joiner": "、",
        "host": "{host}",
        "before": "以前",
        "after": "{date}\n以後",
        "notes": "  印刷どおり：日付・状態・人数",
        "notes narrow": "  印刷どおり：\n  日付・状態・人数",
        "key title": "記号の形：状態",
        "dollars axis": "万ドル",
        "title": "受け入れ国別の額",
        "title with total": "受け入れ国別の額（記載された総額{amount}）",
        "title with total narrow": "受け入れ国別の額\n（記載された総額{amount}）",
        "region": "地域全体",
    },
}


def deployments_in(d: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The deployment records' words in the edition's language: force, host and facility by
    `names` (actor id → name), numbers with their qualifiers by `ca911.data.numbers`."""
    d = d.copy()
    d["force"] = d["force_id"].map(names)
    d["host"] = d["host_id"].map(names)
    d["facility"] = d["facility_id"].map(names).fillna("")
    d["personnel_label"] = [
        count_in_column(n, q, "persons", lang)
        for n, q in zip(d["personnel"], d["personnel_qualifier"])
    ]
    d["aircraft_label"] = [  # the counter inside the qualifier: '40機以上', not '40以上機'
        with_qualifier(n, q, lang=lang, unit="aircraft") if pd.notna(n) else ""
        for n, q in zip(d["aircraft"], d["aircraft_qualifier"])
    ]
    return d


def _record_label(r, lang: str = DEFAULT_LANG) -> str:
    """A deployment record's force and place, as its row is labelled."""
    place = (
        f" · {re.sub(r'( (air base|airfield)|(空軍基地|飛行場|基地))$', '', r.facility)}"
        if r.facility
        else ""
    )  # the kind: in the caption
    return force_short_name(r.force_id, r.force, lang) + place


@two_layouts
def deployment_chart(
    d: pd.DataFrame,
    layout: str = "wide",
    lang: str = DEFAULT_LANG,
    names: dict[str, str] | None = None,
):
    """A dot plot by place: one row per deployment record, grouped by host state; the time axis is
    broken at 11 September 2001 so the dense months after it get most of the width; each row names
    its force and place on the left and its date, status and numbers as printed on the right
    (nothing overlaps)."""
    narrow = layout == "narrow"
    words = words_in(WORDS, lang)
    if names is not None:
        d = deployments_in(d, names, lang)
    elif check_language(lang) != "en":
        raise ValueError("a deployment chart in Japanese needs the actors' Japanese `names`")
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
            numbers = (  # each number with its unit (people, aircraft; 人, 機), as on the map
                with_qualifier(r.personnel, r.personnel_qualifier, lang=lang, unit="persons")
                if pd.notna(r.personnel)
                else no_number(lang)
            )
            note = words["note"].format(
                date=dates.words(r.as_of, lang, short=True),
                status=status_word(r.status, lang),
                numbers=numbers,
            )
            # wrapped: every character of a note's width is taken from the time axes
            note = wrap(note, note_width, lang)
            if narrow:  # no room for labels left of the axes: the force and place head the note
                label = _record_label(r, lang)
                note = note if label == previous_label else f"{label}\n{note}"
                previous_label = label
            if pd.notna(r.aircraft):
                aircraft = words["aircraft"].format(
                    count=with_qualifier(
                        r.aircraft, r.aircraft_qualifier, lang=lang, unit="aircraft"
                    )
                )
                joiner = words["aircraft joiner"]
                last_line = note.rsplit("\n", 1)[-1]
                note += (
                    f"{joiner.rstrip()}\n{aircraft}"
                    if latin_width(f"{last_line}{joiner}{aircraft}") > note_width
                    else f"{joiner}{aircraft}"
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
        # wide: the notes column is as wide as its text, which the layout makes room for; its
        # axes take no share of the width the two time axes need
        gridspec_kw={"width_ratios": [0.45, 0.9, 1.45] if narrow else [0.8, 1.6, 0.02]},
    )
    before, after, notes = axes
    previous_label = None
    labels = []
    for (kind, item, note), y, h in zip(rows, centres, heights):
        if kind == "host":
            host = words["host"].format(host=item)
            labels.append("" if narrow else host)
            if narrow:
                notes.text(0.08, y, host, va="center", fontsize=MIN_TEXT_PT)
            previous_label = None
            for ax in (before, after, notes) if narrow else (before, after):
                ax.axhspan(y - h / 2, y + h / 2, color="#ececec", linewidth=0, zorder=0)
            continue
        r = item
        colour = force_colour(r.force_id)
        label = "" if narrow else _record_label(r, lang)
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
    # a year's label is as wide as the space between two years here: every other year is named
    before.set_xticks([pd.Timestamp("1999-01-01")])
    before.xaxis.set_minor_locator(mdates.YearLocator())
    after.set_xticks([pd.Timestamp(f"{y}-01-01") for y in (2002, 2004)])
    after.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=[1, 7]))
    for ax in (before, after):
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    before.set_title(words["before"], fontsize=MIN_TEXT_PT, loc="left")
    after.set_title(
        words["after"].format(  # on two lines: one is wider than the axes
            date=dates.words(NINE_ELEVEN, lang, short=True)
        ),
        fontsize=MIN_TEXT_PT,
        loc="left",
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
    notes.set_title(words["notes narrow" if narrow else "notes"], fontsize=MIN_TEXT_PT, loc="left")
    drawn = {m for ax in (before, after) for m in _drawn_markers(ax)}
    handles = [
        Line2D([], [], marker=m, color="#555555", linestyle="", label=status_word(s, lang))
        for s, m in STATUS_MARKERS.items()
        if m in drawn
    ]
    fig.legend(
        handles=handles,
        loc="outside lower center",
        ncol=3 if narrow else 5,
        frameon=False,
        title=words["key title"],
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
def aid_bars(
    parts: pd.DataFrame,
    total: int | None,
    layout: str = "wide",
    lang: str = DEFAULT_LANG,
    names: dict[str, str] | None = None,
):
    """Horizontal bars in millions of dollars, each labelled with its amount at the precision the
    data hold (`ca911.data.numbers.money_label`); the title says what is drawn and gives the total
    the chapter states (that the parts add up to it is a check of the data, not the figure's news);
    recipients named from `names` (actor id → name) where given."""
    words = words_in(WORDS, lang)
    unit = DOLLAR_UNIT[lang]  # the axis counts in the unit the bars' labels write
    fig, ax = figure(2.8 if layout == "narrow" else 2.4, figure_width(layout))
    y = list(range(len(parts)))[::-1]
    ax.barh(y, parts["amount_usd"] / unit, color=OKABE_ITO[4])
    ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    for yy, v in zip(y, parts["amount_usd"]):
        ax.annotate(
            money_label(v, lang),
            (v / unit, yy),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=MIN_TEXT_PT,
        )
    recipients = (
        parts["recipient"]
        if names is None
        else [names.get(i, words["region"]) for i in parts["recipient_id"]]
    )
    ax.set_yticks(y, recipients)
    ax.set_xlabel(words["dollars axis"])
    title = (
        words["title with total narrow" if layout == "narrow" else "title with total"].format(
            amount=money_label(total, lang)
        )
        if total
        else words["title"]
    )
    ax.set_title(title, fontsize=MIN_TEXT_PT, loc="left")
    ax.set_xlim(0, parts["amount_usd"].max() / unit * 1.25)
    return fig
