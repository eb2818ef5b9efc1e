"""The one "run shared with the chapters" test (ca911.sources.copied_text) that the data's own words
(tests/test_provenance.py), the companion chapters' lines (tests/test_prose.py), the catalogs'
translations (ca911.book.catalogs) and the Japanese pages (tests/support/japanese_pages.py) apply,
on an invented chapter (not the sources')."""

from __future__ import annotations

from ca911.sources.copied_text import CUT, copied_run

CHAPTER = (
    "春の長雨のあと川の水位が上がり、村の人々は堤防の補強を急いで進めることにした。"
    "村長は「川は村の宝であり同時に村の災いでもある」と述べ、県に支援を求めた。"
)
COPIED = "その年、村の人々は堤防の補強を急いで進めることにした。"


def test_a_copied_sentence_is_found_and_our_own_is_not():
    assert copied_run(COPIED, CHAPTER) == "、村の人々は堤防の補強を急いで進めること"
    assert copied_run("長雨で川が増水したため、住民は土手を強くする作業を早めた。", CHAPTER) is None


def test_spacing_and_character_width_do_not_hide_a_copy():
    spaced = "その年、村の 人々は堤防の\n補強を急いで 進めることにした。"
    assert copied_run(spaced, CHAPTER) == copied_run(COPIED, CHAPTER)
    wide = CHAPTER.replace("村長", "ＡＢ村長")
    assert copied_run("AB村長は「川は村の宝であり同時に村の災", wide)


def test_a_quotation_is_cut_out_and_a_run_may_not_span_the_cut():
    quoting = "村長は川を「川は村の宝であり同時に村の災いでもある」と表現した。"
    assert copied_run(quoting, CHAPTER)
    assert (
        copied_run(quoting, CHAPTER, frozenset({"川は村の宝であり同時に村の災いでもある"})) is None
    )
    # quotations are compared as the text is (normalised): a spaced one still matches
    assert (
        copied_run(quoting, CHAPTER, frozenset({"川は村の宝であり 同時に村の災いでもある"})) is None
    )
    # the longest first: a shorter quotation inside a longer one does not break it apart first
    nested = frozenset({"村の宝", "川は村の宝であり同時に村の災いでもある"})
    assert copied_run(quoting, CHAPTER, nested) is None


def test_markup_a_caller_took_out_separates_runs():
    halves = "村の人々は堤防の補強を急いで進めることにした。"
    assert copied_run(halves, CHAPTER)
    assert copied_run(halves[:12] + CUT + halves[12:], CHAPTER) is None


def test_the_run_length_is_a_parameter():
    assert copied_run("住民は堤防の補強を急いだ。", CHAPTER) is None
    assert copied_run("住民は堤防の補強を急いだ。", CHAPTER, n=8) == "は堤防の補強を急"
