"""The map of foreign military presence: country borders from `data/geo/central_asia.geojson`
(Natural Earth via world-atlas), points from `data/places.csv` (GeoNames; external, not from the
chapters), records from `deployments.csv`. Small multiples by period, in the book's one figure style."""

from __future__ import annotations

import json
import math
import textwrap
from pathlib import Path

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon
from matplotlib.transforms import ScaledTranslation

from ca911.analysis.chronology import deployment_timeline
from ca911.data.named_dates import END_OF_2001, NINE_ELEVEN, NINE_ELEVEN_EVE
from ca911.data.numbers import with_qualifier
from ca911.data.package import DataPackage, default_data_dir
from ca911.figures.style import (
    FIGURE_WIDTH_IN,
    FORCES,
    MIN_TEXT_PT,
    NARROW_WIDTH_IN,
    OKABE_ITO,
    figure,
    force_colour,
    force_marker,
    force_short_name,
    two_layouts,
)

# (key, panel title, first day, last day): a record belongs to the period its as_of ends in, so a
# presence dated only "2001" (stated in the autumn-2001 account) falls after 11 September.
PERIODS = [("before-9-11", "Before 11 September 2001", "1900-01-01", NINE_ELEVEN_EVE),
           ("end-2001", "11 September to end of 2001", NINE_ELEVEN, END_OF_2001),
           ("2002", "2002", "2002-01-01", "2002-12-31"),
           ("2003", "2003 (to October)", "2003-01-01", "2003-12-31")]
# The forces the map draws as markers, in the order of its key (Kazakhstan's unit leaves by an arrow).
MAPPED_FORCES = ("USA", "RUS", "western-forces", "CRRF")
EXTENT = (57.5, 80.5, 35.9, 45.6)  # west, east, south, north of each panel (degrees): where the forces were
# The Bishkek area (Manas and Kant, 21 km apart), enlarged in a strip under each panel; the points sit in its upper part.
INSET = (73.84, 75.6, 42.71, 43.0)
MID_LAT = 43.0  # equirectangular: one degree of longitude is cos(43°) of one of latitude
# Where each label goes, in points from its marker: (dx, dy, ha, va). A label set further than LEADER_PT from
# its marker gets a leader line back to it. Keys: (place, force) for a force's numbers, place for a place name.
LABEL_AT = {("karshi-khanabad", "USA"): (-4, 14, "right", "bottom"),
            ("kulyab", "USA"): (9, -3, "left", "top"),
            ("dushanbe", "RUS"): (-8, -16, "right", "top"),
            ("tashkent", "USA"): (-14, 12, "right", "bottom"),
            ("tashkent", "western-forces"): (-20, 25, "right", "bottom"),
            ("bishkek", "western-forces"): (0, 10, "center", "bottom"),
            ("bishkek", "RUS"): (-6, 14, "right", "bottom"),
            ("manas", "USA"): (-11, 4, "right", "top"),
            ("kant", "RUS"): (9, 4, "left", "top"),
            ("kant", "CRRF"): (9, 4, "left", "top")}
NAME_AT = {"karshi-khanabad": (-4, 4, "right", "bottom"), "kulyab": (7, 1, "left", "bottom"),
           "dushanbe": (4, 4, "left", "bottom"), "tashkent": (5, -3, "left", "top"), "bishkek": (5, -4, "left", "top"),
           "manas": (-11, 5, "right", "bottom"), "kant": (9, 5, "left", "bottom")}
LEADER_PT = 11.0
SHORT_NAMES = {"karshi-khanabad": "Khanabad", "kulyab": "Kulyab", "manas": "Manas", "kant": "Kant"}
# Country names, drawn in the first panel (the one with fewest labels): where each reads inside its country.
COUNTRY_LABELS = {"KAZ": (66.0, 44.6), "UZB": (62.0, 41.2), "TKM": (60.7, 38.2), "KGZ": (76.5, 41.3),
                  "TJK": (73.4, 37.5), "AFG": (70.5, 36.5), "CHN": (78.8, 38.0), "IRN": (58.9, 36.2)}
HALO = {"boxstyle": "round,pad=0.08", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}  # keeps a label readable over borders
BASE_DOT = "#666666"
LAND, BORDER, FOCUS = "#f2efe9", "#9a9a9a", "#e4ded2"


def geometry_path(data_dir: str | Path | None = None) -> Path:
    return Path(data_dir or default_data_dir()) / "geo" / "central_asia.geojson"


def borders(data_dir: str | Path | None = None) -> dict:
    return json.loads(geometry_path(data_dir).read_text(encoding="utf-8"))


