"""Checks on figures as drawn: no two text labels overlap, no internal code in figure text, no text
below the print floor at the printed width, and every legend entry drawn in its figure.

The text checks read the saved SVG (what the book ships and the PDF prints): matplotlib writes each
text run as glyph outlines (`svg.fonttype: path`) under a `translate(x y) [rotate(a)] scale(s -s)`
group, with the string in a comment, so each run's ink box is the union of its glyphs' outline
boxes. The legend check needs the Figure itself: a legend handle's style must appear among the
artists of the figure's axes."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

import numpy as np
from matplotlib.collections import Collection
from matplotlib.colors import same_color, to_hex, to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from ca911.figures.style import A4_TEXT_WIDTH_IN

PRINT_TEXT_WIDTH_PT = (
    A4_TEXT_WIDTH_IN * 72
)  # the PDF's text column; a wider figure prints scaled down, never up
PRINT_FLOOR_PT = 8.0
MIN_GAP_PT = 1.0  # two labels' ink closer than this reads as one run-together label

_GLYPH = re.compile(r'<path id="([^"]+)" d="([^"]*)"(?: transform="scale\(([\d.e-]+)\)")?')
_LINE = re.compile(
    r'<!-- (.*?) -->\s*<g (?:style="[^"]*" )?transform="translate\(([-\d.e]+) ([-\d.e]+)\)'
    r'(?: rotate\(([-\d.e]+)\))? scale\(([\d.e-]+) -[\d.e-]+\)">(.*?)</g>',
    re.S,
)
_GROUP_ID = re.compile(r'<g id="([^"]+)"')
# a glyph placed by its x (and y), as ca911.figures.svg_output writes it, or by a translate
_USE = re.compile(
    r'<use xlink:href="#([^"]+)"'
    r'(?: transform="translate\(([-\d.e]+) ([-\d.e]+)\)"| x="([-\d.e]+)"(?: y="([-\d.e]+)")?)?'
)
# ids as the data spell them: snake_case codes, and period ids such as "uzb-1"
_INTERNAL_CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b|\b[a-z]{3}-\d+\b")
# words about how the data are built or kept, not about what a chart shows
_BUILD_WORDS = re.compile(
    r"\bcarry-forward\b|\bcarried forward by the code\b|\b(?:never )?stored\b", re.I
)


@dataclass(frozen=True)
class TextRun:
    """One line of text: a text artist's lines share its `owner` (the SVG group id)."""

    text: str
    owner: str
    size_pt: float
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in SVG points (y down)


_PATH_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)")


def path_points(d: str) -> list[tuple[float, float]]:
    """Every point a path's data names, absolute (the SVG rules for m l c q z, absolute or
    relative, a repeated command implied), independent of the module's writer."""
    tokens, points = _PATH_TOKEN.findall(d), []
    here = start = (0.0, 0.0)
    command, i = "", 0
    while i < len(tokens):
        if tokens[i].isalpha():
            command, i = tokens[i], i + 1
            if command in "zZ":
                here = start
                continue
        count = {"m": 1, "l": 1, "q": 2, "c": 3}[command.lower()]
        values = [float(t) for t in tokens[i : i + 2 * count]]
        i += 2 * count
        pairs = list(zip(values[0::2], values[1::2]))
        if command.islower() and command != "m":
            pairs = [(here[0] + x, here[1] + y) for x, y in pairs]
        points += pairs
        here = pairs[-1]
        if command == "M":
            start, command = here, "L"
    return [(round(x, 2), round(y, 2)) for x, y in points]


def _glyph_boxes(svg: str) -> dict[str, tuple[float, float, float, float]]:
    boxes = {}
    for gid, d, scale in _GLYPH.findall(svg):
        points = path_points(d)
        if not points:
            continue
        s = float(scale or 1)
        xs, ys = [x for x, _ in points], [y for _, y in points]
        boxes[gid] = (min(xs) * s, min(ys) * s, max(xs) * s, max(ys) * s)
    return boxes


def text_runs(svg: str) -> list[TextRun]:
    """Every line of text in a matplotlib SVG with its ink box (glyph outlines, not the layout
    box)."""
    glyphs = _glyph_boxes(svg)
    groups = [(m.start(), m[1]) for m in _GROUP_ID.finditer(svg)]
    runs = []
    for m in _LINE.finditer(svg):
        text, tx, ty, rot, scale, uses = m.groups()
        owner = next((gid for pos, gid in reversed(groups) if pos < m.start()), "")
        s, angle = float(scale), math.radians(float(rot or 0))
        corners = []
        for gid, tx_, ty_, x_, y_ in _USE.findall(uses):
            ux, uy = tx_ or x_, ty_ or y_
            if gid not in glyphs:
                continue
            x0, y0, x1, y1 = glyphs[gid]
            for gx, gy in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
                px, py = (
                    (gx + float(ux or 0)) * s,
                    -(gy + float(uy or 0)) * s,
                )  # glyph y is up, SVG y is down
                corners.append(
                    (
                        float(tx) + px * math.cos(angle) - py * math.sin(angle),
                        float(ty) + px * math.sin(angle) + py * math.cos(angle),
                    )
                )
        if corners:
            xs, ys = zip(*corners)
            runs.append(
                TextRun(html.unescape(text), owner, s * 100, (min(xs), min(ys), max(xs), max(ys)))
            )
    return runs


