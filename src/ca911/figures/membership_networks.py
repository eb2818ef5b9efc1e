"""Figures of the membership network: the snapshots on one fixed layout, and their projection onto
pairs of states that share organisations."""

from __future__ import annotations

from matplotlib.lines import Line2D

from ca911.analysis import membership_network
from ca911.analysis import network_layouts as layouts
from ca911.figures.networks import (
    BLACK,
    BLUE,
    FAINT,
    VERMILLION,
    bare_axes,
    date_words,
    finished,
    node_names,
    require,
)
from ca911.figures.style import (
    MIN_TEXT_PT,
    figure,
    figure_width,
    two_layouts,
)


# ----------------------------------------------------------------------------------- memberships
def _change_colours(now: set, before: set | None):
    new = now - before if before is not None else set()
    gone = (before - now) if before is not None else set()
    return new, gone


@two_layouts
def membership_snapshots(pkg, snapshots=membership_network.SNAPSHOTS, layout: str = "wide"):
    """One panel per snapshot on one fixed two-column layout; new memberships in vermillion, ended
    ones dotted grey, members and organisations not (or no longer) in the network in light grey."""
    pos = require(layouts.membership_layout(pkg), "memberships that any date can show")
    names = node_names(pkg, short=True)
    narrow = layout == "narrow"
    ncols = 2 if narrow else 3
    nrows = -(
        -(len(snapshots) + (0 if narrow else 1)) // ncols
    )  # narrow: the key under the panels, not in one
    key_h = 1.4 if narrow else 0.0
    fig, axes = figure(
        3.3 * nrows + key_h, figure_width(layout), nrows=nrows, ncols=ncols, layout=None
    )
    before = None
    for ax, label in zip(axes.flat, snapshots):
        G = membership_network.build_membership_graph(pkg, label)
        edges = {tuple(sorted(e)) for e in G.edges}
        new, gone = _change_colours(edges, before)
        for a, b in sorted(gone):
            ax.plot(*zip(pos[a], pos[b]), color="#8a8a8a", linewidth=1.0, linestyle=":", zorder=1)
        for a, b in sorted(edges):
            observer = "observer" in G.edges[a, b]["statuses"]
            ax.plot(
                *zip(pos[a], pos[b]),
                color=VERMILLION if (a, b) in new else BLUE,
                linewidth=1.6 if (a, b) in new else 0.9,
                linestyle="--" if observer else "-",
                zorder=2,
            )
        for n, (x, y) in pos.items():
            on = n in G
            ax.scatter([x], [y], s=16, color=BLACK if on else FAINT, zorder=3, linewidths=0)
            left = x == 0.0
            ax.text(
                x - 0.06 if left else x + 0.06,
                y,
                names.get(n, n),
                ha="right" if left else "left",
                va="center",
                fontsize=MIN_TEXT_PT,
                color=BLACK if on else "#9a9a9a",
            )
        ax.set_title(
            f"{date_words(label, short=False)}\n(as of {date_words(G.graph['as_of'])})",
            fontsize=MIN_TEXT_PT,
        )
        ax.set_xlim(-1.0, 1.95)
        ax.set_ylim(-0.05, 1.05)
        bare_axes(ax)
        before = edges
    for ax in list(axes.flat)[len(snapshots) :]:
        bare_axes(ax)
    handles = [
        Line2D([], [], color=BLUE, lw=0.9, label="member (as before)"),
        Line2D([], [], color=VERMILLION, lw=1.6, label="new since previous panel"),
        Line2D([], [], color="#8a8a8a", lw=1.0, ls=":", label="ended since previous panel"),
        Line2D([], [], color=BLUE, lw=0.9, ls="--", label="observer"),
        Line2D([], [], marker="o", color=FAINT, ls="", ms=4, label="not in the network then"),
    ]
    key = {
        "handles": handles,
        "fontsize": MIN_TEXT_PT,
        "frameon": False,
        "title_fontsize": MIN_TEXT_PT,
        "title": "states on the left,\norganisations on the right",
    }
    if narrow:
        fig.legend(loc="lower center", bbox_to_anchor=(0.5, 0.0), **key)
    else:
        list(axes.flat)[-1].legend(
            loc="center right", bbox_to_anchor=(1.04, 0.5), **key
        )  # clear of the labels of the panel beside it
    fig.subplots_adjust(
        wspace=0.02,
        hspace=0.22,
        left=0.02,
        right=0.98,
        bottom=key_h / (3.3 * nrows + key_h) + 0.01 if narrow else None,
    )
    return finished(fig)


