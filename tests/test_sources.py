"""The source reader: noise removed, passages numbered, every locator resolves to one passage."""

from __future__ import annotations

import pytest

from ca911.data.package import load
from ca911.sources import reader as sources
from support.project import needs_sources

pytestmark = needs_sources


def test_doubled_headings_are_collapsed():
    ch4 = sources.read_chapter("ch4")
    assert ch4.title.split()[0] == "第四章" and ch4.title.count("第四章") == 1
    assert "第四章第四章" not in ch4.text
    assert ch4.headings["5"] == "５．結語"
    assert ch4.author == "湯浅剛"
    assert sources.read_chapter("ch3").author == "松井弘明"


def test_undouble_keeps_ordinary_text():
    assert sources.clean_line("ロシアとの関係") == "ロシアとの関係"
    assert sources.clean_line("湯浅湯浅湯浅湯浅    剛剛剛剛") == "湯浅 剛"


def test_note_markers_are_normalised():
    ch4 = sources.read_chapter("ch4")
    assert "（（（（" not in ch4.text
    assert ch4.passages["§4.2 heading"].notes == [13]
    all_notes = sorted(n for p in ch4.passages.values() for n in p.notes)
    assert all_notes == list(range(1, 27))  # notes (1)–(26), each marked once
    ch3_notes = sorted(n for p in sources.read_chapter("ch3").passages.values() for n in p.notes)
    assert ch3_notes == list(range(1, 32))


def test_paragraphs_split_at_paragraph_ends_not_page_breaks():
    ch3 = sources.read_chapter("ch3")
    # a paragraph that runs across a page break stays whole
    assert ch3.passages["§2 ¶13"].text.endswith("明らかである。")
    assert "し（注7）" in ch3.passages["§2 ¶13"].text
    assert all(p.text.strip() for p in ch3.passages.values())


@pytest.mark.parametrize(
    "locator, fragment",
    [
        ("ch3 §2 ¶2", "９月24日のテレビ演説"),
        ("ch3 §3.1 ¶7 n.16", "４億800万ドル"),
        ("ch3 §intro ¶1", "9.11事件の後"),
        ("ch4 §4.3 ¶1 n.18", "有志連合"),
        ("ch4 §4.1 T1 r2 c1", "約 8 割が攻撃反対"),
        ("ch3 §1 ¶6-7", "暗殺未遂"),
    ],
)
def test_locators_resolve(locator, fragment):
    assert fragment in sources.resolve(locator)


@pytest.mark.parametrize(
    "locator", ["ch3 §2 ¶99", "ch3 §9 ¶1", "ch3 §2 ¶2 n.5", "ch5 §1 ¶1", "ch3 p.12"]
)
def test_bad_locators_fail(locator):
    with pytest.raises((KeyError, ValueError)):
        sources.resolve(locator)


def test_table1_cells_rebuild_the_printed_table():
    """Row labels and the ten cells, in printed order, are exactly the table's text."""
    raw = sources.source_file("ch4").read_text(encoding="utf-8")
    start = raw.index("表１ カザフスタン")
    end = raw.index("(2)(2)(2)(2)", start)
    printed = sources.normalise(raw[start:end])
    cells = sources.read_chapter("ch4").passages
    rebuilt = (
        cells["§4.1 T1 title"].text
        + "カザフスタンウズベキスタン"
        + "".join(
            label + cells[f"§4.1 T1 r{r} c1"].text + cells[f"§4.1 T1 r{r} c2"].text
            for r, label in enumerate(sources.TABLE1_DIMENSIONS_JA, start=1)
        )
    )
    assert sources.normalise(rebuilt) == printed


def test_every_locator_in_the_data_resolves():
    pkg = load()
    failures = []
    for name, frame in pkg.tables.items():
        if "locator" not in frame:
            continue
        for i, loc in enumerate(frame["locator"], start=2):
            try:
                sources.resolve(loc)
            except (KeyError, ValueError) as exc:
                failures.append(f"{name}.csv:{i}: {exc}")
    assert failures == []


def test_sources_missing_gives_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("CA911_SOURCES", str(tmp_path))
    sources.read_chapter.cache_clear()
    try:
        with pytest.raises(sources.SourcesMissing, match="source chapter not found"):
            sources.read_chapter("ch3")
    finally:
        monkeypatch.delenv("CA911_SOURCES")
        sources.read_chapter.cache_clear()
