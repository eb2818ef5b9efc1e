"""Figure text legible in print: never mathtext or a fallback font, never under 8 pt once the figure
is scaled to the printed text width (figures are never scaled up). Used on figures drawn in the
tests (tests/test_plotting.py) and on every figure of the built book
(tests/test_figures_rendered.py)."""

from __future__ import annotations

from ca911.figures import style

PRINT_MIN_PT = 8.0  # print.md: at least 8 pt at printed size
TEXT_WIDTH_PT = style.A4_TEXT_WIDTH_IN * 72


def legibility_problems(svg: str) -> list[str]:
    """What makes an SVG figure hard to read in print: mathtext or fallback glyphs, text under 8 pt
    once the figure is scaled to the text width (figures are never scaled up)."""
    problems = [
        f"glyphs from {font} (mathtext or a fallback font)"
        for font in sorted(style.svg_glyph_fonts(svg) - {"IPAexGothic"})
    ]
    scale = min(1.0, TEXT_WIDTH_PT / style.svg_width_pt(svg))
    smallest = min(style.svg_text_sizes_pt(svg), default=PRINT_MIN_PT) * scale
    if smallest < PRINT_MIN_PT - 0.05:
        problems.append(
            f"text at {smallest:.1f} pt when printed (figure {style.svg_width_pt(svg):.0f} pt wide)"
        )
    return problems
