"""Self-tests of the figure-name check (support/figure_names.py), on figures drawn with a planted
variant and saved as the book saves them (the check reads the SVG's text)."""

from __future__ import annotations

import pytest

from ca911.data.package import load
from ca911.figures import style
from support.figure_checks import text_runs
from support.figure_names import variant_names


@pytest.fixture(scope="module")
def actors():
    return load().actors


def _lines(*labels: str) -> list[str]:
    fig, ax = style.figure(2.0, 4.0)
    for i, label in enumerate(labels):
        ax.text(0.1, 0.1 + 0.2 * i, label)
    return [t.text for t in text_runs(style.svg_text(fig))]


def test_display_names_and_declared_short_forms_pass(actors):
    lines = _lines(
        "rapid-reaction force · Kant",
        "CIS/CST rapid-reaction force",
        "EvRazES · Kazakhstan",
        "Shanghai Forum",
        "SCO Regional Anti-Terrorist Structure",
    )
    assert variant_names(lines, actors, "en") == []
    japanese = _lines("緊急展開部隊 · カント", "上海フォーラム", "EvRazES")
    assert variant_names(japanese, actors, "ja") == []


@pytest.mark.parametrize(
    ("lang", "planted"),
    [
        ("en", "CRRF → Kyrgyzstan"),  # an id
        ("en", "SF · China"),  # an id the chapters never print
        ("en", "CST/CIS rapid-reaction force"),  # a declared name with another name before it
        ("en", "EURASEC"),  # an id beside the declared acronym EvRazES
        ("ja", "CST/CIS 緊急展開部隊"),  # a printed variant kept for tracing
        ("ja", "EURASEC"),
    ],
)
def test_a_planted_variant_is_found(actors, lang, planted):
    assert variant_names(_lines(planted), actors, lang) != []
