"""The quotation-field checker of tests/support/quotations.py on an invented chapter and descriptor:
a field that repeats the printed text undeclared is flagged, and only it."""

from __future__ import annotations

import json

from support.quotations import undeclared_quotation_fields

DESCRIPTOR = {
    "resources": [
        {
            "name": "people",
            "schema": {
                "fields": [
                    {"name": "name_ja", "type": "string", "quotation": True},
                    {"name": "author_ja", "type": "string"},
                    {"name": "summary_ja", "type": "string"},
                ]
            },
        }
    ]
}


CHAPTER = "春の長雨のあと、山田太郎は川の堤防を見回った。"  # invented, not the chapters' text


def test_checker_flags_an_undeclared_printed_field_and_only_it():
    rows = [{"name_ja": "山田太郎", "author_ja": "山田 太郎", "summary_ja": "山田が堤を点検した。"}]
    assert undeclared_quotation_fields(DESCRIPTOR, {"people": rows}, CHAPTER) == [
        ("people", "author_ja", 1, 1)
    ]
    declared = json.loads(json.dumps(DESCRIPTOR))
    declared["resources"][0]["schema"]["fields"][1]["quotation"] = True
    assert undeclared_quotation_fields(declared, {"people": rows}, CHAPTER) == []
