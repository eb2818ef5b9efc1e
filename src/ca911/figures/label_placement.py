"""Labels placed clear of what a panel already shows: `LabelPlacer` tries spots round a marker,
nearest first, and takes the first that covers no marker, no other label and no leader line and
stays inside the panel's frame; further out, a leader line that crosses no other. Labels queued
for `place_all` are placed again in another order when one finds no free spot. Everything is
measured in figure points on the final layout, so the same data gives the same placement."""

from __future__ import annotations

import math

from ca911.figures.style import MIN_TEXT_PT

# a label whose box is further than this from its marker's edge gets a leader line back to it
LEADER_PT = 5.0
LEADER_PASS_PT = 4.0  # a leader line keeps this far from any marker but its own
# a label's box keeps this far from other markers, unless its own is nearer
STRANGER_PT = 8.0


CLEAR_PT = 1.5  # a label keeps this far from markers, leader lines and its panel's frame
# and this far from any other text: further than the gap between a label's own lines, so that two
# labels never read as one block (tests/support/figure_checks.crowded_text asks for 2 pt)
TEXT_CLEAR_PT = 2.25
# and, beside another text on its line, more than a word space: "Russia: about 18,000" 2 pt before
# "Khanabad" reads as one line, the force at the wrong base (figure_checks.run_together_text asks
# for 5 pt)
TEXT_CLEAR_X_PT = 6.0


def data_to_pt(ax):
    """Data (lon, lat) → figure points, for a panel whose position and limits are final."""
    ax.apply_aspect()
    to_display = ax.transData
    px_per_pt = ax.figure.dpi / 72

    def to_pt(lon, lat):
        x, y = to_display.transform((lon, lat))
        return x / px_per_pt, y / px_per_pt

    return to_pt


