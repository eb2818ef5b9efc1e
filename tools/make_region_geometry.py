"""Reduce Natural Earth country borders (as shipped in the npm package world-atlas@2.0.2) to Central
Asia and its neighbours, and write data/geo/central_asia.geojson. Run once by hand; the book never
fetches anything.

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_region_geometry.py /tmp/package/countries-50m.json

Pure Python: decodes the TopoJSON (quantised, delta-encoded arcs), clips every ring to the regional
box, simplifies (Douglas–Peucker) and rounds to 0.01 degree so the file stays small and stable.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ca911.data.geometry import clip_ring

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "geo" / "central_asia.geojson"
# ISO 3166-1 numeric (Natural Earth's ids in world-atlas) → alpha-3, the ids actors.csv uses.
COUNTRIES = {
    "398": "KAZ",
    "860": "UZB",
    "417": "KGZ",
    "762": "TJK",
    "795": "TKM",
    "004": "AFG",
    "364": "IRN",
    "586": "PAK",
    "156": "CHN",
    "643": "RUS",
    "496": "MNG",
    "356": "IND",
    "031": "AZE",
    "051": "ARM",
    "268": "GEO",
}
BBOX = (35.0, 30.0, 85.0, 56.0)  # west, south, east, north (degrees)
TOLERANCE = 0.02  # degrees: below what a 3-inch panel of 40 degrees can show
DIGITS = 2


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded quantised positions
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list, indices: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]  # ~i: the arc reversed
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their joining point
    return points


def clip(points: list, bbox=BBOX) -> list:
    """The ring cut to the regional box (the map's own clipping, so the two agree)."""
    return clip_ring(points, bbox)


def simplify(points: list, tolerance: float = TOLERANCE) -> list:
    """Douglas–Peucker, iterative (long rings would exceed the recursion limit)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, worst_d = None, tolerance
        for k in range(first + 1, last):
            px, py = points[k]
            d = (
                abs(dy * (px - x1) - dx * (py - y1)) / norm
                if norm
                else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            )
            if d > worst_d:
                worst, worst_d = k, d
        if worst is not None:
            keep[worst] = True
            stack += [(first, worst), (worst, last)]
    return [p for p, k in zip(points, keep) if k]


def finish(points: list) -> list[list[float]] | None:
    """Rounded, without repeated points, closed; None when too little is left to draw."""
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or p != out[-1]:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3:
        return None
    area = sum(out[k - 1][0] * out[k][1] - out[k][0] * out[k - 1][1] for k in range(len(out))) / 2
    if abs(area) < 0.005:  # slivers along the box's edge and specks of islands
        return None
    return out + [out[0]]


def country_polygons(geometry: dict, arcs: list) -> list[list[list[list[float]]]]:
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    out = []
    for polygon in polygons:
        rings = []
        for k, indices in enumerate(polygon):
            closed = ring(arcs, indices)
            clipped = clip(simplify(closed))
            done = finish(clipped)
            if done is None:
                if k == 0:  # no outer ring, no holes
                    break
                continue
            rings.append(done)
        if rings:
            out.append(rings)
    return out


def region_geojson(topo: dict) -> dict:
    arcs = decode_arcs(topo)
    features = []
    for g in sorted(
        topo["objects"]["countries"]["geometries"], key=lambda g: COUNTRIES.get(g.get("id"), "")
    ):
        iso = COUNTRIES.get(g.get("id"))
        if iso is None:
            continue
        polygons = country_polygons(g, arcs)
        if polygons:
            features.append(
                {
                    "type": "Feature",
                    "id": iso,
                    "properties": {
                        "iso_a3": iso,
                        "iso_n3": g["id"],
                        "name": g["properties"]["name"],
                    },
                    "geometry": {"type": "MultiPolygon", "coordinates": polygons},
                }
            )
    return {"type": "FeatureCollection", "bbox": list(BBOX), "features": features}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="countries-50m.json from world-atlas@2.0.2")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    topo = json.loads(args.topojson.read_text(encoding="utf-8"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(region_geojson(topo), separators=(",", ":"), ensure_ascii=False)
    args.out.write_text(
        text.replace('{"type":"Feature"', '\n{"type":"Feature"') + "\n", encoding="utf-8"
    )
    print(f"{args.out}: {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
