"""The map's markers: one per force and site, sized by personnel and set side by side where forces
share a site, and the dots of the places."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.transforms import ScaledTranslation

from ca911.figures.label_placement import LabelPlacer, data_to_pt
from ca911.figures.style import (
    OKABE_ITO,
    force_colour,
    force_marker,
)

# The forces the map draws as markers, in the order of its key (Kazakhstan's unit leaves by an
# arrow).
MAPPED_FORCES = ("USA", "RUS", "western-forces", "CRRF")
BASE_DOT = "#666666"


def marker_area(personnel) -> float:
    """Marker area in pt² proportional to the printed number of personnel (a floor keeps "no
    number" visible)."""
    return 14.0 + (0.0 if pd.isna(personnel) else float(personnel) / 40.0)


MARKER_GAP_PT = 1.5  # between markers set side by side (in MAPPED_FORCES order, left to right)
HOLLOW_MIN_AREA = (
    36.0  # pt²: a hollow marker drawn at a capital rings the capital's square, never hides under it
)


def marker_radius_pt(area: float) -> float:
    return math.sqrt(area) / 2


def _spread(sites: list[dict], to_pt) -> None:
    """Markers whose discs would touch (one site, or sites a few points apart at the panel's scale)
    set side by side in a row centred on the sites, in MAPPED_FORCES, so each shows whole: adds
    `offset_pt` to each site. A small marker on a wide hollow one's ring stays where it is: both
    show."""
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


def draw_groups(ax, d: pd.DataFrame, pts: pd.DataFrame, placer: LabelPlacer) -> list[dict]:
    """One marker per force at each site (area by the printed number; hollow and dashed where the
    chapters name only the country), markers that would touch set side by side; each marker is kept
    clear by the panel's `placer`."""
    sites = []
    for (anchor, force), rows in d.groupby(["anchor", "force_id"], sort=True):
        country_only = bool(rows["in_country_only"].all())
        # a base's capacity is what it could hold, not a force present: given in the label only
        area = marker_area(rows.loc[rows["status"] != "capacity", "personnel"].max())
        area = max(area, HOLLOW_MIN_AREA) if country_only else area
        sites.append(
            {
                "anchor": anchor,
                "force": force,
                "rows": rows,
                "country_only": country_only,
                "area": area,
                "r": marker_radius_pt(area),
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


def place_points(ax, pts: pd.DataFrame, places, placer: LabelPlacer) -> None:
    """Each place's point (a square for a capital, a dot for a base's town), drawn over the force
    markers so a force at the place shows the point at its centre."""
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
        placer.markers.append((*to_pt(p["lon"], p["lat"]), marker_radius_pt(area)))
