"""Checks on figures as drawn: no two text labels overlap, no internal code in figure text, no text below
the print floor at the printed width, and every legend entry drawn in its figure.

The text checks read the saved SVG (what the book ships and the PDF prints): matplotlib writes each text
run as glyph outlines (`svg.fonttype: path`) under a `translate(x y) [rotate(a)] scale(s -s)` group, with
the string in a comment, so each run's ink box is the union of its glyphs' outline boxes. The legend check
needs the Figure itself: a legend handle's style must appear among the artists of the figure's axes."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

import numpy as np
from matplotlib.collections import Collection
from matplotlib.colors import same_color, to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from ca911.style import A4_TEXT_WIDTH_IN

PRINT_TEXT_WIDTH_PT = A4_TEXT_WIDTH_IN * 72  # the PDF's text column; a wider figure prints scaled down, never up
PRINT_FLOOR_PT = 8.0
MIN_GAP_PT = 1.0  # two labels' ink closer than this reads as one run-together label

_GLYPH = re.compile(r'<path id="([^"]+)" d="([^"]*)"(?: transform="scale\(([\d.e-]+)\)")?')
_LINE = re.compile(r'<!-- (.*?) -->\s*<g (?:style="[^"]*" )?transform="translate\(([-\d.e]+) ([-\d.e]+)\)'
                   r'(?: rotate\(([-\d.e]+)\))? scale\(([\d.e-]+) -[\d.e-]+\)">(.*?)</g>', re.S)
_GROUP_ID = re.compile(r'<g id="([^"]+)"')
_USE = re.compile(r'<use xlink:href="#([^"]+)"(?: transform="translate\(([-\d.e]+) ([-\d.e]+)\)")?')
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
# ids as the data spell them: snake_case codes, and period ids such as "uzb-1"
_INTERNAL_CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]{3}-\d+\b")


@dataclass(frozen=True)
class TextRun:
    """One line of text: a text artist's lines share its `owner` (the SVG group id)."""
    text: str
    owner: str
    size_pt: float
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in SVG points (y down)


def _glyph_boxes(svg: str) -> dict[str, tuple[float, float, float, float]]:
    boxes = {}
    for gid, d, scale in _GLYPH.findall(svg):
        nums = [float(n) for n in _NUMBER.findall(d)]
        if len(nums) < 2:
            continue
        s = float(scale or 1)
        xs, ys = nums[0::2], nums[1::2]
        boxes[gid] = (min(xs) * s, min(ys) * s, max(xs) * s, max(ys) * s)
    return boxes


def text_runs(svg: str) -> list[TextRun]:
    """Every line of text in a matplotlib SVG with its ink box (glyph outlines, not the layout box)."""
    glyphs = _glyph_boxes(svg)
    groups = [(m.start(), m[1]) for m in _GROUP_ID.finditer(svg)]
    runs = []
    for m in _LINE.finditer(svg):
        text, tx, ty, rot, scale, uses = m.groups()
        owner = next((gid for pos, gid in reversed(groups) if pos < m.start()), "")
        s, angle = float(scale), math.radians(float(rot or 0))
        corners = []
        for gid, ux, uy in _USE.findall(uses):
            if gid not in glyphs:
                continue
            x0, y0, x1, y1 = glyphs[gid]
            for gx, gy in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
                px, py = (gx + float(ux or 0)) * s, -(gy + float(uy or 0)) * s  # glyph y is up, SVG y is down
                corners.append((float(tx) + px * math.cos(angle) - py * math.sin(angle),
                                float(ty) + px * math.sin(angle) + py * math.cos(angle)))
        if corners:
            xs, ys = zip(*corners)
            runs.append(TextRun(html.unescape(text), owner, s * 100, (min(xs), min(ys), max(xs), max(ys))))
    return runs


def overlapping_labels(svg: str, gap: float = MIN_GAP_PT) -> list[str]:
    """Pairs of labels (lines of different text artists) whose ink boxes overlap or come closer than `gap`:
    overprinted or run together."""
    runs = text_runs(svg)
    found = []
    for i, a in enumerate(runs):
        for b in runs[i + 1:]:
            if a.owner == b.owner:
                continue
            dx = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
            dy = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
            if dx > -gap and dy > -gap:
                found.append(f"{a.text!r} overlaps {b.text!r}")
    return found


def internal_codes(svg: str) -> list[str]:
    """Text that shows a data id instead of words ("not_stated", "uzb-1")."""
    return sorted({f"{m} (in {r.text!r})" for r in text_runs(svg) for m in _INTERNAL_CODE.findall(r.text)})


