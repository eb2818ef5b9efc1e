"""The legibility checker of tests/support/legibility.py on small matplotlib figures: mathtext from
a broken style, text too small and a figure wider than the text block are found."""

from __future__ import annotations

from ca911.figures import style
from support.legibility import legibility_problems


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
