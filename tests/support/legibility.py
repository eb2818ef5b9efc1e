"""Figure text legible in print: every glyph from the figures' font (IPAexGothic), but for the
Latin quotation marks and apostrophe, which come from the style's quotes font and only they (no
mathtext, no fallback font, no full-width quote inside a Latin word); never under 8 pt once the
figure is scaled as print scales it: to the printed text width and to the print stylesheet's height
cap for figures (never up). Used on figures drawn in the tests (tests/test_plotting.py) and on every
figure of the built book (tests/test_figures_rendered.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ca911.figures import style

PRINT_MIN_PT = 8.0  # print.md: at least 8 pt at printed size
TEXT_WIDTH_PT = style.A4_TEXT_WIDTH_IN * 72
PRINT_CSS = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "ca911"
    / "book"
    / "sphinx"
    / "static"
    / "print"
    / "ca911-print.css"
)
_SVG_HEIGHT = re.compile(r'<svg[^>]*\sheight="([\d.]+)pt"')
# A text run in a matplotlib SVG (svg.fonttype path): the line in a comment, then a group with the
# outlines it first uses and a <use> of a glyph per character, spaces included.
_TEXT_RUN = re.compile(
    r"<!-- ((?:(?!-->).)*) -->\s*<g [^>]*>\s*(?:<defs>.*?</defs>\s*)?((?:<use [^>]*>\s*)+)", re.S
)
_USED_FONT = re.compile(r'<use xlink:href="#([A-Za-z][\w-]*?)-[0-9a-f]+"')
FACE = "IPAexGothic"


def _expected_font(char: str) -> str:
    return style.QUOTES_POSTSCRIPT_NAME if ord(char) in style.QUOTES else FACE


def font_problems(svg: str) -> list[str]:
    """Glyphs drawn from a font other than the one their character belongs to: the quotes font for
    ’ “ ” (and the rest of U+2018–U+201F), IPAexGothic for everything else. A run whose glyphs do
    not pair one to one with its characters (mathtext, a comment matplotlib had to escape) is
    judged by its fonts alone."""
    allowed = {FACE, style.QUOTES_POSTSCRIPT_NAME}
    problems = {
        f"glyphs from {font} (mathtext or a fallback font)"
        for font in style.svg_glyph_fonts(svg) - allowed
    }
    for comment, uses in _TEXT_RUN.findall(svg):
        text, fonts = html.unescape(comment), _USED_FONT.findall(uses)
        if len(text) != len(fonts):
            continue
        problems |= {
            f"{char!r} in {text!r} drawn from {font}, not {_expected_font(char)}"
            for char, font in zip(text, fonts)
            if font != _expected_font(char)
        }
    return sorted(problems)


def print_height_cap_pt(css: str | None = None) -> float:
    """The height the print stylesheet allows a figure's picture, in points
    (`figure img { max-height: …cm }`)."""
    css = PRINT_CSS.read_text(encoding="utf-8") if css is None else css
    caps = re.findall(r"figure img[^{]*\{[^}]*max-height:\s*([\d.]+)cm", css)
    assert caps, "the print stylesheet sets no max-height for figure images"
    return float(caps[-1]) / 2.54 * 72


def print_scale(svg: str, height_cap_pt: float | None = None) -> float:
    """How much print shrinks the figure: to the text width and to the height cap (never up)."""
    cap = print_height_cap_pt() if height_cap_pt is None else height_cap_pt
    height = float(_SVG_HEIGHT.search(svg)[1])
    return min(1.0, TEXT_WIDTH_PT / style.svg_width_pt(svg), cap / height)


def legibility_problems(svg: str, height_cap_pt: float | None = None) -> list[str]:
    """What makes an SVG figure hard to read in print: a glyph from the wrong font
    (`font_problems`), text under 8 pt once the figure is scaled as print scales it
    (`print_scale`)."""
    problems = font_problems(svg)
    scale = print_scale(svg, height_cap_pt)
    smallest = min(style.svg_text_sizes_pt(svg), default=PRINT_MIN_PT) * scale
    if smallest < PRINT_MIN_PT - 0.05:
        problems.append(
            f"text at {smallest:.1f} pt when printed "
            f"(figure {style.svg_width_pt(svg):.0f} pt wide, "
            f"{float(_SVG_HEIGHT.search(svg)[1]):.0f} pt high)"
        )
    return problems
