"""A check on figures that number their arrows (a circled number on each arrow, explained in a key):
each number sits on its own arrow only. A circle that another arrow runs through, or touches, reads
as that arrow's number. Read from the Figure: the circles are the boxes of text artists, the arrows
FancyArrowPatches, both in display pixels after a draw."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.patches import FancyArrowPatch


def _boxed_texts(ax, renderer, circled: bool):
    """(text, box in pixels) of every visible text of the axes drawn in a box: the circled ones or
    the others."""
    found = []
    for text in ax.texts:
        patch = text.get_bbox_patch()
        if patch is None or not text.get_visible():
            continue
        if ("circle" in type(patch.get_boxstyle()).__name__.lower()) != circled:
            continue
        text.update_bbox_position_size(renderer)
        found.append((text.get_text(), patch.get_window_extent(renderer)))
    return found


def _circles(ax, renderer):
    """(text, centre x, centre y, radius) in pixels of every circled label in the axes."""
    return [
        (label, (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2, box.width / 2)
        for label, box in _boxed_texts(ax, renderer, circled=True)
    ]


def _distance_to_path(x, y, points) -> float:
    """The distance from (x, y) to a polyline, in its units."""
    best = math.inf
    for (x1, y1), (x2, y2) in zip(points[:-1], points[1:]):
        dx, dy = x2 - x1, y2 - y1
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length2))
        best = min(best, math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)))
    return best


def _arrow_lines(ax) -> list[tuple[list[np.ndarray], float]]:
    """Each arrow's path in display pixels, its head included (its polylines: a closing vertex is
    no point of the arrow), with half its line width in pixels (a thick arrow's edge is that far
    from its path)."""
    lines = []
    for patch in ax.patches:
        if isinstance(patch, FancyArrowPatch) and patch.get_visible():
            path = patch.get_transform().transform_path(patch.get_path())
            half = patch.get_linewidth() * ax.figure.dpi / 72 / 2
            lines.append((path.to_polygons(closed_only=False), half))
    return lines


def numbers_on_other_arrows(fig, clear_pt: float = 1.0) -> list[str]:
    """Circled numbers that another arrow than their own (the nearest) runs through or whose edge
    comes within `clear_pt` of."""
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    clear = clear_pt * fig.dpi / 72
    found = []
    for ax in fig.axes:
        lines = _arrow_lines(ax)
        for label, x, y, r in _circles(ax, renderer):
            if len(lines) < 2:
                continue
            gaps = sorted(
                min(_distance_to_path(x, y, part) for part in parts) - half - r
                for parts, half in lines
            )
            if gaps[1] < clear:  # gaps[0]: its own arrow, which it sits on
                found.append(f"number {label!r} touches an arrow not its own")
    return found


NUMBER_GAP_PT = 4.0  # two circled numbers closer than this read as touching at print size


def crowded_numbers(fig, gap_pt: float = NUMBER_GAP_PT) -> list[str]:
    """Pairs of circled numbers of a panel whose circles overlap or come closer than `gap_pt`."""
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    gap = gap_pt * fig.dpi / 72
    found = []
    for ax in fig.axes:
        circles = _circles(ax, renderer)
        for i, (a, ax_, ay, ar) in enumerate(circles):
            for b, bx, by, br in circles[i + 1 :]:
                if math.hypot(ax_ - bx, ay - by) - ar - br < gap:
                    found.append(f"numbers {a!r} and {b!r} closer than {gap_pt} pt")
    return found


LABEL_GAP_PT = 1.0  # between a boxed edge label and an arrowhead or another boxed label


def _boxed_labels(ax, renderer):
    """(text, box in pixels) of every visible label drawn in a box that is not a circle: the words
    set on a network's edges ("drawn to", "balancing")."""
    return [
        (label, box) for label, box in _boxed_texts(ax, renderer, circled=False) if label.strip()
    ]


def _arrowheads(ax) -> list[np.ndarray]:
    """The head of every arrow in the axes as a closed polygon in display pixels (the arrow's
    filled part; its shaft is an open polyline)."""
    heads = []
    for patch in ax.patches:
        if isinstance(patch, FancyArrowPatch) and patch.get_visible():
            path = patch.get_transform().transform_path(patch.get_path())
            for poly in path.to_polygons(closed_only=False):
                if len(poly) >= 3 and np.allclose(poly[0], poly[-1]):
                    heads.append(poly)
    return heads


def boxed_labels_on_heads_or_labels(fig, gap_pt: float = LABEL_GAP_PT) -> list[str]:
    """In a panel that draws arrows, boxed edge labels whose box, grown by `gap_pt`, overlaps an
    arrowhead (a head under a label hides which way the relation runs), another boxed label of its
    panel or any other text in it (a node's name)."""
    from matplotlib.path import Path

    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    gap = gap_pt * fig.dpi / 72
    found = []
    for ax in fig.axes:
        heads = _arrowheads(ax)
        if not heads:  # no arrows, no edge labels (a map's boxed labels are another matter)
            continue
        labels = _boxed_labels(ax, renderer)
        for i, (words, box) in enumerate(labels):
            grown = box.padded(gap)
            if any(Path(head).intersects_bbox(grown, filled=True) for head in heads):
                found.append(f"label {words!r} covers an arrowhead")
            for other, other_box in labels[i + 1 :]:
                if grown.overlaps(other_box):
                    found.append(f"labels {words!r} and {other!r} touch")
            for text in ax.texts:
                if (
                    text.get_bbox_patch() is None
                    and text.get_visible()
                    and text.get_text()
                    and grown.overlaps(text.get_window_extent(renderer))
                ):
                    found.append(f"label {words!r} covers {text.get_text()!r}")
    return found
