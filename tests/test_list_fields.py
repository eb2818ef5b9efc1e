"""List-valued fields: typed in the descriptor (`listSeparator`) and split in one place, the loader;
the validator reads the same separator."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from ca911.data import schema
from ca911.data.package import load
from ca911.data.validation import validate_package

ROOT = Path(__file__).resolve().parents[1]
DESCRIPTOR = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))


def test_a_field_described_as_a_list_is_typed_as_one():
    """Every field whose description says its items are "separated by" something declares that
    separator."""
    described = {}
    for res in DESCRIPTOR["resources"]:
        for f in res["schema"]["fields"]:
            if m := re.search(r"separated by (spaces|`(.)`)", f.get("description", "")):
                described[(res["name"], f["name"])] = " " if m[1] == "spaces" else m[2]
    declared = {
        (r, f): sep
        for r, fields in schema.list_fields(DESCRIPTOR).items()
        for f, sep in fields.items()
    }
    assert described and declared == described


def test_split_list_drops_empty_items():
    assert schema.split_list("", " ") == []
    assert schema.split_list(None, "|") == []
    assert schema.split_list("a  b", " ") == ["a", "b"]
    assert schema.split_list("カワ|川|", "|") == ["カワ", "川"]


def test_the_loader_gives_every_list_field_as_lists():
    pkg = load()
    for resource, fields in schema.list_fields(pkg.descriptor).items():
        for field in fields:
            assert all(isinstance(v, list) for v in pkg[resource][field]), (resource, field)
    ivanov = pkg.actors.set_index("actor_id").loc["ivanov-sergei"]
    assert ivanov["name_en_external"] == ["Sergei"] and ivanov["name_shown"] == "[Sergei] Ivanov"


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    return tmp_path / "data"


def test_the_validator_splits_with_the_descriptors_separator(tmp_path):
    """A descriptor that gives facts.actor_ids another separator makes "RUS USA" one unknown actor:
    the validator splits as the descriptor says, not by a rule of its own."""
    data = _copy(tmp_path)
    facts = data / "facts.csv"
    multi = next(
        line
        for line in facts.read_text(encoding="utf-8").splitlines()[1:]
        if re.search(r",[A-Za-z-]+ [A-Za-z-]+,", line)
    )
    assert validate_package(data) == []
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    field = next(
        f
        for r in descriptor["resources"]
        if r["name"] == "facts"
        for f in r["schema"]["fields"]
        if f["name"] == "actor_ids"
    )
    field["listSeparator"] = "|"
    (data / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    problems = [str(p) for p in validate_package(data)]
    assert any(":actor_ids: unknown-actor:" in p for p in problems), (multi, problems[:3])
