"""The modality checker of tests/support/modality.py on invented sentences: a relayed view coded as
asserted and a hedge without a hedging form are found, the same rows coded by the rule pass."""

from __future__ import annotations

from support.modality import modality_problems

# invented sentences, not the chapters'
TEXT = {
    "x §1 ¶1 s.1": "山田外相は、協力の用意があると述べた（注3）。",
    "x §1 ¶1 s.2": "山田外相は弔意を表明した。",
    "x §1 ¶1 s.3": "効果は未知数であるとはいえ、制度は秩序の担保となる。",
    "x §1 ¶1 s.4": "制度は秩序の担保となるであろう。",
    "x §1 ¶1 s.5": "外相は「全面的な協力」を言明していた。",
}


def test_rule_on_invented_sentences():
    rows = [
        {"locator": "x §1 ¶1 s.1", "modality": "asserted"},
        {"locator": "x §1 ¶1 s.2", "modality": "asserted"},
        {"locator": "x §1 ¶1 s.3", "modality": "hedged"},
        {"locator": "x §1 ¶1 s.4", "modality": "hedged"},
        {"locator": "x §1 ¶1 s.5", "modality": "asserted"},
    ]
    assert modality_problems(rows, TEXT) == [
        "x §1 ¶1 s.1: coded asserted, its main clause relays what someone said",
        "x §1 ¶1 s.3: coded hedged, but it carries no hedging form",
        "x §1 ¶1 s.5: coded asserted, its main clause relays what someone said",
    ]
    fixed = [
        dict(rows[0], modality="reported_view"),
        rows[1],
        dict(rows[2], modality="asserted"),
        rows[3],
        dict(rows[4], modality="reported_view"),
    ]
    assert modality_problems(fixed, TEXT) == []
