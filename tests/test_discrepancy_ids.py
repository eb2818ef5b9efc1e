"""The register's introduction (methods/discrepancies.md) says how its ids are numbered: chapter
3's first entries d01–d40, chapter 4's d50–d72, later ones from d80 on, d41–d49 and d73–d79 never
used. The data must keep to that, so the sentence stays true."""

from __future__ import annotations

from support.project import ROOT, read_rows


def test_register_ids_keep_the_numbering_the_introduction_states():
    _, rows = read_rows(ROOT / "data" / "discrepancies.csv")
    numbers = {int(r["discrepancy_id"].removeprefix("d")): r["source_id"] for r in rows}
    assert {n for n in numbers if 1 <= n <= 40} == set(range(1, 41))
    assert {numbers[n] for n in range(1, 41)} == {"ch3"}
    assert {n for n in numbers if 50 <= n <= 72} == set(range(50, 73))
    assert {numbers[n] for n in range(50, 73)} == {"ch4"}
    assert not [n for n in numbers if 41 <= n <= 49 or 73 <= n <= 79 or n < 1]
    page = (ROOT / "methods" / "discrepancies.md").read_text(encoding="utf-8")
    assert "d41–d49, d73–d79" in page and "from d80 on" in page
