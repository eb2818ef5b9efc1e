"""The benchmark's synthetic package (tools/benchkit/synthetic.py): factor × the records, the originals
untouched, ids unique, every reference resolving within its generation, deterministic, and valid."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from pathlib import Path

import pytest

from ca911.data.package import load
from ca911.data.validation import validate_package
from ca911.sources import reader as sources
from conftest import ROOT, needs_sources, project_copy

FACTOR = 3
GEN = re.compile(r"-s(\d+)$")


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "tools" / "benchkit" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


synthetic = _synthetic()


def scaled_copy(target: Path, factor: int = FACTOR) -> tuple[Path, dict]:
    data = project_copy(target, parts=("data", "references.bib")) / "data"
    return data, synthetic.scale_package(data, factor)


def rows(data: Path, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((data / f"{name}.csv").read_text(encoding="utf-8"))))


def descriptor(data: Path) -> dict:
    return json.loads((data / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scaled(tmp_path_factory) -> tuple[Path, dict]:
    return scaled_copy(tmp_path_factory.mktemp("scaled"))


def slug_actors(data: Path) -> set[str]:
    return {a["actor_id"] for a in rows(data, "actors")
            if a["kind"] not in synthetic.FIXED_KINDS and not synthetic.STATE_OR_ORGANIZATION.fullmatch(a["actor_id"])}


def test_every_table_is_decided_and_scaled_tables_hold_factor_times_their_rows(scaled):
    data, counts = scaled
    names = [r["name"] for r in descriptor(data)["resources"]]
    assert set(names) == set(synthetic.SCALED) | set(synthetic.UNSCALED)
    assert not set(synthetic.SCALED) & set(synthetic.UNSCALED)
    for name in names:
        n_real = len(rows(ROOT / "data", name))
        assert counts[name] == {"before": n_real, "after": len(rows(data, name))}, name
        if name == "actors":  # the fixed world (states, organisations, places, facilities) is not copied
            copied = len(slug_actors(ROOT / "data"))
            assert 0 < copied < n_real and counts[name]["after"] == n_real + (FACTOR - 1) * copied
        elif name in synthetic.SCALED:
            assert n_real > 0 and counts[name]["after"] == FACTOR * n_real, name
        else:
            assert counts[name]["after"] == n_real, name


def test_originals_and_descriptor_are_unchanged(scaled):
    data, _ = scaled
    assert (data / "datapackage.json").read_bytes() == (ROOT / "data" / "datapackage.json").read_bytes()
    for res in descriptor(data)["resources"]:
        real = (ROOT / "data" / res["path"]).read_text(encoding="utf-8")
        assert (data / res["path"]).read_text(encoding="utf-8").startswith(real), res["path"]


def primary_keys(data: Path, res: dict) -> list[tuple]:
    key = res["schema"]["primaryKey"]
    return [tuple(r[k] for k in key) for r in rows(data, res["name"])]


def test_primary_keys_are_unique(scaled):
    data, _ = scaled
    for res in descriptor(data)["resources"]:
        keys = primary_keys(data, res)
        assert len(keys) == len(set(keys)), res["name"]


def test_the_uniqueness_check_catches_a_duplicate(tmp_path):
    data, _ = scaled_copy(tmp_path)
    res = next(r for r in descriptor(data)["resources"] if r["name"] == "events")
    path = data / "events.csv"
    path.write_text(path.read_text(encoding="utf-8") + path.read_text(encoding="utf-8").splitlines()[-1] + "\n", encoding="utf-8")
    keys = primary_keys(data, res)
    assert len(keys) != len(set(keys))


def references(data: Path) -> list[tuple[str, str, str, str, set[str]]]:
    """(table, row id, column, referenced id, the ids it may name) for every reference: the descriptor's
    foreign keys and the space-separated id lists the validator checks by hand."""
    desc = descriptor(data)
    ids = {r["name"]: {"/".join(k) for k in primary_keys(data, r)} for r in desc["resources"]}
    out = []
    for res in desc["resources"]:
        key = res["schema"]["primaryKey"]
        fks = [(fk["fields"], fk["reference"]["resource"]) for fk in res["schema"].get("foreignKeys", [])]
        fks += {"facts": [("actor_ids", "actors"), ("related_event_ids", "events")],
                "iraq_war_responses": [("event_ids", "events")]}.get(res["name"], [])
        for r in rows(data, res["name"]):
            own = "/".join(r[k] for k in key)
            for col, target in fks:
                out += [(res["name"], own, col, v, ids[target]) for v in r[col].split()]
            for col in ("record_ids", "record_refs"):  # `<resource>:<primary key>`
                for ref in r.get(col, "").split():
                    table, _, k = ref.partition(":")
                    out.append((res["name"], own, col, k, ids.get(table, set())))
    return out


def generation(table: str, key: str) -> int:
    """The generation a record or a reference belongs to: 1 for an original, g for a copy."""
    if table == "discrepancies":
        return int(key.split(":")[-1][1:]) // synthetic.DISCREPANCY_STEP + 1
    first = key.split("/")[0]  # an event_actors/event_links row belongs to its first event
    m = GEN.search(first) or re.search(r"_s(\d+)/", key)
    return int(m[1]) if m else 1


def copy_name(key: str, g: int) -> str:
    """What generation g's copy of a record would be called (indicators: `country/name_s<g>/as_of`)."""
    parts = key.split("/")
    return f"{parts[0]}/{parts[1]}_s{g}/{parts[2]}" if len(parts) == 3 and "_" in parts[1] else f"{key}-s{g}"


