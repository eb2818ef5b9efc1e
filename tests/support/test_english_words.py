"""The English-word checker on synthetic Japanese pages."""

from __future__ import annotations

from support.english_words import english_words


def page(body: str) -> str:
    return f"<html lang='ja'><body><main>{body}</main></body></html>"


def test_an_english_word_in_a_japanese_block_is_found():
    broken = page("<p>採用した読み：0.8 about（表1）と 0.8 nearly（本文、undated）</p>")
    assert [f.split(":")[0] for f in english_words(broken)] == ["about", "nearly", "undated"]


def test_names_ids_codes_files_and_locators_are_not_english_words():
    fine = page(
        "<p>ウズベキスタン外相コミロフ（id kamilov、Abdulaziz Kamilov）。kaz-2 と as_of、"
        "memberships.csv、§intro ¶1 を見よ。<code>undated</code></p>"
        "<p>English only, no Japanese here</p>"
        "<p>英語名：<span lang='en'>Coalition of the willing</span></p>"
    )
    assert english_words(fine, names={"Abdulaziz Kamilov"}, identifiers={"kamilov"}) == []
