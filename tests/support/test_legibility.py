"""The legibility checker of tests/support/legibility.py on small matplotlib figures: mathtext from
a broken style, text too small and a figure wider than the text block are found."""

from __future__ import annotations

from ca911.figures import style
from support.legibility import font_problems, legibility_problems


def _titled(title: str, fontsize: float | None = None) -> str:
    fig, ax = style.figure(1.5, 3)
    ax.set_title(title, fontsize=fontsize)
    return style.svg_text(fig)


def test_dollar_signs_are_text_not_mathtext(monkeypatch):
    literal = "$a$ b $c$ and sum of parts $408.0m; stated total $408.0m"
    assert legibility_problems(_titled(literal)) == []
    monkeypatch.setitem(style.STYLE, "text.parse_math", True)  # a broken copy of the style…
    try:
        assert any("DejaVu" in p for p in legibility_problems(_titled(literal)))  # …is caught
    finally:
        monkeypatch.undo()
        style.use_style()


def test_the_checker_catches_small_and_oversized_figures():
    assert legibility_problems(_titled("small", fontsize=6.5))
    fig, ax = style.figure(1.5, 8.5)  # wider than the text block: printed smaller than drawn
    ax.set_title("wide")
    assert any("when printed" in p for p in legibility_problems(style.svg_text(fig)))


def test_a_figure_taller_than_the_print_cap_is_found():
    """8.5 pt text in a figure 12 in high, shrunk to the height cap, prints under 8 pt; within the
    cap it does not."""
    tall, ax = style.figure(12, 3)
    ax.set_title("tall", fontsize=8.5)
    assert any("pt high" in p for p in legibility_problems(style.svg_text(tall)))
    short, ax = style.figure(3, 3)
    ax.set_title("short", fontsize=8.5)
    assert legibility_problems(style.svg_text(short)) == []


def test_the_height_cap_is_read_from_the_stylesheet():
    from support.legibility import print_height_cap_pt

    assert print_height_cap_pt("figure img, div.figure img { max-height: 10cm; }") == 10 / 2.54 * 72
    assert print_height_cap_pt() > 0  # the book's stylesheet states one


def test_quotes_come_from_the_quotes_font_and_everything_else_from_ipaexgothic(monkeypatch):
    """The style draws ’ “ ” from its quotes font, every other glyph from IPAexGothic; a style
    without the quotes font (full-width quotes), a quotes font that draws a letter and a character
    neither font holds (drawn from a fallback font) are each found."""
    quoted = "Putin’s “gold mine” 米軍"
    assert font_problems(_titled(quoted)) == []
    svg = _titled(quoted)
    assert "ca911Latinquotes" in svg and "IPAexGothic" in svg  # both fonts are in use
    try:
        monkeypatch.setitem(style.STYLE, "font.family", ["IPAexGothic"])
        assert any("’" in p and "not ca911Latinquotes" in p for p in font_problems(_titled(quoted)))
        monkeypatch.setitem(style.STYLE, "font.family", [style.QUOTES_FAMILY, "DejaVu Sans"])
        assert any("'P'" in p and "DejaVuSans" in p for p in font_problems(_titled("Putin’s")))
    finally:
        monkeypatch.undo()
        style.use_style()
    missing = font_problems(_titled("a \u2bd1 b"))  # a symbol neither font holds: a fallback box
    assert any("'\u2bd1'" in p and "not IPAexGothic" in p for p in missing), missing


def test_a_broken_copy_of_a_figure_that_draws_a_letter_from_the_quotes_font_is_found():
    svg = _titled("Putin’s")
    assert font_problems(svg) == []
    broken = svg.replace('xlink:href="#IPAexGothic-', 'xlink:href="#ca911Latinquotes-', 1)
    assert any("drawn from ca911Latinquotes" in p for p in font_problems(broken))
