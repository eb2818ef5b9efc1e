"""Self-tests of the figure-word checks on small figures drawn with a planted defect."""

from __future__ import annotations

from ca911.figures.style import figure
from support.figure_words import (
    decimal_amounts,
    figure_texts,
    latin_words,
    printed_abbreviations,
    straight_quotes,
)

CHAPTER = "上海協力機構（SCO）と独立国家共同体（CIS）、EvRazES。プーチン（Vladimir Putin）"


def _japanese_figure(planted_label: str):
    fig, ax = figure(2.0, 3.0)
    ax.plot([0, 1], [0, 1], label="ロシア")
    ax.scatter([0.5], [0.5], label=planted_label)
    ax.set_title("2001年9月11日以後（SCO）")
    ax.set_xlabel("距離 21 km")
    ax.legend(title="凡例")
    return fig


def test_the_chapters_abbreviations_are_those_with_two_capitals():
    assert printed_abbreviations([CHAPTER]) == {"SCO", "CIS", "EvRazES"}


def test_a_planted_english_legend_entry_is_found_in_a_japanese_figure():
    allowed = printed_abbreviations([CHAPTER])
    found = latin_words(figure_texts(_japanese_figure("no number given")), allowed)
    assert found == ["'no number given': no, number, given"]


def test_a_japanese_figure_with_printed_abbreviations_units_and_digits_passes():
    allowed = printed_abbreviations([CHAPTER])
    assert latin_words(figure_texts(_japanese_figure("CIS 反テロリズム・センター")), allowed) == []


def test_a_name_the_chapters_print_only_in_romanisation_is_not_an_abbreviation():
    """'Putin' stands in the chapter beside プーチン: a figure still names him in Japanese."""
    allowed = printed_abbreviations([CHAPTER])
    assert latin_words(["Putin演説"], allowed) == ["'Putin演説': Putin"]


def test_tick_labels_are_read_after_the_figure_is_drawn():
    fig, ax = figure(2.0, 3.0)
    ax.set_yticks([0, 1], ["Kazakhstan", "ウズベキスタン"])
    assert latin_words(figure_texts(fig), frozenset()) == ["'Kazakhstan': Kazakhstan"]


def test_a_straight_apostrophe_in_figure_text_is_found():
    fig, ax = figure(2.0, 3.0)
    ax.annotate("Putin's address", (0.5, 0.5))
    ax.set_title("the chapters\u2019 time")
    ax.set_xlabel("chapters' time")
    assert straight_quotes(figure_texts(fig)) == ['"Putin\'s address"', '"chapters\' time"']


def test_typographic_quotes_and_primes_in_numbers_pass():
    typographic = ["Kazakhstan\u2019s unit", "\u201cwinning horse\u201d", "41\u00b0N"]
    assert straight_quotes(typographic) == []


def test_an_amount_in_decimal_millions_is_found():
    assert decimal_amounts(["内訳の合計 161.8百万ドル", "1億6,180万ドル", "約2.5万人"]) == [
        "内訳の合計 161.8百万ドル",
        "約2.5万人",
    ]


def test_an_amount_off_the_datas_precision_is_found():
    from support.figure_words import money_precision_problems

    amounts = {408_000_000, 161_800_000, 129_000}
    assert money_precision_problems(["$408m", "$161.8m", "a; $0.129m"], amounts) == []
    assert len(money_precision_problems(["total $408.0m", "$162m"], amounts)) == 2
    assert money_precision_problems(["408", "161.8", "4億800万ドル"], amounts, prose=True) == []
    assert len(money_precision_problems(["408.0", "4億8,000万ドル"], amounts, prose=True)) == 2
    assert money_precision_problems(["総額4億800万ドル", "12万9,000ドル"], amounts) == []
