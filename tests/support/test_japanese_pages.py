"""The Japanese-page checkers of tests/support/japanese_pages.py on small synthetic pages: each
finds its fault on a broken page and passes the page put right. The "chapter" here is invented
text, not the chapters'."""

from __future__ import annotations

from support import japanese_pages as pages

# An invented chapter (not the sources'): a paragraph and a quoted phrase.
CHAPTER = (
    "春の長雨のあと川の水位が上がり、村の人々は堤防の補強を急いで進めることにした。"
    "村長は「川は村の宝であり同時に村の災いでもある」と述べ、県に支援を求めた。"
)
QUOTATIONS = frozenset({"川は村の宝であり同時に村の災いでもある", "県"})


def page(body: str) -> str:
    return f'<html lang="ja"><body><nav><p>Skip to main content now</p></nav><article class="bd-article">{body}</article></body></html>'  # noqa: E501


def test_an_english_paragraph_is_untranslated_and_its_translation_is_not():
    english = page("<p>The village asked the prefecture for help after the long rains.</p>")
    assert pages.untranslated(english) == [
        "The village asked the prefecture for help after the long rains."
    ]
    japanese = page("<p>長雨のあと、村は県に助けを求めた。</p>")
    assert pages.untranslated(japanese) == []


def test_code_ids_names_titles_and_declared_english_are_not_prose():
    allowed = page(
        "<p>記録 <code>ch3-2001-09-16-a</code> と"
        ' <span class="ca911-id">events.csv</span> を見よ。</p>'
        "<p>Central Asia Research Group の報告 “Water and Villages in the Long Rains” による。</p>"
        '<p><a lang="en" hreflang="en" href="../index.html">Read this page in English</a></p>'
        '<div class="citation"><p>Matsui, Hiroaki. n.d. Some Title of the Chapter. Tokyo.</p></div>'
        "<ul><li>水位の記録<ul><li>村の記録</li></ul></li></ul>"
    )
    assert pages.untranslated(allowed, names={"Central Asia Research Group"}) == []
    # the same page without the name declared: its three Latin words outnumber the Japanese
    assert len(pages.untranslated(allowed.replace(" の報告", ""))) == 1


def test_a_nested_list_item_is_read_on_its_own():
    nested = page(
        "<ul><li>水位の記録<ul><li>The record of the water level here</li></ul></li></ul>"
    )
    assert pages.untranslated(nested) == ["The record of the water level here"]


def test_a_run_shared_with_the_chapter_is_found_outside_quotations():
    own = page("<p>長雨で川が増水したため、住民は土手を強くする作業を早めた。</p>")
    assert pages.copied_runs(own, CHAPTER, QUOTATIONS) == []
    copied = page("<p>その年、村の人々は堤防の補強を急いで進めることにした。</p>")
    assert pages.copied_runs(copied, CHAPTER, QUOTATIONS) == [
        "、村の人々は堤防の補強を急いで進めること"
    ]


def test_a_declared_quotation_may_repeat_the_chapter():
    quoting = page("<p>村長は川を「川は村の宝であり同時に村の災いでもある」と表現した。</p>")
    assert pages.copied_runs(quoting, CHAPTER, QUOTATIONS) == []
    assert pages.copied_runs(quoting, CHAPTER, frozenset()) != []


def test_text_outside_the_article_is_not_read():
    assert pages.untranslated(page("<p>川の記録。</p>")) == []
