"""Sentences and undated facts: the splitter, sentence locators, and the reviewed sentence map
(every sentence of both chapters has a row; fact sentences lead to records located at their
paragraph)."""

from __future__ import annotations

import pytest

from ca911.data.chapters import chapter_ids
from ca911.data.package import load
from ca911.sources import reader as sources
from ca911.sources import sentence_coverage
from support.project import needs_sources, read_rows, write_rows


def test_split_at_full_stops_outside_brackets():
    text = "Aは「Bである。Cである」と述べた。Dは（注記。）同意した。E。"
    assert sources.split_sentences(text) == [
        "Aは「Bである。Cである」と述べた。",
        "Dは（注記。）同意した。",
        "E。",
    ]


def test_note_marker_after_the_full_stop_stays_with_its_sentence():
    assert sources.split_sentences("第４条は支援を定める。（注1）次の文。") == [
        "第４条は支援を定める。（注1）",
        "次の文。",
    ]


def test_unterminated_tail_is_a_sentence():
    assert sources.split_sentences("一つ目。二つ目（注3）") == ["一つ目。", "二つ目（注3）"]


def test_checksum_ignores_width_and_whitespace_only():
    assert sources.sentence_checksum("２００２年 ４月。") == sources.sentence_checksum(
        "2002年4月。"
    )
    assert sources.sentence_checksum("2002年4月。") != sources.sentence_checksum("2003年4月。")


@needs_sources
def test_sentence_locators_resolve_to_one_sentence():
    first = sources.chapter_sentences("ch3")[0]
    assert first.locator == "ch3 §intro ¶1 s.1" and first.number == 1
    assert sources.resolve(first.locator) == first.text
    assert sources.resolve("ch3 §1 ¶2 s.2").endswith("（注1）")  # the note marker printed after 。
    with pytest.raises(KeyError):
        sources.resolve("ch3 §1 ¶2 s.9")
    with pytest.raises(ValueError):
        sources.resolve("ch3 §1 ¶2-3 s.1")


@needs_sources
def test_sentences_rebuild_their_paragraphs():
    for chapter in chapter_ids():
        by_para: dict[str, str] = {}
        for s in sources.chapter_sentences(chapter):
            para = s.locator.rsplit(" s.", 1)[0].split(" ", 1)[1]
            by_para[para] = by_para.get(para, "") + s.text
        paragraphs = {
            k: p.text for k, p in sources.read_chapter(chapter).passages.items() if "¶" in k
        }
        assert {k: sources.normalise(v) for k, v in by_para.items()} == {
            k: sources.normalise(v) for k, v in paragraphs.items()
        }


@pytest.fixture(scope="module")
def pkg():
    return load()


@pytest.mark.parametrize("chapter", chapter_ids())
def test_every_sentence_is_mapped(pkg, chapter):
    report = sentence_coverage.sentence_report(chapter, data=pkg)
    assert report.stale_rows == []
    assert [f"{s.locator}: {s.problem}" for s in report.sentences if s.problem] == []
    assert len(report.sentences) > 150


@pytest.mark.parametrize("chapter", chapter_ids())
def test_most_sentences_state_facts(pkg, chapter):
    """A guard against dodging: the chapters are mostly factual, so analysis may not swallow the
    map."""
    c = sentence_coverage.sentence_report(chapter, data=pkg).counts()
    assert c["fact"] + c["restatement"] > c["analysis"] + c["signpost"]


def test_every_fact_and_event_is_cited_by_some_sentence(pkg):
    """The map runs both ways: no record of a paragraph is left out of it (Table 1's events are
    cited by its cells)."""
    cited = {ref for refs in pkg.sentences["record_refs"] for ref in refs}
    assert sorted(f"facts:{f}" for f in pkg.facts["fact_id"] if f"facts:{f}" not in cited) == []
    in_paragraphs = pkg.events[~pkg.events["locator"].str.contains(" T1 ")]
    assert (
        sorted(f"events:{e}" for e in in_paragraphs["event_id"] if f"events:{e}" not in cited) == []
    )
    cells = {e for ids in pkg.iraq_war_responses["event_ids"] for e in (ids or [])}
    assert (
        sorted(set(pkg.events.loc[pkg.events["locator"].str.contains(" T1 "), "event_id"]) - cells)
        == []
    )


def test_changed_sentence_text_is_caught(data_copy):
    header, rows = read_rows(data_copy / "sentences.csv")
    rows[0]["checksum"] = "00000000" if rows[0]["checksum"] != "00000000" else "11111111"
    write_rows(data_copy / "sentences.csv", header, rows)
    report = sentence_coverage.sentence_report(rows[0]["source_id"], data_dir=data_copy)
    assert report.sentences[0].problem.startswith("checksum")


def test_fact_record_located_elsewhere_is_caught(data_copy):
    """A `fact` row may only name records located at its paragraph; pointing back needs
    `restatement`."""
    header, rows = read_rows(data_copy / "sentences.csv")
    i = next(
        i
        for i, r in enumerate(rows)
        if r["content"] == "fact"
        and r["record_refs"].startswith("events:")
        and r["source_id"] == "ch3"
    )
    _, events = read_rows(data_copy / "events.csv")
    here = rows[i]["locator"].rsplit(" s.", 1)[0]
    elsewhere = next(
        e["event_id"]
        for e in events
        if e["source_id"] == "ch3" and not e["locator"].startswith(here)
    )
    rows[i]["record_refs"] = f"events:{elsewhere}"
    write_rows(data_copy / "sentences.csv", header, rows)
    report = sentence_coverage.sentence_report("ch3", data_dir=data_copy)
    problem = next(s.problem for s in report.sentences if s.locator == rows[i]["locator"])
    assert "not at this paragraph" in problem
    rows[i]["content"] = "restatement"
    write_rows(data_copy / "sentences.csv", header, rows)
    assert not next(
        s.problem
        for s in sentence_coverage.sentence_report("ch3", data_dir=data_copy).sentences
        if s.locator == rows[i]["locator"]
    )


def test_missing_row_is_caught(data_copy):
    header, rows = read_rows(data_copy / "sentences.csv")
    dropped = next(r for r in rows if r["source_id"] == "ch4")
    write_rows(data_copy / "sentences.csv", header, [r for r in rows if r is not dropped])
    report = sentence_coverage.sentence_report("ch4", data_dir=data_copy)
    assert [s.locator for s in report.sentences if s.problem] == [dropped["locator"]]


def test_coverage_cli_reports_both_and_fails_on_a_gap(data_copy):
    import subprocess
    import sys

    from support.project import ROOT

    ok = subprocess.run(
        [sys.executable, "-m", "ca911", "coverage", "ch3"], capture_output=True, text=True, cwd=ROOT
    )
    assert ok.returncode == 0 and "date expressions" in ok.stdout and "sentences" in ok.stdout
    header, rows = read_rows(data_copy / "sentences.csv")
    write_rows(
        data_copy / "sentences.csv", header, [r for r in rows if r["locator"] != "ch3 §2 ¶1 s.1"]
    )
    bad = subprocess.run(
        [sys.executable, "-m", "ca911", "coverage", "ch3", "--data-dir", str(data_copy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert bad.returncode == 1 and "PROBLEM  ch3 §2 ¶1 s.1  no row in sentences.csv" in bad.stdout
