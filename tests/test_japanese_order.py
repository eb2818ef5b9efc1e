"""五十音順 in the Japanese edition: the sort key, the readings that kanji names need, and the order
of the glossary and the index of actors."""

from __future__ import annotations

import re

from ca911.book.actor_index import KIND_HEADINGS, japanese_sort_key, navigation_order
from ca911.book.appendices import glossary_markdown
from ca911.data.package import load

NOT_KANA = re.compile(r"[^\u3040-\u30ff・（）()\s]")


def test_kana_sort_as_a_japanese_dictionary_does():
    names = ["ベルギー", "ハナバード", "ヒサール", "バルト諸国", "パキスタン", "アゼルバイジャン"]
    assert sorted(names, key=japanese_sort_key) == [
        "アゼルバイジャン",
        "パキスタン",  # ぱ as は: はき < はな
        "ハナバード",
        "バルト諸国",
        "ヒサール",
        "ベルギー",
    ]
    # a kanji name sorts by its reading, not by its characters
    assert japanese_sort_key("中国", "ちゅうごく") < japanese_sort_key("トルクメニスタン")
    assert japanese_sort_key("タジキスタン") < japanese_sort_key("中国", "ちゅうごく")


def test_every_name_that_is_not_kana_alone_has_a_reading():
    actors = load(validate=False).actors
    needs = actors[actors["name_ja"].str.contains(NOT_KANA.pattern)]
    missing = needs.loc[needs["name_ja_reading"].fillna("") == "", ["actor_id", "name_ja"]]
    # kanji, Latin letters or digits anywhere in the name (中国, NATO, 201自動車化狙撃師団,
    # 集団安全保障条約機構（CSTO）) need a reading; a name of kana alone sorts by itself
    assert missing.values.tolist() == [], missing


def test_the_glossary_and_the_index_list_names_in_gojuon_order():
    pkg = load(validate=False)
    actors = pkg.actors.set_index("actor_id")
    text = glossary_markdown(pkg, "ja")
    for kind in KIND_HEADINGS:
        ids = list(actors.index[actors["kind"] == kind])
        if not ids:
            continue
        order = [actor_id for actor_id, _ in navigation_order(pkg, ids, "ja")]
        keys = [
            japanese_sort_key(actors.loc[i, "name_ja"], actors.loc[i, "name_ja_reading"])
            for i in order
        ]
        assert keys == sorted(keys), kind
        # the glossary lists the ids of the kind in that same order
        listed = [i for i in re.findall(r"`([^`]+)`", text) if i in set(ids)]
        assert listed == order, kind
