"""The map of foreign military presence: country borders from `data/geo/central_asia.geojson`
(Natural Earth via world-atlas), points from `data/places.csv` (GeoNames; external, not from the
chapters), records from `deployments.csv`. Small multiples by period, in the book's one figure
style."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
from matplotlib.patches import Polygon

from ca911.analysis.chronology import deployment_timeline
from ca911.data.geometry import borders, clip_ring, distance_km
from ca911.data.language import DEFAULT_LANG, check_language
from ca911.data.named_dates import END_OF_2001, NINE_ELEVEN, NINE_ELEVEN_EVE
from ca911.data.package import DataPackage
from ca911.figures.label_placement import LabelPlacer
from ca911.figures.map_key import presence_key
from ca911.figures.map_labels import HALO, label_groups, place_names
from ca911.figures.map_markers import (
    draw_groups,
    place_points,
)
from ca911.figures.style import (
    FIGURE_WIDTH_IN,
    MIN_TEXT_PT,
    NARROW_WIDTH_IN,
    figure,
    force_colour,
    keep_inside_axes,
    two_layouts,
    words_in,
)

# (key, panel title, first day, last day): a record belongs to the period its as_of ends in, so a
# presence dated only "2001" (stated in the autumn-2001 account) falls after 11 September.
PERIODS = [
    ("before-9-11", "Before 11 September 2001", "1900-01-01", NINE_ELEVEN_EVE),
    ("end-2001", "11 September to end of 2001", NINE_ELEVEN, END_OF_2001),
    ("2002", "2002", "2002-01-01", "2002-12-31"),
    ("2003", "2003 (to October)", "2003-01-01", "2003-12-31"),
]
WORDS = {
    "en": {
        "titles": {key: title for key, title, _, _ in PERIODS},
        "to Iraq": "to Iraq: {force}\u2019s {unit},\n{personnel}",
        "countries": {},
    },
    "ja": {
        "titles": {
            "before-9-11": "2001年9月11日以前",
            "end-2001": "9月11日から2001年末まで",
            "2002": "2002年",
            "2003": "2003年（10月まで）",
        },
        "to Iraq": "イラクへ：{force}の\n{unit}、{personnel}",
        # countries drawn on the map that no chapter names (no actor, so no name_ja)
        "countries": {"IRN": "イラン"},
    },
}
EXTENT = (
    57.5,
    80.5,
    35.9,
    45.6,
)  # west, east, south, north of each panel (degrees): where the forces were
# The Bishkek area (Manas and Kant), enlarged in a strip under each panel; the points
# sit in its upper part.
INSET = (73.84, 75.6, 42.66, 43.0)
MID_LAT = 43.0  # equirectangular: one degree of longitude is cos(43°) of one of latitude
# Country names, drawn in the first panel (the one with fewest labels): where each reads inside its
# country.
COUNTRY_LABELS = {
    "KAZ": (66.0, 44.6),
    "UZB": (60.8, 42.5),
    "TKM": (61.0, 40.4),
    "KGZ": (76.5, 41.3),
    "TJK": (73.4, 37.5),
    "AFG": (67.6, 36.4),
    "CHN": (78.8, 38.0),
    "IRN": (58.9, 36.6),
}
LAND, BORDER, FOCUS = "#f2efe9", "#9a9a9a", "#e4ded2"


def points(pkg: DataPackage, lang: str = DEFAULT_LANG) -> pd.DataFrame:
    """Every place of places.csv with its name; index place_id."""
    p = pkg.places.set_index("place_id")
    p["name"] = [pkg.actor_name(i, lang) for i in p.index]
    return p


def map_records(pkg: DataPackage) -> pd.DataFrame:
    """Every deployment with where the map draws it: the facility's point, or for a presence the
    chapters place only in a country, that country's capital (`in_country_only`); `anchor` is empty
    and `not_mappable` says why when neither exists."""
    d = deployment_timeline(pkg)
    pts = points(pkg)
    capitals = {c: i for i, c in pts["capital_of"].dropna().items()}
    anchors, country_only, reasons = [], [], []
    for r in d.itertuples():
        if isinstance(r.facility_id, str) and r.facility_id:
            anchor = r.facility_id if r.facility_id in pts.index else ""
            reasons.append("" if anchor else f"no coordinates for {r.facility_id} in places.csv")
            country_only.append(False)
        else:
            anchor = capitals.get(r.host_id, "")
            reasons.append(
                ""
                if anchor
                else f"host {r.host} lies outside the mapped region (no capital in places.csv)"
            )
            country_only.append(True)
        anchors.append(anchor)
    d["anchor"], d["in_country_only"], d["not_mappable"] = anchors, country_only, reasons
    period = pd.Series("", index=d.index)
    for key, _, first, last in PERIODS:
        period[
            (d["as_of_hi"] >= pd.Timestamp(first))
            & (d["as_of_hi"] <= pd.Timestamp(last) + pd.Timedelta(hours=23))
        ] = key
    d["map_period"] = period
    return d


def _draw_borders(ax, geo: dict, extent: tuple[float, float, float, float]) -> None:
    west, east, south, north = extent
    for feature in geo["features"]:
        focus = feature["id"] in ("KAZ", "UZB", "KGZ", "TJK", "TKM")
        for polygon in feature["geometry"]["coordinates"]:
            outer = polygon[0]
            outer = clip_ring(outer, (west, south, east, north))  # only what the panel shows
            if len(outer) < 3:
                continue
            ax.add_patch(
                Polygon(
                    outer,
                    closed=True,
                    facecolor=FOCUS if focus else LAND,
                    edgecolor=BORDER,
                    linewidth=0.4,
                    zorder=1,
                )
            )


def _frame(ax, bounds, edge: str) -> None:
    """A map panel (or the inset) on (west, east, south, north): equirectangular at the mid
    latitude, no ticks."""
    ax.set_xlim(bounds[0], bounds[1])
    ax.set_ylim(bounds[2], bounds[3])
    ax.set_aspect(1 / math.cos(math.radians(MID_LAT)))
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color(edge)


TITLE_H_IN, GAP_IN, KEY_H_IN = 0.24, 0.1, 0.62
PANEL_W_IN = (FIGURE_WIDTH_IN - GAP_IN) / 2  # two panels across the text column


NARROW_KEY_H_IN = (
    2.0  # the key in one column under four stacked panels, each as wide as a phone's column
)


@two_layouts
def presence_map(
    pkg: DataPackage,
    data_dir: str | Path | None = None,
    layout: str = "wide",
    lang: str = DEFAULT_LANG,
):
    """Four panels, one per period, two by two across the text width (narrow: one under another):
    borders, capitals, and every deployment record dated in the period, marker by force, area by the
    printed number, the force and the number with its qualifier as the label. Under each panel,
    outside its frame, a strip enlarges the Bishkek area, where Manas and Kant lie too close to tell
    apart at the panel's scale."""
    columns = 1 if layout == "narrow" else 2
    key_h = NARROW_KEY_H_IN if layout == "narrow" else KEY_H_IN
    panel_w = NARROW_WIDTH_IN if layout == "narrow" else PANEL_W_IN
    words = words_in(WORDS, lang)
    geo = borders(data_dir)
    d = map_records(pkg)
    pts = points(pkg, lang)
    if lang != "en":
        from ca911.figures.presence import deployments_in

        d = deployments_in(d, dict(zip(pkg.actors["actor_id"], pkg.actors[f"name_{lang}"])), lang)
    west, east, south, north = EXTENT
    map_h, strip_h = (
        panel_w * (n - s) / ((e - w) * math.cos(math.radians(MID_LAT)))
        for w, e, s, n in (EXTENT, INSET)
    )  # each as tall as its extent at the panel's width
    row_h = TITLE_H_IN + map_h + GAP_IN / 2 + strip_h + GAP_IN
    width, height = (
        columns * panel_w + (columns - 1) * GAP_IN,
        -(-len(PERIODS) // columns) * row_h + key_h,
    )
    fig, _ = figure(height, width_in=width, layout=None)
    fig.clear()
    inset_places = [
        p
        for p in pts.index
        if INSET[0] <= pts.loc[p, "lon"] <= INSET[1] and INSET[2] <= pts.loc[p, "lat"] <= INSET[3]
    ]
    for k, (key, _, _, _) in enumerate(PERIODS):
        title = words["titles"][key]
        col, row = k % columns, k // columns
        left = col * (panel_w + GAP_IN) / width
        top = height - row * row_h - TITLE_H_IN
        ax = fig.add_axes((left, (top - map_h) / height, panel_w / width, map_h / height))
        strip = fig.add_axes(
            (left, (top - map_h - GAP_IN / 2 - strip_h) / height, panel_w / width, strip_h / height)
        )
        ax.set_gid(f"map-period-{key}")
        strip.set_gid(f"map-period-{key}-inset")
        sub = d[(d["map_period"] == key) & (d["anchor"] != "")]
        _draw_borders(ax, geo, EXTENT)
        _frame(ax, (west, east, south, north), "#bbbbbb")
        ax.set_facecolor("white")
        ax.set_title(title, fontsize=10, loc="left", pad=4)
        placer = LabelPlacer(ax)
        on_map = [
            p
            for p in pts.index
            if (p not in inset_places or p == "bishkek")
            and west <= pts.loc[p, "lon"] <= east
            and south <= pts.loc[p, "lat"] <= north
        ]
        place_points(ax, pts, on_map, placer)
        sites = draw_groups(ax, sub, pts, placer)
        labelled = [
            s for s in sites if not (s["anchor"] in inset_places and not s["country_only"])
        ]  # bases: in the strip
        for iso, (x, y) in COUNTRY_LABELS.items() if k == 0 else ():
            name = _country_name(pkg, geo, iso, lang)
            placer.block(
                keep_inside_axes(
                    ax.text(
                        x,
                        y,
                        name,
                        fontsize=MIN_TEXT_PT,
                        color="#555555",
                        ha="center",
                        va="center",
                        zorder=2,
                        fontstyle="normal" if lang == "ja" else "italic",
                    )
                )
            )
        if key == "2003":
            kaz = d[(d["map_period"] == key) & (d["force_id"] == "KAZ")]
            for r in kaz.itertuples():  # leaves the region: an arrow off the map, toward Iraq
                ax.annotate(
                    "",
                    xy=(west - 0.2, 43.9),
                    xytext=(63.0, 44.6),
                    arrowprops={
                        "arrowstyle": "-|>",
                        "color": force_colour("KAZ"),
                        "linewidth": 1.4,
                        "connectionstyle": "arc3,rad=0.1",
                    },
                    zorder=6,
                    annotation_clip=False,
                )
                placer.block(
                    ax.text(
                        west + 0.4,
                        43.5,
                        words["to Iraq"].format(
                            force=r.force,
                            unit=r.unit_ja if lang == "ja" else r.unit.lower(),
                            personnel=r.personnel_label,
                        ),
                        fontsize=MIN_TEXT_PT,
                        color=force_colour("KAZ"),
                        va="top",
                        zorder=6,
                        bbox=HALO,
                    )
                )
        indicator = ax.indicate_inset(
            (INSET[0], INSET[2], INSET[1] - INSET[0], INSET[3] - INSET[2]),
            edgecolor="#666666",
            linewidth=0.6,
            alpha=1.0,
        )
        placer.block(getattr(indicator, "rectangle", indicator), leaders_may_cross=True)
        # every place named beside its point first; the forces' labels then go where there is room
        place_names(ax, pts, on_map, placer, lang=lang)
        label_groups(placer, labelled, narrow=layout == "narrow", lang=lang)
        placer.place_all()
        _strip(strip, geo, sub, pts, inset_places, lang)
    presence_key(fig, layout, lang)
    return fig


def _country_name(pkg: DataPackage, geo: dict, iso: str, lang: str) -> str:
    """A country's name on the map: the border data's (English), in Japanese the chapters' name."""
    if check_language(lang) == "en":
        return next(f["properties"]["name"] for f in geo["features"] if f["id"] == iso)
    known = set(pkg.actors["actor_id"])
    return pkg.actor_name(iso, lang) if iso in known else words_in(WORDS, lang)["countries"][iso]


def _strip(strip, geo, sub, pts, inset_places, lang: str = DEFAULT_LANG) -> None:
    """The Bishkek area enlarged under its panel (outside the panel's frame; its box is marked on
    the panel)."""
    _draw_borders(strip, geo, INSET)
    _frame(strip, INSET, "#666666")
    placer = LabelPlacer(strip)
    placer.block(_scale_bar(strip))
    bases = [p for p in inset_places if p != "bishkek"]  # Manas's point is the city's
    place_points(strip, pts, bases, placer)
    sites = draw_groups(
        strip, sub[sub["anchor"].isin(inset_places) & ~sub["in_country_only"]], pts, placer
    )
    place_names(strip, pts, bases, placer, lang=lang)
    label_groups(placer, sites, lang=lang)
    placer.place_all()


SCALE_KM = 20  # the strip's scale bar


def _scale_bar(strip):
    """A bar SCALE_KM long at the strip's middle latitude, with its length under it, in the strip's
    upper right corner (the map's projection keeps east–west distances true at MID_LAT)."""
    from matplotlib.font_manager import FontProperties
    from mpl_toolkits.axes_grid1.anchored_artists import AnchoredSizeBar

    lat = (INSET[2] + INSET[3]) / 2
    degrees = SCALE_KM / distance_km({"lat": lat, "lon": 0.0}, {"lat": lat, "lon": 1.0})
    bar = AnchoredSizeBar(
        strip.transData,
        degrees,
        f"{SCALE_KM} km",
        "upper right",
        pad=0.3,
        sep=2,
        borderpad=0.3,
        frameon=False,
        size_vertical=0,
        color="#333333",
        fontproperties=FontProperties(size=MIN_TEXT_PT),
    )
    bar.set_zorder(7)
    strip.add_artist(bar)
    return bar