def overlapping_labels(svg: str, gap: float = MIN_GAP_PT) -> list[str]:
    """Pairs of labels (lines of different text artists) whose ink boxes overlap or come closer than
    `gap`: overprinted or run together."""
    runs = text_runs(svg)
    found = []
    for i, a in enumerate(runs):
        for b in runs[i + 1 :]:
            if a.owner == b.owner:
                continue
            dx = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
            dy = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
            if dx > -gap and dy > -gap:
                found.append(f"{a.text!r} overlaps {b.text!r}")
    return found


def internal_codes(svg: str) -> list[str]:
    """Text that shows a data id instead of words ("not_stated", "uzb-1"), or says how the data are
    kept ("used only by carry-forward, never stored")."""
    return sorted(
        {
            f"{m} (in {r.text!r})"
            for r in text_runs(svg)
            for m in _INTERNAL_CODE.findall(r.text) + _BUILD_WORDS.findall(r.text)
        }
    )


def smallest_printed_pt(svg: str) -> float:
    """The smallest text in the figure once printed: drawn size, scaled down if the figure is wider
    than the column."""
    width = float(re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', svg)[1])
    sizes = [r.size_pt for r in text_runs(svg)]
    return min(sizes, default=math.inf) * min(1.0, PRINT_TEXT_WIDTH_PT / width)


def small_text(svg: str, floor: float = PRINT_FLOOR_PT) -> list[str]:
    smallest = smallest_printed_pt(svg)
    return (
        [f"text printed at {smallest:.2f} pt (floor {floor} pt)"] if smallest < floor - 0.01 else []
    )


def svg_problems(svg: str) -> list[str]:
    return (
        overlapping_labels(svg)
        + [f"internal code {c}" for c in internal_codes(svg)]
        + small_text(svg)
    )


# ------------------------------------------------------------------------------------------ legends
def _dashes(artist):
    offset, seq = (
        artist._unscaled_dash_pattern
    )  # the dash pattern as set, before scaling by line width
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
                styles.append(
                    ("marker" if marker else "fill", tuple(colour), marker, coll.get_hatch(), None)
                )
        for patch in ax.patches:
            if isinstance(patch, Rectangle) and (patch.get_width() == 0 or patch.get_height() == 0):
                continue  # a zero-length bar draws nothing
            styles.append(("fill", to_rgba(patch.get_facecolor()), None, patch.get_hatch(), None))
            styles.append(("line", to_rgba(patch.get_edgecolor()), None, None, _dashes(patch)))
        for image in ax.images:  # an RGBA image's distinct colours are fills
            pixels = np.asarray(image.get_array(), dtype=float)
            if pixels.ndim == 3 and pixels.shape[-1] == 4:
                styles += [
                    ("fill", tuple(c), None, None, None)
                    for c in np.unique(pixels.reshape(-1, 4), axis=0)
                ]
    return styles


def _neutral(rgba) -> bool:
    """Grey or black: a key entry for shape, size, dash or hatch alone, drawn in any colour."""
    r, g, b, _ = rgba
    return max(r, g, b) - min(r, g, b) < 0.02


def _colour_matches(drawn, want) -> bool:
    return _neutral(want) or (
        drawn is not None and drawn[3] > 0 and same_color(drawn[:3], want[:3])
    )


def _shown(handle, styles) -> bool:
    if isinstance(handle, Line2D):
        marker = handle.get_marker()
        if marker not in ("", "None", None):
            face, edge = (
                to_rgba(handle.get_markerfacecolor()),
                to_rgba(handle.get_markeredgecolor()),
            )
            want = face if face[3] > 0 and not (_neutral(face) and not _neutral(edge)) else edge
            return any(
                k == "marker" and m == marker and _colour_matches(c, want)
                for k, c, m, _, _ in styles
            )
        want, dashes = to_rgba(handle.get_color()), _dashes(handle)
        return any(
            k == "line" and _colour_matches(c, want) and d == dashes for k, c, _, _, d in styles
        )
    if isinstance(handle, Patch):
        want, hatch = to_rgba(handle.get_facecolor()), handle.get_hatch()
        return any(
            k == "fill" and _colour_matches(c, want) and h == hatch for k, c, _, h, _ in styles
        )
    return True


def legend_problems(fig) -> list[str]:
    """Legend entries whose symbol (marker and colour, line colour and dash, fill and hatch) is
    drawn nowhere in the figure's axes; and legend text that shows an internal code."""
    _register_scatter_markers(fig)
    styles = _drawn_styles(fig)
    problems = []
    legends = list(fig.legends) + [
        ax.get_legend() for ax in fig.axes if ax.get_legend() is not None
    ]
    for legend in legends:
        for handle, text in zip(legend.legend_handles, legend.get_texts()):
            label = text.get_text()
            if not _shown(handle, styles):
                problems.append(
                    f"legend entry {label!r}: its symbol is drawn nowhere in the figure"
                )
            problems += [
                f"legend entry {label!r}: internal code {c!r}"
                for c in _INTERNAL_CODE.findall(label)
            ]
        problems += _width_classes_drawn_nowhere(fig, legend)
    return problems + _styles_without_entry(fig, legends)


def _styles_without_entry(fig, legends) -> list[str]:
    """Lines drawn in a colour the key gives a line (vermillion: 'first shown', dash-dot) in a dash
    no entry of that colour, or of a grey or black entry, has (a new observer, vermillion dashed):
    a reader finds the colour in the key and not the style."""
    keyed = [
        (to_rgba(h.get_color()), _dashes(h))
        for legend in legends
        for h in legend.legend_handles
        if isinstance(h, Line2D) and h.get_linestyle() not in ("None", "", " ")
    ]
    key_colours = [c for c, _ in keyed if not _neutral(c)]
    problems = []
    for ax in fig.axes:
        for line in ax.lines:
            if line.get_linestyle() in ("None", "", " "):
                continue
            colour, dashes = to_rgba(line.get_color()), _dashes(line)
            if colour[3] == 0 or not any(same_color(colour[:3], c[:3]) for c in key_colours):
                continue
            if not any(d == dashes and _colour_matches(colour, c) for c, d in keyed):
                problems.append(f"a line in {to_hex(colour)} with dashes {dashes} has no key entry")
    keyed_fills = [
        (to_rgba(h.get_facecolor()), h.get_hatch())
        for legend in legends
        for h in legend.legend_handles
        if isinstance(h, Patch)
    ]
    if any(hatch for _, hatch in keyed_fills):  # the key tells bars apart by their hatch
        for ax in fig.axes:
            for bar in ax.patches:
                if not isinstance(bar, Rectangle) or 0 in (bar.get_width(), bar.get_height()):
                    continue
                colour, hatch = to_rgba(bar.get_facecolor()), bar.get_hatch()
                if colour[3] == 0:  # a hatch laid over other marks, not a bar of its own
                    continue
                if not any(
                    h == hatch and abs(c[3] - colour[3]) < 0.2 and _colour_matches(colour, c)
                    for c, h in keyed_fills
                ):
                    problems.append(
                        f"a bar in {to_hex(colour)} (alpha {colour[3]:.2f}) hatched {hatch!r}"
                        " has no key entry"
                    )
    return sorted(set(problems))


_YEAR = re.compile(r"^\d{4}$")


def unlabelled_year_axes(fig) -> list[str]:
    """Axes whose x axis counts years (every tick label a year) with no axis label to say so."""
    fig.draw_without_rendering()
    problems = []
    for i, ax in enumerate(fig.axes):
        ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]
        if len(ticks) >= 2 and all(_YEAR.match(t) for t in ticks) and not ax.get_xlabel():
            problems.append(f"axes {i}: a year axis ({ticks[0]}–{ticks[-1]}) has no label")
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
    """Where a key tells classes apart by line width alone (same colour and dash: 'share 2', 'share
    3 or more'), each class's width must be drawn in that colour; a grey or black entry is a scale,
    not a class."""
    entries = [
        (h, t.get_text())
        for h, t in zip(legend.legend_handles, legend.get_texts())
        if isinstance(h, Line2D)
        and h.get_marker() in ("", "None", None)
        and h.get_linestyle() not in ("None", "", " ")
        and not _neutral(to_rgba(h.get_color()))
    ]
    drawn = _drawn_line_widths(fig)
    problems = []
    for handle, label in entries:
        colour, dashes = to_rgba(handle.get_color()), _dashes(handle)
        same_class = [
            h
            for h, _ in entries
            if same_color(to_rgba(h.get_color())[:3], colour[:3]) and _dashes(h) == dashes
        ]
        if len({round(h.get_linewidth(), 2) for h in same_class}) < 2:
            continue
        if not any(
            same_color(c[:3], colour[:3])
            and c[3] > 0
            and abs(w - handle.get_linewidth()) <= tolerance
            for c, _, w in drawn
        ):
            problems.append(f"legend entry {label!r}: no line of its width is drawn in the figure")
    return problems


