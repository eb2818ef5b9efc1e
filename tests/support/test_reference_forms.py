"""The reference-form checker of tests/support/reference_forms.py fails on the forms the editors
found mixed and passes the book's one form."""

from __future__ import annotations

from support.reference_forms import other_reference_forms


def test_other_forms_of_figure_and_table_references_are_found():
    text = "As Figure 8.1 shows, and figure 8.1, fig. 2.2, Figs. 2 and table 3.1, Tab. 4.1 too."
    assert len(other_reference_forms(text)) == 6


def test_the_books_form_passes():
    text = "Fig. 7.3 sets the countries apart; Table 3.1 lists them (Fig. 2.2; Table 13.1)."
    assert other_reference_forms(text) == []
    assert other_reference_forms("the figure shows 3 states; a table of 12 rows") == []
