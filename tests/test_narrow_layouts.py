"""Every figure the notebooks draw also has its narrow layout, the one a phone shows
(style.two_layouts): no wider than a phone's column, so it is drawn unscaled, its text no smaller
than the book's floor, the same bytes from the same data, its legend listing only what it draws and
no text cut by its panel; and a notebook's output carries it beside the wide SVG, under the mime
type the book's renderer serves in a <picture> (html_pages). The browser check of what a phone
actually draws, every page, is screen_fit's figure text check (test_phone_fit.py)."""

from __future__ import annotations

import pytest

from ca911.figures import style
from support import figure_checks
from support.notebook_figures import notebook_figures

pytestmark = pytest.mark.slow
PHONE_COLUMN_PX = 342  # the book's text column on a 390 px phone (tests/support/screen_fit.PHONE)


@pytest.fixture(scope="module")
def narrow_figures():
    found = notebook_figures()
    assert len(found) >= 15, sorted(
        found
    )  # every notebook figure, not a run that quietly found none
    missing = sorted(name for name, fig in found.items() if not hasattr(fig, "ca911_narrow"))
    assert missing == [], (
        "figures drawn in one layout only (decorate the plotting function with style.two_layouts)"
    )
    return {name: fig.ca911_narrow() for name, fig in found.items()}


def test_a_phone_shows_every_narrow_layout_unscaled_with_text_at_the_floor(narrow_figures):
    problems = {}
    for name, fig in narrow_figures.items():
        svg = style.svg_text(fig)
        width_px = style.svg_width_pt(svg) * 4 / 3
        smallest = min(style.svg_text_sizes_pt(svg))
        if width_px > PHONE_COLUMN_PX or smallest < style.MIN_TEXT_PT - 0.01:
            problems[name] = f"{width_px:.0f} px wide, smallest text {smallest:.2f} pt"
    assert problems == {}


def test_every_legend_entry_of_a_narrow_layout_is_drawn(narrow_figures):
    problems = {name: figure_checks.legend_problems(fig) for name, fig in narrow_figures.items()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_text_of_a_narrow_layout_is_cut_by_its_panel(narrow_figures):
    problems = {name: figure_checks.clipped_text(fig) for name, fig in narrow_figures.items()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_the_narrow_layout_is_the_same_bytes_from_the_same_data():
    import pandas as pd

    from ca911.figures import coverage_chart

    def counts(mapped: int):
        return pd.DataFrame(
            {"mapped": [mapped, 40], "excluded": [2, 5], "unmapped": [0, 1]}, index=["ch3", "ch4"]
        )

    first, second = (
        style.narrow_svg_bundle(coverage_chart.coverage_bars(counts(69))) for _ in range(2)
    )
    assert first == second
    assert (
        style.narrow_svg_bundle(coverage_chart.coverage_bars(counts(70))) != first
    )  # a changed count is a changed figure


def test_a_notebook_output_carries_both_layouts():
    from IPython.core.interactiveshell import InteractiveShell

    from ca911.figures import presence

    shell = InteractiveShell.instance()
    style.inline_svg()
    import pandas as pd

    fig = presence.aid_bars(
        pd.DataFrame(
            {"recipient": ["Uzbekistan", "Tajikistan"], "amount_usd": [161_800_000, 85_300_000]}
        ),
        None,
    )
    bundle, _ = shell.display_formatter.format(fig)
    wide_pt, narrow_pt = (
        style.svg_width_pt(bundle[mime]) for mime in ("image/svg+xml", style.NARROW_SVG_MIME)
    )
    assert wide_pt * 4 / 3 > PHONE_COLUMN_PX >= narrow_pt * 4 / 3
    assert bundle[style.NARROW_SVG_MIME] == style.svg_text(
        fig.ca911_narrow()
    )  # drawn afresh: the same bytes
    one_layout, _ = style.figure()
    assert (
        style.NARROW_SVG_MIME not in shell.display_formatter.format(one_layout)[0]
    )  # a figure drawn once stays one
