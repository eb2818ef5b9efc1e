"""The codebook's modality rule, held where it can be read from the Japanese: a main clause that
relays what someone said is `reported_view`; `hedged` needs a hedging form (a concession is not
one)."""

from __future__ import annotations

import csv

from ca911.data.chapters import chapter_ids
from ca911.data.package import default_data_dir
from ca911.sources import reader as sources
from support.modality import modality_problems
from support.project import needs_sources


@needs_sources
def test_every_sentence_of_the_map_follows_the_rule():
    text = {s.locator: s.text for ch in chapter_ids() for s in sources.chapter_sentences(ch)}
    with open(default_data_dir() / "sentences.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 300
    assert modality_problems(rows, text) == []
