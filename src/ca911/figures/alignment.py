"""Chapter 4's reading of alignment as a figure: for each state and period of its policy, the powers
it leaned to, cooperated with or balanced against, one panel per period
(`ca911.analysis.alignment_network.build_alignment_graph`)."""

from __future__ import annotations

from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.path import Path

from ca911.analysis import alignment_network
from ca911.analysis import network_layouts as layouts
from ca911.data import dates
from ca911.data.language import DEFAULT_LANG
from ca911.figures.networks import (
    BLACK,
    BLUE,
    FAINT,
    GREEN,
    VERMILLION,
    bare_axes,
    finished,
    node_names,
    require,
)
from ca911.figures.style import (
    MIN_TEXT_PT,
    figure,
    figure_width,
    latin_width,
    two_layouts,
    words_in,
    wrap,
)
from ca911.figures.swimlanes import period_words

CENTRE_NODE_AREA, NODE_AREA = 120, 45  # pt²
KEY_SYMBOL_EM = 4  # a key entry's symbol, the space beside it and the key's padding, in em


# ------------------------------------------------------------------------------------- alignment
RELATION_STYLE = {
    "drawn_to": (VERMILLION, "-", 1.8),
    "cooperation": (GREEN, (0, (5, 2)), 1.3),
    "balancing": (BLUE, (0, (1.5, 1.5)), 1.3),
    "conflict": (BLACK, (0, (6, 1.5, 1.5, 1.5)), 1.3),
}


POLICY_TINT = {"bandwagon": "#fbe3cc", "balance_of_power": "#d5e6f3"}
WORDS = {
    "en": {
        "relations": {r: r.replace("_", " ") for r in RELATION_STYLE},
        "isolated": "no relation to a partner\nstated for this period",
        "bandwagon": "coded bandwagon (our code)",
        "balance_of_power": "coded balance of power",
        "other": "other or no code",
        "key title": "relation the chapter states",
    },
    "ja": {
        "relations": {
            "drawn_to": "引き寄せ",
            "cooperation": "協力",
            "balancing": "均衡",
            "conflict": "対立",
        },
        "isolated": "この時期、相手国との\n関係は述べられていない",
        "bandwagon": "本書がバンドワゴン型とコード化した時期",
        "balance_of_power": "勢力均衡型とコード化した時期",
        "other": "その他・規定なし",
        "key title": "章が述べる関係",
    },
}


EDGE_LABEL_CLEAR_PT = 2.0
# where across its edge a label may sit, in half its own extent across the edge: on it (0),
# touching it (±1), a little off it (±1.6)
SIDES = (0, 1, -1, 1.6, -1.6)


def _panel_x(country_name: str) -> tuple[float, float]:
    """A panel's horizontal extent in layout units: wider on the right where the country's name,
    which runs from its node, needs it (about 0.1 unit a Latin character at 8.5 pt: 'Uzbekistan'
    fits the usual 1.5, 'ウズベキスタン' does not)."""
    return (-1.5, max(1.5, 0.45 + 0.1 * latin_width(country_name)))


def _along_edge(label, edge, nodes: list, placed: list, ink=(), prefer_t: float = 0.5):
    """Put an edge's label on the edge a→b where its box keeps EDGE_LABEL_CLEAR_PT from every node
    and from the panel's other edge labels and names (`placed`, display boxes) and from `ink`
    (display paths: every arrowhead, the other arrows' shafts); `nodes`: (position, marker area in
    pt²). At `prefer_t` of the way from a to b if it can, else as near to it as it can. Returns the
    box it takes."""
    a, b = edge
    ax = label.axes
    renderer = ax.figure._get_renderer()
    clear = EDGE_LABEL_CLEAR_PT * ax.figure.dpi / 72
    centres = [
        (*ax.transData.transform(xy), area**0.5 / 2 * ax.figure.dpi / 72) for xy, area in nodes
    ]
    (x1, y1), (x2, y2) = ax.transData.transform(a), ax.transData.transform(b)
    length = max(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5, 1e-9)
    normal = (-(y2 - y1) / length, (x2 - x1) / length)
    spots = sorted(
        ((t, side) for t in (k / 40 for k in range(6, 35)) for side in SIDES),
        key=lambda spot: (abs(spot[1]), abs(spot[0] - prefer_t), spot[0], spot[1]),
    )
    best = None
    # on the edge first; beside it (touching it) only where no spot on it is clear, a little off it
    # (its frame in the edge's colour still names it) only where no spot touching it is
    for t, side in spots:
        label.set_position((0, 0))
        label.update_bbox_position_size(renderer)
        size = label.get_bbox_patch().get_window_extent(renderer)
        across = side * (abs(normal[0]) * size.width + abs(normal[1]) * size.height) / 2
        at = (x1 + t * (x2 - x1) + across * normal[0], y1 + t * (y2 - y1) + across * normal[1])
        label.set_position(ax.transData.inverted().transform(at))
        label.update_bbox_position_size(renderer)
        drawn = label.get_bbox_patch().get_window_extent(renderer)
        box = drawn.padded(clear)
        # a label or name covered, a head or a node hidden, a box across the panel's frame weigh
        # more than a shaft crossed
        hits = 4 * sum(box.overlaps(other) for other in placed)
        frame = ax.bbox
        hits += 4 * (
            drawn.x0 < frame.x0 or drawn.x1 > frame.x1 or drawn.y0 < frame.y0 or drawn.y1 > frame.y1
        )
        hits += sum(
            (4 if closed else 1) * path.intersects_bbox(box, filled=closed) for path, closed in ink
        )
        hits += 4 * sum(
            ((cx - min(max(cx, box.x0), box.x1)) ** 2 + (cy - min(max(cy, box.y0), box.y1)) ** 2)
            < r**2
            for cx, cy, r in centres
        )
        if best is None or hits < best[0]:
            best = (hits, at, box)
        if hits == 0:
            break
    _, at, box = best
    label.set_position(ax.transData.inverted().transform(at))
    return box


