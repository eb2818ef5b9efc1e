"""The stray-mark checker (tests/support/unresolved_marks.py) on small texts."""

from __future__ import annotations

from support.unresolved_marks import stray_marks


def test_stray_question_marks_and_replacement_characters_are_caught():
    assert len(stray_marks("a partial ISO date (2001-09); ?? where the text gives no month")) == 1
    assert len(stray_marks("see Table ??.")) == 1
    assert len(stray_marks("the name \ufffd\ufffd in print")) == 2


def test_question_marks_inside_a_value_pass():
    assert stray_marks("the month as two question marks (2001-??-05)") == []
    assert stray_marks(r"pattern: \d{4}(-(\d{2}|\?\?)(-\d{2})?)?") == []
    assert stray_marks("Really? Yes.") == []