def smallest_printed_pt(svg: str) -> float:
    """The smallest text in the figure once printed: drawn size, scaled down if the figure is wider than the column."""
    width = float(re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', svg)[1])
    sizes = [r.size_pt for r in text_runs(svg)]
    return min(sizes, default=math.inf) * min(1.0, PRINT_TEXT_WIDTH_PT / width)


def small_text(svg: str, floor: float = PRINT_FLOOR_PT) -> list[str]:
    smallest = smallest_printed_pt(svg)
    return [f"text printed at {smallest:.2f} pt (floor {floor} pt)"] if smallest < floor - 0.01 else []


def svg_problems(svg: str) -> list[str]:
    return overlapping_labels(svg) + [f"internal code {c}" for c in internal_codes(svg)] + small_text(svg)


# ------------------------------------------------------------------------------------------- legends
def _dashes(artist):
    offset, seq = artist._unscaled_dash_pattern  # the dash pattern as set, before scaling by line width
    return tuple(round(v, 2) for v in seq) if seq else None


def _drawn_styles(fig) -> list[tuple]:
    """(kind, rgba, marker, hatch, dashes) of everything drawn in the figure's axes."""
    styles = []
    for ax in fig.axes:
        if ax.axison or ax.patch.get_visible():
            styles.append(("fill", to_rgba(ax.patch.get_facecolor()), None, None, None))
        for line in ax.lines:
            marker = line.get_marker()
            if line.get_linestyle() not in ("None", "", " "):
                styles.append(("line", to_rgba(line.get_color()), None, None, _dashes(line)))
            if marker not in ("", "None", None):
                styles.append(("marker", to_rgba(line.get_markerfacecolor()), marker, None, None))
                styles.append(("marker", to_rgba(line.get_markeredgecolor()), marker, None, None))
        for coll in ax.collections:
            marker = getattr(coll, "_marker_name", None)
            for colour in list(coll.get_facecolors()) + list(coll.get_edgecolors()):
                styles.append(("marker" if marker else "fill", tuple(colour), marker, coll.get_hatch(), None))
        for patch in ax.patches:
            if isinstance(patch, Rectangle) and (patch.get_width() == 0 or patch.get_height() == 0):
                continue  # a zero-length bar draws nothing
            styles.append(("fill", to_rgba(patch.get_facecolor()), None, patch.get_hatch(), None))
            styles.append(("line", to_rgba(patch.get_edgecolor()), None, None, _dashes(patch)))
        for image in ax.images:  # an RGBA image's distinct colours are fills
            pixels = np.asarray(image.get_array(), dtype=float)
            if pixels.ndim == 3 and pixels.shape[-1] == 4:
                styles += [("fill", tuple(c), None, None, None) for c in np.unique(pixels.reshape(-1, 4), axis=0)]
    return styles


def _neutral(rgba) -> bool:
    """Grey or black: a key entry for shape, size, dash or hatch alone, drawn in any colour."""
    r, g, b, _ = rgba
    return max(r, g, b) - min(r, g, b) < 0.02


def _colour_matches(drawn, want) -> bool:
    return _neutral(want) or (drawn is not None and drawn[3] > 0 and same_color(drawn[:3], want[:3]))


def _shown(handle, styles) -> bool:
    if isinstance(handle, Line2D):
        marker = handle.get_marker()
        if marker not in ("", "None", None):
            face, edge = to_rgba(handle.get_markerfacecolor()), to_rgba(handle.get_markeredgecolor())
            want = face if face[3] > 0 and not (_neutral(face) and not _neutral(edge)) else edge
            return any(k == "marker" and m == marker and _colour_matches(c, want) for k, c, m, _, _ in styles)
        want, dashes = to_rgba(handle.get_color()), _dashes(handle)
        return any(k == "line" and _colour_matches(c, want) and d == dashes for k, c, _, _, d in styles)
    if isinstance(handle, Patch):
        want, hatch = to_rgba(handle.get_facecolor()), handle.get_hatch()
        return any(k == "fill" and _colour_matches(c, want) and h == hatch for k, c, _, h, _ in styles)
    return True


def legend_problems(fig) -> list[str]:
    """Legend entries whose symbol (marker and colour, line colour and dash, fill and hatch) is drawn nowhere
    in the figure's axes; and legend text that shows an internal code."""
    _register_scatter_markers(fig)
    styles = _drawn_styles(fig)
    problems = []
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    for legend in legends:
        for handle, text in zip(legend.legend_handles, legend.get_texts()):
            label = text.get_text()
            if not _shown(handle, styles):
                problems.append(f"legend entry {label!r}: its symbol is drawn nowhere in the figure")
            problems += [f"legend entry {label!r}: internal code {c!r}" for c in _INTERNAL_CODE.findall(label)]
    return problems


def _register_scatter_markers(fig) -> None:
    """A scatter's PathCollection does not keep its marker name: recover it from the path's shape."""
    from matplotlib.markers import MarkerStyle

    known = {}
    for name in ("o", "s", "D", "^", ">", "<", "v", "X", "d", "P", "*", "h"):
        ms = MarkerStyle(name)
        path = ms.get_path().transformed(ms.get_transform())
        known[name] = path
    for ax in fig.axes:
        for coll in ax.collections:
            if not isinstance(coll, Collection) or not hasattr(coll, "get_paths") or getattr(coll, "_marker_name", None):
                continue
            paths = coll.get_paths()
            if len(paths) != 1:
                continue
            for name, path in known.items():
                if len(path.vertices) == len(paths[0].vertices) and (abs(path.vertices - paths[0].vertices) < 1e-6).all():
                    coll._marker_name = name
                    break
