"""The figure of the diplomatic-contact network: who met, called or visited whom, edges styled by
the family of contact."""

from __future__ import annotations

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from ca911.analysis import contact_network as contacts
from ca911.analysis import network_layouts as layouts
from ca911.data.language import DEFAULT_LANG
from ca911.figures.networks import (
    BLACK,
    BLUE,
    GREEN,
    ORANGE,
    bare_axes,
    finished,
    require,
    staggered_label_offsets,
)
from ca911.figures.style import (
    MIN_TEXT_PT,
    figure,
    figure_width,
    two_layouts,
    words_in,
)

# -------------------------------------------------------------------------------------- contacts
FAMILY_STYLE = {
    "calls and messages": (ORANGE, "-", 0.0),
    "visits": (BLUE, (0, (5, 2)), 0.22),
    "meetings and agreements": (GREEN, (0, (1.5, 1.5)), -0.22),
}
WORDS = {
    "en": {
        "families": {f: f for f in FAMILY_STYLE},
        "betweenness": "larger circle = higher betweenness",
    },
    "ja": {
        "families": {
            "calls and messages": "電話・書簡",
            "visits": "訪問",
            "meetings and agreements": "会談・合意",
        },
        "betweenness": "円が大きいほど媒介中心性が高い",
    },
}


@two_layouts
def contact_network(
    G,
    pos: dict | None = None,
    centrality: pd.DataFrame | None = None,
    layout: str = "wide",
    lang: str = DEFAULT_LANG,
    names: dict[str, str] | None = None,
):
    """The contact graph: one curve per pair and family of contact (colour and dash), width and
    number = events; node size = betweenness (the bridge positions). Nodes are named from `names`
    (actor id → name in the edition's language) where given, else by the graph's labels."""
    words = words_in(WORDS, lang)
    require(list(G.edges), "contacts between two actors")
    pos = pos or layouts.contact_layout(G)
    centrality = centrality if centrality is not None else contacts.centrality_table(G)
    between = centrality.set_index("actor")["betweenness"]
    fig, ax = figure(
        3.9 if layout == "narrow" else 3.4, figure_width(layout)
    )  # edge labels reach past the axes (see presence_panels)
    for a, b, d in sorted(G.edges(data=True)):
        per_family: dict[str, int] = {}
        for part in d["types"].split(";"):
            t, n = part.split(":")
            fam = contacts.CONTACT_FAMILIES.get(t, t)
            per_family[fam] = per_family.get(fam, 0) + int(n)
        for fam, n in sorted(per_family.items()):
            colour, style, rad = FAMILY_STYLE[fam]
            arrow = FancyArrowPatch(
                pos[a],
                pos[b],
                arrowstyle="-",
                connectionstyle=f"arc3,rad={rad}",
                lw=0.8 + 1.1 * (n - 1),
                color=colour,
                linestyle=style,
                shrinkA=9,
                shrinkB=9,
                zorder=1,
            )
            ax.add_patch(arrow)
            if n > 1:
                (x1, y1), (x2, y2) = pos[a], pos[b]
                mx, my = (x1 + x2) / 2 + rad * (y2 - y1) / 2, (y1 + y2) / 2 - rad * (x2 - x1) / 2
                ax.text(
                    mx,
                    my,
                    str(n),
                    fontsize=MIN_TEXT_PT,
                    ha="center",
                    va="center",
                    color=BLACK,
                    zorder=3,
                    bbox={"boxstyle": "circle,pad=0.12", "fc": "white", "ec": colour, "lw": 0.6},
                )
    stagger = staggered_label_offsets(pos)
    for n, (x, y) in sorted(pos.items()):
        size = 60 + 900 * float(between.get(n, 0.0))
        ax.scatter([x], [y], s=size, color="white", edgecolor=BLACK, linewidths=0.9, zorder=2)
        label = (names or {}).get(n) or G.nodes[n]["label"]
        label = label.replace("Commonwealth of Independent States", "CIS")
        ax.text(
            x,
            y + (0.13 + stagger[n] if y > 0.5 else -0.1 - stagger[n]),
            label,
            ha="center",
            va="bottom" if y > 0.5 else "top",
            fontsize=MIN_TEXT_PT,
            zorder=4,
        )
    xs, ys = zip(*pos.values())
    ax.set_xlim(min(xs) - 0.3, max(xs) + 0.3)
    ax.set_ylim(min(ys) - 0.38, max(ys) + 0.3)
    bare_axes(ax)
    handles = [
        Line2D([], [], color=c, lw=1.2, ls=s, label=words["families"][f])
        for f, (c, s, _) in FAMILY_STYLE.items()
    ]
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            color="white",
            markeredgecolor=BLACK,
            ls="",
            ms=9,
            label=words["betweenness"],
        )
    )
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.02),
        ncol=1 if layout == "narrow" else 2,
        fontsize=MIN_TEXT_PT,
        frameon=False,
    )
    return finished(fig)
