"""The map's geometry: country outlines in data/geo (made by tools/make_region_geometry.py from
Natural Earth), read and checked here; rings clipped to a box; the great-circle distance between two
places."""

from __future__ import annotations

import json
import math
from pathlib import Path

from ca911.data.package import default_data_dir


def geometry_path(data_dir: str | Path | None = None) -> Path:
    return Path(data_dir or default_data_dir()) / "geo" / "central_asia.geojson"


def borders(data_dir: str | Path | None = None) -> dict:
    return json.loads(geometry_path(data_dir).read_text(encoding="utf-8"))


def clip_ring(points: list, bbox: tuple[float, float, float, float]) -> list:
    """Sutherland–Hodgman against a box (west, south, east, north): a ring stays a ring, cut along
    the box."""
    west, south, east, north = bbox
    edges = [
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    ]
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


def distance_km(a, b) -> float:
    """Great-circle distance between two points (anything with `lat` and `lon`), km."""
    (la1, lo1), (la2, lo2) = [(math.radians(p["lat"]), math.radians(p["lon"])) for p in (a, b)]
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


REGION = (
    "KAZ",
    "UZB",
    "KGZ",
    "TJK",
    "TKM",
    "AFG",
    "IRN",
    "PAK",
    "CHN",
    "RUS",
    "IND",
    "AZE",
    "ARM",
    "GEO",
)


GEOMETRY_BOX = (
    35.0,
    30.0,
    85.0,
    56.0,
)  # west, south, east, north: what tools/make_region_geometry.py keeps


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
