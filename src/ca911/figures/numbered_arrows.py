"""Numbers on arrows (the presence network's keyed edges): where along its arrow each number sits,
clear of the other numbers and of every other arrow as drawn (shaft and head, at its width)."""

from __future__ import annotations

NUMBER_RADIUS_PT = 5.6  # a circled one- or two-digit number at 8.5 pt, as drawn
NUMBER_GAP_PT = 5.0  # between two numbered circles: closer, at print size they read as touching
NUMBER_CLEARANCE_PT = 2 * NUMBER_RADIUS_PT + NUMBER_GAP_PT  # centre to centre
NUMBER_SHIFT_PT = 3.5  # a number moved off its arrow's line, its circle still across it
NUMBER_GAP_GIVE_PT = 1.0  # how much closer two numbers may come to keep a number off other arrows
ARROW_CLEAR_PT = 1.0  # between a number's circle and the edge of any arrow not its own


def _distance_to_segment(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / length2))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def arrow_in_points(arrow) -> tuple[list, float]:
    """An arrow as drawn: its polylines (shaft and head) in points, and half its line width."""
    path = arrow.get_transform().transform_path(arrow.get_path())
    scale = 72 / arrow.figure.dpi
    return [poly * scale for poly in path.to_polygons(closed_only=False)], arrow.get_linewidth() / 2


def _distance_to_arrow(p, arrow: tuple[list, float]) -> float:
    """From a point to the edge of an arrow (`arrow_in_points`), in points."""
    polylines, half = arrow
    return (
        min(
            _distance_to_segment(p, a, b) for poly in polylines for a, b in zip(poly[:-1], poly[1:])
        )
        - half
    )


def _spots(ax, a, b, others=()) -> list[tuple[tuple, tuple, float]]:
    """Candidate places for the number of the arrow a→b, nearest its middle first, each on the
    arrow or, after it, up to NUMBER_SHIFT_PT to one side (the circle still sits on its arrow):
    (point in data units, point in points, how far its circle falls short of clearing the other
    arrows)."""
    to_pt = ax.transData + ax.figure.dpi_scale_trans.inverted()
    from_pt = to_pt.inverted()
    (x1, y1), (x2, y2) = a, b
    (p1x, p1y), (p2x, p2y) = to_pt.transform(a) * 72, to_pt.transform(b) * 72
    length = max(((p2x - p1x) ** 2 + (p2y - p1y) ** 2) ** 0.5, 1e-9)
    normal = ((p1y - p2y) / length, (p2x - p1x) / length)
    found = []
    for t in sorted((k / 40 for k in range(4, 37)), key=lambda t: (abs(t - 0.5), t)):
        on = to_pt.transform((x1 + t * (x2 - x1), y1 + t * (y2 - y1))) * 72
        for side in (0.0, 1.0, -1.0):
            here = (
                on[0] + side * NUMBER_SHIFT_PT * normal[0],
                on[1] + side * NUMBER_SHIFT_PT * normal[1],
            )
            spot = tuple(float(c) for c in from_pt.transform((here[0] / 72, here[1] / 72)))
            short = max(
                (NUMBER_RADIUS_PT + ARROW_CLEAR_PT - _distance_to_arrow(here, o) for o in others),
                default=0.0,
            )
            found.append((spot, here, max(short, 0.0)))
    return found


def clear_spots(ax, a, b, others=()) -> list:
    return [s for s in _spots(ax, a, b, others) if s[2] == 0.0]


def number_spot(ax, a, b, placed: list, others=()) -> tuple[float, float]:
    """Where along the arrow a→b its number goes: the point nearest the middle that keeps
    NUMBER_CLEARANCE_PT from every number already placed in the panel and its circle clear of
    every other arrow as drawn (`others`: `arrow_in_points`), else the point that comes nearest,
    clearing the other numbers first (placed in points, then appended)."""
    best, best_short = None, (float("inf"),) * 3
    for spot, here, arrows_short in _spots(ax, a, b, others):
        numbers_short = max(
            (
                NUMBER_CLEARANCE_PT - ((here[0] - q[0]) ** 2 + (here[1] - q[1]) ** 2) ** 0.5
                for q in placed
            ),
            default=0.0,
        )
        # two numbers that touch are worse than a number near another arrow, which is worse than
        # numbers a little closer than NUMBER_GAP_PT
        numbers_short = max(numbers_short, 0.0)
        short = (max(numbers_short - NUMBER_GAP_GIVE_PT, 0.0), arrows_short, numbers_short)
        if short < best_short:
            best, best_short, best_pt = spot, short, here
        if short == (0.0, 0.0, 0.0):
            break
    placed.append(best_pt)
    return best
