"""A deployment record's status and its missing number are worded in one place,
`ca911.data.presence_words`, for every figure and timeline: no figure or data module keeps its own
word for them (the map once said 人数なし and 到着 while the legend said 人数の記載なし and
到着途上)."""

from __future__ import annotations

import re

from ca911.data import presence_words
from support.project import ROOT

SOURCES = ROOT / "src" / "ca911"


def own_presence_words(source: str) -> list[str]:
    """Literal words for a missing number or for a status, kept outside presence_words."""
    words = [presence_words.no_number(lang) for lang in presence_words.NO_NUMBER]
    words += [w for table in presence_words.STATUS_WORDS.values() for w in table.values()]
    japanese = [w for w in words if not w.isascii()] + ["人数なし"]
    found = [w for w in japanese if f'"{w}"' in source]
    found += re.findall(r'"no number(?: given)?"\s*:', source)  # a word table's own entry
    return found


def test_only_presence_words_words_a_status_or_a_missing_number():
    found = {
        path.relative_to(ROOT).as_posix(): own_presence_words(path.read_text(encoding="utf-8"))
        for path in SOURCES.rglob("*.py")
        if path.name != "presence_words.py" and path.parts[-2] in ("figures", "data")
    }
    assert {k: v for k, v in found.items() if v} == {}
    broken = 'WORDS = {"ja": {"no number": "人数なし", "arriving": "到着途上"}}'
    assert own_presence_words(broken) == ["到着途上", "人数なし", '"no number":']
