"""One bad fixture per rule: each gives a clear error naming file, row, column and rule."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ca911.data.dates import check_date
from ca911.data.package import DataPackageError, load
from ca911.data.validation import validate_package
from support.project import ROOT, project_copy, read_rows, write_rows


def mutate(data_dir: Path, name: str, index: int, **changes) -> int:
    """Change row `index` (0-based) of a table; returns its line number in the file."""
    header, rows = read_rows(data_dir / f"{name}.csv")
    rows[index].update(changes)
    write_rows(data_dir / f"{name}.csv", header, rows)
    return index + 2


def append(data_dir: Path, name: str, row: dict) -> int:
    header, rows = read_rows(data_dir / f"{name}.csv")
    rows.append({c: row.get(c, "") for c in header})
    write_rows(data_dir / f"{name}.csv", header, rows)
    return len(rows) + 1


def problems_of(data_dir: Path) -> list[str]:
    return [str(p) for p in validate_package(data_dir)]


def assert_problem(data_dir: Path, expected_prefix: str) -> None:
    found = problems_of(data_dir)
    assert any(p.startswith(expected_prefix) for p in found), (
        f"expected {expected_prefix!r} in {found}"
    )


def test_the_committed_package_is_valid():
    assert problems_of(ROOT / "data") == []


def test_impossible_date(data_copy):
    row = mutate(data_copy, "events", 0, date="2001-13-40", date_precision="day")
    assert_problem(data_copy, f"events.csv:{row}:date: impossible-date:")


def test_day_that_month_lacks():
    assert "no day 31" in check_date("2002-02-31")
    assert check_date("2000-02-29") is None and check_date("2001-02-29") is not None


def test_unknown_actor(data_copy):
    row = mutate(data_copy, "event_actors", 0, actor_id="nobody-at-all")
    assert_problem(data_copy, f"event_actors.csv:{row}:actor_id: foreign-key:")


def test_actor_row_of_an_unknown_event(data_copy):
    row = mutate(data_copy, "event_actors", 0, event_id="ch3-2099-no-such-event")
    assert_problem(data_copy, f"event_actors.csv:{row}:event_id: foreign-key:")


def test_duplicate_key(data_copy):
    header, rows = read_rows(data_copy / "actors.csv")
    write_rows(data_copy / "actors.csv", header, rows + [rows[0]])
    assert_problem(data_copy, f"actors.csv:{len(rows) + 2}:")
    assert any("primary-key" in p for p in problems_of(data_copy))


def test_wrong_enum(data_copy):
    row = mutate(data_copy, "events", 0, event_type="rumour")
    assert_problem(data_copy, f"events.csv:{row}:event_type: constraint-error: 'rumour'")


def test_missing_column(data_copy):
    header, rows = read_rows(data_copy / "events.csv")
    header.remove("locator")
    for r in rows:
        r.pop("locator")
    write_rows(data_copy / "events.csv", header, rows)
    assert_problem(data_copy, "events.csv:1:locator: missing-column:")


def test_empty_file(data_copy):
    (data_copy / "stances.csv").write_bytes(b"")
    assert_problem(data_copy, "stances.csv:0:-: empty-file:")


def test_non_utf8_bytes(data_copy):
    path = data_copy / "actors.csv"
    path.write_bytes(path.read_bytes() + "XXX,state,X,\u30ed\n".encode("shift_jis"))
    assert_problem(data_copy, "actors.csv:")
    assert any(": encoding: " in p for p in problems_of(data_copy))


def test_byte_order_mark(data_copy):
    path = data_copy / "events.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert_problem(data_copy, "events.csv:1:-: byte-order-mark:")


def test_stray_whitespace_in_id(data_copy):
    row = mutate(data_copy, "event_actors", 0, actor_id=" putin")
    assert_problem(data_copy, f"event_actors.csv:{row}:actor_id: stray-whitespace:")


def test_end_before_start(data_copy):
    header, rows = read_rows(data_copy / "events.csv")
    index = next(i for i, r in enumerate(rows) if r["date_precision"] == "day")
    row = mutate(data_copy, "events", index, date_end="1990-01-01")
    assert_problem(data_copy, f"events.csv:{row}:date_end: end-before-start:")


def test_precision_disagrees_with_date(data_copy):
    header, rows = read_rows(data_copy / "events.csv")
    index = next(i for i, r in enumerate(rows) if r["date_precision"] == "day")
    row = mutate(data_copy, "events", index, date_precision="year")
    assert_problem(data_copy, f"events.csv:{row}:date_precision: precision-mismatch:")


def test_event_without_actor(data_copy):
    header, rows = read_rows(data_copy / "event_actors.csv")
    first = rows[0]["event_id"]
    write_rows(data_copy / "event_actors.csv", header, [r for r in rows if r["event_id"] != first])
    assert any(
        p.endswith(f"event {first!r} has no row in event_actors.csv")
        and ":event_id: event-without-actor:" in p
        for p in problems_of(data_copy)
    )


def test_stance_cites_unknown_event(data_copy):
    row = mutate(data_copy, "stances", 0, event_id="ch3-2001-09-99-nothing")
    assert_problem(data_copy, f"stances.csv:{row}:event_id:")


def test_source_without_bibtex_key(data_copy):
    row = mutate(data_copy, "sources", 0, bibtex_key="Nobody2001nothing")
    assert_problem(data_copy, f"sources.csv:{row}:bibtex_key: unknown-bibtex-key:")


def test_locator_pattern(data_copy):
    row = mutate(data_copy, "events", 0, locator="chapter 3, page 12")
    assert_problem(data_copy, f"events.csv:{row}:locator: constraint-error:")


def test_loader_raises_with_every_problem(data_copy):
    mutate(data_copy, "events", 0, event_type="rumour")
    with pytest.raises(DataPackageError) as err:
        load(data_copy)
    assert "events.csv:2:event_type" in str(err.value)


def test_cli_prints_located_problems_and_fails(data_copy):
    mutate(data_copy, "events", 0, date="2001-13-40", date_precision="day")
    proc = subprocess.run(
        [sys.executable, "-m", "ca911", "validate", str(data_copy)], capture_output=True, text=True
    )
    assert proc.returncode == 1
    assert "events.csv:2:date: impossible-date:" in proc.stderr
    assert "nothing built" in proc.stderr


def test_make_book_writes_no_book_on_bad_data(tmp_path):
    """`make book` validates first: with a broken CSV it stops before any notebook runs."""
    project_copy(
        tmp_path, skip=frozenset({"tests"})
    )  # not `git ls-files`: a reader's copy may have no .git
    (tmp_path / ".venv").symlink_to(ROOT / ".venv")
    mutate(tmp_path / "data", "events", 0, date="2001-13-40", date_precision="day")
    proc = subprocess.run(
        ["make", "-o", ".venv/bin/python", "-o", "system-deps", "book"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(tmp_path)},
    )
    assert proc.returncode != 0
    assert "events.csv:2:date: impossible-date:" in proc.stderr
    assert (
        not (tmp_path / "_build" / "html").exists() and not (tmp_path / "_build" / "pdf").exists()
    )
    assert not (tmp_path / "_build" / "stage").exists() and not list(
        (tmp_path / "_build").glob("swap.*")
    )


# --- facts.csv and the sentence map ---------------------------------------------------------------
SENTENCE = {
    "source_id": "ch3",
    "sentence_no": "9999",
    "locator": "ch3 §1 ¶1 s.99",
    "checksum": "0123abcd",
    "modality": "asserted",
}
FACT = {
    "fact_id": "ch3-fact-test-fixture",
    "fact_type": "action",
    "modality": "asserted",
    "actor_ids": "RUS",
    "summary_en": "A test fact.",
    "summary_ja": "試験用の事実。",
    "source_id": "ch3",
    "locator": "ch3 §1 ¶1",
}


def test_fact_names_unknown_actor(data_copy):
    row = append(data_copy, "facts", {**FACT, "actor_ids": "RUS no-such-actor"})
    assert_problem(data_copy, f"facts.csv:{row}:actor_ids: unknown-actor: 'no-such-actor'")


def test_fact_names_unknown_event(data_copy):
    row = append(data_copy, "facts", {**FACT, "related_event_ids": "ch3-2099-no-such-event"})
    assert_problem(data_copy, f"facts.csv:{row}:related_event_ids: unknown-event:")


def test_fact_type_outside_the_codebook(data_copy):
    row = append(data_copy, "facts", {**FACT, "fact_type": "rumour"})
    assert_problem(data_copy, f"facts.csv:{row}:fact_type: constraint-error:")


@pytest.mark.parametrize("table, record", [("facts", FACT), ("sentences", SENTENCE)])
def test_modality_missing_or_outside_the_codebook(data_copy, table, record):
    extra = {"content": "analysis"} if table == "sentences" else {}
    row = append(data_copy, table, {**record, **extra, "modality": "certain"})
    assert_problem(data_copy, f"{table}.csv:{row}:modality: constraint-error: 'certain'")
    mutate(data_copy, table, row - 2, modality="")
    assert_problem(data_copy, f"{table}.csv:{row}:modality: constraint-error:")


def test_sentence_names_unknown_record(data_copy):
    row = append(
        data_copy,
        "sentences",
        {**SENTENCE, "content": "fact", "record_refs": "events:ch3-2099-nothing"},
    )
    assert_problem(
        data_copy, f"sentences.csv:{row}:record_refs: unknown-record: 'events:ch3-2099-nothing'"
    )


def test_fact_sentence_without_records(data_copy):
    row = append(data_copy, "sentences", {**SENTENCE, "content": "fact", "record_refs": ""})
    assert_problem(data_copy, f"sentences.csv:{row}:record_refs: fact-without-record:")


def test_analysis_sentence_with_records(data_copy):
    header, rows = read_rows(data_copy / "events.csv")
    row = append(
        data_copy,
        "sentences",
        {**SENTENCE, "content": "analysis", "record_refs": f"events:{rows[0]['event_id']}"},
    )
    assert_problem(data_copy, f"sentences.csv:{row}:record_refs: records-on-non-fact:")


def test_composite_keys_are_referable(data_copy):
    """Refs to composite-key records use `/`; a valid one raises nothing, a wrong part does."""
    _, aid = read_rows(data_copy / "aid.csv")
    good = f"aid:{aid[0]['donor_id']}/{aid[0]['recipient_id']}/{aid[0]['year']}"
    append(data_copy, "sentences", {**SENTENCE, "content": "fact", "record_refs": good})
    assert not [p for p in problems_of(data_copy) if p.startswith("sentences.csv")]
    row = mutate(
        data_copy,
        "sentences",
        len(read_rows(data_copy / "sentences.csv")[1]) - 1,
        record_refs=good + "9",
    )
    assert_problem(data_copy, f"sentences.csv:{row}:record_refs: unknown-record:")


def test_sentence_locator_pattern(data_copy):
    row = append(
        data_copy, "sentences", {**SENTENCE, "locator": "ch3 §1 ¶1", "content": "signpost"}
    )
    assert_problem(data_copy, f"sentences.csv:{row}:locator: constraint-error:")


def test_discrepancy_names_unknown_record(data_copy):
    row = mutate(data_copy, "discrepancies", 0, record_ids="events:ch3-2099-nothing")
    assert_problem(
        data_copy, f"discrepancies.csv:{row}:record_ids: unknown-record: 'events:ch3-2099-nothing'"
    )


def test_coverage_cli_reports_invalid_data_instead_of_a_report(data_copy):
    row = append(data_copy, "facts", {**FACT, "fact_type": "rumour"})
    proc = subprocess.run(
        [sys.executable, "-m", "ca911", "coverage", "ch3", "--data-dir", str(data_copy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 1 and proc.stdout == ""
    assert f"facts.csv:{row}:fact_type: constraint-error:" in proc.stderr


def test_external_name_part_must_be_part_of_the_name(data_copy):
    """`name_en_external` marks what the chapters do not print; it must be a part of `name_en`."""
    from ca911.data.validation import validate_package
    from support.project import read_rows, write_rows

    header, rows = read_rows(data_copy / "actors.csv")
    row = next(i for i, r in enumerate(rows) if r["actor_id"] == "ivanov-sergei")
    assert validate_package(data_copy) == []
    rows[row]["name_en_external"] = "Sergey"
    write_rows(data_copy / "actors.csv", header, rows)
    problems = [str(p) for p in validate_package(data_copy)]
    assert (
        f"actors.csv:{row + 2}:name_en_external: marked-part-not-in-name: 'Sergey' is not part of "
        "name_en 'Sergei Ivanov'" in problems
    )


def test_glossary_brackets_what_the_chapters_do_not_print():
    from ca911.book.actor_records import marked_external
    from ca911.book.appendices import glossary_markdown
    from ca911.data.package import load

    assert marked_external("Sergei Ivanov", ["Sergei"]) == "[Sergei] Ivanov"
    assert marked_external("Karshi-Khanabad air base", ["Karshi-"]) == "[Karshi-]Khanabad air base"
    assert marked_external("Putin", []) == "Putin"
    # the Japanese edition marks them as it marks everything it adds: full-width
    assert marked_external("Sergei Ivanov", ["Sergei"], "ja") == "［Sergei］ Ivanov"
    text = glossary_markdown(load())
    lines = text.splitlines()  # list-table rows, data text escaped: the brackets are literal
    # people named as the data name them, as in the actor index
    assert {
        "* - \\[Igor\\] Ivanov",
        "* - \\[Politika\\] foundation",
        "* - {ref}`Putin <actor-putin>`",
    } <= set(lines)


def test_stance_is_dated_as_its_evidence_event(data_copy):
    """A stance shows what its evidence event shows: same date, same `approximate` flag."""
    header, rows = read_rows(data_copy / "stances.csv")
    exact = next(
        i for i, r in enumerate(rows) if r["approximate"] == "false" and len(r["date"]) == 10
    )
    row = mutate(data_copy, "stances", exact, approximate="true")
    assert_problem(data_copy, f"stances.csv:{row}:approximate: stance-approximate-not-event:")
    mutate(data_copy, "stances", exact, approximate="false", date="2001-09-30")
    assert_problem(data_copy, f"stances.csv:{row}:date: stance-date-not-event-date:")


def test_joining_event_and_membership_give_one_date(data_copy):
    """A joining told as an event and as a membership row is one fact: the event's date must be the
    row's start with basis `joined` (a joining dated from a statement while the row says
    `not_before` is caught)."""
    header, rows = read_rows(data_copy / "events.csv")
    statement = next(r for r in rows if r["event_id"] == "ch4-2003-03-07-karimov-backs-us-on-iraq")
    row = append(
        data_copy,
        "events",
        dict(statement, event_id="ch4-2003-03-07-uzb-joins-coalition", event_type="accession"),
    )
    for actor, role in (("UZB", "initiator"), ("COALITION", "target")):
        append(
            data_copy,
            "event_actors",
            {"event_id": "ch4-2003-03-07-uzb-joins-coalition", "actor_id": actor, "role": role},
        )
    assert_problem(
        data_copy,
        f"events.csv:{row}:date: membership-event-mismatch: UZB joins COALITION on '2003-03-07'",
    )
    header, members = read_rows(data_copy / "memberships.csv")
    uzb = next(
        i for i, m in enumerate(members) if m["member_id"] == "UZB" and m["org_id"] == "COALITION"
    )
    mutate(data_copy, "memberships", uzb, start_basis="joined")
    assert not any("membership-event-mismatch" in p for p in problems_of(data_copy))


def test_leaving_event_and_membership_end_agree(data_copy):
    header, rows = read_rows(data_copy / "events.csv")
    index = next(i for i, r in enumerate(rows) if r["event_id"] == "ch3-1999-04-geo-leaves-cst")
    row = mutate(data_copy, "events", index, date="1999-05")
    assert_problem(
        data_copy, f"events.csv:{row}:date: membership-event-mismatch: GEO leaves CST on '1999-05'"
    )


UNPRINTED = [
    ("nezavisimaya-gazeta", "name_en_external", "Nezavisimaya"),
    ("kamilov", "name_en_external", "Kamilov"),
    ("rferl", "name_en_external", "Radio"),
    ("NATO", "name_en_external", "North"),
    ("rus-state-duma", "name_en_external", "Duma"),
    ("rus-federation-council", "name_en_external", "Federation"),
    ("mgimo", "name_en_external", "State"),
    ("karshi-khanabad", "name_en_external", "Karshi"),
    ("EST", "name_en_external", "Estonia"),
    ("ivanov-sergei", "name_en_external", "Sergei"),
    ("CIS", "name_en_ours", "Commonwealth"),
]


@pytest.mark.parametrize("actor, column, word", UNPRINTED)
def test_a_name_part_the_chapters_do_not_print_must_be_marked(data_copy, actor, column, word):
    """Every word of an English name is traced to the printed forms or marked; unmarking one is
    caught."""
    header, rows = read_rows(data_copy / "actors.csv")
    index = next(i for i, r in enumerate(rows) if r["actor_id"] == actor)
    row = mutate(data_copy, "actors", index, **{column: ""})
    found = [
        p
        for p in problems_of(data_copy)
        if p.startswith(f"actors.csv:{row}:name_en: name-part-untraced:")
    ]
    assert found and repr(word) in found[0], problems_of(data_copy)


def test_name_tracing_on_invented_names():
    from ca911.data.name_tracing import untraced_name_parts

    assert untraced_name_parts("Taro Yamada", ["ヤマダ"], []) == [
        "Taro"
    ]  # a given name not printed
    assert untraced_name_parts("Taro Yamada", ["ヤマダ"], ["Taro"]) == []  # ... marked
    assert (
        untraced_name_parts("Taro Yamada", ["タロウ・ヤマダ"], []) == []
    )  # ... printed in katakana
    assert (
        untraced_name_parts("Taro Yamada", ["ヤマダ（Taro Yamada）"], []) == []
    )  # ... printed in Latin
    assert untraced_name_parts("Yamado", ["ヤマダ（Yamada）"], []) == [
        "Yamado"
    ]  # printed otherwise in Latin
    assert untraced_name_parts("River Bank", ["川銀行"], []) == [
        "River",
        "Bank",
    ]  # a translation must be declared
    assert untraced_name_parts("River Bank", ["川銀行"], ["River Bank"]) == []


def test_full_width_latin_in_our_japanese_text(data_copy):
    row = mutate(data_copy, "events", 0, summary_ja="ＣＩＳの枠内で協定が結ばれた（９月）。")
    assert_problem(data_copy, f"events.csv:{row}:summary_ja: full-width-latin: ＣＩＳ、９ is")


def test_full_width_is_allowed_inside_a_quotation(data_copy):
    """A 「…」 span of our text quotes a chapter as printed; a declared quotation field is the
    chapter's own text: neither is normalised."""
    mutate(data_copy, "events", 0, summary_ja="原文は「１月初旬」とする。")
    header, rows = read_rows(data_copy / "discrepancies.csv")
    assert any("１" in r["as_printed"] for r in rows)  # a quotation field that keeps its width
    assert not [p for p in problems_of(data_copy) if "full-width-latin" in p]


