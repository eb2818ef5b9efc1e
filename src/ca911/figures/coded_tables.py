"""Chapter tables drawn as coded figures: the stances of autumn 2001 as a heatmap and Table 1 (the
Iraq war) as codes, in the one style of `ca911.figures.style`."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from ca911.analysis.chronology import stance_changes
from ca911.data import dates
from ca911.data.language import DEFAULT_LANG, check_language
from ca911.figures.style import (
    MIN_TEXT_PT,
    OKABE_ITO,
    figure,
    figure_width,
    two_layouts,
    words_in,
    wrap,
)

# Ordinal: grey for "not stated", then ColorBrewer's YlGnBu in six classes (colour-blind safe, in
# clear steps of lightness) from light (refuses) to dark (full support). A carried-forward day keeps
# its code's colour under a hatch: lightening it would make it read as a lower code.
STANCE_COLOURS = ["#e6e6e6", "#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"]
CARRIED_HATCH = "//"
HATCH_ON_LIGHT, HATCH_ON_DARK = "#555555", "#ffffff"
# The codebook's stance scale (stances.stance) in our Japanese, code by code, number first as in
# the English labels ('3 — declares …').
STANCE_WORDS_JA = {
    "not_stated": "0 — 立場の表明なし",
    "refuses": "1 — 自国領土・地域のアメリカ軍使用を拒む",
    "denies_plans": "2 — アメリカ軍使用の要請・交渉・計画を否定（排除はしない）",
    "general_cooperation": "3 — 対テロ協力の用意を表明（軍事的な利用には触れない）",
    "airspace": "4 — 領空（上空通過）を提供または拒まない、人道目的に限る場合を含む",
    "search_rescue": "5 — 捜索救難・人道作戦に限って飛行場や領土を提供",
    "full_support": "6 — アメリカ軍の作戦を全面的に支援・協力、または基地使用を提供・受け入れ",
}
# Table 1's codes (iraq_war_responses.value_code) in our Japanese.
TABLE1_CODE_WORDS_JA = {
    "passive_neutrality": "消極的中立",
    "active_support": "積極的支持、有志連合に参加",
    "majority_opposed": "多数が反対（割合の記載あり）",
    "majority_opposed_presumed": "不明、多数が反対と推定",
    "concern": "懸念が示された",
    "none": "特になし",
    "within_cst": "集団安全保障条約の枠内で安全保障関係を深める",
    "outside_csto": "CSTO の枠外での安全保障協力（SCO など）",
    "troops_sent": "イラクへ要員を派遣",
    "no_troops": "特段の要員派遣なし",
}
# The heatmap key's lines, in Latin characters (a Japanese one counts two, and sets a little wider
# than two Latin ones: the two columns of the key must fit the text width).
KEY_WIDTH = {"en": {"wide": 46, "narrow": 52}, "ja": {"wide": 38, "narrow": 40}}
WORDS = {
    "en": {
        "carried forward": "hatched = carried forward",
        "changed": "position changed",
        "this day": "this day",
        "read from context": " (read from context)",
        "no code": "no code",
    },
    "ja": {
        "carried forward": "斜線 = 前の立場を引き継ぐ日",
        "changed": "立場が変わった日",
        "this day": "この日",
        "read from context": "（文脈から読み取った日付）",
        "no code": "コードなし",
    },
}


def stance_key_labels(codebook_labels: dict[str, str], lang: str = DEFAULT_LANG) -> list[str]:
    """The stance scale's labels in code order, as the heatmap's key prints them: the codebook's
    own words in English, ours in Japanese."""
    if check_language(lang) == "ja":
        return [STANCE_WORDS_JA[code] for code in codebook_labels]
    return list(codebook_labels.values())


def table1_code_words(codebook_labels: dict[str, str], lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Table 1's codes in words for its cells: the codebook's label after its dimension ('government
    stance: passive neutrality' → 'passive neutrality'), in Japanese ours."""
    if check_language(lang) == "ja":
        return {code: TABLE1_CODE_WORDS_JA[code] for code in codebook_labels}
    return {code: label.split(": ")[-1] for code, label in codebook_labels.items()}


def stance_words(label: str, width: int = 46, lang: str = DEFAULT_LANG) -> str:
    """A stance scale label from the codebook as the key prints it, wrapped: '3 — declares …' → '3
    declares …'. A remark on how the data keep the code ('(used only by carry-forward, never
    stored)') is for the codebook, not the reader of the chart."""
    label = re.sub(r"\s*\([^)]*\b(?:stored|carry-forward)\b[^)]*\)", "", label)
    return wrap(label.replace(" — ", " ", 1), width, lang)


