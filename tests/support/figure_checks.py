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

from ca911.figures.style import A4_TEXT_WIDTH_IN

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
# words about how the data are built or kept, not about what a chart shows
_BUILD_WORDS = re.compile(r"\bcarry-forward\b|\bcarried forward by the code\b|\b(?:never )?stored\b", re.I)


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
    """Text that shows a data id instead of words ("not_stated", "uzb-1"), or says how the data are kept
    ("used only by carry-forward, never stored")."""
    return sorted({f"{m} (in {r.text!r})" for r in text_runs(svg)
                   for m in _INTERNAL_CODE.findall(r.text) + _BUILD_WORDS.findall(r.text)})


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
        problems += _width_classes_drawn_nowhere(fig, legend)
    return problems


def _drawn_line_widths(fig) -> list[tuple]:
    """(rgba, dashes, width) of every line and line collection drawn in the figure's axes."""
    out = []
    for ax in fig.axes:
        for line in ax.lines:
            if line.get_linestyle() not in ("None", "", " "):
                out.append((to_rgba(line.get_color()), _dashes(line), line.get_linewidth()))
        for coll in ax.collections:
            widths, colours = coll.get_linewidths(), coll.get_edgecolors()
            for i in range(max(len(widths), len(colours))):
                if len(widths) and len(colours):
                    out.append((tuple(colours[i % len(colours)]), None, widths[i % len(widths)]))
    return out


def _width_classes_drawn_nowhere(fig, legend, tolerance: float = 0.05) -> list[str]:
    """Where a key tells classes apart by line width alone (same colour and dash: 'share 2', 'share 3 or
    more'), each class's width must be drawn in that colour; a grey or black entry is a scale, not a class."""
    entries = [(h, t.get_text()) for h, t in zip(legend.legend_handles, legend.get_texts())
               if isinstance(h, Line2D) and h.get_marker() in ("", "None", None)
               and h.get_linestyle() not in ("None", "", " ") and not _neutral(to_rgba(h.get_color()))]
    drawn = _drawn_line_widths(fig)
    problems = []
    for handle, label in entries:
        colour, dashes = to_rgba(handle.get_color()), _dashes(handle)
        same_class = [h for h, _ in entries if same_color(to_rgba(h.get_color())[:3], colour[:3]) and _dashes(h) == dashes]
        if len({round(h.get_linewidth(), 2) for h in same_class}) < 2:
            continue
        if not any(same_color(c[:3], colour[:3]) and c[3] > 0 and abs(w - handle.get_linewidth()) <= tolerance
                   for c, _, w in drawn):
            problems.append(f"legend entry {label!r}: no line of its width is drawn in the figure")
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


# --------------------------------------------------------------------------------------------- dates
# a year and month joined by a hyphen ("2001-09", "2001-09-30"): figure text prints dates in words
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}\b")


def iso_dates(svg: str) -> list[str]:
    """Figure text that prints a date in ISO form instead of words."""
    return sorted({r.text for r in text_runs(svg) if _ISO_DATE.search(r.text)})


def text_past_edge(svg: str, tolerance_pt: float = 0.2) -> list[str]:
    """Text whose ink reaches past the saved image's edge: the reader sees it cut off."""
    width = float(re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', svg)[1])
    height = float(re.search(r'<svg[^>]*\sheight="([\d.]+)pt"', svg)[1])
    return [f"{r.text!r} is cut by the figure edge" for r in text_runs(svg)
            if r.box[0] < -tolerance_pt or r.box[1] < -tolerance_pt
            or r.box[2] > width + tolerance_pt or r.box[3] > height + tolerance_pt]


# ---------------------------------------------------------------------------------- layout on a Figure
def _texts(fig):
    from matplotlib.text import Text

    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip() and t.figure is not None]


def _text_box(text, renderer):
    """The text's extent with its box patch (a circled number, a haloed label) in display pixels."""
    box = text.get_window_extent(renderer)
    patch = text.get_bbox_patch()
    if patch is not None and patch.get_visible():
        text.update_bbox_position_size(renderer)
        box = type(box).union([box, patch.get_window_extent(renderer)])
    return box


