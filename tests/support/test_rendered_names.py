"""The checker of tests/support/rendered_names.py on a small SVG: an outside name part drawn without
its brackets is flagged."""

from __future__ import annotations

from support.rendered_names import svg_texts, unbracketed_parts


def test_checker_flags_an_unbracketed_outside_part():
    svg = (
        "<svg><!-- US → Uzbekistan at Karshi-Khanabad: 1,000 "
        "--><text>[Karshi-]Khanabad</text></svg>"
    )
    texts = svg_texts(svg)
    assert unbracketed_parts(texts, ["Karshi-"]) == [
        "Karshi- in «US → Uzbekistan at Karshi-Khanabad: 1,000»"
    ]
    assert unbracketed_parts(texts[1:], ["Karshi-"]) == []
