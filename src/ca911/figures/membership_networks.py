"""Figures of the membership network: the snapshots on one fixed layout, and their projection onto
pairs of states that share organisations."""

from __future__ import annotations

from matplotlib.lines import Line2D

from ca911.analysis import membership_network
from ca911.analysis import network_layouts as layouts
from ca911.data.language import DEFAULT_LANG
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
    latin_width,
    two_layouts,
    words_in,
    wrap,
)

WORDS = {
    "en": {
        "title": "{label}\n(as of {date})",
        "projected title": "{label} (as of {date})",
        "member": "member (as before)",
        "joined": "joined since last panel",
        "first_shown": "first shown, joining\ndate not given",
        "ended": "ended since last panel",
        "observer": "observer",
        "not in network": "not in the network then",
        "sides": "states left,\norganisations right",
        "share": {1: "share 1 organisation", 2: "share 2 organisations", 3: "share 3 or more"},
        "state not in network": "state not in the network then",
    },
    "ja": {
        "title": "{label}\n（{date}時点）",
        "projected title": "{label}（{date}時点）",
        "member": "加盟（前の図と同じ）",
        "joined": "前の図以後に加盟",
        "first_shown": "ここで初出\n（加盟日の記載なし）",
        "ended": "前の図以後に終了",
        "observer": "オブザーバー",
        "not in network": "この時点でネットワーク外",
        "sides": "左に国家、\n右に機構",
        "share": {1: "共通の機構 1", 2: "共通の機構 2", 3: "共通の機構 3 以上"},
        "state not in network": "この時点でネットワーク外の国",
    },
}


# ----------------------------------------------------------------------------------- memberships
# A pair drawn for the first time: joined since the last panel (a dated joining), or first shown
# (the chapters show it held by this date and date no joining): line styles, both in vermillion.
FRESH = {"joined": "-", "first_shown": "-."}
ORG_LABEL_WIDTH = 9  # Latin characters: the width of the longest acronym on the right (EvRazES)