def _arrow_parts(arrows) -> list[tuple[list, list]]:
    """Each arrow as drawn, in display pixels: (its shaft, its filled head), each a list of
    (path, filled)."""
    parts = []
    for arrow in arrows:
        # as drawing will size it: until drawn, an arrow's head and shrink are sized at 72 dpi
        arrow._dpi_cor = arrow.figure._get_renderer().points_to_pixels(1.0)
        path = arrow.get_transform().transform_path(arrow.get_path())
        polys = path.to_polygons(closed_only=False)
        closed = [len(poly) >= 3 and (poly[0] == poly[-1]).all() for poly in polys]
        parts.append(
            (
                [(Path(poly), False) for poly, c in zip(polys, closed) if not c],
                [(Path(poly), True) for poly, c in zip(polys, closed) if c],
            )
        )
    return parts


def _policy_words(code: str, labels: dict[str, str], lang: str = DEFAULT_LANG) -> str:
    """'bandwagon': the code in words; in Japanese the codebook's Japanese term. No Japanese gloss
    in English: beside the chapter's Japanese it would read as Yuasa's own term, which the code
    is not (discrepancy d68)."""
    label = labels.get(code, "")
    ja = label.split(" — ")[0] if " — " in label else ""
    no_label = period_words("none_stated", lang)  # the words of the lanes and tables
    if lang == "ja":
        return ja or no_label
    return no_label if code == "none_stated" else code.replace("_", " ")


