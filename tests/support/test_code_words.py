"""The code-word checker of tests/support/code_words.py fails on small broken pages and passes good
ones."""

from __future__ import annotations

from support.code_words import (
    READ_AS_WORDS,
    descriptor_codes,
    label_text,
    page_code_words,
    spelled_out_codes,
)

DESCRIPTOR = {
    "resources": [
        {
            "schema": {
                "fields": [
                    {
                        "name": "issue",
                        "categories": [
                            {
                                "value": "us_military_use_2001",
                                "label": "US military use of Central Asian territory, autumn 2001",
                            }
                        ],
                    },
                    {
                        "name": "stance",
                        "categories": [
                            {"value": "search_rescue", "label": "5 — search-and-rescue only"},
                            {"value": "full_support", "label": "6 — offers full support"},
                            {"value": "refuses", "label": "1 — rules it out"},
                        ],
                    },
                    {"name": "relation", "categories": [{"value": "drawn_to", "label": "drawn"}]},
                ]
            }
        }
    ]
}
SPELLED = spelled_out_codes(descriptor_codes(DESCRIPTOR), label_text(DESCRIPTOR))


def test_codes_read_as_words_only_where_the_codebook_or_english_uses_them():
    assert set(SPELLED) == {"us military use 2001", "search rescue"}
    assert "drawn to" in READ_AS_WORDS


def test_a_record_table_with_codes_read_as_words_fails():
    # as the actor pages printed a stance record, and a caption named its field
    page = """<html><body><article><table><tr><td>18 September 2001</td>
    <td>us military use 2001: general cooperation</td></tr>
    <tr><td>Search rescue</td><td>none</td></tr></table>
    <p>Table 1 (cells from <code>iraq_war_responses.csv</code>, text_ja).</p>
    </article></body></html>"""
    found = " ".join(page_code_words(page, SPELLED))
    assert "us military use 2001" in found and "Search rescue" in found and "text_ja" in found
    assert len(page_code_words(page, SPELLED)) == 3


def test_codes_in_code_elements_and_labels_in_words_pass():
    page = """<html><head><script>var a = "not_stated";</script></head><body><article>
    <p>US military use of Central Asian territory, autumn 2001: 6 — offers full support;
    Kazakhstan drawn to Russia. The field <code>text_ja</code> holds the record
    <code>stances:2001-09-18/KAZ/us_military_use_2001</code>.</p></article></body></html>"""
    assert page_code_words(page, SPELLED) == []
