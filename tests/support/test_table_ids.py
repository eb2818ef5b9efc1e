"""The table-id checker (tests/support/table_ids.py) on small pages: a period id, a state's code and
a place's slug in a table are caught; names, a records column, file names and an organisation known
by its acronym pass."""

from __future__ import annotations

from support.table_ids import ids_in_tables, internal_ids

ACTORS = [
    {"actor_id": "KAZ", "name_en": "Kazakhstan", "name_ja": "カザフスタン"},
    {
        "actor_id": "SCO",
        "name_en": "Shanghai Cooperation Organization",
        "name_ja": "上海協力機構（SCO）",
    },
    {"actor_id": "central-asia", "name_en": "Central Asia", "name_ja": "中央アジア"},
    {"actor_id": "UN", "name_en": "United Nations", "name_ja": "国連"},
]
PERIODS = [{"period_id": "kaz-1"}]


def table(header: list[str], *rows: list[str]) -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><caption>Table 1 Periods</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"  # noqa: E501 (a page given whole)


def test_ids_a_reader_does_not_know():
    assert internal_ids(ACTORS, PERIODS) == {"KAZ", "central-asia", "kaz-1"}


def test_ids_in_a_table_are_caught():
    ids = internal_ids(ACTORS, PERIODS)
    broken = table(["period", "country", "region"], ["kaz-1", "KAZ", "central-asia"])
    assert len(ids_in_tables(broken, ids)) == 3


def test_names_records_and_files_pass():
    ids = internal_ids(ACTORS, PERIODS)
    mended = table(
        ["country", "id", "member of", "records", "GraphML"],
        ["Kazakhstan", "KAZ", "SCO, UN", "periods: kaz-1", "alignment-kaz-1.graphml"],
    )
    assert ids_in_tables(mended, ids) == []


def test_an_id_column_sharing_its_head_with_another_field_passes_and_no_other_head_does():
    ids = internal_ids(ACTORS, PERIODS)
    glossary = table(["日本語", "id · 初出"], ["カザフスタン", "KAZ · ch3 §1 ¶1"])
    assert ids_in_tables(glossary, ids) == []
    spliced = table(["日本語", "初出 · id"], ["カザフスタン", "KAZ · ch3 §1 ¶1"])
    assert len(ids_in_tables(spliced, ids)) == 1


def test_a_list_of_abbreviations_shows_its_codes_and_only_in_its_own_column():
    ids = internal_ids(ACTORS, PERIODS)
    listed = table(["略語", "意味"], ["KAZ", "カザフスタン"])
    assert ids_in_tables(listed, ids) == []
    explained_by_code = table(["abbreviation", "stands for"], ["KZ", "KAZ"])
    assert len(ids_in_tables(explained_by_code, ids)) == 1
