"""The straight-quote checker of tests/support/print_quotes.py: a ' or " in a text face is caught,
the same characters in a monospaced face (code) and typographic quotes are not."""

from __future__ import annotations

from support.print_quotes import straight_quotes


def drawn(text: str, font: str) -> list[tuple[str, str]]:
    return [(char, font) for char in text]


def test_straight_quotes_in_running_text_are_caught():
    line = drawn('Russia\'s response, the "new" order', "FiraSans-Regular")
    found = straight_quotes(line, context=4)
    assert len(found) == 3
    assert "'s" in found[0] and '"new' in found[1] and 'w" ' in found[2]


def test_code_and_typographic_quotes_pass():
    assert straight_quotes(drawn("Russia’s “new” order 「新」", "FiraSans-Regular")) == []
    assert straight_quotes(drawn("title: 'Central Asia'", "FiraMono-Regular")) == []
