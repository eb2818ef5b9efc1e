"""The contract-word checker of tests/support/contract_words.py fails on small broken pages (field
names and codes typeset as code in a sentence, a lower-case actor id as a word) and passes good
ones."""

from __future__ import annotations

from support.code_words import page_code_words
from support.contract_words import contract_names, contract_words, lower_case_ids

DESCRIPTOR = {
    "resources": [
        {
            "schema": {
                "fields": [
                    {"name": "as_of"},
                    {"name": "reference"},
                    {
                        "name": "policy_type",
                        "categories": [{"value": "none_stated"}, {"value": "bandwagon"}],
                    },
                ]
            }
        }
    ]
}
NAMES = contract_names(DESCRIPTOR)
IDS = lower_case_ids({"kamilov", "central-asia", "KAZ", "CSTO"})


def test_names_and_ids():
    assert {"as_of", "reference", "policy_type", "none_stated"} == NAMES
    assert {"kamilov", "central-asia"} == IDS


def test_field_names_and_codes_typeset_as_code_in_a_sentence_fail():
    # as the register's readings showed them: the old check read only text outside code
    page = (
        "<ul><li><p><strong>Reading adopted:</strong> Indicator <code>as_of</code> 2003-03-21</p>"
        "</li><li><p><code>policy_type</code> <code>none_stated</code> for uzb-2</p></li></ul>"
    )
    found = contract_words(page, NAMES, IDS)
    assert len(found) == 3 and "'as_of'" in found[0] and "'none_stated'" in found[2]
    assert page_code_words(page, {}) == []  # what the check of code words alone missed


def test_an_actor_id_as_a_word_fails_and_its_name_or_reference_passes():
    assert contract_words("<p>Abdulaziz Kamilov, id kamilov</p>", NAMES, IDS) != []
    assert contract_words("<p>外相（id kamilov）</p>", NAMES, IDS) != []
    good = (
        "<p>Abdulaziz Kamilov (<code>actors:kamilov</code>), see "
        '<a href="../actors/kamilov.html">Kamilov</a>; Central Asia; KAZ.</p>'
    )
    assert contract_words(good, NAMES, IDS) == []


def test_tables_contract_pages_and_sentences_about_a_file_pass():
    in_table = "<table><tr><td><p><code>none_stated</code></p></td></tr></table>"
    about_file = "<p>the <code>reference</code> column of <code>places.csv</code></p>"
    assert contract_words(in_table, NAMES, IDS) == []
    assert contract_words(about_file, NAMES, IDS) == []
