"""Numbers with their qualifiers and units, in each edition's language."""

import pytest

from ca911.data.numbers import NOT_GIVEN_WORDS, format_number, with_qualifier, with_unit


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "expected"),
    [
        (1500, "about", None, "約1,500"),
        (1500, "at_least", None, "1,500以上"),
        (1500, "up_to", None, "最大1,500"),
        (1500, "about", "persons", "約1,500人"),
        (1500, "at_least", "persons", "1,500人以上"),
        (30, "under", "persons", "30人弱"),
        (24, "exact", "aircraft", "24機"),
        (100, "several", None, "数百"),
        (100, "several", "persons", "数百人"),
        (1000, "several", None, "数千"),
        (None, "several", None, "数"),
        (None, None, "persons", "記載なし"),
        (None, "about", None, "記載なし"),
        (110_000_000, "exact", "usd", "1億1,000万ドル"),
        (81_600_000, "expected", "usd", "8,160万ドル（見込み）"),
        (129_000, "about", "usd", "約12万9,000ドル"),
        (50_000, "about", "persons", "約5万人"),
    ],
)
def test_japanese_numbers_carry_their_qualifier_and_unit(value, qualifier, unit, expected):
    assert with_qualifier(value, qualifier, lang="ja", unit=unit) == expected


def test_japanese_percentages_and_plain_numbers():
    assert with_qualifier(0.66, "nearly", share=True, lang="ja") == "66%近く"
    assert with_qualifier(0.5, "about", share=True, lang="ja") == "約5割"  # tenths in 割
    assert with_qualifier(0.8, "nearly", share=True, lang="ja") == "8割近く"
    assert format_number(9999, lang="ja") == "9,999"
    assert format_number(10_000, lang="ja") == "1万"
    assert format_number(200_050_000, lang="ja") == "2億5万"
    assert NOT_GIVEN_WORDS["ja"] == "記載なし"


def test_english_is_unchanged_by_units_it_was_not_given():
    assert with_qualifier(110_000_000, "exact") == "110,000,000"
    assert with_qualifier(1500, "about", unit="persons") == "about 1,500 people"
    assert with_unit("1,500", "no-such-unit", "ja") == "1,500"


def test_a_count_under_a_head_keeps_its_japanese_counter_and_stays_bare_in_english():
    from ca911.data.numbers import count_in_column

    assert count_in_column(30, "under", "persons", "ja") == "30人弱"
    assert count_in_column(40, "at_least", "aircraft", "ja") == "40機以上"
    assert count_in_column(1500, "about", "persons", "en") == "about 1,500"
    assert count_in_column(3, "exact", "years", "ja") == "3"  # a unit Japanese does not count here


def test_running_english_spells_out_one_to_nine_and_tables_keep_figures():
    from ca911.data.numbers import in_words, with_qualifier

    assert [in_words(n) for n in (1, 5, 9, 10, 1200)] == ["one", "five", "nine", "10", "1,200"]
    assert in_words(5, "ja") == "5"
    assert with_qualifier(1, "at_least", prose=True) == "at least one"
    assert with_qualifier(1, "at_least") == "at least 1"  # a table cell
    assert with_qualifier(20, "about", prose=True) == "about 20"
    assert with_qualifier(5, "exact", lang="ja", prose=True, counter="項目") == "5項目"


def test_a_glued_count_in_running_english_is_spelled_out_and_figures_stay():
    from docutils import nodes

    from ca911.book.sphinx.roles import spell_small_counts

    def glued(n):
        return nodes.inline(str(n), str(n), classes=["pasted-text"])

    def page(lang):
        doc = nodes.document(None, None)
        doc += nodes.paragraph(
            "", "", nodes.Text("which link "), glued(9), nodes.Text(" actors (weight "), glued(2)
        )
        doc += nodes.table("", nodes.paragraph("", "", glued(3)))
        spell_small_counts(doc, lang)
        return doc.astext()

    assert page("en") == "which link nine actors (weight 2\n\n3"
    assert page("ja") == "which link 9 actors (weight 2\n\n3"
