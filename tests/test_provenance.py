"""Provenance of the records: located, complete, in our own words, and adding up."""

from __future__ import annotations

import re
import unicodedata

import pytest

from ca911.data.chapters import chapter_ids
from ca911.data.package import load
from ca911.sources import coverage
from ca911.sources import reader as sources
from ca911.sources.copied_text import copied_run
from support.project import needs_sources


@pytest.fixture(scope="module")
def pkg():
    return load()


def test_copied_run_detects_copies():
    # an invented text, not the chapters': the test holds no source sentence
    source = "春の長雨のあと川の水位が上がり、村の人々は堤防の補強を急いで進めることにした。"
    assert copied_run("雨が続いたので、住民は土手を強くする作業を早めた。", source) is None
    assert copied_run("だから村の人々は堤防の補強を急いで進めることにした。", source) is not None


def quotation_free_values(descriptor: dict, data_dir) -> list[tuple[str, str, int, str]]:
    """(file, field, row, value) for every string field the descriptor does not declare a
    quotation."""
    import pandas as pd

    out = []
    for res in descriptor["resources"]:
        frame = pd.read_csv(
            data_dir / res["path"], dtype=str, keep_default_na=False, encoding="utf-8"
        )
        for f in res["schema"]["fields"]:
            if f["type"] == "string" and not f.get("quotation"):
                out += [
                    (res["path"], f["name"], i, v)
                    for i, v in enumerate(frame[f["name"]], start=2)
                    if v
                ]
    return out


def copies_in(values, text: str) -> list[str]:
    return [
        f"{path}:{row}:{field}: {run}"
        for path, field, row, value in values
        if (run := copied_run(value, text))
    ]


@needs_sources
@pytest.mark.parametrize("chapter", chapter_ids())
def test_only_declared_quotations_repeat_the_chapter(pkg, chapter):
    """Every text field of every file is our own words, except the fields declared `"quotation":
    true` (names, Table 1 cells and misprints as printed); a planted copy is caught."""
    from ca911.data.package import default_data_dir

    text = sources.read_chapter(chapter).text
    values = quotation_free_values(pkg.descriptor, default_data_dir())
    assert (
        len({(p, f) for p, f, _, _ in values}) > 40
    )  # summaries, notes, readings, reasons, descriptions…
    assert copies_in(values, text) == []
    planted = values[:1] + [
        ("facts.csv", "summary_ja", 99, "要するに" + sources.normalise(text)[200:230])
    ]
    assert copies_in(planted, text) == [
        f"facts.csv:99:summary_ja: {sources.normalise(text)[200:220]}"
    ]


@pytest.mark.parametrize("chapter", chapter_ids())
def test_date_coverage_is_complete(pkg, chapter):
    report = coverage.coverage_report(chapter, data=pkg)
    assert report.stale_exclusions == []
    unmapped = [
        f"{e.locator} {e.expression!r}" for e in report.expressions if e.status == "unmapped"
    ]
    assert unmapped == []
    assert len(report.expressions) > 40


@needs_sources
def test_coverage_reader_finds_each_kind_of_expression():
    kinds = {(e.expression, e.kind, e.resolved) for e in coverage.find_expressions("ch3")}
    assert ("９月24日", "month_day", "2001-09-24") in kinds
    assert (
        "５日",
        "day",
        "2001-10-05",
    ) in kinds  # a bare day takes its month from the text before it
    assert ("92年５月", "year_month", "1992-05") in kinds
    assert ("17日から24日", "day_range", "2001-09-17/2001-09-24") in kinds
    ch4 = {(e.expression, e.kind, e.resolved) for e in coverage.find_expressions("ch4")}
    assert ("2003 年 3 月 18 日", "full", "2003-03-18") in ch4
    assert ("1992～95年", "year_range", "1992/1995") in ch4


def _printed_forms(date: str) -> list[str]:
    """Ways a day, month or year can be printed (normalised: ASCII digits, no spaces)."""
    parts = [int(p) for p in date.split("-")]
    forms = [f"{parts[0]}年", f"{parts[0] % 100:02d}年"] if len(parts) == 1 else []
    if len(parts) == 2:
        forms = [f"{parts[1]}月"]
    if len(parts) == 3:
        forms = [
            f"{parts[2]}日",
            f"{parts[1]}月{parts[2]}日",
            f"{parts[2]}~",
        ]  # NFKC turns ～ into ~
    return forms


@needs_sources
def test_printed_dates_appear_in_their_passages(pkg):
    """A record whose date is printed must be located where it is printed (not-approximate
    records)."""
    ev = pkg.events[(pkg.events["approximate"] == False)]  # noqa: E712
    missing = []
    for row in ev.itertuples():
        passage = sources.normalise(sources.resolve(row.locator))
        if "9.11" in passage and row.date == "2001-09-11":
            continue
        if not any(form in passage for form in _printed_forms(row.date)):
            missing.append(f"{row.event_id} ({row.date}) not printed at {row.locator}")
    assert missing == []


def test_aid_parts_add_up_to_the_stated_total(pkg):
    aid = pkg.aid
    for (donor, year), grp in aid.groupby(["donor_id", "year"]):
        total = grp.loc[grp["recipient_id"] == "total", "amount_usd"]
        if len(total):
            assert grp.loc[grp["recipient_id"] != "total", "amount_usd"].sum() == total.iloc[0], (
                donor,
                year,
            )


def test_aid_amounts_match_as_printed(pkg):
    """Whole dollars equal the printed 万/億 amounts (e.g. １億6180万ドル = 161,800,000)."""
    for row in pkg.aid.itertuples():
        printed = unicodedata.normalize("NFKC", row.as_printed)
        m = re.search(r"(?:(\d+)億)?(\d+)万ドル", printed) or re.search(
            r"\((\d+)万(\d+)ドル\)", printed
        )
        if m and "億" in printed:
            assert row.amount_usd == int(m.group(1)) * 10**8 + int(m.group(2)) * 10**4
        elif m and "万ドル" in printed:
            assert row.amount_usd == int(m.group(2)) * 10**4


@needs_sources
def test_table1_cells_are_quoted_as_printed(pkg):
    ch4 = sources.read_chapter("ch4")
    for row in pkg.iraq_war_responses.itertuples():
        assert sources.normalise(row.text_ja) == sources.normalise(sources.resolve(row.locator)), (
            row.locator
        )
    assert len(pkg.iraq_war_responses) == 10
    assert set(pkg.iraq_war_responses["locator"]) == {
        f"ch4 §4.1 T1 r{r} c{c}" for r in range(1, 6) for c in (1, 2)
    }
    assert ch4.passages["§4.1 T1 title"].text.startswith("表１")


def test_table1_cells_without_evidence_report_no_happening(pkg):
    """A cell cites events unless it reports that nothing happened or nothing is known."""
    t = pkg.iraq_war_responses
    bare = t[[not ids for ids in t["event_ids"]]]
    assert set(bare["value_code"].astype(str)) <= {"none", "majority_opposed_presumed"}
    assert len(bare) <= 2


def test_stances_cover_russia_and_the_five_states(pkg):
    assert {"RUS", "KAZ", "KGZ", "TJK", "TKM", "UZB"} <= set(pkg.stances["actor_id"])
    assert "not_stated" not in set(pkg.stances["stance"].astype(str))


def test_every_discrepancy_has_a_reading_and_reason(pkg):
    d = pkg.discrepancies
    assert d["reading"].str.len().min() > 0 and d["reason"].str.len().min() > 0
    assert {"misprint", "cross_chapter"} <= set(d["kind"].astype(str))
