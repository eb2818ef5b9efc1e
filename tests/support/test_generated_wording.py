"""The wording checker of tests/support/generated_wording.py: templated phrases are found, an
editor's wording passes, and code and navigation are left out of what it reads."""

from __future__ import annotations

import pytest

from support.generated_wording import page_problems, text_blocks, wording_problems


@pytest.mark.parametrize(
    "broken",
    [
        "Commonwealth of Independent States has 1 partner(s).",
        "run 1: executed one notebook, 1 new records, 1 pages re-read",
        "Before 11 September the chapters give 2 force–host links, 0 of them with a number.",
        "0.0114 (CPU 0.0105); built again 0 times",
        "Counting events that merely overlap the window adds 0 events.",
        "puts Russia at the centre of the recorded diplomacy, with United States next",
    ],
)
def test_the_checker_finds_templated_wording(broken):
    assert wording_problems(broken, ["United States"]) != []


@pytest.mark.parametrize(
    "clean",
    [
        "The Commonwealth of Independent States has one partner.",
        "run 1: executed one notebook, one new record, one page re-read",
        "Before 11 September the chapters give 2 force–host links, none of them with a number.",
        "Fig. 3.1 sets every deployment on one axis, and Table 1 cells carry events; ch4 §5.1 ¶1 "
        "s.1 analysis",
        "periods:uzb-1 periods:uzb-2; 0.01 times; 10 events; one of them; NATO’s Partnership for "
        "Peace",
        "puts Russia at the centre of the recorded diplomacy, with the United States next; United "
        "States: 6",
    ],
)
def test_the_checker_passes_an_editors_wording(clean):
    assert wording_problems(clean, ["United States", "Partnership for Peace"]) == []


def test_blocks_leave_code_and_navigation_out():
    page = (
        "<nav><p>1 pages</p></nav><article><p>Has 2 partner(s).</p><pre>n(s)</pre>"
        "<table><tr><td>0</td><td>events</td></tr></table></article>"
    )
    assert text_blocks(page) == [
        "Has 2 partner(s).",
        "0",
        "events",
    ]  # each cell on its own: no "0 events" across cells
    assert len(page_problems(page)) == 1


@pytest.mark.parametrize(
    "broken",
    [
        "期間と一部重なる出来事まで数えた場合の追加分は、 <span>出来事なし</span> 。",
        "両章が示すのは結びつき2件（うち人数を伴うもの：なし）である。",
        "最新の日付では結びつき9件（うち人数を伴うもの：6件）となる。",
        "好機の3つを挙げた。",
    ],
)
def test_the_japanese_checker_finds_a_count_word_set_as_a_predicate(broken):
    page = f"<html lang='ja'><body><p>{broken}</p></body></html>"
    assert page_problems(page) and page_problems(page)[0].startswith(
        ("count word as predicate", "つ with a figure")
    )


def test_the_japanese_checker_passes_prose_and_table_cells():
    page = (
        "<html lang='ja'><body><p>期間と一部重なる出来事まで数えると、出来事は1件も加わらない。"
        "人数の記されたものはそのうち4件である。号は記載なし。好機の三つを挙げた。</p>"
        "<p>記録： 出来事3件。</p>"
        "<table><tr><td>なし</td><td>出来事3件</td>"
        "</tr></table></body></html>"
    )
    assert page_problems(page) == []
