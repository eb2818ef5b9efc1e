"""The files derived from the chapters' text (issue: a reader's clone builds the same book).

Where the chapters are present, the committed files must equal what the source reader computes now;
everywhere, the reports and the book read only the committed files."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ca911.data.chapters import chapter_ids
from ca911.data.package import DATA_DIR, load
from ca911.sources import coverage, derived, sentence_coverage
from support.project import ROOT, needs_sources, read_rows, write_rows


@needs_sources
def test_committed_derived_files_match_the_chapters():
    problems = derived.check(DATA_DIR)
    assert problems == [], "\n".join(problems)


@needs_sources
def test_derive_check_names_the_first_difference_and_the_command(data_copy):
    header, rows = read_rows(data_copy / "source_sentences.csv")
    rows[41]["checksum"] = "00000000"
    write_rows(data_copy / "source_sentences.csv", header, rows)
    run = subprocess.run(
        [sys.executable, "-m", "ca911", "derive", "--check", "--data-dir", str(data_copy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 1
    assert (
        "data/source_sentences.csv:43: committed" in run.stderr
        and "python -m ca911 derive" in run.stderr
    )
    fix = subprocess.run(
        [sys.executable, "-m", "ca911", "derive", "--data-dir", str(data_copy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert fix.returncode == 0 and "rewrote" in fix.stdout
    assert (data_copy / "source_sentences.csv").read_bytes() == (
        DATA_DIR / "source_sentences.csv"
    ).read_bytes()


def test_first_difference_reports_line_and_end_of_file():
    assert derived.first_difference("x.csv", b"a\nb\n", b"a\nb\n") is None
    assert derived.first_difference("x.csv", b"a\nb\n", b"a\nc\n").startswith(
        "x.csv:2: committed 'b' but the chapters give 'c'"
    )
    short = derived.first_difference("x.csv", b"a", b"a\nb")
    assert short.startswith("x.csv:2: committed '<end of file>' but the chapters give 'b'")
    assert "missing" in derived.first_difference("x.csv", None, b"a")


def test_derived_files_are_marked_and_written_in_the_project_csv_form():
    pkg = load()
    names = {r["name"] for r in derived.derived_resources(pkg.descriptor)}
    assert names == set(derived.DERIVERS)
    for name in names:
        frame = pkg[name].copy()
        raw = (DATA_DIR / f"{name}.csv").read_bytes()
        assert derived.csv_bytes(frame.astype(str)) == raw


def test_reports_need_no_chapters(monkeypatch, tmp_path):
    """With the chapters out of reach, both reports come from the committed files and are
    complete."""
    from ca911.sources import reader as sources

    monkeypatch.setenv("CA911_SOURCES", str(tmp_path / "nowhere"))
    sources.read_chapter.cache_clear()
    pkg = load()
    for chapter in chapter_ids():
        dates = coverage.coverage_report(chapter, data=pkg)
        sentences = sentence_coverage.sentence_report(chapter, data=pkg)
        assert dates.complete and sentences.complete
        assert (
            len(dates.expressions) == int((pkg.date_expressions["source_id"] == chapter).sum()) > 40
        )
        assert (
            len(sentences.sentences)
            == int((pkg.source_sentences["source_id"] == chapter).sum())
            > 150
        )
    with pytest.raises(sources.SourcesMissing):
        coverage.coverage_report("ch3", data=pkg, from_text=True)
    run = subprocess.run(
        [sys.executable, "-m", "ca911", "derive"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**__import__("os").environ, "CA911_SOURCES": str(tmp_path / "nowhere")},
    )
    assert run.returncode == 2 and "source chapter not found" in run.stderr


def test_a_changed_inventory_checksum_is_a_sentence_problem(data_copy):
    """The committed inventory stands in for the text: a sentence whose checksum moved is
    reported."""
    header, rows = read_rows(data_copy / "source_sentences.csv")
    rows[0]["checksum"] = "ffffffff"
    write_rows(data_copy / "source_sentences.csv", header, rows)
    report = sentence_coverage.sentence_report(rows[0]["source_id"], data_dir=data_copy)
    assert report.sentences[0].problem.startswith("checksum")


def test_records_count_leaves_out_the_derived_inventory():
    from ca911.data.package import record_counts

    assert not {"date_expressions", "source_sentences"} & set(record_counts(load()).index)


def test_date_report_and_sentence_map_name_records_alike():
    """Both reports name records as `<resource>:<primary key>` (refs.format_ref), so they can be
    joined."""
    from ca911.sources.coverage import package_record_locators, record_dates

    pkg = load()
    known = package_record_locators(pkg)
    dated = set(record_dates(pkg)["record"])
    assert {
        "memberships:RUS/CST/1992-05",
        "stances:2001-09-18/GEO/us_military_use_2001",
        "aid:USA/KGZ/2002",
    } <= dated
    assert sorted(dated - known.keys()) == []
    mapped = {
        r
        for ch in chapter_ids()
        for e in coverage.coverage_report(ch, data=pkg).expressions
        for r in e.records
    }
    assert mapped and mapped <= known.keys()
