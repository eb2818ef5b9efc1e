"""The map of foreign military presence: country borders from `data/geo/central_asia.geojson`
(Natural Earth via world-atlas), points from `data/places.csv` (GeoNames; external, not from the
chapters), records from `deployments.csv`. Small multiples by period, in the book's one figure style."""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon
from matplotlib.transforms import ScaledTranslation

from ca911.analysis.chronology import deployment_timeline
from ca911.data.geometry import borders, clip_ring, distance_km
from ca911.data.named_dates import END_OF_2001, NINE_ELEVEN, NINE_ELEVEN_EVE
from ca911.data.numbers import with_qualifier
from ca911.data.package import DataPackage
from ca911.figures.label_placement import LabelPlacer, data_to_pt
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
PERIODS = [
    ("before-9-11", "Before 11 September 2001", "1900-01-01", NINE_ELEVEN_EVE),
    ("end-2001", "11 September to end of 2001", NINE_ELEVEN, END_OF_2001),
    ("2002", "2002", "2002-01-01", "2002-12-31"),
    ("2003", "2003 (to October)", "2003-01-01", "2003-12-31"),
]
# The forces the map draws as markers, in the order of its key (Kazakhstan's unit leaves by an arrow).
MAPPED_FORCES = ("USA", "RUS", "western-forces", "CRRF")
EXTENT = (
    57.5,
    80.5,
    35.9,
    45.6,
)  # west, east, south, north of each panel (degrees): where the forces were
# The Bishkek area (Manas and Kant, 21 km apart), enlarged in a strip under each panel; the points sit in its upper part.
INSET = (73.84, 75.6, 42.66, 43.0)
MID_LAT = 43.0  # equirectangular: one degree of longitude is cos(43°) of one of latitude
# Where each label would best go, in points from its marker: (dx, dy, ha, va); `LabelPlacer` moves a label that would
# cover a marker, another label or a leader line, or leave its panel. Keys: (place, force) for a force's numbers,
# place for a place name.
LABEL_AT = {
    ("karshi-khanabad", "USA"): (-6, -6, "right", "top"),
    ("kulyab", "USA"): (9, 0, "left", "center"),
    ("dushanbe", "RUS"): (-8, -16, "right", "top"),
    ("tashkent", "USA"): (-14, 12, "right", "bottom"),
    ("tashkent", "western-forces"): (-20, 25, "right", "bottom"),
    ("bishkek", "western-forces"): (0, 10, "center", "bottom"),
    ("bishkek", "RUS"): (-6, 14, "right", "bottom"),
    ("manas", "USA"): (-11, 4, "right", "top"),
    ("kant", "RUS"): (9, 4, "left", "top"),
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
SHORT_NAMES = {"karshi-khanabad": "Khanabad", "kulyab": "Kulyab", "manas": "Manas", "kant": "Kant"}
# Country names, drawn in the first panel (the one with fewest labels): where each reads inside its country.
COUNTRY_LABELS = {
    "KAZ": (66.0, 44.6),
    "UZB": (62.0, 41.2),
    "TKM": (61.0, 39.3),
    "KGZ": (76.5, 41.3),
    "TJK": (73.4, 37.5),
    "AFG": (70.5, 36.5),
    "CHN": (78.8, 38.0),
    "IRN": (58.9, 36.6),
}
HALO = {
    "boxstyle": "round,pad=0.08",
    "facecolor": "white",
    "edgecolor": "none",
    "alpha": 0.8,
}  # keeps a label readable over borders
BASE_DOT = "#666666"
LAND, BORDER, FOCUS = "#f2efe9", "#9a9a9a", "#e4ded2"


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


def marker_area(personnel) -> float:
    """Marker area in pt² proportional to the printed number (a floor keeps "no number" visible)."""
    return 14.0 + (0.0 if pd.isna(personnel) else float(personnel) / 40.0)


def _count_line(r) -> str:
    count = with_qualifier(
        r.personnel, r.personnel_qualifier
    )  # the number with its qualifier, as printed
    count = "no number" if count == "not given" else count
    expected = (
        r.status == "planned" and r.personnel_qualifier == "expected"
    )  # "3,200 expected" says it already
    status = "" if r.status == "present" or expected else f" {r.status}"
    if len(count + status) > 14:  # panels are narrow: the status on a line of its own
        status = "\n" + status.strip()
    aircraft = (
        ""
        if pd.isna(r.aircraft)
        else f"\n{with_qualifier(r.aircraft, r.aircraft_qualifier)} aircraft"
    )
    return count + status + aircraft


def _group_label(rows: pd.DataFrame, force: str, narrow: bool = False) -> str:
    """The force's name, then each number as printed (a record without a number only when none has one);
    `narrow`: the name on a line of its own."""
    lines = list(dict.fromkeys(_count_line(r) for r in rows.itertuples()))
    numbered = [ln for ln in lines if not ln.startswith("no number")]
    name = force_short_name(force, force)
    body = "\n".join(numbered or lines[:1])
    if (
        narrow or len(f"{name}: {body.splitlines()[0]}") > 22
    ):  # a long first line: the name on a line of its own
        return textwrap.fill(name + ":", 15) + "\n" + body
    return f"{name}: {body}"


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


MARKER_GAP_PT = 1.5  # between markers set side by side (in MAPPED_FORCES order, left to right)
HOLLOW_MIN_AREA = (
    36.0  # pt²: a hollow marker drawn at a capital rings the capital's square, never hides under it
)


def _marker_radius_pt(area: float) -> float:
    return math.sqrt(area) / 2


def _spread(sites: list[dict], to_pt) -> None:
    """Markers whose discs would touch (one site, or sites a few points apart at the panel's scale) set side by
    side in a row centred on the sites, in MAPPED_FORCES, so each shows whole: adds `offset_pt` to each site. A small
    marker on a wide hollow one's ring stays where it is: both show."""
    centre = [to_pt(s["lon"], s["lat"]) for s in sites]
    parent = list(range(len(sites)))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(sites)):
        for j in range(i + 1, len(sites)):
            reach = sites[i]["r"] + sites[j]["r"] + MARKER_GAP_PT
            small, large = sorted((sites[i], sites[j]), key=lambda s: s["r"])
            on_a_ring = (
                large["country_only"] and large["r"] > 2 * small["r"]
            )  # a small marker on a wide ring: both show
            if (
                not on_a_ring
                and math.hypot(centre[i][0] - centre[j][0], centre[i][1] - centre[j][1]) < reach
            ):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(sites)):
        groups.setdefault(root(i), []).append(i)
    for members in groups.values():
        members.sort(
            key=lambda i: (
                MAPPED_FORCES.index(sites[i]["force"])
                if sites[i]["force"] in MAPPED_FORCES
                else len(MAPPED_FORCES),
                sites[i]["anchor"],
            )
        )
        mid_x = sum(centre[i][0] for i in members) / len(members)
        mid_y = sum(centre[i][1] for i in members) / len(members)
        width = sum(2 * sites[i]["r"] for i in members) + MARKER_GAP_PT * (len(members) - 1)
        x = mid_x - width / 2
        for i in members:
            sites[i]["offset_pt"] = (x + sites[i]["r"] - centre[i][0], mid_y - centre[i][1])
            x += 2 * sites[i]["r"] + MARKER_GAP_PT