def points(pkg: DataPackage) -> pd.DataFrame:
    """Every place of places.csv with its name; index place_id."""
    p = pkg.places.set_index("place_id")
    p["name"] = [pkg.actor_name(i) for i in p.index]
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
            reasons.append("" if anchor else f"host {r.host} lies outside the mapped region (no capital in places.csv)")
            country_only.append(True)
        anchors.append(anchor)
    d["anchor"], d["in_country_only"], d["not_mappable"] = anchors, country_only, reasons
    period = pd.Series("", index=d.index)
    for key, _, first, last in PERIODS:
        period[(d["as_of_hi"] >= pd.Timestamp(first)) & (d["as_of_hi"] <= pd.Timestamp(last) + pd.Timedelta(hours=23))] = key
    d["map_period"] = period
    return d


def marker_area(personnel) -> float:
    """Marker area in pt² proportional to the printed number (a floor keeps "no number" visible)."""
    return 14.0 + (0.0 if pd.isna(personnel) else float(personnel) / 40.0)


def _count_line(r) -> str:
    count = with_qualifier(r.personnel, r.personnel_qualifier)  # the number with its qualifier, as printed
    count = "no number" if count == "not given" else count
    expected = r.status == "planned" and r.personnel_qualifier == "expected"  # "3,200 expected" says it already
    status = "" if r.status == "present" or expected else f" {r.status}"
    if len(count + status) > 14:  # panels are narrow: the status on a line of its own
        status = "\n" + status.strip()
    aircraft = "" if pd.isna(r.aircraft) else f"\n{with_qualifier(r.aircraft, r.aircraft_qualifier)} aircraft"
    return count + status + aircraft


def _group_label(rows: pd.DataFrame, force: str, narrow: bool = False) -> str:
    """The force's name, then each number as printed (a record without a number only when none has one);
    `narrow`: the name on a line of its own."""
    lines = list(dict.fromkeys(_count_line(r) for r in rows.itertuples()))
    numbered = [ln for ln in lines if not ln.startswith("no number")]
    name = force_short_name(force, force)
    body = "\n".join(numbered or lines[:1])
    if narrow or len(f"{name}: {body.splitlines()[0]}") > 22:  # a long first line: the name on a line of its own
        return textwrap.fill(name + ":", 15) + "\n" + body
    return f"{name}: {body}"