def _register_scatter_markers(fig) -> None:
    """A scatter's PathCollection does not keep its marker name: recover it from the path's
    shape."""
    from matplotlib.markers import MarkerStyle

    known = {}
    for name in ("o", "s", "D", "^", ">", "<", "v", "X", "d", "P", "*", "h"):
        ms = MarkerStyle(name)
        path = ms.get_path().transformed(ms.get_transform())
        known[name] = path
    for ax in fig.axes:
        for coll in ax.collections:
            if (
                not isinstance(coll, Collection)
                or not hasattr(coll, "get_paths")
                or getattr(coll, "_marker_name", None)
            ):
                continue
            paths = coll.get_paths()
            if len(paths) != 1:
                continue
            for name, path in known.items():
                if (
                    len(path.vertices) == len(paths[0].vertices)
                    and (abs(path.vertices - paths[0].vertices) < 1e-6).all()
                ):
                    coll._marker_name = name
                    break


# ---------------------------------------------------------------------------------------------
# dates a year and month joined by a hyphen ("2001-09", "2001-09-30"): figure text prints dates in
# words
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}\b")


def iso_dates(svg: str) -> list[str]:
    """Figure text that prints a date in ISO form instead of words."""
    return sorted({r.text for r in text_runs(svg) if _ISO_DATE.search(r.text)})


