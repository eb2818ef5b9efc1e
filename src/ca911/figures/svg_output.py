"""A matplotlib figure as the book's SVG file: deterministic and compact, with the same look.

matplotlib writes every coordinate absolute and to six decimals, and places each glyph of a text
run with a transform. The file the book ships keeps every point at 1/100 pt (far below what a
screen or a press resolves) and says the same in fewer bytes: a path's points after its first as
steps from the point before (`l3.11 -0.27` for `L 100.66 131.52`), computed in whole hundredths so
every point lands where it did, for the paths drawn and for the outlines defined once (glyphs,
markers); a glyph's place as its `x` (`<use x=…>` places it as `transform="translate(x 0)"`
does); styles without spaces, elements without line breaks between them, shapes' groups without
matplotlib's numbered ids."""

from __future__ import annotations

import io
import re

_LONG_DECIMALS = re.compile(r"(\d+\.\d{2})\d+")
# never transforms: scales need every digit
_COORDINATES = re.compile(r'\b(d|x|y|x1|x2|y1|y2|width|height)="([^"]*)"')
# the line breaks and indents between elements (no text is set as SVG text: glyphs are outlines)
_BETWEEN_ELEMENTS = re.compile(r">\s+<")
_METADATA = re.compile(r"<metadata>.*?</metadata>\n?", re.S)  # matplotlib's RDF credit
# a path drawn, or defined (a glyph's or a marker's outline, with its id first)
_PATH_DATA = re.compile(r'(<path(?: id="[^"]+")?) d="([^"]*)"')
# matplotlib's numbered ids of a shape's or a scatter's group, which nothing refers to (a text's
# group keeps its id: the figure checks tell one label's lines by it; ids set by our code stay)
_SHAPE_GROUP = re.compile(r'<g id="(?:patch|PathCollection|line2d)_\d+">')
_STYLE = re.compile(r'style="([^"]*)"')
_STYLE_GAP = re.compile(r"\s*([:;])\s*")
_PATH_TOKEN = re.compile(r"[A-Za-z]|-?\d+(?:\.\d+)?(?:e-?\d+)?")
_POINTS = {"M": 1, "L": 1, "Q": 2, "C": 3}  # the points each command of matplotlib's paths takes
_GLYPH_PLACE = re.compile(
    r'(<use xlink:href="#[^"]+") transform="translate\(([-\d.e]+) ([-\d.e]+)\)"'
)


def _hundredths(value: int) -> str:
    """A length in hundredths of a point as the shortest SVG number: 3.1, -0.27 as -.27, 0."""
    sign, (whole, part) = "-" if value < 0 else "", divmod(abs(value), 100)
    if not part:
        return sign + str(whole)
    return sign + (str(whole) if whole else "") + f".{part:02d}".rstrip("0")


def _numbers(values: list[str]) -> str:
    """Numbers in path data: a minus sign separates as a space does."""
    return "".join(v if i == 0 or v.startswith("-") else " " + v for i, v in enumerate(values))


def relative_path(d: str) -> str:
    """Path data with every point after a subpath's start as a step from the point before, in
    hundredths of a point, a command repeated only when it changes; data with a command matplotlib
    does not write is returned as it is."""
    tokens = _PATH_TOKEN.findall(d)
    out: list[str] = []
    here = start = (0, 0)
    last = ""
    i = 0
    while i < len(tokens):
        command = tokens[i]
        i += 1
        if command == "z":
            out.append("z")
            here, last = start, "z"
            continue
        count = _POINTS.get(command)
        if count is None or i + 2 * count > len(tokens):
            return d
        try:
            values = [round(float(t) * 100) for t in tokens[i : i + 2 * count]]
        except ValueError:
            return d
        i += 2 * count
        points = list(zip(values[0::2], values[1::2]))
        if command == "M":
            out.append("M" + _numbers([_hundredths(v) for v in points[0]]))
            here = start = points[0]
            last = "M"
            continue
        steps = _numbers([_hundredths(v) for x, y in points for v in (x - here[0], y - here[1])])
        if command.lower() == last:  # a repeated command is implied
            out.append(steps if steps.startswith("-") else " " + steps)
        else:
            out.append(command.lower() + steps)
        here, last = points[-1], command.lower()
    return "".join(out)


def _glyph_place(m: re.Match) -> str:
    x, y = _LONG_DECIMALS.sub(r"\1", m[2]), _LONG_DECIMALS.sub(r"\1", m[3])
    return f'{m[1]} x="{x}"' + ("" if float(y) == 0 else f' y="{y}"')


def _compact(attribute: str, value: str) -> str:
    value = _LONG_DECIMALS.sub(r"\1", value)
    return " ".join(value.split()) if attribute == "d" else value  # path data: one line


def svg_text(fig) -> str:
    """The figure as SVG with no date, no indentation, coordinates to 1/100 pt and drawn paths and
    glyph places written compactly (same look, smaller file)."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    rounded = _COORDINATES.sub(
        lambda m: f'{m[1]}="{_compact(m[1], m[2])}"', _METADATA.sub("", buf.getvalue())
    )
    paths = _PATH_DATA.sub(lambda m: f'{m[1]} d="{relative_path(m[2])}"', rounded)
    styled = _STYLE.sub(lambda m: 'style="' + _STYLE_GAP.sub(r"\1", m[1]) + '"', paths)
    unnamed = _SHAPE_GROUP.sub("<g>", _GLYPH_PLACE.sub(_glyph_place, styled))
    return _BETWEEN_ELEMENTS.sub("><", unnamed)


_GLYPH_FONT = re.compile(r'<path id="([A-Za-z][\w-]*?)-[0-9a-f]+"')
# a text run: glyph outlines at size/100 (svg.fonttype path)
_TEXT_SCALE = re.compile(r"scale\((\d*\.?\d+) -\1\)")
_SVG_WIDTH = re.compile(r'<svg[^>]*\swidth="([\d.]+)pt"')


def svg_glyph_fonts(svg: str) -> set[str]:
    """The fonts whose glyph outlines an SVG figure uses: IPAexGothic, and the quotes font for
    ’ “ ”; anything else fell back (mathtext draws "$…$" in DejaVu Sans)."""
    return set(_GLYPH_FONT.findall(svg))


def svg_text_sizes_pt(svg: str) -> list[float]:
    """The size in points of every text run in an SVG figure (as drawn, before any scaling of the
    image)."""
    return [float(m) * 100 for m in _TEXT_SCALE.findall(svg)]


def svg_width_pt(svg: str) -> float:
    return float(_SVG_WIDTH.search(svg)[1])