class LabelPlacer:
    """Puts each label of a panel where it covers no marker, no other label and no leader line,
    inside the panel's frame: its preferred spot first, then beside its marker all round, then
    further out with a leader line that crosses no other. Everything is measured in figure points on
    the final layout, so the result is the same for the same data."""

    STEP_PT = 3.0  # the grid of spots tried around a marker, nearest first
    REACH_PT = 120.0

    def __init__(self, ax):
        self.ax = ax
        self.renderer = ax.figure._get_renderer()
        self.px_per_pt = ax.figure.dpi / 72
        box = ax.get_window_extent(self.renderer)
        self.frame = (
            box.x0 / self.px_per_pt + CLEAR_PT,
            box.y0 / self.px_per_pt + CLEAR_PT,
            box.x1 / self.px_per_pt - CLEAR_PT,
            box.y1 / self.px_per_pt - CLEAR_PT,
        )
        self.markers: list[tuple[float, float, float]] = []  # x, y, radius (pt)
        self.boxes: list[
            tuple[float, float, float, float]
        ] = []  # labels and other text placed (pt)
        self.leaders: list[tuple[tuple[float, float], tuple[float, float]]] = []
        self.areas: list[tuple[float, float, float, float]] = []  # kept free of labels only
        self.rings: list[
            tuple[float, float, float]
        ] = []  # hollow markers, which a leader line may cross
        self.queued: list[tuple[tuple, dict]] = []  # labels waiting for `place_all`
        self.last_faults = 0  # how bad the spot the last `place` took was (0: faultless)

    def block(self, artist, leaders_may_cross: bool = False) -> None:
        """Keep labels off a text or patch already drawn in the panel (and leader lines too, unless
        they may cross it: a box drawn round the markers they lead to)."""
        box = artist.get_window_extent(self.renderer)
        box = (
            box.x0 / self.px_per_pt,
            box.y0 / self.px_per_pt,
            box.x1 / self.px_per_pt,
            box.y1 / self.px_per_pt,
        )
        (self.areas if leaders_may_cross else self.boxes).append(box)

    def _candidates(self, r: float, prefer):
        if prefer is not None:
            yield prefer
        n = int(self.REACH_PT / self.STEP_PT)
        spots = []
        for i in range(-n, n + 1):
            for j in range(-n, n + 1):
                dx, dy = i * self.STEP_PT, j * self.STEP_PT
                if math.hypot(dx, dy) >= r + 3.0:
                    spots.append((math.hypot(dx, dy), abs(dy), -dx, -dy, dx, dy))
        for *_, dx, dy in sorted(
            spots
        ):  # nearest first; level with the marker, right of it, above it first
            ha = "left" if dx > 0 else "right" if dx < 0 else "center"
            va = "bottom" if dy > 0 else "top" if dy < 0 else "center"
            yield (dx, dy, ha, va)

    def _box(self, text, at, spec):
        dx, dy, ha, va = spec
        text.set_position((dx, dy))
        text.set_ha(ha)
        text.set_va(va)
        box = text.get_window_extent(self.renderer)
        patch = text.get_bbox_patch()
        if patch is not None:
            text.update_bbox_position_size(self.renderer)
            box = type(box).union([box, patch.get_window_extent(self.renderer)])
        return (
            box.x0 / self.px_per_pt,
            box.y0 / self.px_per_pt,
            box.x1 / self.px_per_pt,
            box.y1 / self.px_per_pt,
        )

    def _faults(self, box, at, r, leader: bool) -> int:
        """How bad a spot is: text past the frame worst, then text on text, a marker or a line, then
        a leader line passing close by another marker, then across one (the marker still shows)."""
        x0, y0, x1, y1 = box
        f0, g0, f1, g1 = self.frame
        faults = 100 * (x0 < f0 or y0 < g0 or x1 > f1 or y1 > g1)
        padded = (x0 - CLEAR_PT, y0 - CLEAR_PT, x1 + CLEAR_PT, y1 + CLEAR_PT)
        faults += 10 * sum(
            _disc_meets(mx, my, mr, padded)
            and not ((mx, my, mr) in self.rings and _inside_disc(mx, my, mr - 1.5, padded))
            for mx, my, mr in self.markers
        )  # inside a hollow marker's ring hides nothing
        side = max(TEXT_CLEAR_PT, TEXT_CLEAR_X_PT)
        apart = (x0 - side, y0 - TEXT_CLEAR_PT, x1 + side, y1 + TEXT_CLEAR_PT)
        faults += 10 * sum(_boxes_meet(apart, b) for b in self.boxes)
        faults += 10 * sum(_boxes_meet(padded, b) for b in self.areas)
        faults += 10 * sum(_segment_meets_box(a, b, padded) for a, b in self.leaders)
        # a label nearer another marker than its own reads as that marker's (a name set beside
        # the wrong town, its leader line unseen)
        own = _box_distance(at, box) - r
        faults += 5 * sum(
            _box_distance((mx, my), box) - mr < min(own, STRANGER_PT)
            for mx, my, mr in self.markers
            if math.hypot(mx - at[0], my - at[1]) > r + 0.5
        )
        if leader:
            start = ((x0 + x1) / 2, (y0 + y1) / 2)
            faults += 10 * sum(_segments_cross(start, at, a, b) for a, b in self.leaders)
            faults += 10 * sum(_segment_meets_box(start, at, b) for b in self.boxes)
            others = [
                (mx, my, mr)
                for mx, my, mr in self.markers
                if math.hypot(mx - at[0], my - at[1]) > 0.5 and (mx, my, mr) not in self.rings
            ]
            faults += sum(_segment_meets_disc(start, at, *m) for m in others)
            # a line passing close by another place's marker reads as leading to it
            faults += 5 * sum(
                _segment_meets_disc(start, at, mx, my, mr + LEADER_PASS_PT) for mx, my, mr in others
            )
        return faults

    def place(
        self,
        label: str,
        xy,
        at_pt,
        r: float,
        colour: str,
        prefer=None,
        xycoords="data",
        within_pt=None,
        leader: bool = True,
        only_faultless: bool = False,
        **kw,
    ):
        """Annotate `xy` (its marker centred at `at_pt`, radius `r`, in points) with `label` at the
        best spot; with `within_pt`, only that near to the marker's centre; `only_faultless`: at a
        faultless spot or not at all (None)."""
        style = {
            "fontsize": MIN_TEXT_PT,
            "color": colour,
            "linespacing": 1.0,
            "annotation_clip": False,
            **kw,
        }
        scratch = self.ax.annotate(
            label, xy, xycoords=xycoords, xytext=(0, 0), textcoords="offset points", **style
        )
        best, measured = None, {}  # the label's box at its marker, by alignment: moved, not re-set
        for spec in self._candidates(r, prefer):
            if within_pt is not None and math.hypot(spec[0], spec[1]) > within_pt:
                continue
            dx, dy, ha, va = spec
            if (ha, va) not in measured:
                measured[ha, va] = self._box(scratch, at_pt, (0, 0, ha, va))
            x0, y0, x1, y1 = measured[ha, va]
            box = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
            far = leader and _box_distance(at_pt, box) > r + LEADER_PT
            faults = self._faults(box, at_pt, r, far)
            if best is None or faults < best[0]:
                best = (faults, spec, box, far)
            if faults == 0:
                break
        scratch.remove()
        self.last_faults = 0 if best is None else best[0]
        if only_faultless and (best is None or best[0] > 0):
            return None
        _, (dx, dy, ha, va), box, far = best
        arrow = (
            {"arrowstyle": "-", "color": colour, "linewidth": 0.6, "shrinkA": 0, "shrinkB": r + 1}
            if far
            else None
        )
        text = self.ax.annotate(
            label,
            xy,
            xycoords=xycoords,
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            va=va,
            arrowprops=arrow,
            **style,
        )
        if far:
            self.leaders.append((((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), at_pt))
        self.boxes.append(box)
        return text

    def queue(self, *args, **kw) -> None:
        """A label for `place_all`, with the arguments of `place`."""
        self.queued.append((args, kw))

    def place_all(self, orders: int = 16) -> None:
        """Place the queued labels in turn. Where one finds no faultless spot, start again with it
        placed first, so that it takes the room it needs and the others move round it; after
        `orders` orders, keep the one with the fewest faults."""
        start = (list(self.boxes), list(self.leaders))
        order, tried, best = list(range(len(self.queued))), [], None
        while True:
            texts, faults = [], []
            for i in order:
                args, kw = self.queued[i]
                texts.append(self.place(*args, **kw))
                faults.append(self.last_faults)
            tried.append(tuple(order))
            if best is None or sum(faults) < best[0]:
                best = (sum(faults), list(order))
            if sum(faults) == 0 or len(tried) >= orders:
                break
            worst = order[next(k for k, f in enumerate(faults) if f)]
            following = [worst] + [i for i in order if i != worst]
            if tuple(following) in tried:
                following = [i for i in order if i != worst] + [worst]
            if tuple(following) in tried:
                break
            order = following
            self._undo(texts, start)
        if order != best[1]:  # the last order tried was not the best: place the best again
            self._undo(texts, start)
            for i in best[1]:
                args, kw = self.queued[i]
                self.place(*args, **kw)
        self.queued = []

    def _undo(self, texts, start) -> None:
        for text in texts:
            if text is not None:
                text.remove()
        self.boxes, self.leaders = list(start[0]), list(start[1])


def _box_distance(p, box) -> float:
    nx_, ny_ = min(max(p[0], box[0]), box[2]), min(max(p[1], box[1]), box[3])
    return math.hypot(p[0] - nx_, p[1] - ny_)


def _inside_disc(x, y, r, box) -> bool:
    return all(math.hypot(cx - x, cy - y) < r for cx in (box[0], box[2]) for cy in (box[1], box[3]))


def _disc_meets(x, y, r, box) -> bool:
    nx_, ny_ = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return (x - nx_) ** 2 + (y - ny_) ** 2 < r * r


def _boxes_meet(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _segments_cross(p1, p2, q1, q2) -> bool:
    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return side(q1, q2, p1) * side(q1, q2, p2) < 0 and side(p1, p2, q1) * side(p1, p2, q2) < 0


def _segment_meets_box(p, q, box) -> bool:
    x0, y0, x1, y1 = box
    if any(x0 < px < x1 and y0 < py < y1 for px, py in (p, q)):
        return True
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return any(_segments_cross(p, q, corners[k], corners[(k + 1) % 4]) for k in range(4))


def _segment_meets_disc(p, q, x, y, r) -> bool:
    (px, py), (qx, qy) = p, q
    length2 = (qx - px) ** 2 + (qy - py) ** 2
    t = (
        0.0
        if length2 == 0
        else max(0.0, min(1.0, ((x - px) * (qx - px) + (y - py) * (qy - py)) / length2))
    )
    return math.hypot(px + t * (qx - px) - x, py + t * (qy - py) - y) < r