def _laid_out(fig):
    """A renderer after a full draw, so layout engines have placed every artist."""
    fig.draw_without_rendering()
    return fig._get_renderer()


def clipped_text(fig, tolerance_px: float = 0.5) -> list[str]:
    """Text cut by its panel: text clipped to its axes (or another clip box) that reaches past it. (Text past
    the figure's edge is found in the saved SVG, `text_past_edge`: the tight bounding box moves the edge.)"""
    renderer = _laid_out(fig)
    found = []
    for text in _texts(fig):
        ink = text.get_window_extent(renderer)
        if ink.width == 0:
            continue
        frames = [("its panel frame", text.get_clip_box())] if text.get_clip_on() and text.get_clip_box() else []
        for name, frame in frames:
            if (ink.x0 < frame.x0 - tolerance_px or ink.x1 > frame.x1 + tolerance_px
                    or ink.y0 < frame.y0 - tolerance_px or ink.y1 > frame.y1 + tolerance_px):
                found.append(f"{text.get_text()!r} is cut by {name}")
                break
    return found


def _markers(ax, renderer):
    """(centre x, centre y, radius, artist) of every marker drawn in the axes, in display pixels."""
    px_per_pt = ax.figure.dpi / 72
    out = []
    for coll in ax.collections:
        offsets = coll.get_offsets()
        sizes = coll.get_sizes() if hasattr(coll, "get_sizes") else []
        if len(offsets) == 0 or len(sizes) == 0 or not coll.get_visible():
            continue
        centres = coll.get_offset_transform().transform(offsets)
        for i, (x, y) in enumerate(centres):
            out.append((x, y, math.sqrt(sizes[i % len(sizes)]) / 2 * px_per_pt, coll))
    for line in ax.lines:
        if line.get_marker() in ("", "None", None) or not line.get_visible():
            continue
        for x, y in line.get_transform().transform(line.get_xydata()):
            out.append((x, y, line.get_markersize() / 2 * px_per_pt, line))
    return [m for m in out if np.isfinite(m[0]) and np.isfinite(m[1])]


def _disc_meets_box(x, y, r, box) -> bool:
    nx_, ny_ = min(max(x, box.x0), box.x1), min(max(y, box.y0), box.y1)
    return (x - nx_) ** 2 + (y - ny_) ** 2 < r * r


def text_over_ink(fig, own_slack_pt: float = 3.0, gap_pt: float = MIN_GAP_PT) -> list[str]:
    """Labels (with their boxes) that cover a marker or node other than their own, and boxed labels that
    cover each other or come closer than `gap_pt`. A label's own marker is the one its anchor sits in or next to (a number inside its
    circle, a name beside its dot)."""
    renderer = _laid_out(fig)
    slack = own_slack_pt * fig.dpi / 72
    found = []
    for ax in fig.axes:
        markers = _markers(ax, renderer)
        texts = [t for t in _texts(ax) if t.axes is ax and t is not ax.title and t not in (ax._left_title, ax._right_title)]
        boxes = [(t, _text_box(t, renderer)) for t in texts]
        for text, box in boxes:
            ax_, ay_ = text._get_xy_display()  # the anchor, with units (dates) converted
            own = [m for m in markers if math.hypot(m[0] - ax_, m[1] - ay_) <= m[2] + slack]
            for x, y, r, _ in markers:
                if any(o[0] == x and o[1] == y for o in own):
                    continue
                if _disc_meets_box(x, y, r, box):
                    found.append(f"{text.get_text()!r} covers a marker at ({x:.0f}, {y:.0f}) px")
                    break
        boxed = [(t, b) for t, b in boxes if t.get_bbox_patch() is not None]
        for i, (a, abox) in enumerate(boxed):
            for b, bbox in boxed[i + 1:]:
                if abox.padded(gap_pt * fig.dpi / 72 / 2).overlaps(bbox.padded(gap_pt * fig.dpi / 72 / 2)):
                    found.append(f"{a.get_text()!r} and {b.get_text()!r} overlap")
    return found
