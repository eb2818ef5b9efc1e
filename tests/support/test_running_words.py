"""The checkers of tests/support/running_words.py on small broken inputs, each in both languages,
and on the same text mended."""

from __future__ import annotations

import pytest

from support import running_words as words


@pytest.mark.parametrize(
    "lang, broken",
    [
        ("en", "From the spring Russia acted (about 2002). At the meeting it spoke."),
        ("en", "and Putin talked with every leader the next day (23 Septem‐\nber 2001)."),
        ("en", "The same day 1,000 troops set out for Uzbekistan (5 October 2001), and more."),
        ("ja", "春になると、ロシアは行動に移った（2002年ごろ）。"),
        ("ja", "再び協力への扉を開き、翌日プーチンは首脳と電話で話した（2001年9月23日）。"),
        (
            "ja",
            "同じ日には、山岳部隊がウズベキスタンに向けて出発し（2001年10月5日）、協定が続いた。",
        ),
    ],
)
def test_a_date_after_words_that_placed_the_time_is_found(lang, broken):
    assert len(words.dates_after_time_words(broken, lang)) == 1


@pytest.mark.parametrize(
    "lang, mended",
    [
        ("en", "Russia acted in about 2002, from about the spring onwards."),
        ("en", "and on 23 September 2001 Putin talked with every Central Asian leader."),
        # the date closes another clause, with its own subject
        (
            "en",
            "Nazarbayev sent a message the same day (p. 122), and the others followed "
            "(12 September 2001).",
        ),
        ("ja", "ロシアは2002年ごろ、その春ごろから行動に移った。"),
        ("ja", "2001年9月23日にはプーチンが中央アジアのすべての首脳と電話で話した。"),
        # a day named from the date beside it is glossed, not placed twice
        ("ja", "三つの日付は、9月11日の前日（2001年9月10日）と2001年末である。"),
    ],
)
def test_a_sentence_whose_date_is_its_own_passes(lang, mended):
    assert words.dates_after_time_words(mended, lang) == []


def test_a_run_of_paragraphs_with_a_hyphen_is_found():
    assert len(words.hyphenated_locator_ranges("(ch4 §5.1 ¶1-2) and ch3 §1 ¶6-7 n.2")) == 2
    assert words.hyphenated_locator_ranges("(ch4 §5.1 ¶1–2), ch3 §1 ¶6 s.2, 1992-1999") == []


@pytest.mark.parametrize(
    "broken",
    [
        "In his televised address Putin set out 5 points of cooperation.",
        "the parliament approved an American stay of at least 1 year (about January 2002).",
        "In the window the data hold 15 contact events, which link 9 actors by 13 edges:",
        "A name is a link when the actor is named in at least 3 records.",
    ],
)
def test_a_small_count_in_figures_is_found(broken):
    assert len(words.small_figures(broken)) == 1


def test_names_measures_and_tallies_keep_their_figures():
    assert words.small_figures("Chapter 4 sums up both responses; Table 1 rebuilt.") == []
    assert (
        words.small_figures("Article 4 treats an attack on one; Russia’s 6 from 24 September.")
        == []
    )
    assert (
        words.small_figures("worth about 4 million roubles; the closest ties (weight 2) are") == []
    )
    assert words.small_figures("Records: 5 events, 9 facts (14 in all).") == []
    assert words.small_figures("Putin set out five points; 6 of the 18 records; 12 partners.") == []


def test_a_sub_section_written_with_a_point_is_found():
    assert len(words.dotted_subsections("the heading of sub-section 4.(2), which carries")) == 1
    assert words.dotted_subsections("the heading of sub-section (2) of section 4; 第4節(2)") == []
