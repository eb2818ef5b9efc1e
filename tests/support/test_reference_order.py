"""The reference-order checker on synthetic lists."""

from __future__ import annotations

from support.reference_order import bib_readings, out_of_order, printed_authors

READINGS = {"松井弘明": "まつい ひろあき", "岩下明裕": "いわした あきひろ"}


def test_a_list_in_romanised_order_is_caught():
    romanised = ["岩下明裕", "イズヴェスチヤ", "松井弘明", "Radio Free Europe", "湯浅剛"]
    found = out_of_order(romanised, {**READINGS, "湯浅剛": "ゆあさ たけし"})
    assert found == [
        "岩下明裕 before イズヴェスチヤ",
        "Radio Free Europe before 湯浅剛",
    ]
    assert out_of_order(["湯浅剛"], READINGS) == ["湯浅剛: no reading"]


def test_the_japanese_order_passes_and_is_read_from_a_page():
    page = "".join(
        f'<div class="citation" id="x{i}"><span class="label">[{a} n.d.]</span>'
        f"<p>{a}（n.d.）「題」。</p></div>"
        for i, a in enumerate(["イズヴェスチヤ", "岩下明裕", "松井弘明", "Radio Free Europe"])
    )
    authors = printed_authors(page)
    assert authors == ["イズヴェスチヤ", "岩下明裕", "松井弘明", "Radio Free Europe"]
    assert out_of_order(authors, READINGS) == []
    bib = "@misc{A,\n  author_ja = {松井弘明},\n  author_ja_reading = {まつい ひろあき},\n}\n"
    assert bib_readings(bib) == {"松井弘明": "まつい ひろあき"}
