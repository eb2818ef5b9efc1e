"""The hyphenation checker of tests/support/hyphenation.py on small texts: names broken at a line
end are found, whole names and the text's own hyphens pass."""

from __future__ import annotations

from support.hyphenation import AUTO_HYPHEN, hyphenated_names, hyphenated_words


def test_checker_finds_hyphenated_names_in_a_broken_text():
    names = {"Kvashnin", "Washington", "Kazakhstan"}
    broken = (
        f"the chief of staff Kvash{AUTO_HYPHEN}\nnin flew to Wash{AUTO_HYPHEN}\nington and "
        f"Mat{AUTO_HYPHEN}\nsui wrote"
    )
    assert hyphenated_words(broken) == [("Kvash", "nin"), ("Wash", "ington"), ("Mat", "sui")]
    assert hyphenated_names(broken, names) == ["Kvash-nin", "Wash-ington"]
    short = f"as Yu{AUTO_HYPHEN}\nasa argues"
    assert hyphenated_names(short, names) == ["Yu-asa"]


def test_checker_passes_whole_names_and_the_texts_own_hyphens():
    names = {"Kvashnin", "Kazakhstan"}
    whole = f"Kvashnin and Sino-\nKazakhstan ties, a band{AUTO_HYPHEN}\nwagon, ch3-2001-\n09-24"
    assert hyphenated_names(whole, names) == []
    assert hyphenated_words(whole) == [("band", "wagon")]
