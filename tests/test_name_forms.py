"""The Latin the chapters print with a name is recorded with the actor, so name tracing can use it."""

from __future__ import annotations

import csv

from support.names import unrecorded_latin_forms

from ca911 import sources
from ca911.data import default_data_dir
from conftest import needs_sources


def test_checker_finds_a_latin_form_not_recorded():
    text = "外相のヤマダ（Taro Yamada）は、\\nカワ（Jiro Kawa）と会った。"  # invented
    actors = [{"actor_id": "yamada", "name_ja": "ヤマダ", "name_ja_variants": ""},
              {"actor_id": "kawa", "name_ja": "カワ", "name_ja_variants": "カワ（Jiro Kawa）"}]
    assert unrecorded_latin_forms(text, actors) == ["yamada: ヤマダ（Taro Yamada）"]


@needs_sources
def test_every_latin_form_printed_with_a_name_is_recorded():
    with open(default_data_dir() / "actors.csv", encoding="utf-8", newline="") as f:
        actors = list(csv.DictReader(f))
    problems = [p for ch in ("ch3", "ch4") for p in unrecorded_latin_forms(sources.read_chapter(ch).text, actors)]
    assert problems == []
