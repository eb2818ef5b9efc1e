"""Fields that hold the chapters' printed text are declared quotations (checked on the data, not by name)."""

from __future__ import annotations

import csv
import json

from ca911 import sources
from ca911.data import default_data_dir
from support.project import needs_sources
from support.quotations import undeclared_quotation_fields

DESCRIPTOR = {"resources": [{"name": "people", "schema": {"fields": [
    {"name": "name_ja", "type": "string", "quotation": True},
    {"name": "author_ja", "type": "string"},
    {"name": "summary_ja", "type": "string"},
]}}]}
CHAPTER = "春の長雨のあと、山田太郎は川の堤防を見回った。"  # invented, not the chapters' text


def test_checker_flags_an_undeclared_printed_field_and_only_it():
    rows = [{"name_ja": "山田太郎", "author_ja": "山田 太郎", "summary_ja": "山田が堤を点検した。"}]
    assert undeclared_quotation_fields(DESCRIPTOR, {"people": rows}, CHAPTER) == [("people", "author_ja", 1, 1)]
    declared = json.loads(json.dumps(DESCRIPTOR))
    declared["resources"][0]["schema"]["fields"][1]["quotation"] = True
    assert undeclared_quotation_fields(declared, {"people": rows}, CHAPTER) == []


@needs_sources
def test_every_field_repeating_the_chapters_is_declared_a_quotation():
    data_dir = default_data_dir()
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for res in descriptor["resources"]:
        with open(data_dir / res["path"], encoding="utf-8", newline="") as f:
            tables[res["name"]] = list(csv.DictReader(f))
    text = sources.read_chapter("ch3").text + sources.read_chapter("ch4").text
    assert undeclared_quotation_fields(descriptor, tables, text) == []
