"""Figures of the military-presence network: forces in host countries before and after 11 September,
with numbered edges keyed beside each panel."""

from __future__ import annotations

import textwrap

from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from ca911.analysis import network_layouts as layouts
from ca911.analysis import presence_network
from ca911.data.language import DEFAULT_LANG
from ca911.data.numbers import count_in_column
from ca911.data.presence_words import no_number, status_word
from ca911.figures import numbered_arrows
from ca911.figures.networks import (
    BLACK,
    FAINT,
    bare_axes,
    date_words,
    finished,
    node_names,
    require,
    staggered_label_offsets,
)
from ca911.figures.style import (
    FIGURE_WIDTH_IN,
    FORCES,
    MIN_TEXT_PT,
    figure,
    figure_width,
    force_colour,
    keep_inside_axes,
    two_layouts,
    words_in,
    wrap,
)

# -------------------------------------------------------------------------------------- presence
FACILITY_SHORT = {
    "en": {
        "karshi-khanabad": "[Karshi-]Khanabad",
        "manas": "Manas",
        "kant": "Kant",
        "kulyab": "Kulyab",
    },
    "ja": {
        "karshi-khanabad": "ハナバード",
        "manas": "マナス",
        "kant": "カント",
        "kulyab": "クリャブ",
    },
}
WORDS = {
    "en": {
        "at": " at {facility}",
        "count": ": {count}",
        "as of": " ({date})",
        "record": " (record {date})",
        "status": ", {status}",
        "titles": {
            "before-9-11": "Before 11 September",
            "after-9-11": "After 11 September",
            "latest": "Latest recorded",
        },
        "title": "{title} (as of {date})",
        "none": "no presence recorded",
        "present or arriving": "present or arriving",
        "agreed or planned": "agreed or planned",
        "personnel": "{number} personnel",
    },
    "ja": {
        "at": "（{facility}）",
        "count": "：{count}",
        "as of": "（{date}）",
        "record": "（記録 {date}）",
        "status": "、{status}",
        "titles": {
            "before-9-11": "9月11日以前",
            "after-9-11": "9月11日以後",
            "latest": "両章が示す最新の状況",
        },
        "title": "{title}（{date}時点）",
        "none": "駐留の記録なし",
        "present or arriving": "駐留・到着途上",
        "agreed or planned": "合意・計画",
        "personnel": "{number}人",
    },
}


# a wide layout's key beside its graph, in Latin widths (style.latin_width): an English letter is
# set wider than half a Japanese character, so English fills the key's width in fewer
WIDE_KEY_WIDTH = {"en": 50, "ja": 54}


def _presence_label(actor_id: str, names: dict, lang: str = DEFAULT_LANG) -> str:
    """A force by the force table's short name (for a force that is an actor of its own, the data's
    declared short form), a base by its short name, anything else by its name."""
    if actor_id in FORCES:
        return FORCES[actor_id].short[lang]
    return words_in(FACILITY_SHORT, lang).get(actor_id, names.get(actor_id, actor_id))


def _width(n) -> float:
    return 0.7 if n is None else 0.8 + 3.6 * (n / 18000) ** 0.5


def presence_entry(u: str, v: str, d: dict, names: dict, lang: str = DEFAULT_LANG) -> str:
    """One line of the presence key: force → host (at facility): number as printed (date),
    status."""
    words = words_in(WORDS, lang)
    facility = "、" if lang == "ja" else ", "
    facility = facility.join(_presence_label(f, names, lang) for f in d["facility"].split(";") if f)
    n = d.get("personnel")
    text = f"{_presence_label(u, names, lang)} → {names.get(v, v)}" + (
        words["at"].format(facility=facility) if facility else ""
    )
    text += words["count"].format(
        count=count_in_column(n, d.get("personnel_qualifier"), "persons", lang)
    )
    text += (
        words["as of"].format(date=date_words(d["personnel_as_of"], lang=lang))
        if n is not None
        else words["record"].format(date=date_words(d["as_of"], lang=lang))
    )
    # a number 'expected' says what the status 'planned' would (the codebook's "planned or
    # expected"): Manas's 3,200 were expected, not planned
    expected = d.get("personnel_qualifier") == "expected" and d["status"] == "planned"
    if d["status"] not in ("present", "arriving") and not expected:
        text += words["status"].format(status=status_word(d["status"], lang))
    return text


