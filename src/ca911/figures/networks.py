"""Figures of the actor networks (`ca911.analysis.*_network`), in the one style of `ca911.figures.style`.

Every function returns a closed matplotlib Figure (closed so a notebook shows it only where it is
glued), at most `A4_TEXT_WIDTH_IN` wide, with fixed positions so rebuilds draw the same picture.
Colour never carries information alone: line style, labels or text repeat it.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from ca911.analysis import contact_network as contacts
from ca911.analysis import membership_network, presence_network
from ca911.analysis import network_layouts as layouts
from ca911.data import dates
from ca911.data.numbers import with_qualifier
from ca911.figures.style import (
    FIGURE_WIDTH_IN,
    FORCES,
    MIN_TEXT_PT,
    OKABE_ITO,
    figure,
    figure_width,
    force_colour,
    two_layouts,
)

BLUE, VERMILLION, GREEN, ORANGE, SKY, PURPLE, BLACK = (OKABE_ITO[i] for i in (4, 5, 2, 0, 1, 6, 7))
FAINT = "#c8c8c8"


def node_names(pkg, short: bool = False) -> dict[str, str]:
    """Labels for the figures: English names with the parts the chapters do not print in square brackets."""
    names = pkg.actors.set_index("actor_id")["name_shown"].to_dict()
    if short:  # organisations by their acronym (their id), states and others by name
        kinds = pkg.actors.set_index("actor_id")["kind"].to_dict()
        names = {k: (k if kinds[k] == "organization" else v) for k, v in names.items()}
    names["western-forces"] = FORCES["western-forces"].short
    return names


def bare_axes(ax) -> None:
    ax.set_axis_off()
    ax.set_aspect("auto")


def date_words(value, short: bool = True, lang: str = "en") -> str:
    """A date of any precision as figure text prints it (`dates.words`): '2001-09' → 'Sep 2001' when short."""
    return dates.words(str(value)[:10], lang, short=short)


def finished(fig):
    plt.close(fig)  # drawn only where glued
    return fig


def require(items, what: str):
    """Fail loudly instead of drawing an empty network (the chronology helpers' wording)."""
    if len(items) == 0:
        raise ValueError(
            f"no {what} in the data: the figure would be empty (check data/ and the filters used)"
        )
    return items


# ----------------------------------------------------------------------------------- memberships
def _change_colours(now: set, before: set | None):
    new = now - before if before is not None else set()
    gone = (before - now) if before is not None else set()
    return new, gone


@two_layouts
def membership_snapshots(pkg, snapshots=membership_network.SNAPSHOTS, layout: str = "wide"):
    """One panel per snapshot on one fixed two-column layout; new memberships in vermillion, ended ones
    dotted grey, members and organisations not (or no longer) in the network in light grey."""
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
    vermillion = two, thicker vermillion = three or more, the key listing only the widths drawn (the exact counts are in
    `networks.projected_weights`)."""
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


# -------------------------------------------------------------------------------------- presence
FACILITY_SHORT = {
    "karshi-khanabad": "[Karshi-]Khanabad",
    "manas": "Manas",
    "kant": "Kant",
    "kulyab": "Kulyab",
}


def _presence_label(actor_id: str, names: dict) -> str:
    """A force by the force table's short name (an organisation by its acronym, as in every network figure),
    a base by its short name, anything else by its name."""
    if actor_id in FORCES:
        return FORCES[actor_id].acronym or FORCES[actor_id].short
    return FACILITY_SHORT.get(actor_id, names.get(actor_id, actor_id))


def _width(n) -> float:
    return 0.7 if n is None else 0.8 + 3.6 * (n / 18000) ** 0.5


def presence_entry(u: str, v: str, d: dict, names: dict) -> str:
    """One line of the presence key: force → host (at facility): number as printed (date), status."""
    facility = ", ".join(_presence_label(f, names) for f in d["facility"].split(";") if f)
    n = d.get("personnel")
    text = f"{_presence_label(u, names)} → {names.get(v, v)}" + (
        f" at {facility}" if facility else ""
    )
    text += f": {with_qualifier(n, d.get('personnel_qualifier'))}"
    text += (
        f" ({date_words(d['personnel_as_of'])})"
        if n is not None
        else f" (record {date_words(d['as_of'])})"
    )
    if d["status"] not in ("present", "arriving"):
        text += f", {d['status']}"
    return text


def _stagger(pos: dict, step: float = 0.14) -> dict:
    """Every other label in a row of nodes one line further out, so neighbours' labels never collide."""
    rows: dict[float, list] = {}
    for n, (x, y) in pos.items():
        rows.setdefault(round(y, 3), []).append((x, n))
    return {n: step * (i % 2) for row in rows.values() for i, (_, n) in enumerate(sorted(row))}


@two_layouts
def presence_panels(pkg, layout: str = "wide"):
    """Force → host arrows at the three dates, forces on top and hosts below. Width grows with the
    square root of personnel (the latest number the chapters give by then); dashed where the latest
    record is an agreement or a plan; thin grey where no number is given. Each arrow carries a number
    that the key beside the panel explains."""
    pos = require(layouts.presence_layout(pkg), "deployments of troops")
    names = node_names(pkg, short=True)
    snaps = presence_network.presence_snapshots(pkg)
    # node labels at the panel edges reach past the axes; the tight bounding box must still fit the text width
    narrow = layout == "narrow"
    key_width = 54 if narrow else 50
    if narrow:  # each panel's key under it, as tall as its lines
        fig, axes = _stacked_with_keys(
            [
                len(
                    _presence_key(
                        presence_network.build_presence_graph(pkg, date), names, key_width
                    )
                )
                for date in snaps.values()
            ],
            figure_width(layout),
        )
    else:
        fig, axes = figure(
            2.6 * len(snaps) + 0.3,
            FIGURE_WIDTH_IN - 0.1,
            nrows=len(snaps),
            ncols=2,
            layout=None,
            gridspec_kw={"width_ratios": [1.08, 1.12]},
        )
    titles = {
        "before-9-11": "Before 11 September",
        "after-9-11": "After 11 September",
        "latest": "Latest the chapters give",
    }
    if not narrow:
        fig.subplots_adjust(
            hspace=0.35, wspace=0.02, bottom=0.12
        )  # before placing numbers: they are placed in points
    for (ax, key_ax), (key, date) in zip(axes, snaps.items()):
        G = presence_network.build_presence_graph(pkg, date)
        ax.set_xlim(-0.04, 1.04)
        ax.set_ylim(-0.62, 1.67)
        stagger = _stagger(pos, step=0.27)
        for n, (x, y) in pos.items():
            on = n in G
            top = y == 1.0
            ax.scatter(
                [x],
                [y],
                s=40,
                color=force_colour(n, "white") if top and on else "white",
                edgecolor=BLACK if on else FAINT,
                zorder=3,
                linewidths=0.8,
            )
            label = _presence_label(n, names).replace("Western ", "Western\n")
            ax.text(
                x,
                y + (0.12 + stagger[n] if top else -0.12 - stagger[n]),
                label,
                ha="center",
                linespacing=1.0,
                va="bottom" if top else "top",
                fontsize=MIN_TEXT_PT,
                color=BLACK if on else "#9a9a9a",
            )
        lines, placed = [], []
        for i, (u, v, d) in enumerate(sorted(G.edges(data=True)), start=1):
            n = d.get("personnel")
            colour = force_colour(u, BLACK) if n is not None else "#777777"
            style = "-" if d["status"] in ("present", "arriving") else (0, (3, 1.5))
            lw = _width(n)
            ax.add_patch(
                FancyArrowPatch(
                    pos[u],
                    pos[v],
                    arrowstyle="-|>",
                    mutation_scale=7 + 1.5 * lw,
                    lw=lw,
                    color=colour,
                    linestyle=style,
                    shrinkA=5,
                    shrinkB=6,
                    zorder=2,
                )
            )
            x, y = _number_spot(ax, pos[u], pos[v], placed)
            ax.text(
                x,
                y,
                str(i),
                fontsize=MIN_TEXT_PT,
                ha="center",
                va="center",
                zorder=4,
                bbox={"boxstyle": "circle,pad=0.15", "fc": "white", "ec": colour, "lw": 0.7},
            )
            lines.append(
                textwrap.fill(
                    f"{i}  {presence_entry(u, v, d, names)}", key_width, subsequent_indent="     "
                )
            )
        ax.set_title(
            f"{titles.get(key, key)} (as of {date_words(f'{date:%Y-%m-%d}')})",
            fontsize=MIN_TEXT_PT,
            loc="left",
        )
        bare_axes(ax)
        key_ax.text(
            0.0,
            1.0,
            "\n".join(lines) if lines else "no presence recorded",
            fontsize=MIN_TEXT_PT,
            va="top",
            ha="left",
            linespacing=1.1,
            transform=key_ax.transAxes,
        )
        bare_axes(key_ax)
    handles = [
        Line2D([], [], color=BLACK, lw=1.2, label="present or arriving"),
        Line2D([], [], color=BLACK, lw=1.2, ls=(0, (3, 1.5)), label="agreed or planned"),
        Line2D([], [], color="#777777", lw=0.7, label="no number given"),
        Line2D([], [], color=BLACK, lw=_width(1000), label="1,000 personnel"),
        Line2D([], [], color=BLACK, lw=_width(18000), label="18,000 personnel"),
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=2 if narrow else 3,
        fontsize=MIN_TEXT_PT,
        frameon=False,
        bbox_to_anchor=(0.5, 0.0),
    )
    return finished(fig)


def _presence_key(G, names: dict, width: int) -> list[str]:
    """The key's lines for one presence panel, as presence_panels writes them."""
    return [
        line
        for i, (u, v, d) in enumerate(sorted(G.edges(data=True)), start=1)
        for line in textwrap.fill(
            f"{i}  {presence_entry(u, v, d, names)}", width, subsequent_indent="     "
        ).split("\n")
    ]


def _stacked_with_keys(
    key_lines: list[int],
    width_in: float,
    graph_h: float = 2.2,
    gap: float = 0.32,
    legend_h: float = 0.75,
):
    """Narrow presence panels: each graph with its key under it, the key's axes as tall as its lines."""
    line_h = MIN_TEXT_PT * 1.1 * 1.2 / 72
    height = sum(gap + graph_h + gap + max(n, 1) * line_h for n in key_lines) + legend_h
    fig, _ = figure(height, width_in, layout=None)
    fig.clear()
    axes, top = [], height
    for n in key_lines:
        top -= gap  # the panel's title
        ax = fig.add_axes((0.0, (top - graph_h) / height, 1.0, graph_h / height))
        top -= graph_h + gap
        key_h = max(n, 1) * line_h
        axes.append((ax, fig.add_axes((0.0, (top - key_h) / height, 1.0, key_h / height))))
        top -= key_h
    return fig, axes


NUMBER_CLEARANCE_PT = 14.0  # two numbered circles (8.5 pt digits) closer than this touch


def _number_spot(ax, a, b, placed: list) -> tuple[float, float]:
    """Where along the arrow a→b its number goes: the first point, walking from the middle outward, at least
    NUMBER_CLEARANCE_PT from every number already placed in the panel (placed in points, then appended)."""
    to_pt = ax.transData + ax.figure.dpi_scale_trans.inverted()
    (x1, y1), (x2, y2) = a, b
    best, best_gap = None, -1.0
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8):
        spot = (x1 + t * (x2 - x1), y1 + t * (y2 - y1))
        px, py = to_pt.transform(spot) * 72
        gap = min(
            (((px - qx) ** 2 + (py - qy) ** 2) ** 0.5 for qx, qy in placed), default=float("inf")
        )
        if gap >= NUMBER_CLEARANCE_PT:
            best = spot
            break
        if gap > best_gap:
            best, best_gap = spot, gap
    placed.append(tuple(to_pt.transform(best) * 72))
    return best


# -------------------------------------------------------------------------------------- contacts
FAMILY_STYLE = {
    "calls and messages": (ORANGE, "-", 0.0),
    "visits": (BLUE, (0, (5, 2)), 0.22),
    "meetings and agreements": (GREEN, (0, (1.5, 1.5)), -0.22),
}


@two_layouts
def contact_network(
    G, pos: dict | None = None, centrality: pd.DataFrame | None = None, layout: str = "wide"
):
    """The contact graph: one curve per pair and family of contact (colour and dash), width and number =
    events; node size = betweenness (the bridge positions)."""
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
    stagger = _stagger(pos)
    for n, (x, y) in sorted(pos.items()):
        size = 60 + 900 * float(between.get(n, 0.0))
        ax.scatter([x], [y], s=size, color="white", edgecolor=BLACK, linewidths=0.9, zorder=2)
        label = G.nodes[n]["label"].replace("Commonwealth of Independent States", "CIS")
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
        Line2D([], [], color=c, lw=1.2, ls=s, label=f) for f, (c, s, _) in FAMILY_STYLE.items()
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
            label="larger circle = higher betweenness",
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
