"""The descriptor's Japanese words: every resource, field and code of data/datapackage.json has
them, the validator names what lacks them, and the package hands out labels in either language."""

from __future__ import annotations

import json

from ca911.data.descriptor_words import missing_japanese, text_of
from ca911.data.package import load
from ca911.data.validation import validate_package
from support.project import ROOT


def test_every_resource_field_and_code_has_japanese_words():
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert missing_japanese(descriptor) == []


def test_a_field_or_code_without_japanese_is_a_validation_problem(data_copy):
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    events = next(r for r in descriptor["resources"] if r["name"] == "events")
    date = next(f for f in events["schema"]["fields"] if f["name"] == "date")
    date["description_ja"] = date["description"]  # English copied across is no Japanese
    kinds = next(f for f in events["schema"]["fields"] if f["name"] == "event_type")
    del kinds["categories"][0]["label_ja"]
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    found = [str(p) for p in validate_package(data_copy)]
    assert any(":events.date: no-description-ja:" in p for p in found), found
    code = kinds["categories"][0]["value"]
    assert any(f":events.event_type={code}: no-label-ja:" in p for p in found), found


def test_labels_come_in_the_language_asked():
    pkg = load(ROOT / "data", validate=False)
    english, japanese = pkg.labels("facts", "modality"), pkg.labels("facts", "modality", "ja")
    assert list(english) == list(japanese)
    field = pkg.field("facts", "modality")
    assert japanese["hedged"] == text_of(field["categories"][1], "label", "ja")
    assert all(any("\u3040" <= c <= "\u9fff" for c in label) for label in japanese.values())