def _draw_groups(ax, d: pd.DataFrame, pts: pd.DataFrame, placer: LabelPlacer) -> list[dict]:
    """One marker per force at each site (area by the printed number; hollow and dashed where the chapters name only
    the country), markers that would touch set side by side; each marker is kept clear by the panel's `placer`."""
    sites = []
    for (anchor, force), rows in d.groupby(["anchor", "force_id"], sort=True):
        country_only = bool(rows["in_country_only"].all())
        area = marker_area(rows["personnel"].max())
        area = max(area, HOLLOW_MIN_AREA) if country_only else area
        sites.append(
            {
                "anchor": anchor,
                "force": force,
                "rows": rows,
                "country_only": country_only,
                "area": area,
                "r": _marker_radius_pt(area),
                "lon": pts.loc[anchor, "lon"],
                "lat": pts.loc[anchor, "lat"],
                "offset_pt": (0.0, 0.0),
            }
        )
    to_pt = data_to_pt(ax)
    _spread(sites, to_pt)
    for site in sites:
        colour = force_colour(site["force"])
        site["shift"] = ScaledTranslation(
            site["offset_pt"][0] / 72, site["offset_pt"][1] / 72, ax.figure.dpi_scale_trans
        )
        ax.scatter(
            [site["lon"]],
            [site["lat"]],
            transform=ax.transData + site["shift"],
            s=site["area"],
            marker=force_marker(site["force"]),
            facecolor="none" if site["country_only"] else colour,
            edgecolor=colour,
            linewidth=1.1 if site["country_only"] else 0.5,
            linestyle="--" if site["country_only"] else "-",
            zorder=4 + (site["force"] == "USA"),
            alpha=0.9,
        )
        x, y = to_pt(site["lon"], site["lat"])
        site["at_pt"] = (x + site["offset_pt"][0], y + site["offset_pt"][1])
        placer.markers.append((*site["at_pt"], site["r"]))
        if site["country_only"]:
            placer.rings.append((*site["at_pt"], site["r"]))
    return sites