@two_layouts
def alignment_panels(pkg, layout: str = "wide", lang: str = DEFAULT_LANG):
    """One panel per chapter-4 period (Kazakhstan first, then Uzbekistan, each in the chapter's
    numbering): the country in the middle, Russia, China and the US around it, arrows typed by the
    relation the chapter states. Panels are tinted by the data's code for the period: bandwagon
    (orange) and balance of power (blue)."""
    periods = require(alignment_network.alignment_periods(pkg), "periods")
    labels = pkg.labels("periods", "policy_type")
    names = node_names(pkg, lang=lang)
    words = words_in(WORDS, lang)
    ncols = 1 if layout == "narrow" else 3  # two across, neighbouring titles run together
    nrows = -(-(len(periods) + 1) // ncols)
    fig, axes = figure(
        2.2 * nrows, figure_width(layout), nrows=nrows, ncols=ncols, layout=None, squeeze=False
    )
    fig.subplots_adjust(
        wspace=0.05, hspace=0.45, left=0.02, right=0.98
    )  # before edge labels are measured
    for ax, p in zip(axes.flat, periods.itertuples()):
        G = alignment_network.build_alignment_graph(pkg, p.period_id)
        pos = layouts.alignment_layout(G)
        for power in alignment_network.POWERS:  # the three powers always stand in their place
            pos.setdefault(power, layouts.ALIGNMENT_POSITIONS[power])
        others = sorted(n for n in pos if n not in alignment_network.POWERS and n != p.country_id)
        for i, n in enumerate(
            others
        ):  # lower left, far enough from the country for a label on the edge between
            pos[n] = (-1.05, -0.4 - 0.4 * i)
        ax.set_facecolor(POLICY_TINT.get(str(p.policy_type), "#f2f2f2"))
        ax.set_xlim(*_panel_x(names.get(p.country_id, p.country_id)))
        ax.set_ylim(-1.45, 1.3)
        edges = sorted(G.edges(data=True))
        arrows = []
        for u, v, d in edges:
            colour, style, lw = RELATION_STYLE[d["relation"]]
            arrows.append(
                ax.add_patch(
                    FancyArrowPatch(
                        pos[u],
                        pos[v],
                        arrowstyle="-|>",
                        mutation_scale=9,
                        lw=lw,
                        color=colour,
                        linestyle=style,
                        shrinkA=8,
                        shrinkB=7,
                        zorder=1,
                    )
                )
            )
        for n, (x, y) in pos.items():
            on = n in G
            if n == p.country_id:  # named beside it, where no edge runs, like every other node
                ax.scatter([x], [y], s=CENTRE_NODE_AREA, color=BLACK, zorder=2)
                ax.text(
                    x + 0.2,
                    y,
                    names.get(n, n),
                    fontsize=MIN_TEXT_PT,
                    ha="left",
                    va="center",
                    zorder=4,
                )
                continue
            ax.scatter(
                [x],
                [y],
                s=NODE_AREA,
                color="white",
                edgecolor=BLACK if on else FAINT,
                linewidths=0.8,
                zorder=2,
            )
            above = y > 0
            ax.text(
                x,
                y + (0.14 if above else -0.14),
                names.get(n, n),
                ha="center",
                va="bottom" if above else "top",
                fontsize=MIN_TEXT_PT,
                color=BLACK if on else "#9a9a9a",
            )
        # every arrow and name drawn first: no label may hide a head, another arrow or a name
        parts = _arrow_parts(arrows)
        names_drawn = [t.get_window_extent(fig._get_renderer()) for t in ax.texts]
        placed: list = []  # the panel's edge labels so far, as display boxes
        nodes = [
            (xy, CENTRE_NODE_AREA if n == p.country_id else NODE_AREA) for n, xy in pos.items()
        ]
        for i, (u, v, d) in enumerate(edges):
            ink = [head for _, heads in parts for head in heads]
            ink += [shaft for j, (shafts, _) in enumerate(parts) if j != i for shaft in shafts]
            colour = RELATION_STYLE[d["relation"]][0]
            label = ax.text(
                0,
                0,
                words["relations"][d["relation"]],
                fontsize=MIN_TEXT_PT,
                ha="center",
                va="center",
                zorder=3,
                bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": colour, "lw": 0.5},
            )
            away_from_centre = (
                0.62 if u == p.country_id else 0.38 if v == p.country_id else 0.5
            )  # the centre is busiest
            placed.append(
                _along_edge(
                    label, (pos[u], pos[v]), nodes, placed + names_drawn, ink, away_from_centre
                )
            )
        if G.nodes[p.country_id]["isolated_reason"]:
            # between the nodes; on a phone's wider, shorter panel, in the empty corner under the
            # country's name (centred, the note's second line reaches the node under it)
            ax.text(
                0.2 if layout == "narrow" else 0,
                -0.55 if layout == "narrow" else -0.45,
                words["isolated"],
                fontsize=MIN_TEXT_PT,
                ha="left" if layout == "narrow" else "center",
                va="center",
                style="normal" if lang == "ja" else "italic",
                color="#444444",
            )
        years = dates.period_span(
            str(p.start)[:10], str(p.end)[:10] if p.end else None, lang, bool(p.approximate), True
        )
        # the dates on a line of their own: "Uzbekistan 1: about 1992 – 1995" is wider than its
        # panel
        ax.set_title(
            f"{names.get(p.country_id, p.country_id)} "
            f"{p.number}\n{years}\n{_policy_words(str(p.policy_type), labels, lang)}",
            fontsize=MIN_TEXT_PT,
            pad=3,
        )
        ax.set_xlim(*_panel_x(names.get(p.country_id, p.country_id)))
        ax.set_ylim(-1.45, 1.3)
        ax.set_xticks([])
        ax.set_yticks([])
        for spine in ax.spines.values():
            spine.set_visible(False)
    for ax in list(axes.flat)[len(periods) :]:
        bare_axes(ax)
    key_axes = list(axes.flat)[-1]
    # the key stays in its own cell, from its left edge: centred, its longest Japanese entry ran
    # into the panel beside it; entries wrap to the cell's width beside their symbols
    cell_pt = key_axes.get_position().width * fig.get_figwidth() * 72
    key_width = int((cell_pt - KEY_SYMBOL_EM * MIN_TEXT_PT) / (MIN_TEXT_PT / 2))
    handles = [
        Line2D([], [], color=c, lw=lw, ls=s, label=words["relations"][r])
        for r, (c, s, lw) in RELATION_STYLE.items()
    ]
    tints = {**POLICY_TINT, "other": "#f2f2f2"}
    handles += [
        Patch(facecolor=tint, label=wrap(words[code], key_width, lang))
        for code, tint in tints.items()
    ]
    key_axes.legend(
        handles=handles,
        loc="center left",
        bbox_to_anchor=(0, 0.5),
        borderaxespad=0,
        fontsize=MIN_TEXT_PT,
        frameon=False,
        title=words["key title"],
        title_fontsize=MIN_TEXT_PT,
    )
    return finished(fig)