@two_layouts
def presence_panels(pkg, layout: str = "wide", lang: str = DEFAULT_LANG):
    """Force → host arrows at the three dates, forces on top and hosts below. Width grows with the
    square root of personnel (the latest number the chapters give by then); dashed where the latest
    record is an agreement or a plan; thin grey where no number is given. Each arrow carries a
    number that the key beside the panel explains."""
    pos = require(layouts.presence_layout(pkg), "deployments of troops")
    names = node_names(pkg, short=True, lang=lang)
    words = words_in(WORDS, lang)
    snaps = presence_network.presence_snapshots(pkg)
    # node labels at the panel edges reach past the axes; the tight bounding box must still fit the
    # text width
    narrow = layout == "narrow"
    key_width = 54 if narrow else WIDE_KEY_WIDTH[lang]
    graphs = {key: presence_network.build_presence_graph(pkg, date) for key, date in snaps.items()}
    # one number per force → host pair in every panel, so an arrow can be followed through time
    numbers = {
        edge: n
        for n, edge in enumerate(sorted({(u, v) for G in graphs.values() for u, v in G.edges}), 1)
    }
    key_lines = [len(_presence_key(G, names, key_width, numbers, lang)) for G in graphs.values()]
    width = figure_width(layout) if narrow else FIGURE_WIDTH_IN - 0.1
    fig, axes = _panels_with_keys(key_lines, width, beside=not narrow)
    titles = words["titles"]
    for (ax, key_ax), (key, date) in zip(axes, snaps.items()):
        G = graphs[key]
        ax.set_xlim(-0.04, 1.04)
        ax.set_ylim(-0.52, 1.5)
        stagger = staggered_label_offsets(pos, step=0.27)
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
            label = _presence_label(n, names, lang).replace("Western ", "Western\n")
            text = ax.text(
                x,
                y + (0.12 + stagger[n] if top else -0.12 - stagger[n]),
                label,
                ha="center",
                linespacing=1.0,
                va="bottom" if top else "top",
                fontsize=MIN_TEXT_PT,
                color=BLACK if on else "#9a9a9a",
            )
            keep_inside_axes(text)  # a name at the panel's edge never runs into the key beside it
            if stagger[n] and not top:  # a host's name a line lower, tied to its node by a line
                ax.plot([x, x], [y - 0.08, y - 0.1 - stagger[n]], color=FAINT, lw=0.5, zorder=1)
        lines, placed, arrows = [], [], []
        for u, v, d in sorted(G.edges(data=True)):
            n = d.get("personnel")
            colour = force_colour(u, BLACK) if n is not None else "#777777"
            style = "-" if d["status"] in ("present", "arriving") else (0, (3, 1.5))
            lw = _width(n)
            arrow = FancyArrowPatch(
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
            ax.add_patch(arrow)
            arrows.append((u, v, d, colour, arrow))
        # numbered once every arrow is drawn: each clear of the others as drawn, heads included
        fig.draw_without_rendering()  # the arrows' shapes in points, shortened at their ends
        shapes = [numbered_arrows.arrow_in_points(arrow) for *_, arrow in arrows]
        others = [shapes[:k] + shapes[k + 1 :] for k in range(len(shapes))]
        # the arrow with the fewest spots clear of the others is numbered first
        order = sorted(
            range(len(arrows)),
            key=lambda k: (
                len(
                    numbered_arrows.clear_spots(ax, pos[arrows[k][0]], pos[arrows[k][1]], others[k])
                ),
                k,
            ),
        )
        spots: dict[int, tuple] = {}
        for k in order:
            spots[k] = numbered_arrows.number_spot(
                ax, pos[arrows[k][0]], pos[arrows[k][1]], placed, others[k]
            )
        for k, (u, v, d, colour, _) in enumerate(arrows):
            x, y = spots[k]
            i = numbers[u, v]
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
            lines.append(_key_line(i, presence_entry(u, v, d, names, lang), key_width, lang))
        ax.set_title(
            words["title"].format(
                title=titles.get(key, key), date=date_words(f"{date:%Y-%m-%d}", lang=lang)
            ),
            fontsize=MIN_TEXT_PT,
            loc="left",
        )
        bare_axes(ax)
        key_ax.text(
            0.0,
            1.0,
            "\n".join(lines) if lines else words["none"],
            fontsize=MIN_TEXT_PT,
            va="top",
            ha="left",
            linespacing=1.1,
            transform=key_ax.transAxes,
        )
        bare_axes(key_ax)
    handles = [
        Line2D([], [], color=BLACK, lw=1.2, label=words["present or arriving"]),
        Line2D([], [], color=BLACK, lw=1.2, ls=(0, (3, 1.5)), label=words["agreed or planned"]),
        Line2D([], [], color="#777777", lw=0.7, label=no_number(lang)),
        *(
            Line2D(
                [], [], color=BLACK, lw=_width(n), label=words["personnel"].format(number=f"{n:,}")
            )
            for n in (1000, 18000)
        ),
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


def _key_line(number: int, entry: str, width: int, lang: str) -> str:
    """An entry of a panel's key after its number, its further lines indented past the number."""
    if lang == "en":
        return textwrap.fill(f"{number}  {entry}", width, subsequent_indent="     ")
    return "\n     ".join(wrap(f"{number}  {entry}", width - 5, lang).split("\n"))


def _presence_key(G, names: dict, width: int, numbers: dict, lang: str = DEFAULT_LANG) -> list[str]:
    """The key's lines for one presence panel, as presence_panels writes them."""
    return [
        line
        for u, v, d in sorted(G.edges(data=True))
        for line in _key_line(
            numbers[u, v], presence_entry(u, v, d, names, lang), width, lang
        ).split("\n")
    ]


def _panels_with_keys(
    key_lines: list[int],
    width_in: float,
    beside: bool,
    graph_h: float = 1.8,
    gap: float = 0.3,
    legend_h: float | None = None,
    graph_share: float = 0.45,
):
    """Presence panels, each graph with its key (beside it in the wide layout, under it in the
    narrow one), the key's axes as tall as its lines: a key that grows a line pushes what follows
    down, never into the next panel or the legend."""
    line_h = MIN_TEXT_PT * 1.1 * 1.2 / 72
    key_h = [max(n, 1) * line_h for n in key_lines]
    rows = [max(graph_h, k) if beside else graph_h + gap + k for k in key_h]
    legend_h = legend_h or (0.5 if beside else 0.75)  # the legend's two rows, or three
    height = sum(gap + r for r in rows) + legend_h
    fig, _ = figure(height, width_in, layout=None)
    fig.clear()
    axes, top = [], height
    for row, key in zip(rows, key_h):
        top -= gap  # the panel's title
        graph_w = graph_share if beside else 1.0
        ax = fig.add_axes((0.0, (top - graph_h) / height, graph_w, graph_h / height))
        key_top = top if beside else top - graph_h - gap
        key_left = graph_share + 0.02 if beside else 0.0
        key_ax = fig.add_axes((key_left, (key_top - key) / height, 1.0 - key_left, key / height))
        axes.append((ax, key_ax))
        top -= row
    return fig, axes
