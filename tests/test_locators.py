"""Chapter locators (`ca911.data.locators`): one pattern, parsed and written in one place."""

from __future__ import annotations

import pytest

from ca911.data import locators


@pytest.mark.parametrize(
    ("locator", "parts"),
    [
        ("ch3 §2 ¶14 n.8", {"chapter": "ch3", "section": "2", "para": "14", "note": "8"}),
        ("ch3 §3.1 ¶2-4", {"section": "3.1", "para": "2", "para_end": "4"}),
        ("ch4 §4.1 T1 r2 c1", {"row": "2", "col": "1", "para": None}),
        ("ch4 §intro title", {"section": "intro", "special": "title"}),
        ("ch3 §concl ¶1 s.3", {"section": "concl", "sentence": "3"}),
    ],
)
def test_parse_locator_gives_the_parts(locator, parts):
    m = locators.parse_locator(locator)
    assert {k: m[k] for k in parts} == parts


@pytest.mark.parametrize(
    "bad", ["ch5 §2 ¶1", "ch3 §2", "ch3 2 ¶1", "ch3 §2 ¶1 ", "ch4 §4.1 T1 r6 c1", "ch3 §2 p14"]
)
def test_a_locator_outside_the_scheme_is_refused(bad):
    with pytest.raises(ValueError, match="does not follow the scheme"):
        locators.parse_locator(bad)


def test_format_locator_writes_what_parse_locator_reads():
    key = locators.paragraph_key("3.1", 2)
    assert key == "§3.1 ¶2"
    assert locators.format_locator("ch3", key) == "ch3 §3.1 ¶2"
    written = locators.format_locator("ch3", key, sentence=4, note=7)
    assert written == "ch3 §3.1 ¶2 s.4 n.7"
    m = locators.parse_locator(written)
    assert (m["chapter"], m["section"], m["para"], m["sentence"], m["note"]) == (
        "ch3",
        "3.1",
        "2",
        "4",
        "7",
    )


def test_passage_keys_span_paragraphs_and_name_cells():
    assert locators.passage_keys(locators.parse_locator("ch3 §2 ¶3-5")) == [
        "§2 ¶3",
        "§2 ¶4",
        "§2 ¶5",
    ]
    assert locators.passage_keys(locators.parse_locator("ch4 §4.1 T1 r2 c1")) == ["§4.1 T1 r2 c1"]
    assert locators.passage_keys(locators.parse_locator("ch4 §1 heading")) == ["§1 heading"]


def test_a_locator_is_found_in_running_text_with_the_same_scheme():
    text = "as stated (ch4 §3.2 ¶5 n.2; see also ch3 §intro title) but not ch9 §1 ¶1"
    assert locators.LOCATOR_IN_TEXT.findall(text) == ["ch4 §3.2 ¶5 n.2", "ch3 §intro title"]


def test_chapter_and_section_of_a_locator():
    assert locators.chapter_of("ch4 §5.1 ¶5") == "ch4"
    assert locators.section_of("ch4 §5.1 ¶5") == "§5.1"