def _label_groups(placer: LabelPlacer, sites: list[dict], narrow: bool = False) -> None:
    """Each force's name and numbers beside its marker, in the force's colour on a light halo; the longest labels
    placed first, while there is most room. Forces set side by side at one place share one label, a line or two
    each, in the book's text colour (each line names its force), with one leader line to the row of markers."""
    by_place: dict[str, list[dict]] = {}
    for site in sites:
        by_place.setdefault(site["anchor"], []).append(site)
    labels = []
    for anchor, here in by_place.items():
        if len(here) == 1:
            site = here[0]
            labels.append(
                (
                    _group_label(site["rows"], site["force"], narrow),
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
        text = "\n".join(_group_label(s["rows"], s["force"], narrow) for s in here)
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
        placer.place(
            text,
            (site["lon"], site["lat"]),
            at,
            r,
            colour=colour,
            prefer=prefer,
            xycoords=placer.ax.transData + shift,
            bbox=HALO,
            zorder=6,
        )


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


def _place_points(ax, pts: pd.DataFrame, places, placer: LabelPlacer) -> None:
    """Each place's point (a square for a capital, a dot for a base's town), drawn over the force markers so a
    force at the place shows the point at its centre."""
    to_pt = data_to_pt(ax)
    for place in places:
        p = pts.loc[place]
        capital = isinstance(p["capital_of"], str) and p["capital_of"] != ""
        area = 9 if capital else 6
        ax.scatter(
            [p["lon"]],
            [p["lat"]],
            s=area,
            marker="s" if capital else "o",
            color=OKABE_ITO[7] if capital else BASE_DOT,
            zorder=5.5,
            linewidth=0,
        )
        placer.markers.append((*to_pt(p["lon"], p["lat"]), _marker_radius_pt(area)))


def _place_names(ax, pts: pd.DataFrame, places, placer: LabelPlacer) -> None:
    """Each place's name right beside its point, or beside the markers set round it; placed before the forces'
    labels, which may sit further off with a leader line."""
    to_pt = data_to_pt(ax)
    for place in places:
        p = pts.loc[place]
        at = to_pt(p["lon"], p["lat"])
        capital = isinstance(p["capital_of"], str) and p["capital_of"] != ""
        r = _marker_radius_pt(9 if capital else 6)
        for (
            x,
            y,
            mr,
        ) in (
            placer.markers
        ):  # the markers touching the point, and those touching them, count as its own
            if (x, y, mr) not in placer.rings and math.hypot(
                x - at[0], y - at[1]
            ) < r + mr + MARKER_GAP_PT:
                r = max(r, math.hypot(x - at[0], y - at[1]) + mr)
        placer.place(
            SHORT_NAMES.get(place, p["name"]),
            (p["lon"], p["lat"]),
            at,
            r,
            colour="#222222",
            prefer=NAME_AT.get(place),
            zorder=3,
            within_pt=r + 12.0,
        )


TITLE_H_IN, GAP_IN, KEY_H_IN = 0.24, 0.1, 0.62
PANEL_W_IN = (FIGURE_WIDTH_IN - GAP_IN) / 2  # two panels across the text column


NARROW_KEY_H_IN = (
    2.0  # the key in one column under four stacked panels, each as wide as a phone's column
)


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
    for k, (key, title, _, _) in enumerate(PERIODS):
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
        _place_points(ax, pts, on_map, placer)
        sites = _draw_groups(ax, sub, pts, placer)
        labelled = [
            s for s in sites if not (s["anchor"] in inset_places and not s["country_only"])
        ]  # bases: in the strip
        for iso, (x, y) in COUNTRY_LABELS.items() if k == 0 else ():
            name = next(f["properties"]["name"] for f in geo["features"] if f["id"] == iso)
            placer.block(
                ax.text(
                    x,
                    y,
                    name,
                    fontsize=MIN_TEXT_PT,
                    color="#555555",
                    ha="center",
                    va="center",
                    zorder=2,
                    fontstyle="italic",
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
                        f"to Iraq: {r.force}'s\n{r.unit.lower()}, {r.personnel_label}",
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
        _place_names(ax, pts, on_map, placer)
        _label_groups(placer, labelled, narrow=layout == "narrow")
        _strip(strip, geo, sub, pts, inset_places)
    handles = [
        Line2D(
            [],
            [],
            marker=FORCES[f].marker,
            color=FORCES[f].colour,
            linestyle="",
            markersize=7,
            label=FORCES[f].key,
        )
        for f in MAPPED_FORCES
    ]
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            markerfacecolor="white",
            markeredgecolor="#555555",
            linestyle="",
            markersize=7,
            label="no place named: at the capital",
        ),
        Line2D(
            [], [], marker="s", color=OKABE_ITO[7], linestyle="", markersize=3.5, label="capital"
        ),
        Line2D(
            [],
            [],
            marker="o",
            color=BASE_DOT,
            linestyle="",
            markersize=2.8,
            label="town of a base or airfield",
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
            label=f"{n:,} personnel",
        )
        for n in (1000, 10000)
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=1 if layout == "narrow" else 3,
        frameon=False,
        columnspacing=0.8,
        handletextpad=0.3,
        fontsize=MIN_TEXT_PT,
    )
    return fig


def _strip(strip, geo, sub, pts, inset_places) -> None:
    """The Bishkek area enlarged under its panel (outside the panel's frame; its box is marked on the panel)."""
    _draw_borders(strip, geo, INSET)
    _frame(strip, INSET, "#666666")
    placer = LabelPlacer(strip)
    bases = [p for p in inset_places if p != "bishkek"]  # Manas's point is the city's
    _place_points(strip, pts, bases, placer)
    sites = _draw_groups(
        strip, sub[sub["anchor"].isin(inset_places) & ~sub["in_country_only"]], pts, placer
    )
    _place_names(strip, pts, bases, placer)
    _label_groups(placer, sites)
    if {"kant", "manas"} <= set(
        inset_places
    ):  # the distance between the two, under them where there is room
        km = distance_km(pts.loc["manas"], pts.loc["kant"])
        lon, lat = (pts.loc["manas", "lon"] + pts.loc["kant", "lon"]) / 2, INSET[2]
        placer.place(
            f"{km:.0f} km",
            (lon, lat),
            data_to_pt(strip)(lon, lat),
            0.0,
            colour="#333333",
            prefer=(0, 2, "center", "bottom"),
            leader=False,
            zorder=7,
        )
