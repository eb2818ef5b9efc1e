"""Self-tests of the check on words glued into Japanese prose."""

from support.notebook_glue import english_in_values


def test_english_words_glued_into_japanese_prose_are_found():
    found = english_in_values(
        {
            "p: joined": "ロシア and アメリカ",
            "p: empty": "none",
            "p: counted": "3 events",
            "p: place": "タジキスタン in ロシア",
        },
        frozenset({"CIS"}),
    )
    assert sorted(found) == ["p: counted", "p: empty", "p: joined", "p: place"]
    assert "none" in found["p: empty"][0]


def test_japanese_words_abbreviations_ids_and_numbers_pass():
    assert not english_in_values(
        {
            "p: joined": "ロシア、アメリカ",
            "p: pairs": "CHN–RUS、KAZ–UZB",
            "p: abbreviation": "CIS 反テロリズム",
            "p: number": "約1万8,000",
            "p: count": 12,
            "p: years": "7–15",
        },
        frozenset({"CIS"}),
    )