@two_layouts
def membership_snapshots(
    pkg, snapshots=membership_network.SNAPSHOTS, layout: str = "wide", lang: str = DEFAULT_LANG
):
    """One panel per snapshot on one fixed two-column layout; new memberships in vermillion, ended
    ones dotted grey, members and organisations not (or no longer) in the network in light grey."""
    pos = require(layouts.membership_layout(pkg), "memberships that any date can show")
    names = node_names(pkg, short=True, lang=lang)
    words = words_in(WORDS, lang)
    narrow = layout == "narrow"
    # narrow: one panel a row (two across, a panel's names run into its neighbour's), the key
    # under the panels, not in one; wide: three across where a panel's widest names on both sides
    # leave its two columns room (English), else two (Japanese names are twice as wide)
    shown = {
        n: names.get(n, n) if x == 0.0 else wrap(names.get(n, n), ORG_LABEL_WIDTH, "en")
        for n, (x, _) in pos.items()
    }
    sides = [
        max(
            latin_width(line)
            for n, (x, _) in pos.items()
            if (x == 0.0) == left
            for line in shown[n].splitlines()
        )
        for left in (True, False)
    ]
    ncols = 1 if narrow else 3 if sum(sides) <= THREE_ACROSS_NAMES else 2
    nrows = -(-(len(snapshots) + (0 if narrow else 1)) // ncols)
    key_h = 1.4 if narrow else 0.0
    # two across takes a row more: lower panels keep the figure under print's height cap (19 cm),
    # so it is not scaled below the 8 pt floor, and leave its (Japanese) caption room on its page
    panel_h = 2.4 if narrow else 3.3 if ncols == 3 else 2.6
    fig, axes = figure(
        panel_h * nrows + key_h,
        figure_width(layout),
        nrows=nrows,
        ncols=ncols,
        layout=None,
        squeeze=False,
    )
    drawn = set()  # the kinds of change drawn: the key lists only those
    for ax, change in zip(axes.flat, membership_network.snapshot_changes(pkg, snapshots)):
        label = change["label"]
        G = membership_network.build_membership_graph(pkg, label)
        for a, b in sorted(change["ended"]):
            ax.plot(*zip(pos[a], pos[b]), color="#8a8a8a", linewidth=1.0, linestyle=":", zorder=1)
        drawn |= {"ended"} if change["ended"] else set()
        for a, b in sorted(change["edges"]):
            observer = "observer" in G.edges[a, b]["statuses"]
            kind = next((k for k in FRESH if (a, b) in change[k]), None)
            drawn |= {kind} if kind else set()
            ax.plot(
                *zip(pos[a], pos[b]),
                color=VERMILLION if kind else BLUE,
                linewidth=1.6 if kind else 0.9,
                linestyle="--" if observer else FRESH.get(kind, "-"),
                zorder=2,
            )
        for n, (x, y) in pos.items():
            on = n in G
            ax.scatter([x], [y], s=16, color=BLACK if on else FAINT, zorder=3, linewidths=0)
            left = x == 0.0
            ax.text(
                x - 0.06 if left else x + 0.06,
                y,
                # an organisation named in full ('Shanghai Forum') on two lines, broken at its
                # spaces only (上海フォーラム has none: as wide as EvRazES, it stays whole)
                shown[n],
                ha="right" if left else "left",
                va="center",
                fontsize=MIN_TEXT_PT,
                color=BLACK if on else "#9a9a9a",
            )
        ax.set_title(
            words["title"].format(
                label=date_words(label, short=False, lang=lang),
                date=date_words(G.graph["as_of"], lang=lang),
            ),
            fontsize=MIN_TEXT_PT,
        )
        ax.set_xlim(-1.0, 1.95)
        ax.set_ylim(-0.05, 1.05)
        bare_axes(ax)
    for ax in list(axes.flat)[len(snapshots) :]:
        bare_axes(ax)
    handles = [
        Line2D([], [], color=BLUE, lw=0.9, label=words["member"]),
        *(
            Line2D([], [], color=VERMILLION, lw=1.6, ls=FRESH[k], label=words[k])
            for k in FRESH
            if k in drawn
        ),
        *(
            [Line2D([], [], color="#8a8a8a", lw=1.0, ls=":", label=words["ended"])]
            if "ended" in drawn
            else []
        ),
        # observers in either colour (blue as before, vermillion new): the dash alone, in grey
        Line2D([], [], color="#555555", lw=0.9, ls="--", label=words["observer"]),
        Line2D([], [], marker="o", color=FAINT, ls="", ms=4, label=words["not in network"]),
    ]
    key = {
        "handles": handles,
        "fontsize": MIN_TEXT_PT,
        "frameon": False,
        "title_fontsize": MIN_TEXT_PT,
        "title": words["sides"],
    }
    fig.subplots_adjust(
        wspace=0.02,
        hspace=0.22,
        left=0.02,
        right=0.98,
        bottom=key_h / (panel_h * nrows + key_h) + 0.01 if narrow else None,
    )
    _names_inside(list(axes.flat)[: len(snapshots)])
    if narrow:
        _key_under_panels(fig, key, panel_h * nrows)
    else:
        _key_clear_of_labels(list(axes.flat)[-1], key)
    return finished(fig)


THREE_ACROSS_NAMES = 22  # Latin characters of the widest names on both sides of a panel
MIN_COLUMNS_PX = 50.0  # room left between a panel's two columns of names
NAME_PAD_PX = 3.0  # between a panel's outermost name and the panel's edge


def _names_inside(panels) -> None:
    """Each panel's x range widened (its columns drawn closer together) until its names on both
    sides fit inside the panel: Japanese names are wider and ran into the neighbouring panel."""
    fig = panels[0].figure
    fig.draw_without_rendering()
    renderer = fig._get_renderer()
    for ax in panels:
        left = [t for t in ax.texts if t.get_ha() == "right"]
        right = [t for t in ax.texts if t.get_ha() == "left"]
        if not left or not right:
            continue
        width = ax.get_window_extent(renderer).width
        lw = max(t.get_window_extent(renderer).width for t in left) + NAME_PAD_PX
        rw = max(t.get_window_extent(renderer).width for t in right) + NAME_PAD_PX
        a, b = max(t.get_position()[0] for t in left), min(t.get_position()[0] for t in right)
        lo, hi = ax.get_xlim()
        scale = width / (hi - lo)  # px per unit as drawn
        if (a - lo) * scale >= lw and (hi - b) * scale >= rw:
            continue
        if width - lw - rw < MIN_COLUMNS_PX:
            # names too long for any panel (data with text no chapter prints): the panel is left
            # as drawn, for the book's figure checks to name, rather than the notebook failing
            continue
        scale = (width - lw - rw) / (b - a)
        ax.set_xlim(a - lw / scale, b + rw / scale)


KEY_GAP_PT = 2.0  # between the key and any name of the panels (figure_checks.TEXT_GAP_PT)
KEY_CLEARANCE_PT = 10.0  # between the key under the panels and the last panel's lowest name


def _key_under_panels(fig, key: dict, panels_h: float) -> None:
    """The key under the panels, the figure made as tall as the key needs: a fixed room for it
    let the Japanese key, whose entries wrap, reach up into the last panel."""
    legend = fig.legend(loc="lower center", bbox_to_anchor=(0.5, 0.0), **key)
    key_h = legend.get_window_extent(fig._get_renderer()).height / fig.dpi
    key_h += KEY_CLEARANCE_PT / 72
    top_margin = fig.get_figheight() * (1 - fig.subplotpars.top)
    height = panels_h + key_h + top_margin
    fig.set_size_inches(fig.get_figwidth(), height)
    fig.subplots_adjust(bottom=key_h / height, top=1 - top_margin / height)


def _key_clear_of_labels(ax, key: dict) -> None:
    """The key in the spare panel, at its middle, foot or head: the first place where it keeps
    KEY_GAP_PT from every name of the panels (the longest names differ between the editions)."""
    fig = ax.figure
    for loc, y in (
        ("center right", 0.5),
        ("lower right", 0.0),
        ("upper right", 1.0),
        ("lower right", -0.22),
    ):
        legend = ax.legend(loc=loc, bbox_to_anchor=(1.04, y), **key)
        fig.draw_without_rendering()
        renderer = fig._get_renderer()
        box = legend.get_window_extent(renderer).padded(KEY_GAP_PT * fig.dpi / 72)
        own = set(legend.findobj())
        names = [t for a in fig.axes for t in a.texts if t not in own and t.get_text().strip()]
        if not any(t.get_window_extent(renderer).overlaps(box) for t in names):
            return
    # no place is clear (names no chapter prints, as long as the hostile-input book's): the key
    # stays at the last place tried, for the book's figure checks to name, rather than the notebook
    # failing


@two_layouts
def projected_snapshots(
    pkg, snapshots=membership_network.SNAPSHOTS, layout: str = "wide", lang: str = DEFAULT_LANG
):
    """State–state networks per snapshot on one fixed circle: thin blue = one shared organisation,
    vermillion = two, thicker vermillion = three or more, the key listing only the widths drawn (the
    exact counts are in `networks.projected_weights`)."""
    pos = require(layouts.projection_layout(pkg), "memberships that any date can show")
    names = node_names(pkg, lang=lang)
    words = words_in(WORDS, lang)
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
    # the circle's names reach out sideways: about 0.075 layout units a Latin character at 8.5 pt
    # ('Uzbekistan' to 1.95, 'ウズベキスタン' further), so neighbouring panels' names stay apart
    reach = 1.2 + 0.075 * max(latin_width(names.get(n, n)) for n in pos)
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
            words["projected title"].format(
                label=date_words(label, short=False, lang=lang),
                date=date_words(P.graph["as_of"], lang=lang),
            ),
            fontsize=MIN_TEXT_PT,
            pad=9,
            loc="left",
        )  # a heading, apart from the node label centred under it
        ax.set_xlim(-reach, reach)
        ax.set_ylim(-1.45, 1.45)
        ax.set_aspect("equal")
        ax.set_axis_off()
    for ax in list(axes.flat)[len(snapshots) :]:
        bare_axes(ax)
    weights = [
        Line2D([], [], color=BLUE, lw=0.6, alpha=0.6, label=words["share"][1]),
        Line2D([], [], color=VERMILLION, lw=1.7, label=words["share"][2]),
        Line2D([], [], color=VERMILLION, lw=2.8, label=words["share"][3]),
    ]
    handles = weights[: min(heaviest, 3)] + [
        Line2D([], [], marker="o", color=FAINT, ls="", ms=4, label=words["state not in network"])
    ]  # only widths drawn
    list(axes.flat)[-1].legend(handles=handles, loc="center", fontsize=MIN_TEXT_PT, frameon=False)
    fig.subplots_adjust(wspace=0.2, hspace=0.3 if narrow else 0.2)
    return finished(fig)