# a day or month with a leading zero ("01 Oct", "09月", "10月01日"): the book writes "1 Oct", "9月"
_ZERO_PADDED = re.compile(
    r"(?<!\d)0\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|(?<!\d)0\d[月日]"
)


def zero_padded_dates(svg: str) -> list[str]:
    """Figure text (an axis's date ticks) that writes a day or month with a leading zero."""
    return sorted({r.text for r in text_runs(svg) if _ZERO_PADDED.search(r.text)})


def text_past_edge(svg: str, tolerance_pt: float = 0.2) -> list[str]:
    """Text whose ink reaches past the saved image's edge: the reader sees it cut off."""
    width = float(re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', svg)[1])
    height = float(re.search(r'<svg[^>]*\sheight="([\d.]+)pt"', svg)[1])
    return [
        f"{r.text!r} is cut by the figure edge"
        for r in text_runs(svg)
        if r.box[0] < -tolerance_pt
        or r.box[1] < -tolerance_pt
        or r.box[2] > width + tolerance_pt
        or r.box[3] > height + tolerance_pt
    ]


# ------------------------------------------------------------------------------- layout on a Figure
def _texts(fig):
    from matplotlib.text import Text

    return [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and t.figure is not None
    ]


def _text_box(text, renderer):
    """The text's extent with its box patch (a circled number, a haloed label) in display pixels; an
    annotation's leader line is not part of its label."""
    from matplotlib.text import Annotation, Text

    if isinstance(text, Annotation):
        text.update_positions(renderer)
    box = Text.get_window_extent(text, renderer)
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
    """Text cut by its panel: text clipped to its axes (or another clip box) that reaches past it.
    (Text past the figure's edge is found in the saved SVG, `text_past_edge`: the tight bounding box
    moves the edge.)"""
    renderer = _laid_out(fig)
    found = []
    for text in _texts(fig):
        ink = text.get_window_extent(renderer)
        if ink.width == 0:
            continue
        frames = (
            [("its panel frame", text.get_clip_box())]
            if text.get_clip_on() and text.get_clip_box()
            else []
        )
        for name, frame in frames:
            if (
                ink.x0 < frame.x0 - tolerance_px
                or ink.x1 > frame.x1 + tolerance_px
                or ink.y0 < frame.y0 - tolerance_px
                or ink.y1 > frame.y1 + tolerance_px
            ):
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


def _circled(text) -> bool:
    patch = text.get_bbox_patch()
    return patch is not None and "circle" in type(patch.get_boxstyle()).__name__.lower()


def text_over_ink(fig, own_slack_pt: float = 3.0, gap_pt: float = MIN_GAP_PT) -> list[str]:
    """Labels (with their boxes) that cover a marker or node other than their own, and boxed labels
    that cover each other or come closer than `gap_pt`. A label's own marker is the one its anchor
    sits in or next to (a number inside its circle, a name beside its dot)."""
    renderer = _laid_out(fig)
    slack = own_slack_pt * fig.dpi / 72
    found = []
    for ax in fig.axes:
        markers = _markers(ax, renderer)
        texts = [
            t
            for t in _texts(ax)
            if t.axes is ax and t is not ax.title and t not in (ax._left_title, ax._right_title)
        ]
        boxes = [(t, _text_box(t, renderer)) for t in texts]
        for text, box in boxes:
            anchors = [text._get_xy_display()]  # the anchor, with units (dates) converted
            if hasattr(text, "xy"):  # an annotation labels the point it annotates
                anchors.append(text._get_position_xy(renderer))
            own = [
                m
                for m in markers
                if any(math.hypot(m[0] - x, m[1] - y) <= m[2] + slack for x, y in anchors)
            ]
            for x, y, r, _ in markers:
                if any(o[0] == x and o[1] == y for o in own):
                    continue
                if _disc_meets_box(x, y, r, box):
                    found.append(f"{text.get_text()!r} covers a marker at ({x:.0f}, {y:.0f}) px")
                    break
        boxed = [(t, b) for t, b in boxes if t.get_bbox_patch() is not None]
        gap = gap_pt * fig.dpi / 72
        for i, (a, abox) in enumerate(boxed):
            for b, bbox in boxed[i + 1 :]:
                if _circled(a) and _circled(b):  # two circles: their rims, not their corners
                    apart = (
                        math.hypot(
                            abox.x0 + abox.x1 - bbox.x0 - bbox.x1,
                            abox.y0 + abox.y1 - bbox.y0 - bbox.y1,
                        )
                        / 2
                        - (abox.width + bbox.width) / 2
                    )
                    close = apart < gap
                else:
                    close = abox.padded(gap / 2).overlaps(bbox.padded(gap / 2))
                if close:
                    found.append(f"{a.get_text()!r} and {b.get_text()!r} overlap")
    return found


# Two texts closer than this read as one block: more than the gap between a label's own lines.
TEXT_GAP_PT = 2.0


def crowded_text(fig, gap_pt: float = TEXT_GAP_PT) -> list[str]:
    """Any two texts of a panel, with their halos or boxes, that overlap or come closer than
    `gap_pt`: place names against force labels, a label against another's halo, plot text against
    the panel's title. (`text_over_ink` compares boxed labels only, at 1 pt.)"""
    renderer = _laid_out(fig)
    pad = gap_pt * fig.dpi / 72 / 2
    found = []
    for ax in fig.axes:
        texts = [t for t in _texts(ax) if t.axes is ax or t in (ax.title, ax._left_title)]
        boxes = [(t, _text_box(t, renderer).padded(pad)) for t in texts]
        for i, (a, abox) in enumerate(boxes):
            for b, bbox in boxes[i + 1 :]:
                if abox.overlaps(bbox):
                    found.append(f"{a.get_text()!r} and {b.get_text()!r} closer than {gap_pt} pt")
    return found


WORD_GAP_PT = 5.0


def run_together_text(fig, gap_pt: float = WORD_GAP_PT) -> list[str]:
    """Two texts of a panel on one line (their boxes share at least half the smaller one's height)
    with less than `gap_pt` between them: side by side they read as one label ("Russia: about
    18,000 Khanabad", the force at the wrong place), though they do not touch."""
    renderer = _laid_out(fig)
    gap = gap_pt * fig.dpi / 72
    found = []
    for ax in fig.axes:
        texts = [t for t in _texts(ax) if t.axes is ax]
        boxes = [(t, _text_box(t, renderer)) for t in texts]
        for i, (a, abox) in enumerate(boxes):
            for b, bbox in boxes[i + 1 :]:
                shared = min(abox.y1, bbox.y1) - max(abox.y0, bbox.y0)
                apart = max(bbox.x0 - abox.x1, abox.x0 - bbox.x1)
                if shared >= min(abox.height, bbox.height) / 2 and -1 < apart < gap:
                    found.append(f"{a.get_text()!r} and {b.get_text()!r} run together")
    return found


def text_near_legends(fig, gap_pt: float = TEXT_GAP_PT) -> list[str]:
    """A label placed in a panel (a node's name, a mark's label; not the axes' own titles and axis
    labels) that overlaps a legend's box (its entries, symbols and title) or comes closer than
    `gap_pt`: it reads as a key entry."""
    from matplotlib.legend import Legend

    renderer = _laid_out(fig)
    pad = gap_pt * fig.dpi / 72
    legends = [lg for lg in fig.findobj(Legend) if lg.get_visible()]
    found = []
    for legend in legends:
        own = set(legend.findobj())
        box = legend.get_window_extent(renderer).padded(pad)
        for text in (t for ax in fig.axes for t in ax.texts):
            if text in own or not text.get_visible() or not text.get_text().strip():
                continue
            if _text_box(text, renderer).overlaps(box):
                found.append(f"{text.get_text()!r} is within {gap_pt} pt of a legend")
    return found


def _drawn_on(ax) -> bool:
    """Whether a panel draws anything but text (a bare cell that only holds a legend does not; a
    panel of text alone, such as a numbered key, is read by text_near_legends)."""
    return ax.get_visible() and bool(
        ax.lines or ax.patches or ax.collections or ax.images or ax.axison
    )


def legends_over_panels(fig, gap_pt: float = TEXT_GAP_PT) -> list[str]:
    """A legend whose box (entries, symbols, title) reaches into another panel that shows
    something, or comes closer than `gap_pt` to it: its symbols read as the panel's own lines (Fig.
    11.1's Japanese key, centred in the empty cell, ran into the panel beside it)."""
    from matplotlib.legend import Legend

    renderer = _laid_out(fig)
    pad = gap_pt * fig.dpi / 72
    found = []
    for legend in (lg for lg in fig.findobj(Legend) if lg.get_visible()):
        box = legend.get_window_extent(renderer).padded(pad)
        for ax in fig.axes:
            if ax is legend.axes or not _drawn_on(ax):
                continue
            if ax.get_window_extent(renderer).overlaps(box):
                title = ax.get_title().replace("\n", " ") or "a panel"
                found.append(f"the legend reaches into {title!r}")
    return found


_ABBREVIATION = re.compile(r"\b[A-Z]{3,}\b")
# what follows "CSTO (" when the brackets expand it: words, not an example ("CSTO (e.g. in the
# SCO)" says nothing of what the CSTO is) nor empty brackets
_EXPANSION = r"(?!\s*[)）]|\s*(?:e\.g\.|i\.e\.|see\b|cf\.))"


def unexplained_abbreviations(svg: str, caption: str) -> list[str]:
    """All-capital tokens of three or more letters in a figure's text (CRRF, SCO) that neither its
    own text nor its caption expands: a token counts as explained where it stands beside its
    expansion, "CRRF: the rapid-reaction force…" or "rapid-reaction force (CRRF)", in a Japanese
    caption with its full-width marks (「CRRF：緊急展開部隊」, 「緊急展開部隊（CRRF）」)."""
    figure_text = " ".join(r.text for r in text_runs(svg))
    found = []
    for token in sorted(set(_ABBREVIATION.findall(figure_text))):
        explained = re.compile(
            rf"\b{token}\b\s*[:=：＝]\s*\w|[(（]\s*{token}\s*[)）]|\b{token}\s*[(（]{_EXPANSION}"
        )
        if not (explained.search(caption) or explained.search(figure_text)):
            found.append(token)
    return found


# A caption glossing a term: "CRRF: the rapid-reaction force…", "CRRF = …", "CRRFは…を指す"
_GLOSSED = re.compile(r"\b([A-Z]{3,})(?=\s*[:=：]\s*\S|は)")


def glossed_terms_not_shown(svg: str, caption: str) -> list[str]:
    """All-capital terms a caption explains (CRRF: …, CRRFは…) that the figure's own text never
    shows: the caption then names something the reader cannot find in the figure (a Japanese
    figure labels the force 緊急展開部隊, not CRRF)."""
    figure_text = " ".join(r.text for r in text_runs(svg))
    return sorted({t for t in _GLOSSED.findall(caption) if not re.search(rf"\b{t}\b", figure_text)})


def _frame_sides(ax) -> dict[str, float]:
    """The sides of the panel's frame a reader sees (a drawn spine, or the edge of a tinted panel),
    in display pixels: a label across one of them runs out of its panel."""
    if not ax.axison:
        return {}
    box = ax.get_window_extent()
    tinted = (
        ax.patch.get_visible()
        and to_rgba(ax.patch.get_facecolor())[3] > 0
        and not same_color(ax.patch.get_facecolor(), ax.figure.get_facecolor())
    )
    sides = {"left": box.x0, "right": box.x1, "bottom": box.y0, "top": box.y1}
    return {side: at for side, at in sides.items() if tinted or ax.spines[side].get_visible()}


def text_across_frame(fig, tolerance_px: float = 0.5) -> list[str]:
    """Labels drawn in a panel (texts and annotations, not titles or ticks) whose ink with its box
    runs across a visible side of the panel's frame: part inside, part outside, the frame line
    through it."""
    renderer = _laid_out(fig)
    found = []
    for ax in fig.axes:
        sides = _frame_sides(ax)
        frame = ax.get_window_extent()
        for text in ax.texts:
            if not text.get_visible() or not text.get_text().strip():
                continue
            box = _text_box(text, renderer)
            for side, at in sides.items():
                vertical = side in ("left", "right")
                lo, hi = (box.x0, box.x1) if vertical else (box.y0, box.y1)
                along = (
                    (box.y0 < frame.y1 and box.y1 > frame.y0)
                    if vertical
                    else (box.x0 < frame.x1 and box.x1 > frame.x0)
                )
                if along and lo < at - tolerance_px and hi > at + tolerance_px:
                    found.append(f"{text.get_text()!r} runs across the {side} of its panel frame")
                    break
    return found


def _disc_cover(x, y, r, discs, samples: int = 24) -> float:
    """The share of the disc (x, y, r) inside the union of `discs`, on a fixed polar grid
    (deterministic)."""
    inside = total = 0
    for i in range(samples):
        rho = r * math.sqrt((i + 0.5) / samples)
        for k in range(samples):
            phi = 2 * math.pi * (k + 0.5 * (i % 2)) / samples
            px, py = x + rho * math.cos(phi), y + rho * math.sin(phi)
            total += 1
            inside += any((px - bx) ** 2 + (py - by) ** 2 < br * br for bx, by, br in discs)
    return inside / total


def _opaque(artist) -> bool:
    faces = (
        artist.get_facecolors()
        if isinstance(artist, Collection)
        else [to_rgba(artist.get_markerfacecolor())]
    )
    alpha = artist.get_alpha()
    return len(faces) > 0 and all(c[3] * (1 if alpha is None else alpha) >= 0.5 for c in faces)


def hidden_markers(fig, hidden_share: float = 0.5) -> list[str]:
    """Markers more than `hidden_share` covered by filled markers of another series drawn over them
    (a higher zorder, or the same one and drawn later): the reader cannot see the one underneath."""
    renderer = _laid_out(fig)
    found = []
    for ax in fig.axes:
        order = {id(a): k for k, a in enumerate(ax.get_children())}
        markers = _markers(ax, renderer)
        for x, y, r, artist in markers:
            rank = (artist.get_zorder(), order.get(id(artist), 0))
            over = [
                (bx, by, br)
                for bx, by, br, b in markers
                if b is not artist
                and _opaque(b)
                and (b.get_zorder(), order.get(id(b), 0)) > rank
                and math.hypot(bx - x, by - y) < br + r
            ]
            if over and _disc_cover(x, y, r, over) > hidden_share:
                found.append(f"a marker at ({x:.0f}, {y:.0f}) px is hidden under another marker")
    return found


def _vertical_lines(ax):
    """(x, y0, y1) in display pixels of every straight vertical line drawn in the axes (a reference
    line such as axvline, or a vertical segment)."""
    out = []
    for line in ax.lines:
        if not line.get_visible() or line.get_linestyle() in ("None", "", " "):
            continue
        xy = line.get_transform().transform(line.get_xydata())
        if len(xy) >= 2 and np.isfinite(xy).all() and np.ptp(xy[:, 0]) < 0.5:
            out.append((float(xy[0, 0]), float(xy[:, 1].min()), float(xy[:, 1].max())))
    return out


def _leaders(ax):
    """(annotation, polyline in display pixels) of every annotation in the axes that draws a line to
    its point."""
    out = []
    for text in ax.texts:
        patch = getattr(text, "arrow_patch", None)
        if patch is None or not text.get_visible():
            continue
        path = patch.get_path().transformed(patch.get_transform())
        for poly in path.to_polygons(closed_only=False):
            if len(poly) >= 2:
                out.append((text, poly))
    return out


def _segments_cross(p1, p2, q1, q2) -> bool:
    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2, d3, d4 = side(q1, q2, p1), side(q1, q2, p2), side(p1, p2, q1), side(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def _polylines_cross(a, b) -> bool:
    return any(
        _segments_cross(a[i], a[i + 1], b[j], b[j + 1])
        for i in range(len(a) - 1)
        for j in range(len(b) - 1)
    )


def _masks_lines(text) -> bool:
    """A label set on an opaque backing drawn above the lines (zorder 2): a line that meets it is
    interrupted under it, not struck through it."""
    patch = text.get_bbox_patch()
    return (
        patch is not None
        and patch.get_fill()
        and patch.get_facecolor()[3] == 1
        and text.get_zorder() > 2
    )


def lines_through_labels(fig) -> list[str]:
    """A vertical line (a reference day, a break) running through a label in the same panel, and
    leader lines that cross each other or run through another label: either way a line strikes
    through text."""
    renderer = _laid_out(fig)
    found = []
    for ax in fig.axes:
        labels = [
            (t, _text_box(t, renderer))
            for t in ax.texts
            if t.get_visible() and t.get_text().strip()
        ]
        for x, y0, y1 in _vertical_lines(ax):
            found += [
                f"a vertical line crosses {t.get_text()!r}"
                for t, box in labels
                if box.x0 < x < box.x1 and y0 < box.y1 and y1 > box.y0 and not _masks_lines(t)
            ]
        leaders = _leaders(ax)
        for i, (a, line_a) in enumerate(leaders):
            for b, line_b in leaders[i + 1 :]:
                if a is not b and _polylines_cross(line_a, line_b):
                    found.append(f"the leader lines of {a.get_text()!r} and {b.get_text()!r} cross")
            for t, box in labels:
                if t is a:
                    continue
                edges = [
                    (box.x0, box.y0),
                    (box.x1, box.y0),
                    (box.x1, box.y1),
                    (box.x0, box.y1),
                    (box.x0, box.y0),
                ]
                inside = any(box.x0 < px < box.x1 and box.y0 < py < box.y1 for px, py in line_a)
                if inside or _polylines_cross(line_a, edges):
                    found.append(
                        f"the leader line of {a.get_text()!r} runs through {t.get_text()!r}"
                    )
    return found


MIN_BAR_PT = 2.5  # a bar narrower than this reads as a hairline, its row as empty, at print size


def thin_bars(fig, min_pt: float = MIN_BAR_PT) -> list[str]:
    """Bars (of any bar chart: `bar`, `barh`) that are drawn, that is have a length in data, yet
    come out narrower than `min_pt` along their length as laid out: a row that looks empty."""
    from matplotlib.container import BarContainer

    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    found = []
    for ax in fig.axes:
        for container in ax.containers:
            if not isinstance(container, BarContainer):
                continue
            horizontal = container.orientation == "horizontal"
            for bar in container:
                length = bar.get_width() if horizontal else bar.get_height()
                if not bar.get_visible() or not length:
                    continue
                box = bar.get_window_extent(renderer)
                drawn = (box.width if horizontal else box.height) * 72 / fig.dpi
                if drawn < min_pt:
                    found.append(f"a bar of {ax.get_title() or 'a panel'} is {drawn:.1f} pt long")
    return found


FLOAT_GAP_PT = 4.0  # a label further than this from the point it names needs a line to it


def floating_annotations(fig, gap_pt: float = FLOAT_GAP_PT) -> list[str]:
    """Labels of a day on an axis (annotations at a blended point: a date across, the plot's edge
    up) set more than `gap_pt` from it with no leader line to it: the reader cannot tell which
    day they belong to."""
    from matplotlib.text import Annotation

    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    gap = gap_pt * fig.dpi / 72
    found = []
    for ax in fig.axes:
        for text in ax.texts:
            if not isinstance(text, Annotation) or not text.get_visible() or text.arrow_patch:
                continue
            if not isinstance(text.xycoords, tuple):  # a place in data (a map's placer's labels)
                continue
            x, y = text._get_xy(renderer, text.xy, text.xycoords)  # the point, units converted
            box = text.get_window_extent(renderer)
            away = _point_to_box(x, y, box)
            if away > gap:
                found.append(
                    f"{text.get_text()!r} floats {away * 72 / fig.dpi:.0f} pt from its point"
                )
    return found


STRANGER_PT = 5.0


def labels_by_strangers(fig, near_pt: float = STRANGER_PT) -> list[str]:
    """A label (an annotation of a point) whose text comes within `near_pt` of a marker that is not
    its point's, and nearer that marker than its own point: it reads as that marker's label
    ("Dushanbe" set beside Tashkent's square, its leader line unseen)."""
    from matplotlib.text import Annotation

    renderer = _laid_out(fig)
    near = near_pt * fig.dpi / 72
    found = []
    for ax in fig.axes:
        markers = _markers(ax, renderer)
        for text in ax.texts:
            if not isinstance(text, Annotation) or not text.get_visible():
                continue
            x, y = text._get_xy(renderer, text.xy, text.xycoords)
            box = _text_box(text, renderer)
            own = _touching(
                markers, [m for m in markers if math.hypot(m[0] - x, m[1] - y) <= m[2] + 1]
            )
            own_r = max([m[2] for m in own], default=0.0)
            own_away = _point_to_box(x, y, box) - own_r
            for marker in markers:
                if marker in own:
                    continue
                mx, my, mr, _ = marker
                away = _point_to_box(mx, my, box) - mr
                if away < min(near, own_away):
                    found.append(
                        f"{text.get_text()!r} is {away * 72 / fig.dpi:.0f} pt from a marker not its"
                        f" own at ({mx:.0f}, {my:.0f}) px, nearer than its own point"
                    )
    return found


def _touching(markers, seed, gap_px: float = 3.0) -> list:
    """The markers in `seed` and every marker touching them, in turn: the markers set round one
    place (a capital's square, the forces' discs beside it) are that place's."""
    group = list(seed)
    grew = True
    while grew:
        grew = False
        for m in markers:
            if m not in group and any(
                math.hypot(m[0] - g[0], m[1] - g[1]) < m[2] + g[2] + gap_px for g in group
            ):
                group.append(m)
                grew = True
    return group


def _point_to_box(x, y, box) -> float:
    dx = max(box.x0 - x, 0, x - box.x1)
    dy = max(box.y0 - y, 0, y - box.y1)
    return math.hypot(dx, dy)


_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
COUNTERS_JA = "年月日人機件"


def japanese_words_broken(fig) -> list[str]:
    """A Japanese label wrapped inside a word ('記|載なし', '見|込み'): the break of a wrapped text
    falls inside a word of Sphinx's Japanese splitter (TinySegmenter), between two Japanese
    characters. (The check does not use the phrases the figures wrap at.)"""
    from sphinx.search.ja import DefaultSplitter

    splitter = DefaultSplitter({})
    found = []
    for ax in fig.axes:
        for text in ax.texts:
            lines = [line.strip() for line in text.get_text().split("\n")]
            for before, after in zip(lines, lines[1:]):
                if not (
                    before and after and _JAPANESE.match(before[-1]) and _JAPANESE.match(after[0])
                ):
                    continue
                joined, ends = before + after, set()
                for run in re.finditer(r"\S+", joined):  # the splitter drops spaces
                    at = run.start()
                    for word in splitter.split(run.group(0)):
                        at += len(word)
                        ends.add(at)
                if len(before) not in ends:
                    found.append(f"{before[-4:]}|{after[:4]} breaks a word")
            found += [
                f"{before[-4:]}|{after[:4]} parts a number from its counter"
                for before, after in zip(lines, lines[1:])
                if before and after and before[-1].isdigit() and after[0] in COUNTERS_JA
            ]
    return found
