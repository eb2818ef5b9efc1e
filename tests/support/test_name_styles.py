"""The name-style checker (tests/support/name_styles.py) on small texts."""

from __future__ import annotations

from support.name_styles import surname_first

NAMES = ["Islam Karimov", "Igor Ivanov", "Putin", "Abai (Ibragim) Kunanbaev"]


def test_a_name_printed_surname_first_is_caught():
    assert len(surname_first("Bush · ブッシュ Karimov, Islam · カリモフ", NAMES)) == 1
    assert len(surname_first("Ivanov, [Igor] イワノフ", NAMES)) == 1
    assert len(surname_first("Kunanbaev, Abai (Ibragim)", NAMES)) == 1


def test_the_datas_style_passes():
    text = "Islam Karimov met Putin; [Igor] Ivanov called. Abai (Ibragim) Kunanbaev · アバイ"
    assert surname_first(text, NAMES) == []