def test_every_reference_resolves_within_its_generation(scaled):
    data, _ = scaled
    refs = references(data)
    assert len(refs) > 5000
    assert [(t, o, c, v) for t, o, c, v, known in refs if v not in known] == []
    # a reference to a copy comes from a copy of the same generation (references to the fixed world: from any)
    mixed = [(t, o, c, v) for t, o, c, v, _ in refs if generation("", v) > 1 and generation(t, o) != generation("", v)]
    assert mixed == []
    # and a copy never names an original that has a copy of the copy's generation
    to_original = [(t, o, c, v) for t, o, c, v, known in refs
                   if (g := generation(t, o)) > 1 and generation("", v) == 1 and copy_name(v, g) in known]
    assert to_original == []
    # each generation of copies holds as many references as the originals it copies
    copied = slug_actors(ROOT / "data")
    real = sum(t in synthetic.SCALED and generation(t, o) == 1 and (t != "actors" or o in copied) for t, o, *_ in refs)
    assert [sum(generation(t, o) == g for t, o, *_ in refs) for g in range(2, FACTOR + 1)] == [real] * (FACTOR - 1)


def test_references_are_checked(tmp_path):
    data, _ = scaled_copy(tmp_path)
    path = data / "event_actors.csv"
    text = path.read_text(encoding="utf-8")
    last = text.splitlines()[-1]
    path.write_text(text + last.replace(f"-s{FACTOR},", f"-s{FACTOR + 1},", 1) + "\n", encoding="utf-8")
    assert [r for r in references(data) if r[3] not in r[4]] != []