@two_layouts
def projected_snapshots(pkg, snapshots=membership_network.SNAPSHOTS, layout: str = "wide"):
    """State–state networks per snapshot on one fixed circle: thin blue = one shared organisation,
    vermillion = two, thicker vermillion = three or more, the key listing only the widths drawn (the
    exact counts are in `networks.projected_weights`)."""
    pos = require(layouts.projection_layout(pkg), "memberships that any date can show")
    names = node_names(pkg)
    narrow = layout == "narrow"
    ncols = 1 if narrow else 2
    nrows = -(-(len(snapshots) + 1) // ncols)
    fig, axes = figure(
        (2.6 if narrow else 2.25) * nrows,
        figure_width(layout),
        nrows=nrows,
        ncols=ncols,
        layout=None,
        squeeze=False,
    )
    heaviest = 0
    for ax, label in zip(axes.flat, snapshots):
        P = membership_network.project_members(
            membership_network.build_membership_graph(pkg, label)
        )
        heaviest = max([heaviest, *(w for _, _, w in P.edges(data="weight"))])
        for a, b, w in sorted(P.edges(data="weight")):
            (x1, y1), (x2, y2) = pos[a], pos[b]
            ax.plot(
                [x1, x2],
                [y1, y2],
                color=BLUE if w == 1 else VERMILLION,
                linewidth=0.6 if w == 1 else 0.6 + 1.1 * (w - 1),
                alpha=0.6 if w == 1 else 1.0,
                zorder=1 if w == 1 else 2,
            )
        for n, (x, y) in pos.items():
            on = n in P
            ax.scatter([x], [y], s=12, color=BLACK if on else FAINT, zorder=3, linewidths=0)
            out = (
                1.1 if abs(x) > 0.05 else 1.32
            )  # a label centred over a node clears its neighbours' labels
            ax.text(
                x * out,
                y * out,
                names.get(n, n),
                fontsize=MIN_TEXT_PT,
                ha="left" if x > 0.05 else "right" if x < -0.05 else "center",
                va="bottom" if y > 0.05 else "top" if y < -0.05 else "center",
                color=BLACK if on else "#9a9a9a",
            )
        ax.set_title(
            f"{date_words(label, short=False)} (as of {date_words(P.graph['as_of'])})",
            fontsize=MIN_TEXT_PT,
            pad=9,
            loc="left",
        )  # a heading, apart from the node label centred under it
        ax.set_xlim(-1.95, 1.95)
        ax.set_ylim(-1.45, 1.45)
        ax.set_aspect("equal")
        ax.set_axis_off()
    for ax in list(axes.flat)[len(snapshots) :]:
        bare_axes(ax)
    weights = [
        Line2D([], [], color=BLUE, lw=0.6, alpha=0.6, label="share 1 organisation"),
        Line2D([], [], color=VERMILLION, lw=1.7, label="share 2 organisations"),
        Line2D([], [], color=VERMILLION, lw=2.8, label="share 3 or more"),
    ]
    handles = weights[: min(heaviest, 3)] + [
        Line2D([], [], marker="o", color=FAINT, ls="", ms=4, label="state not in the network then")
    ]  # only widths drawn
    list(axes.flat)[-1].legend(handles=handles, loc="center", fontsize=MIN_TEXT_PT, frameon=False)
    fig.subplots_adjust(wspace=0.2, hspace=0.3 if narrow else 0.2)
    return finished(fig)
