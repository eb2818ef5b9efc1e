"""The map's labels: what each group of markers says and where it goes (`LabelPlacer` keeps it clear
of markers and other labels), and the names of the places."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.transforms import ScaledTranslation

from ca911.data.language import DEFAULT_LANG
from ca911.data.numbers import with_qualifier
from ca911.data.presence_words import no_number, status_word
from ca911.figures.label_placement import LabelPlacer, data_to_pt
from ca911.figures.map_markers import (
    MARKER_GAP_PT,
    marker_radius_pt,
)
from ca911.figures.style import (
    force_colour,
    force_short_name,
    latin_width,
    words_in,
    wrap,
)

# Where each label would best go, in points from its marker: (dx, dy, ha, va); `LabelPlacer` moves a
# label that would cover a marker, another label or a leader line, or leave its panel. Keys: (place,
# force) for a force's numbers, place for a place name.
LABEL_AT = {
    ("karshi-khanabad", "USA"): (-6, -6, "right", "top"),
    ("kulyab", "USA"): (9, 0, "left", "center"),
    ("dushanbe", "RUS"): (-8, -16, "right", "top"),
    ("tashkent", "USA"): (-14, 12, "right", "bottom"),
    ("tashkent", "western-forces"): (-20, 25, "right", "bottom"),
    ("bishkek", "western-forces"): (0, 10, "center", "bottom"),
    ("bishkek", "RUS"): (-6, 14, "right", "bottom"),
    ("manas", "USA"): (-11, 4, "right", "top"),
    ("kant", "RUS"): (-4, -8, "left", "top"),
    ("kant", "CRRF"): (9, 4, "left", "top"),
}


NAME_AT = {
    "karshi-khanabad": (-4, 4, "right", "bottom"),
    "kulyab": (0, -5, "center", "top"),
    "dushanbe": (4, 4, "left", "bottom"),
    "tashkent": (5, -3, "left", "top"),
    "bishkek": (5, -4, "left", "top"),
    "manas": (-11, 5, "right", "bottom"),
    "kant": (9, 5, "left", "bottom"),
}
SHORT_NAMES = {
    "en": {"karshi-khanabad": "Khanabad", "kulyab": "Kulyab", "manas": "Manas", "kant": "Kant"},
    "ja": {
        "karshi-khanabad": "ハナバード",
        "kulyab": "クリャブ",
        "manas": "マナス",
        "kant": "カント",
    },
}
WORDS = {
    "en": {"aircraft": "{count}", "name": "{name}: {body}"},
    "ja": {"aircraft": "航空機{count}", "name": "{name}：{body}"},
}
HALO = {
    "boxstyle": "round,pad=0.08",
    "facecolor": "white",
    "edgecolor": "none",
    "alpha": 0.8,
}  # keeps a label readable over borders
NAME_REACH_PT = 40.0  # how far from its point a place name may go (with a leader line)
# and a force's label: a long leader line crosses the panel and reads as pointing elsewhere
LABEL_REACH_PT = 60.0


def _count_line(r, lang: str = DEFAULT_LANG) -> str:
    words = words_in(WORDS, lang)
    count = (
        no_number(lang)
        if pd.isna(r.personnel)
        else with_qualifier(r.personnel, r.personnel_qualifier, lang=lang)
    )  # the number with its qualifier, as printed
    expected = (
        r.status == "planned" and r.personnel_qualifier == "expected"
    )  # "3,200 expected" says it already
    status = "" if r.status == "present" or expected else f" {status_word(r.status, lang)}"
    if (
        status and latin_width(count + status) > 14
    ):  # panels are narrow: the status on a line of its own
        status = "\n" + status.strip()
    aircraft = (
        ""
        if pd.isna(r.aircraft)
        else "\n"
        + words["aircraft"].format(
            count=with_qualifier(r.aircraft, r.aircraft_qualifier, lang=lang, unit="aircraft")
        )
    )
    return count + status + aircraft


def group_label(
    rows: pd.DataFrame, force: str, narrow: bool = False, lang: str = DEFAULT_LANG
) -> str:
    """The force's name, then each number as printed (a record without a number only when none has
    one); `narrow`: the name on a line of its own."""
    words = words_in(WORDS, lang)
    lines = list(dict.fromkeys(_count_line(r, lang) for r in rows.itertuples()))
    numbered = [ln for ln in lines if not ln.startswith(no_number(lang))]
    name = force_short_name(force, force, lang)
    body = "\n".join(numbered or lines[:1])
    first = words["name"].format(name=name, body=body.splitlines()[0])
    if narrow or latin_width(first) > 22:  # a long first line: the name on a line of its own
        return wrap(words["name"].format(name=name, body="").rstrip(), 15, lang) + "\n" + body
    return words["name"].format(name=name, body=body)


def label_groups(
    placer: LabelPlacer, sites: list[dict], narrow: bool = False, lang: str = DEFAULT_LANG
) -> None:
    """Each force's name and numbers beside its marker, in the force's colour on a light halo,
    queued for `placer.place_all` after the place names; the longest labels first, while there is
    most room. Forces set side by side at one place
    share one label, a line or two each, in the book's text colour (each line names its force), with
    one leader line to the row of markers."""
    by_place: dict[str, list[dict]] = {}
    for site in sites:
        by_place.setdefault(site["anchor"], []).append(site)
    labels = []
    for anchor, here in by_place.items():
        if len(here) == 1:
            site = here[0]
            labels.append(
                (
                    group_label(site["rows"], site["force"], narrow, lang),
                    site,
                    site["at_pt"],
                    site["r"],
                    force_colour(site["force"]),
                    LABEL_AT.get((anchor, site["force"])),
                )
            )
            continue
        xs = [s["at_pt"][0] for s in here]
        at = ((min(xs) + max(xs)) / 2, here[0]["at_pt"][1])
        r = max(abs(s["at_pt"][0] - at[0]) + s["r"] for s in here)
        text = "\n".join(group_label(s["rows"], s["force"], narrow, lang) for s in here)
        labels.append(
            (
                text,
                {
                    **here[0],
                    "offset_pt": (
                        at[0] - here[0]["at_pt"][0] + here[0]["offset_pt"][0],
                        here[0]["offset_pt"][1],
                    ),
                },
                at,
                r,
                "#222222",
                None,
            )
        )
    for text, site, at, r, colour, prefer in sorted(labels, key=lambda item: -len(item[0])):
        shift = ScaledTranslation(
            site["offset_pt"][0] / 72, site["offset_pt"][1] / 72, placer.ax.figure.dpi_scale_trans
        )
        placer.queue(
            text,
            (site["lon"], site["lat"]),
            at,
            r,
            colour=colour,
            prefer=prefer,
            xycoords=placer.ax.transData + shift,
            within_pt=r + LABEL_REACH_PT,
            bbox=HALO,
            zorder=6,
        )


def place_names(
    ax,
    pts: pd.DataFrame,
    places,
    placer: LabelPlacer,
    lang: str = DEFAULT_LANG,
) -> None:
    """Each place's name right beside its point, or beside the markers set round it; placed before
    the forces' labels, which may sit further off with a leader line. A name with no free spot
    beside its point goes a little further off with a leader line: no place is left unnamed."""
    to_pt = data_to_pt(ax)
    for place in places:
        p = pts.loc[place]
        at = to_pt(p["lon"], p["lat"])
        capital = isinstance(p["capital_of"], str) and p["capital_of"] != ""
        r = marker_radius_pt(9 if capital else 6)
        # the markers touching the point, and those touching them, count as its own
        for x, y, mr in placer.markers:
            near = math.hypot(x - at[0], y - at[1]) < r + mr + MARKER_GAP_PT
            if (x, y, mr) not in placer.rings and near:
                r = max(r, math.hypot(x - at[0], y - at[1]) + mr)
        name = words_in(SHORT_NAMES, lang).get(place, p["name"])
        style = {"colour": "#222222", "prefer": NAME_AT.get(place), "zorder": 3}
        # right beside the point where there is room (spots are tried nearest first); else a little
        # further off, with a leader line
        placer.queue(name, (p["lon"], p["lat"]), at, r, within_pt=r + NAME_REACH_PT, **style)
