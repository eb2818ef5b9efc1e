"""Fields that hold the chapters' printed text are declared quotations (checked on the data, not by
name)."""

from __future__ import annotations

import csv
import json

from ca911.data.chapters import chapter_ids
from ca911.data.package import default_data_dir
from ca911.sources import reader as sources
from support.project import needs_sources
from support.quotations import undeclared_quotation_fields


@needs_sources
def test_every_field_repeating_the_chapters_is_declared_a_quotation():
    data_dir = default_data_dir()
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for res in descriptor["resources"]:
        with open(data_dir / res["path"], encoding="utf-8", newline="") as f:
            tables[res["name"]] = list(csv.DictReader(f))
    text = "".join(sources.read_chapter(ch).text for ch in chapter_ids())
    assert undeclared_quotation_fields(descriptor, tables, text) == []