def test_copies_differ_from_their_originals_only_in_ids_references_and_name_marks(scaled):
    """So every check of the originals against the chapters (printed dates at their locators, quotations as
    printed, no 20-character run shared with a chapter) holds for the copies too."""
    data, _ = scaled
    may_change = {"actor_id", "country_id", "event_id", "place_id", "linked_event_id", "fact_id", "actor_ids",
                  "related_event_ids", "deployment_id", "facility_id", "host_id", "force_id", "indicator",
                  "discrepancy_id", "record_ids"}
    for name in synthetic.SCALED:
        real = rows(ROOT / "data", name)
        if name == "actors":
            real = [a for a in real if a["actor_id"] in slug_actors(ROOT / "data")]
        copies = rows(data, name)[len(rows(ROOT / "data", name)):]
        assert len(copies) == (FACTOR - 1) * len(real)
        for i, copy in enumerate(copies):
            orig, g = real[i % len(real)], i // len(real) + 2
            for col, value in copy.items():
                if col == "name_en":
                    assert value == f"{orig[col]} (synthetic {g})"
                elif col == "name_ja":
                    assert value == f"{orig[col]}（合成{g}）"
                elif col == "name_en_ours":  # the mark is ours, and the name-tracing rule must be told so
                    assert value.split("|") == [p for p in orig[col].split("|") if p] + [f"(synthetic {g})"]
                elif col not in may_change:
                    assert value == orig[col], (name, col, i)


def test_scaling_is_deterministic(scaled, tmp_path):
    data, counts = scaled
    again, counts_again = scaled_copy(tmp_path)
    assert counts_again == counts
    for res in descriptor(data)["resources"]:
        assert (again / res["path"]).read_bytes() == (data / res["path"]).read_bytes(), res["path"]


def test_the_validator_accepts_the_scaled_package(scaled):
    data, _ = scaled
    assert [str(p) for p in validate_package(data)] == []


@pytest.mark.parametrize("table, column", [
    ("event_actors", "event_id"),  # a foreign key (Frictionless)
    ("facts", "related_event_ids"),  # an id list (the validator's own rule)
])
def test_the_validator_rejects_a_copy_pointing_to_a_missing_record(tmp_path, table, column):
    data, _ = scaled_copy(tmp_path)
    path = data / f"{table}.csv"
    header, records = list(rows(data, table)[0]), rows(data, table)
    copy = next(r for r in reversed(records) if f"-s{FACTOR}" in r[column])  # the last generation's
    copy[column] = copy[column].replace(f"-s{FACTOR}", f"-s{FACTOR + 1}")  # one generation too far
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    path.write_text(out.getvalue(), encoding="utf-8")
    problems = validate_package(data)
    assert problems and {p.file for p in problems} == {f"{table}.csv"}
    assert all(p.column == column and f"-s{FACTOR + 1}" in str(p) for p in problems), problems


def test_scale_refuses_ids_beyond_the_discrepancy_pattern(tmp_path):
    data = project_copy(tmp_path, parts=("data",)) / "data"
    with pytest.raises(ValueError, match="d999"):
        synthetic.scale_package(data, 11)
    assert (data / "events.csv").read_bytes() == (ROOT / "data" / "events.csv").read_bytes()  # nothing written


@needs_sources
def test_chapter_checks_hold_for_the_copies(scaled):
    """The provenance tests' chapter checks, run on the scaled package: printed dates appear in the passages
    their locators name, and no new text shares a 20-character run with a chapter."""
    import test_provenance as prov

    data, _ = scaled
    pkg = load(data)
    prov.test_printed_dates_appear_in_their_passages(pkg)
    real_values = {v for *_, v in prov.quotation_free_values(pkg.descriptor, ROOT / "data")}
    new = [x for x in prov.quotation_free_values(pkg.descriptor, data) if x[3] not in real_values]
    assert any("(synthetic 2)" in x[3] for x in new)
    # one value holding every new text, NUL-separated (no chapter has a NUL, so no run spans two values):
    # the same shared_run as the provenance test, reading each chapter once instead of once per value
    joined = [("(every new value)", "-", 0, "\0".join(x[3] for x in new))]
    for chapter in ("ch3", "ch4"):
        text = sources.read_chapter(chapter).text
        assert "\0" not in text and prov.copies_in(joined, text) == []
        planted = joined[0][3] + "\0" + text[500:530]  # a copied passage in a copy would be found
        assert prov.copies_in([(*joined[0][:3], planted)], text) != []
