"""The screen-words checker of tests/support/print_words.py, on small PDFs made with WeasyPrint: it
finds each kind of screen instruction in both languages, across a line break, and passes the same
text mended (or speaking of the HTML edition)."""

from __future__ import annotations

import pytest

from support import print_words as words
from support.test_print_layout import weasyprint_pdf


def page_texts(tmp_path, body: str) -> list[str]:
    return words.pdf_page_texts(weasyprint_pdf(tmp_path, body, "p { width: 6cm; }"))


@pytest.mark.parametrize(
    "broken, word",
    [
        ("Open the code with the toggle beside each cell.", "toggle"),
        ("Every notebook can be downloaded as an executed notebook file.", "downloaded"),
        ("Click a node to see its records in the data laboratory.", "Click"),
        ("Every page links to the other edition at the top of the page.", "at the top of the page"),
        ("The autumn of 2001 also has a table that can be searched and sorted.", "can be searched"),
        (
            "Only events dated to the day are placed; the others are in the table below.",
            "the table below",
        ),
        ("They are listed with their dates at the end of this page.", "end of this page"),
        ("On screen each number also links to the event's entry.", "On screen"),
    ],
)
def test_checker_finds_english_screen_words_across_lines(tmp_path, broken, word):
    found = words.screen_words(page_texts(tmp_path, f"<p>{broken}</p>"), "en")
    assert [(page, w) for page, w, _ in found] == [(1, word)]


@pytest.mark.parametrize(
    "broken, word",
    [
        ("どのノートブックも、実行済みのファイルとしてダウンロードできる。", "ダウンロード"),
        ("各ページ上部のリンクを開くと、もう一方の版の同じページが表示される。", "ページ上部"),
        ("節点をクリックすると記録が表示される。", "クリック"),
        ("それ以外は下の表に収める。", "下の表"),
        ("番号順に本ページの末尾に掲げる。", "本ページの末尾"),
        ("画面上では、各番号から年表にリンクしている。", "画面上"),
    ],
)
def test_checker_finds_japanese_screen_words(tmp_path, broken, word):
    found = words.screen_words(page_texts(tmp_path, f'<p lang="ja">{broken}</p>'), "ja")
    assert [(page, w) for page, w, _ in found] == [(1, word)]


def test_a_clause_after_a_semicolon_is_read_on_its_own(tmp_path):
    text = "The code is folded in the HTML edition; every notebook can be downloaded as a file."
    found = words.screen_words(page_texts(tmp_path, f"<p>{text}</p>"), "en")
    assert [w for _, w, _ in found] == ["downloaded"]


def test_checker_passes_print_wording_and_sentences_about_the_html_edition(tmp_path):
    body = (
        "<p>The HTML edition links every page to the same page in the other edition.</p>"
        "<p>In HTML the table can be searched and sorted.</p>"
        "<p>Its other characterisations are in Table 7.1; in the HTML edition each number links "
        "to its event on screen.</p>"
        '<p lang="ja">その一覧は図7.1の下の表に示す。</p>'
        "<p>The data package comes whole as one file, with its descriptor datapackage.json.</p>"
        '<p lang="ja">ウェブ版では、各ネットワークをGraphMLとGEXFのファイルでも提供している。</p>'
    )
    texts = page_texts(tmp_path, body)
    assert words.screen_words(texts, "en") == []
    assert words.screen_words(texts, "ja") == []


def test_a_spaced_section_sign_is_found_and_the_house_form_passes():
    texts = ["as read in “What it shows” [§\u00a011.3, p. 72].", "ch4 §5.1 ¶5 and [§5.7, p. 39]"]
    assert words.spaced_section_signs(texts) == [(1, "§\u00a011.3")]


def test_pointing_words_before_a_page_are_found_and_the_page_alone_passes():
    en = ["Putin phoned (his call [app. A, p. 124]) and", "Putin phoned (app. A, p. 124) and"]
    assert words.pointers_before_pages(en, "en") == [(1, "(his call [app.")]
    ja = ["電話した（その電話、付録A、p. 140）。", "電話した（付録A、p. 140）。"]
    assert words.pointers_before_pages(ja, "ja") == [(1, "（その電話、付録")]
