"""The name checkers of tests/support/names.py on invented text: a Latin form not recorded with its
actor and an outside name part used without its brackets are found."""

from __future__ import annotations

from support.names import unbracketed_outside_parts, unrecorded_latin_forms


def test_checker_finds_a_latin_form_not_recorded():
    text = "外相のヤマダ（Taro Yamada）は、\\nカワ（Jiro Kawa）と会った。"  # invented
    actors = [
        {"actor_id": "yamada", "name_ja": "ヤマダ", "name_ja_variants": ""},
        {"actor_id": "kawa", "name_ja": "カワ", "name_ja_variants": "カワ（Jiro Kawa）"},
    ]
    assert unrecorded_latin_forms(text, actors) == ["yamada: ヤマダ（Taro Yamada）"]


def test_checker_finds_an_outside_name_part_used_without_its_brackets():
    texts = {
        "a": "[Sergei] Ivanov met Sergei Lavrov",
        "b": "Moscow [State Institute] of International Relations",
    }
    assert unbracketed_outside_parts(texts, {"Sergei", "State Institute"}) == [
        "a: '[Sergei] Ivanov met Sergei Lavrov'"
    ]


def test_prose_may_gloss_an_outside_part_but_not_drop_it_into_a_sentence():
    texts = {
        "a": "the forces of NATO (North Atlantic Treaty Organization) and of Russia",
        "b": "the North Atlantic Treaty Organization met",
    }
    assert unbracketed_outside_parts(texts, {"North Atlantic Treaty Organization"}, True) == [
        "b: 'the North Atlantic Treaty Organization met'"
    ]
    # outside prose (record summaries, tables) the gloss still needs its brackets
    assert len(unbracketed_outside_parts(texts, {"North Atlantic Treaty Organization"})) == 2