def test_a_quantity_in_our_japanese_text_is_written_as_the_numbers_module_writes_it(data_copy):
    """1000人 beside a table's 1,000人 is one number in two forms: our Japanese fields write a
    quantity as ca911.data.numbers does (1,000人, 12万9,000ドル)."""
    row = mutate(data_copy, "events", 0, summary_ja="兵員1000人と12万9000ドルが送られた。")
    assert_problem(
        data_copy,
        f"events.csv:{row}:summary_ja: ungrouped-quantity: 1000、9000 is written otherwise "
        "than the book's numbers (1,000、9,000)",
    )


def test_years_identifiers_and_quotations_are_not_quantities(data_copy):
    mutate(
        data_copy,
        "events",
        0,
        summary_ja="2001年の決議1511は「兵員1000人」と記し、兵員1,000人と1万8,000ドルを送った。",
    )
    assert not [p for p in problems_of(data_copy) if "ungrouped-quantity" in p]


def test_a_summary_that_leans_on_the_chapters_previous_sentence(data_copy):
    """A chronology entry read alone cannot resolve 'In the same period' or その直後."""
    row = mutate(
        data_copy, "events", 0, summary_en="In the same period Kvashnin visited Tajikistan."
    )
    assert_problem(
        data_copy,
        f"events.csv:{row}:summary_en: summary-leans-on-context: opens with 'In the same period'",
    )
    row = mutate(
        data_copy, "facts", 0, summary_ja="その直後、イワノフ国防相がキルギスタンを訪れた。"
    )
    assert_problem(
        data_copy, f"facts.csv:{row}:summary_ja: summary-leans-on-context: opens with 'その直後'"
    )


def test_a_summary_that_names_its_anchor_stands_alone(data_copy):
    mutate(data_copy, "events", 0, summary_en="Soon after the June 2002 exercise, Ivanov visited.")
    mutate(data_copy, "facts", 0, summary_ja="2002年6月の演習の直後、イワノフ国防相が訪れた。")
    assert not [p for p in problems_of(data_copy) if "summary-leans-on-context" in p]
