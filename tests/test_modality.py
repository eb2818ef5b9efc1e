"""The codebook's modality rule, held where it can be read from the Japanese: a main clause that relays
what someone said is `reported_view`; `hedged` needs a hedging form (a concession is not one)."""

from __future__ import annotations

import csv

from ca911 import sources
from ca911.data import default_data_dir
from support.modality import modality_problems
from support.project import needs_sources

# invented sentences, not the chapters'
TEXT = {
    "x §1 ¶1 s.1": "山田外相は、協力の用意があると述べた（注3）。",
    "x §1 ¶1 s.2": "山田外相は弔意を表明した。",
    "x §1 ¶1 s.3": "効果は未知数であるとはいえ、制度は秩序の担保となる。",
    "x §1 ¶1 s.4": "制度は秩序の担保となるであろう。",
    "x §1 ¶1 s.5": "外相は「全面的な協力」を言明していた。",
}


def test_rule_on_invented_sentences():
    rows = [{"locator": "x §1 ¶1 s.1", "modality": "asserted"}, {"locator": "x §1 ¶1 s.2", "modality": "asserted"},
            {"locator": "x §1 ¶1 s.3", "modality": "hedged"}, {"locator": "x §1 ¶1 s.4", "modality": "hedged"},
            {"locator": "x §1 ¶1 s.5", "modality": "asserted"}]
    assert modality_problems(rows, TEXT) == [
        "x §1 ¶1 s.1: coded asserted, its main clause relays what someone said",
        "x §1 ¶1 s.3: coded hedged, but it carries no hedging form",
        "x §1 ¶1 s.5: coded asserted, its main clause relays what someone said",
    ]
    fixed = [dict(rows[0], modality="reported_view"), rows[1], dict(rows[2], modality="asserted"), rows[3],
             dict(rows[4], modality="reported_view")]
    assert modality_problems(fixed, TEXT) == []


@needs_sources
def test_every_sentence_of_the_map_follows_the_rule():
    text = {s.locator: s.text for ch in ("ch3", "ch4") for s in sources.chapter_sentences(ch)}
    with open(default_data_dir() / "sentences.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 300
    assert modality_problems(rows, text) == []