def clip_ring(points: list, bbox: tuple[float, float, float, float]) -> list:
    """Sutherland–Hodgman against a box (west, south, east, north): a ring stays a ring, cut along the box."""
    west, south, east, north = bbox
    edges = [(lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
             (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
             (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
             (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north))]
    for inside, cross in edges:
        out = []
        for k, cur in enumerate(points):
            prev = points[k - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
        points = out
        if not points:
            break
    return points


def _at_x(a, b, x):
    return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def _at_y(a, b, y):
    return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def _draw_borders(ax, geo: dict, extent: tuple[float, float, float, float]) -> None:
    west, east, south, north = extent
    for feature in geo["features"]:
        focus = feature["id"] in ("KAZ", "UZB", "KGZ", "TJK", "TKM")
        for polygon in feature["geometry"]["coordinates"]:
            outer = polygon[0]
            outer = clip_ring(outer, (west, south, east, north))  # only what the panel shows
            if len(outer) < 3:
                continue
            ax.add_patch(Polygon(outer, closed=True, facecolor=FOCUS if focus else LAND, edgecolor=BORDER,
                                 linewidth=0.4, zorder=1))


def _label(ax, text: str, xy, spec, colour: str, **kw) -> None:
    """A label beside its point, on a light halo; a leader line back to the point when set further off."""
    dx, dy, ha, va = spec
    leader = {"arrowstyle": "-", "color": colour, "linewidth": 0.6, "shrinkA": 0, "shrinkB": 3} \
        if math.hypot(dx, dy) > LEADER_PT else None
    ax.annotate(text, xy, xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=MIN_TEXT_PT, color=colour,
                linespacing=1.0, bbox=HALO, arrowprops=leader, annotation_clip=False, **kw)


def _draw_groups(ax, d: pd.DataFrame, pts: pd.DataFrame, labels: bool, narrow: bool = False) -> None:
    for (anchor, force), rows in d.groupby(["anchor", "force_id"], sort=True):
        lat, lon = pts.loc[anchor, "lat"], pts.loc[anchor, "lon"]
        country_only = bool(rows["in_country_only"].all())
        colour = force_colour(force)
        nudge = {"western-forces": 6, "RUS": -6}.get(force, 0) if country_only else 0  # pt: side by side
        shift = ScaledTranslation(nudge / 72, 0, ax.figure.dpi_scale_trans)
        ax.scatter([lon], [lat], transform=ax.transData + shift, s=marker_area(rows["personnel"].max()), marker=force_marker(force),
                   facecolor="none" if country_only else colour, edgecolor=colour,
                   linewidth=1.1 if country_only else 0.5, linestyle="--" if country_only else "-", zorder=4 + (force == "USA"),
                   alpha=0.9)
        if labels:
            dx, dy, ha, va = LABEL_AT.get((anchor, force), (8, 0, "left", "center"))
            _label(ax, _group_label(rows, force, narrow), (lon, lat), (dx + nudge, dy, ha, va), colour, zorder=6)


def distance_km(a, b) -> float:
    """Great-circle distance between two points (anything with `lat` and `lon`), km."""
    (la1, lo1), (la2, lo2) = [(math.radians(p["lat"]), math.radians(p["lon"])) for p in (a, b)]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _frame(ax, bounds, edge: str) -> None:
    """A map panel (or the inset) on (west, east, south, north): equirectangular at the mid latitude, no ticks."""
    ax.set_xlim(bounds[0], bounds[1])
    ax.set_ylim(bounds[2], bounds[3])
    ax.set_aspect(1 / math.cos(math.radians(MID_LAT)))
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color(edge)


def _place_names(ax, pts: pd.DataFrame, places) -> None:
    """Each place's point (a square for a capital, a dot for a base's town) and its name."""
    for place in places:
        p = pts.loc[place]
        capital = isinstance(p["capital_of"], str) and p["capital_of"] != ""
        ax.scatter([p["lon"]], [p["lat"]], s=9 if capital else 6, marker="s" if capital else "o",
                   color=OKABE_ITO[7] if capital else BASE_DOT, zorder=3, linewidth=0)
        dx, dy, ha, va = NAME_AT.get(place, (5, -3, "left", "top"))
        ax.annotate(SHORT_NAMES.get(place, p["name"]), (p["lon"], p["lat"]), xytext=(dx, dy), textcoords="offset points",
                    ha=ha, va=va, fontsize=MIN_TEXT_PT, color="#222222", zorder=3)


TITLE_H_IN, GAP_IN, KEY_H_IN = 0.24, 0.1, 0.62
PANEL_W_IN = (FIGURE_WIDTH_IN - GAP_IN) / 2  # two panels across the text column


NARROW_KEY_H_IN = 2.0  # the key in one column under four stacked panels, each as wide as a phone's column


@two_layouts
def presence_map(pkg: DataPackage, data_dir: str | Path | None = None, layout: str = "wide"):
    """Four panels, one per period, two by two across the text width (narrow: one under another): borders,
    capitals, and every deployment record dated in the period, marker by force, area by the printed number, the
    force and the number with its qualifier as the label. Under each panel, outside its frame, a strip enlarges
    the Bishkek area, where Manas and Kant lie too close to tell apart at the panel's scale."""
    columns = 1 if layout == "narrow" else 2
    key_h = NARROW_KEY_H_IN if layout == "narrow" else KEY_H_IN
    panel_w = NARROW_WIDTH_IN if layout == "narrow" else PANEL_W_IN
    geo = borders(data_dir)
    d = map_records(pkg)
    pts = points(pkg)
    west, east, south, north = EXTENT
    map_h, strip_h = (panel_w * (n - s) / ((e - w) * math.cos(math.radians(MID_LAT)))
                      for w, e, s, n in (EXTENT, INSET))  # each as tall as its extent at the panel's width
    row_h = TITLE_H_IN + map_h + GAP_IN / 2 + strip_h + GAP_IN
    width, height = columns * panel_w + (columns - 1) * GAP_IN, -(-len(PERIODS) // columns) * row_h + key_h
    fig, _ = figure(height, width_in=width, layout=None)
    fig.clear()
    inset_places = [p for p in pts.index if INSET[0] <= pts.loc[p, "lon"] <= INSET[1]
                    and INSET[2] <= pts.loc[p, "lat"] <= INSET[3]]
    for k, (key, title, _, _) in enumerate(PERIODS):
        col, row = k % columns, k // columns
        left = col * (panel_w + GAP_IN) / width
        top = height - row * row_h - TITLE_H_IN
        ax = fig.add_axes((left, (top - map_h) / height, panel_w / width, map_h / height))
        strip = fig.add_axes((left, (top - map_h - GAP_IN / 2 - strip_h) / height, panel_w / width, strip_h / height))
        ax.set_gid(f"map-period-{key}")
        strip.set_gid(f"map-period-{key}-inset")
        sub = d[(d["map_period"] == key) & (d["anchor"] != "")]
        _draw_borders(ax, geo, EXTENT)
        for iso, (x, y) in COUNTRY_LABELS.items() if k == 0 else ():
            name = next(f["properties"]["name"] for f in geo["features"] if f["id"] == iso)
            ax.text(x, y, name, fontsize=MIN_TEXT_PT, color="#555555", ha="center", va="center", zorder=2,
                    fontstyle="italic")
        _place_names(ax, pts, [p for p in pts.index if p not in inset_places or p == "bishkek"])
        in_inset = sub["anchor"].isin(inset_places) & ~sub["in_country_only"]  # the bases; a country's label stays
        _draw_groups(ax, sub[~in_inset], pts, labels=True)
        _draw_groups(ax, sub[in_inset], pts, labels=False)
        if key == "2003":
            kaz = d[(d["map_period"] == key) & (d["force_id"] == "KAZ")]
            for r in kaz.itertuples():  # leaves the region: an arrow off the map, toward Iraq
                ax.annotate("", xy=(west - 0.2, 43.9), xytext=(63.0, 44.6),
                            arrowprops={"arrowstyle": "-|>", "color": force_colour("KAZ"), "linewidth": 1.4,
                                        "connectionstyle": "arc3,rad=0.1"}, zorder=6, annotation_clip=False)
                ax.text(west + 0.4, 43.5, f"to Iraq: {r.force}'s\n{r.unit.lower()}, {r.personnel_label}",
                        fontsize=MIN_TEXT_PT, color=force_colour("KAZ"), va="top", zorder=6, bbox=HALO)
        _frame(ax, (west, east, south, north), "#bbbbbb")
        ax.set_facecolor("white")
        ax.set_title(title, fontsize=10, loc="left", pad=4)
        _strip(ax, strip, geo, sub, pts, inset_places)
    handles = [Line2D([], [], marker=FORCES[f].marker, color=FORCES[f].colour, linestyle="", markersize=7, label=FORCES[f].key)
               for f in MAPPED_FORCES]
    handles += [Line2D([], [], marker="o", markerfacecolor="white", markeredgecolor="#555555", linestyle="",
                       markersize=7, label="no place named: at the capital"),
                Line2D([], [], marker="s", color=OKABE_ITO[7], linestyle="", markersize=3.5, label="capital"),
                Line2D([], [], marker="o", color=BASE_DOT, linestyle="", markersize=2.8, label="town of a base or airfield")]
    handles += [Line2D([], [], marker="o", color="#999999", linestyle="", markersize=math.sqrt(marker_area(n)),
                       label=f"{n:,} personnel") for n in (1000, 10000)]
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=1 if layout == "narrow" else 3, frameon=False, columnspacing=0.8,
               handletextpad=0.3, fontsize=MIN_TEXT_PT)
    return fig


def _strip(ax, strip, geo, sub, pts, inset_places) -> None:
    """The Bishkek area enlarged under its panel (outside the panel's frame), its box marked on the panel."""
    _draw_borders(strip, geo, INSET)
    _place_names(strip, pts, [p for p in inset_places if p != "bishkek"])  # Manas's point is the city's
    _draw_groups(strip, sub[sub["anchor"].isin(inset_places) & ~sub["in_country_only"]], pts, labels=True, narrow=True)
    if {"kant", "manas"} <= set(inset_places):
        km = distance_km(pts.loc["manas"], pts.loc["kant"])
        strip.text(0.5, 0.04, f"{km:.0f} km", transform=strip.transAxes, ha="center",
                   va="bottom", fontsize=MIN_TEXT_PT, color="#333333", zorder=7)
    _frame(strip, INSET, "#666666")
    ax.indicate_inset((INSET[0], INSET[2], INSET[1] - INSET[0], INSET[3] - INSET[2]), edgecolor="#666666",
                      linewidth=0.6, alpha=1.0)


REGION = ("KAZ", "UZB", "KGZ", "TJK", "TKM", "AFG", "IRN", "PAK", "CHN", "RUS", "IND", "AZE", "ARM", "GEO")
GEOMETRY_BOX = (35.0, 30.0, 85.0, 56.0)  # west, south, east, north: what tools/make_region_geometry.py keeps


def geometry_problems(geo: dict, countries=REGION, box=GEOMETRY_BOX) -> list[str]:
    """Why a borders file is not what the map expects: a country missing, a point outside the box or
    not rounded to 0.01°, a ring not closed. Empty when fine."""
    problems = []
    ids = [f.get("id") for f in geo.get("features", [])]
    problems += [f"{c}: missing" for c in countries if c not in ids]
    west, south, east, north = box
    for f in geo.get("features", []):
        for k, polygon in enumerate(f["geometry"]["coordinates"]):
            for ring in polygon:
                if ring[0] != ring[-1]:
                    problems.append(f"{f['id']}: polygon {k}: ring not closed")
                for x, y in ring:
                    if not (west <= x <= east and south <= y <= north):
                        problems.append(f"{f['id']}: polygon {k}: ({x}, {y}) outside the box")
                        break
                    if round(x, 2) != x or round(y, 2) != y:
                        problems.append(f"{f['id']}: polygon {k}: ({x}, {y}) not rounded to 0.01°")
                        break
    return problems
