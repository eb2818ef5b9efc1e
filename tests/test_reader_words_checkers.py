"""The checkers of tests/support/reader_words.py fail on small broken inputs and pass good ones."""

from __future__ import annotations

from support.reader_words import (
    internal_names,
    names_in_text,
    present_tense,
    reader_text,
    straight_marks,
    straight_quotes,
    table_codes,
)

DESCRIPTOR = {
    "resources": [
        {
            "name": "deployments",
            "schema": {
                "fields": [
                    {"name": "as_of"},
                    {
                        "name": "status",
                        "categories": [{"value": "present"}, {"value": "not_stated"}],
                    },
                ]
            },
        },
        {
            "name": "periods",
            "schema": {
                "fields": [
                    {"name": "period_id"},
                    {"name": "policy_type", "categories": [{"value": "balance_of_power"}]},
                ]
            },
        },
    ]
}


def test_internal_names_are_the_snake_case_fields_codes_and_period_ids():
    names = internal_names(DESCRIPTOR, ["uzb-1", "kaz-2"])
    assert names == {
        "as_of",
        "not_stated",
        "period_id",
        "policy_type",
        "balance_of_power",
        "uzb-1",
        "kaz-2",
    }


def test_field_names_and_period_ids_in_running_text_are_found_and_code_blocks_are_not():
    names = internal_names(DESCRIPTOR, ["uzb-1", "uzb-3"])
    page = (
        "<p>The grey bands are the periods (uzb-1 to uzb-3), each with its label "
        "(<code>policy_type</code>); "
        "a record counts once its <code>as_of</code> has "
        'passed.</p><pre>periods["policy_type"]</pre>'
        '<p>See <code class="ca911-record">period_relations:uzb-1/USA</code>.</p>'
    )
    found = names_in_text(reader_text(page), names)
    assert [f.split(" ")[0] for f in found] == ["'uzb-1'", "'uzb-3'", "'policy_type'", "'as_of'"], (
        found
    )


def test_words_that_only_contain_a_name_are_not_it():
    names = internal_names(DESCRIPTOR, ["uzb-1"])
    assert (
        names_in_text(
            "the file deployments.csv, as of 2001, the policy type, uzb-10 and data/as_of.csv",
            names,
        )
        == []
    )


def test_straight_quotation_marks_are_found_and_apostrophes_are_not():
    assert (
        len(
            straight_quotes(
                "He promised 'every possible form of cooperation' and \"full support\"."
            )
        )
        == 4
    )
    assert (
        straight_quotes("Putin's address; the states' offers; “full support” and ‘cooperation’.")
        == []
    )


def test_straight_apostrophes_are_found_as_well_as_quotation_marks():
    # as references.bib's notes reached the references page and the citations' tooltips
    found = straight_marks("Russia's retreat; the states' offers; \"full support\"; 'x'")
    assert len(found) == 6
    assert straight_marks("Russia’s retreat; the states’ offers; “full support”; ‘x’; 9 o") == []


def test_present_tense_in_what_happened_is_found():
    assert present_tense("Putin visits Belgium and declares support for the states.") == [
        "visits",
        "declares",
    ]
    assert present_tense("An agreement is signed within the CIS.") == ["is"]


def test_past_tense_notes_and_quotations_pass():
    assert (
        present_tense("Putin took office; the chapter ties it to May 2000 (see discrepancies).")
        == []
    )
    assert (
        present_tense(
            "Karimov said Uzbekistan would give “full support” (day is a reading of “immediately”)."
        )
        == []
    )
    assert (
        present_tense(
            "The heads of the power ministries met; voices in the US called for a review."
        )
        == []
    )


def test_codes_in_table_cells_and_headers_are_found_in_code_face_or_not():
    page = (
        "<table><caption>Kinds</caption><thead><tr><th>source_id</th><th>entries</th></tr></thead>"
        "<tbody><tr><td><code>internal_conflict</code></td><td>2</td></tr>"
        "<tr><td>the chapter disagrees with itself</td><td>2</td></tr></tbody></table>"
    )
    found = table_codes(page)
    assert len(found) == 2 and "source_id" in found[0] and "internal_conflict" in found[1]


def test_file_names_records_and_locators_in_table_cells_are_no_codes():
    page = (
        "<table><tbody><tr><td><code>coverage_exclusions.csv</code></td>"
        '<td><code class="ca911-record">indicators:RUS/putin_cooperation_points/2001</code></td>'
        '<td><code class="ca911-locator">ch3 §2 ¶3 n.3</code></td><td>in words</td></tr>'
        "</tbody></table><p>outside a table: <code>missing_text</code></p>"
    )
    assert table_codes(page) == []