@two_layouts
def stance_heatmap(
    codes: pd.DataFrame,
    evidenced: pd.DataFrame,
    stance_labels: list[str],
    state_names: dict[str, str],
    layout: str = "wide",
    lang: str = DEFAULT_LANG,
):
    """States × days in the colour of each day's code; carried-forward days hatched; ▲ where a
    position changed; ○ on an evidenced day that is a reading, not printed
    (`evidenced.attrs["approximate"]`). `stance_labels` are the codebook's labels of the codes 0, 1,
    … in order ("3 — general cooperation …")."""
    narrow = layout == "narrow"
    words = words_in(WORDS, lang)
    fig, ax = figure(6.4 if narrow else 4.2, figure_width(layout))
    n = len(stance_labels)
    rgba = np.array([[to_rgba(STANCE_COLOURS[c]) for c in crow] for crow in codes.to_numpy()])
    ax.imshow(rgba, aspect="auto", interpolation="none")
    _hatch_carried(ax, codes.to_numpy(), evidenced.to_numpy())
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
    _run_codes(ax, codes.to_numpy(), rgba, min_run=5 if narrow else 4, skip=approximate)
    ax.set_yticks(range(len(codes.index)), [state_names.get(s, s) for s in codes.index])
    days = list(codes.columns)
    # Mondays; on a phone's width every other one; '9月17日' is wider than '17 Sep': every other
    # one, on a phone every third
    every = (3 if lang == "ja" else 2) if narrow else (2 if lang == "ja" else 1)
    ticks = [i for i, d in enumerate(days) if d.weekday() == 0][::every]
    ax.set_xticks(ticks, [dates.axis_words(days[i], "day", lang) for i in ticks])
    ax.set_xticks(range(len(days)), minor=True)
    ax.tick_params(axis="x", which="minor", length=0)
    handles = [
        Patch(
            facecolor=STANCE_COLOURS[i],
            edgecolor="#999999",
            label=stance_words(stance_labels[i], KEY_WIDTH[lang][layout], lang),
        )
        for i in range(n)
    ]
    handles += [
        Patch(
            facecolor="white",
            edgecolor=HATCH_ON_LIGHT,
            hatch=CARRIED_HATCH,
            linewidth=0,
            label=words["carried forward"],
        ),
        Line2D([], [], marker="^", color="black", linestyle="", label=words["changed"]),
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
                label=dates.approximately(words["this day"], True, lang)
                + words["read from context"],
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


def _light(colour) -> bool:
    r, g, b, _ = to_rgba(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b >= 0.45


def _hatch_carried(ax, codes: np.ndarray, evidenced: np.ndarray) -> None:
    """Each run of carried-forward days of one code under a hatch, dark on a light colour and
    white on a dark one."""
    for row in range(codes.shape[0]):
        start = None
        for day in range(codes.shape[1] + 1):
            carried = day < codes.shape[1] and not evidenced[row, day]
            same = start is not None and carried and codes[row, day] == codes[row, start]
            if start is not None and not same:
                colour = STANCE_COLOURS[codes[row, start]]
                ax.add_patch(
                    Rectangle(
                        (start - 0.5, row - 0.5),
                        day - start,
                        1.0,
                        facecolor="none",
                        edgecolor=HATCH_ON_LIGHT if _light(colour) else HATCH_ON_DARK,
                        hatch=CARRIED_HATCH,
                        linewidth=0,
                        zorder=2,
                    )
                )
                start = None
            if carried and start is None:
                start = day


def _run_codes(ax, codes: np.ndarray, rgba: np.ndarray, min_run: int, skip=None) -> None:
    """Each run of days a state keeps one position carries the position's code in its middle, so
    the scale is read from the numbers as well as from the colours (the key lists both): a run of
    at least `min_run` days, where the number clears the ▲ at the run's start; not on a day marked
    ○ (`skip`, a reading). White on a dark cell, black on a light one (the cell as it shows on
    white: a carried-forward day is light)."""
    marked = np.zeros(codes.shape, bool) if skip is None else skip.to_numpy()
    for row, values in enumerate(codes):
        start = 0
        for end in range(1, len(values) + 1):
            if end < len(values) and values[end] == values[start]:
                continue
            middle = start + (end - start) // 2
            if end - start >= min_run and not marked[row, middle]:
                r, g, b, alpha = rgba[row, middle]
                shown = [alpha * c + (1 - alpha) for c in (r, g, b)]
                luminance = 0.2126 * shown[0] + 0.7152 * shown[1] + 0.0722 * shown[2]
                ax.text(
                    middle,
                    row,
                    str(int(values[start])),
                    ha="center",
                    va="center",
                    fontsize=MIN_TEXT_PT,
                    color="white" if luminance < 0.45 else "black",
                    zorder=5,
                    # on the cell's own colour: clear of a carried-forward day's hatch
                    bbox={"boxstyle": "square,pad=0.1", "facecolor": (r, g, b), "linewidth": 0},
                )
            start = end


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
    lang: str = DEFAULT_LANG,
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
                wrap(labels.get(v, v.replace("_", " ")), 21 if narrow else 27, lang)
                if coded
                else words_in(WORDS, lang)["no code"]
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
            [wrap(label[:1].upper() + label[1:], 24, lang) for label in row_labels],
        )
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(length=0)
    return fig
