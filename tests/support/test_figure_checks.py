"""The figure checker (tests/support/figure_checks.py) on small figures made to be broken: each
check finds the defect it names, and passes the same figure mended."""

from __future__ import annotations

import re

from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ca911.figures import style
from support import figure_checks as fc


def _two_labels(second_at: tuple[float, float]) -> str:
    fig, ax = style.figure(1.5, 3)
    ax.set_axis_off()
    ax.text(0.1, 0.5, "Kazakhstan", fontsize=9)
    ax.text(*second_at, "Kyrgyzstan", fontsize=9)
    return style.svg_text(fig)


def test_overprinted_labels_are_found_and_separate_ones_pass():
    assert fc.overlapping_labels(_two_labels((0.2, 0.52))) == ["'Kazakhstan' overlaps 'Kyrgyzstan'"]
    assert fc.overlapping_labels(_two_labels((0.1, 0.1))) == []


def _years(gap_pt: float) -> str:
    """ "1992" and "1993" side by side with `gap_pt` between their ink (both begin with the same
    glyph, so the anchor-to-ink offset is the same and the second anchor goes at first anchor + ink
    width + gap)."""
    fig, _ = style.figure(1, 3, layout=None)
    fig.clear()
    fig.text(0.5, 0.5, "1992", fontsize=9, transform=fig.dpi_scale_trans)
    (first,) = fc.text_runs(style.svg_text(fig))
    width_pt = first.box[2] - first.box[0]
    fig.text(0.5 + (width_pt + gap_pt) / 72, 0.5, "1993", fontsize=9, transform=fig.dpi_scale_trans)
    return style.svg_text(fig)


def test_labels_that_nearly_touch_count_as_run_together():
    assert fc.overlapping_labels(_years(0.4)) == [
        "'1992' overlaps '1993'"
    ]  # the year ticks of an over-full axis
    assert fc.overlapping_labels(_years(3.0)) == []


def test_lines_of_one_label_are_not_compared_with_each_other():
    fig, ax = style.figure(1.5, 3)
    ax.set_axis_off()
    ax.text(0.1, 0.5, "3,200 expected\nat least 40 aircraft", fontsize=9, linespacing=0.8)
    svg = style.svg_text(fig)
    assert [r.text for r in fc.text_runs(svg)] == ["3,200 expected", "at least 40 aircraft"]
    assert fc.overlapping_labels(svg) == []


def test_rotated_text_is_measured_upright():
    fig, ax = style.figure(2, 2)
    ax.set_axis_off()
    ax.text(0.5, 0.5, "a long vertical label", rotation=90, fontsize=9)
    (run,) = fc.text_runs(style.svg_text(fig))
    x0, y0, x1, y1 = run.box
    assert y1 - y0 > 3 * (x1 - x0)


def _legend(labels: list[str], handles=None) -> str:
    fig, ax = style.figure(1.5, 3)
    ax.scatter([1, 2], [1, 2], marker="o", color=style.OKABE_ITO[4])
    ax.legend(handles=handles or [Patch(facecolor="#cccccc", label=t) for t in labels])
    return fig


def test_internal_codes_in_figure_text_are_found():
    broken = _legend(["0 not_stated", "3 general_cooperation", "uzb-1"])
    assert set(fc.internal_codes(style.svg_text(broken))) >= {
        "not_stated (in '0 not_stated')",
        "uzb-1 (in 'uzb-1')",
    }
    assert any("internal code 'general_cooperation'" in p for p in fc.legend_problems(broken))
    build_language = _legend(["0 — no position stated (used only by carry-forward, never stored)"])
    assert fc.internal_codes(style.svg_text(build_language)) == [
        "carry-forward (in '0 — no position stated (used only by carry-forward, never stored)')",
        "never stored (in '0 — no position stated (used only by carry-forward, never stored)')",
    ]
    mended = _legend(["0 no position stated", "3 declares readiness to cooperate", "Uzbekistan 1"])
    assert fc.internal_codes(style.svg_text(mended)) == []


def test_a_legend_symbol_drawn_nowhere_is_found():
    blue = style.OKABE_ITO[4]
    drawn = Line2D([], [], marker="o", color=blue, linestyle="", label="diplomacy")
    absent = Line2D([], [], marker="X", color="black", linestyle="", label="attack or closure")
    wrong_colour = Line2D(
        [], [], marker="o", color=style.OKABE_ITO[5], linestyle="", label="military"
    )
    problems = fc.legend_problems(_legend([], [drawn, absent, wrong_colour]))
    assert problems == [
        "legend entry 'attack or closure': its symbol is drawn nowhere in the figure",
        "legend entry 'military': its symbol is drawn nowhere in the figure",
    ]
    assert fc.legend_problems(_legend([], [drawn])) == []


def test_a_grey_key_entry_needs_only_its_shape_and_a_zero_bar_draws_nothing():
    fig, ax = style.figure(1.5, 3)
    ax.scatter([1], [1], marker="s", color=style.OKABE_ITO[5])
    ax.barh([0], [0], color=style.OKABE_ITO[6], hatch="xx", label="problem")  # a part with no items
    ax.barh([1], [3], color=style.OKABE_ITO[4], label="fact")
    ax.legend(
        handles=[
            Line2D([], [], marker="s", color="#555555", linestyle="", label="agreed"),
            *ax.get_legend_handles_labels()[0],
        ]
    )
    assert fc.legend_problems(fig) == [
        "legend entry 'problem': its symbol is drawn nowhere in the figure"
    ]


def test_dashes_and_hatches_must_match():
    fig, ax = style.figure(1.5, 3)
    ax.plot([0, 1], [0, 1], color="black", linestyle="-")
    ax.bar([0], [1], color="#999999", hatch="//")
    ax.legend(
        handles=[
            Line2D([], [], color="black", linestyle="--", label="agreed or planned"),
            Patch(facecolor="#999999", hatch="xx", label="member by this date"),
        ]
    )
    # both entries drawn nowhere, and the // bar drawn without an entry
    assert len(fc.legend_problems(fig)) == 3


def test_text_below_the_print_floor_is_found():
    fig, ax = style.figure(1.5, 3)
    ax.set_title("small", fontsize=7)
    assert fc.small_text(style.svg_text(fig)) == ["text printed at 7.00 pt (floor 8.0 pt)"]
    wide, ax = style.figure(1.5, 8.0)  # printed at the column's width: 8.5 pt drawn prints smaller
    ax.set_title("wide", fontsize=8.5)
    assert fc.small_text(style.svg_text(wide))
    fine, ax = style.figure(1.5, 3)
    ax.set_title("fine", fontsize=8.5)
    assert fc.small_text(style.svg_text(fine)) == []


def test_iso_dates_in_figure_text_are_found():
    fig, ax = style.figure(1.5, 3)
    ax.set_title("Kazakhstan 3: 2001-09-11 (as of 2001-09-30)")
    ax.set_yticks([0, 1], ["2002-10", "November 2002"])
    assert fc.iso_dates(style.svg_text(fig)) == [
        "2002-10",
        "Kazakhstan 3: 2001-09-11 (as of 2001-09-30)",
    ]
    fine, ax = style.figure(1.5, 3)
    ax.set_title("Kazakhstan 3: from 11 September 2001 (as of 30 Sep 2001)")
    assert fc.iso_dates(style.svg_text(fine)) == []


def test_a_date_tick_with_a_leading_zero_is_found():
    import matplotlib.dates as mdates
    import pandas as pd

    def ticked(pattern: str):
        fig, ax = style.figure(1.5, 3)
        ax.plot(pd.to_datetime(["2001-10-01", "2001-10-09"]), [0, 1])
        ax.set_xticks(pd.to_datetime(["2001-10-01", "2001-10-08"]))
        ax.xaxis.set_major_formatter(mdates.DateFormatter(pattern))
        return style.svg_text(fig)

    assert fc.zero_padded_dates(ticked("%d %b")) == ["01 Oct", "08 Oct"]
    assert fc.zero_padded_dates(ticked("%m月%d日")) == ["10月01日", "10月08日"]
    assert fc.zero_padded_dates(ticked("%-d %b")) == []
    assert fc.zero_padded_dates(ticked("%-m月%-d日")) == []
    assert fc.zero_padded_dates(ticked("%Y")) == []  # 2001 is no padded day


def _panel_label(x: float, clip: bool):
    fig, ax = style.figure(1.5, 3)
    ax.set_xlim(0, 1)
    ax.text(x, 0.5, "US: several × 100, about 20 aircraft", fontsize=9, clip_on=clip)
    return fig


def test_text_cut_by_its_panel_frame_or_the_figure_edge_is_found():
    assert fc.clipped_text(_panel_label(0.6, clip=True)) == [
        "'US: several × 100, about 20 aircraft' is cut by its panel frame"
    ]
    assert fc.clipped_text(_panel_label(0.02, clip=True)) == []


def test_text_past_the_saved_figure_edge_is_found():
    fig, ax = style.figure(1.5, 3, layout=None)
    ax.set_axis_off()
    ax.text(0.5, 0.5, "about 20 aircraft", fontsize=9)
    whole = style.svg_text(fig)  # the tight bounding box takes the text in
    assert fc.text_past_edge(whole) == []
    (run,) = fc.text_runs(whole)
    cut = re.sub(
        r'(<svg[^>]*\swidth=")[\d.]+pt"', lambda m: f'{m[1]}{run.box[2] - 5:.2f}pt"', whole, count=1
    )
    assert fc.text_past_edge(cut) == ["'about 20 aircraft' is cut by the figure edge"]


def _labelled_markers(label_at: tuple[float, float], boxed: bool = False):
    fig, ax = style.figure(2, 3)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.scatter([0.3], [0.5], s=60, color=style.OKABE_ITO[4])  # this label's own dot
    ax.scatter([0.5], [0.5], s=120, color=style.OKABE_ITO[5])  # a node of another series
    ax.text(
        *label_at,
        "drawn to",
        fontsize=9,
        ha="left",
        va="center",
        bbox={"boxstyle": "round", "fc": "white"} if boxed else None,
    )
    return fig


def test_a_label_over_another_series_marker_or_node_is_found():
    assert (
        len(fc.text_over_ink(_labelled_markers((0.33, 0.5)))) == 1
    )  # from its dot across the other node
    assert (
        len(fc.text_over_ink(_labelled_markers((0.45, 0.5), boxed=True))) == 1
    )  # an edge label's box on a node
    assert (
        fc.text_over_ink(_labelled_markers((0.33, 0.8))) == []
    )  # beside its dot, clear of the other


def test_numbered_circles_that_overlap_are_found():
    def circles(dx):
        fig, ax = style.figure(2, 3)
        ax.set_axis_off()
        for i, x in enumerate((0.4, 0.4 + dx), start=3):
            ax.text(
                x,
                0.5,
                str(i),
                fontsize=8,
                ha="center",
                va="center",
                bbox={"boxstyle": "circle,pad=0.15"},
            )
        return fig

    assert fc.text_over_ink(circles(0.02)) == ["'3' and '4' overlap"]
    assert fc.text_over_ink(circles(0.3)) == []


def test_a_width_class_in_the_key_drawn_nowhere_is_found():
    vermillion = style.OKABE_ITO[5]
    fig, ax = style.figure(1.5, 3)
    ax.plot([0, 1], [0, 1], color=vermillion, linewidth=1.7)
    key = [
        Line2D([], [], color=vermillion, lw=1.7, label="share 2 organisations"),
        Line2D([], [], color=vermillion, lw=2.8, label="share 3 or more"),
    ]
    ax.legend(handles=key)
    assert fc.legend_problems(fig) == [
        "legend entry 'share 3 or more': no line of its width is drawn in the figure"
    ]
    ax.plot([0, 1], [1, 0], color=vermillion, linewidth=2.8)
    assert fc.legend_problems(fig) == []


def _framed_label(x: float):
    fig, ax = style.figure(1.5, 3, layout=None)
    ax.set_xlim(0, 1)
    ax.spines[["top", "right"]].set_visible(True)  # a map panel's frame
    ax.text(x, 0.5, "US: about 20 aircraft", fontsize=9)
    return fig


def test_a_label_across_its_panel_frame_is_found():
    assert fc.text_across_frame(_framed_label(0.7)) == [
        "'US: about 20 aircraft' runs across the right of its panel frame"
    ]
    assert fc.text_across_frame(_framed_label(0.05)) == []


def _stacked_markers(dx: float, top_hollow: bool = False):
    fig, ax = style.figure(1.5, 3, layout=None)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.scatter(
        [0.5], [0.5], s=20, marker="s", color=style.OKABE_ITO[5], zorder=4
    )  # Russia at the site
    ax.scatter(
        [0.5 + dx],
        [0.5],
        s=120,
        color=style.OKABE_ITO[4],
        zorder=5,  # the US drawn over it
        facecolor="none" if top_hollow else style.OKABE_ITO[4],
    )
    return fig


def test_a_marker_hidden_under_another_is_found():
    (found,) = fc.hidden_markers(
        _stacked_markers(0.0)
    )  # the Russian square, not the US circle over it
    assert found.endswith("is hidden under another marker")
    assert fc.hidden_markers(_stacked_markers(0.2)) == []  # side by side: both show
    assert fc.hidden_markers(_stacked_markers(0.0, top_hollow=True)) == []  # a ring hides nothing


def _day_line_and_label(label_x: float, backing: dict | None = None, zorder: float = 3):
    fig, ax = style.figure(1.5, 3, layout=None)
    ax.set_xlim(0, 10)
    ax.axvline(5, color="#333333", linestyle=":")
    ax.text(label_x, 0.5, "balance of power", fontsize=9, bbox=backing, zorder=zorder)
    return fig


def test_a_vertical_line_through_a_label_is_found():
    assert fc.lines_through_labels(_day_line_and_label(4.0)) == [
        "a vertical line crosses 'balance of power'"
    ]
    assert fc.lines_through_labels(_day_line_and_label(5.3)) == []
    shaded = {"facecolor": "#f7f7f7", "edgecolor": "none"}
    # on an opaque backing above the line, the line stops under the label
    assert fc.lines_through_labels(_day_line_and_label(4.0, shaded)) == []
    # a backing drawn under the line, or one the line shows through, does not hide it
    for backing, zorder in ((shaded, 1), ({**shaded, "alpha": 0.5}, 3)):
        assert fc.lines_through_labels(_day_line_and_label(4.0, backing, zorder)) == [
            "a vertical line crosses 'balance of power'"
        ]


def _leaders(second_to: tuple[float, float]):
    fig, ax = style.figure(2, 3, layout=None)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    line = {"arrowstyle": "-"}
    ax.annotate("US", (0.6, 0.3), xytext=(0.1, 0.8), arrowprops=line)
    ax.annotate("Russia", second_to, xytext=(0.8, 0.8), arrowprops=line)
    return fig


def test_crossing_leader_lines_are_found():
    assert fc.lines_through_labels(_leaders((0.3, 0.3))) == [
        "the leader lines of 'US' and 'Russia' cross"
    ]
    assert fc.lines_through_labels(_leaders((0.9, 0.3))) == []


def test_texts_closer_than_the_gap_are_found_halos_and_titles_included():
    """A place name beside a haloed label, and a label under the panel's title: each pair is
    reported once it comes within the gap, not before."""

    def panel(label_y: float, halo: bool):
        fig, ax = style.figure(2.0, 3.0)
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        ax.set_title("Panel", loc="left")
        ax.text(1, 5, "Tashkent", fontsize=style.MIN_TEXT_PT, va="bottom")
        bbox = {"boxstyle": "round,pad=0.3", "facecolor": "white"} if halo else None
        ax.text(1, label_y, "US: 1,000 arriving", fontsize=style.MIN_TEXT_PT, va="top", bbox=bbox)
        return fig

    assert fc.crowded_text(panel(4.5, halo=True)) == []
    assert fc.crowded_text(panel(4.7, halo=False)) == []
    assert fc.crowded_text(panel(4.7, halo=True)) != []  # the halo comes within the gap
    assert fc.crowded_text(panel(4.9, halo=False)) != []  # the text itself does
    fig = panel(1.0, halo=False)
    fig.axes[0].text(0, 10.2, "under the title", fontsize=style.MIN_TEXT_PT, va="bottom")
    assert any("Panel" in p for p in fc.crowded_text(fig))


def test_an_abbreviation_the_caption_does_not_expand_is_found():
    fig, ax = style.figure(1.5, 3.0)
    ax.text(0.1, 0.5, "CRRF → Kyrgyzstan", fontsize=style.MIN_TEXT_PT)
    ax.text(0.1, 0.2, "Up to 3,000", fontsize=style.MIN_TEXT_PT)
    svg = style.svg_text(fig)
    assert fc.unexplained_abbreviations(svg, "Forces and hosts. Data: deployments.csv.") == ["CRRF"]
    assert fc.unexplained_abbreviations(svg, "CRRF mentioned, never expanded.") == ["CRRF"]
    assert fc.unexplained_abbreviations(svg, "CRRF: the rapid-reaction force.") == []
    assert fc.unexplained_abbreviations(svg, "the rapid-reaction force (CRRF).") == []
    assert fc.unexplained_abbreviations(svg, "CRRF：緊急展開部隊。") == []
    assert fc.unexplained_abbreviations(svg, "緊急展開部隊（CRRF）。") == []
    assert fc.unexplained_abbreviations(svg, "略称（用語集を参照）：CRRF。") == ["CRRF"]
    assert fc.unexplained_abbreviations(svg, "Outside the CRRF (e.g. in the SCO).") == ["CRRF"]


def _labelled(label: str) -> str:
    fig, ax = style.figure(1.0, 2.0)
    ax.set_axis_off()
    ax.text(0.1, 0.5, label)
    return style.svg_text(fig)


def test_a_caption_explaining_a_term_the_figure_does_not_show_is_found():
    english = "Arrows from force to host. CRRF: the rapid-reaction force of the CIS treaty."
    japanese = "部隊から受け入れ国への矢印。CRRFはCIS集団安全保障条約の緊急展開部隊を指す。"
    assert fc.glossed_terms_not_shown(_labelled("CRRF"), english) == []
    assert fc.glossed_terms_not_shown(_labelled("緊急展開部隊"), japanese) == ["CRRF"]
    assert fc.glossed_terms_not_shown(_labelled("rapid-reaction force"), english) == ["CRRF"]
    # a term only mentioned (CIS), not explained, is not required in the figure
    assert (
        fc.glossed_terms_not_shown(_labelled("緊急展開部隊"), "緊急展開部隊はCIS条約の部隊。") == []
    )


def _bars(days: int):
    import pandas as pd

    fig, ax = style.figure(2.0, 5.0)
    ax.barh([0, 1], [days, 3650], left=[pd.Timestamp("1995-01-01")] * 2, height=0.7)
    ax.set_xlim(pd.Timestamp("1991-01-01"), pd.Timestamp("2005-01-01"))
    return fig


def test_a_bar_of_a_month_on_fourteen_years_is_found_and_a_year_passes():
    (found,) = fc.thin_bars(_bars(30))
    assert found.startswith("a bar of a panel is ") and float(found.split()[-3]) < fc.MIN_BAR_PT
    assert fc.thin_bars(_bars(365)) == []


def _day_label(leader: bool):
    fig, ax = style.figure(2.0, 4.0)
    ax.set_xlim(0, 10)
    ax.annotate(
        "strikes begin",
        (5, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(0, 14),
        textcoords="offset points",
        arrowprops={"arrowstyle": "-"} if leader else None,
    )
    return fig


def test_a_label_set_off_its_day_without_a_leader_is_found_and_one_with_a_leader_passes():
    (found,) = fc.floating_annotations(_day_label(leader=False))
    assert found.startswith("'strikes begin' floats ")
    assert fc.floating_annotations(_day_label(leader=True)) == []


def test_a_line_style_drawn_in_a_keyed_colour_without_an_entry_is_found():
    """Fig 8.1: vermillion dash-dot in the key, a new observer drawn vermillion dashed: no entry
    for it; a grey dashed 'observer' entry (the dash in any colour) mends it."""
    vermillion, blue = style.OKABE_ITO[5], style.OKABE_ITO[4]

    def drawn(observer_key_colour):
        fig, ax = style.figure(1.5, 3)
        ax.plot([0, 1], [0, 1], color=vermillion, linestyle="-.")
        ax.plot([0, 1], [1, 0], color=vermillion, linestyle="--")
        ax.plot([0, 1], [0.5, 0.5], color=blue, linestyle="--")
        ax.plot([0, 1], [0.2, 0.2], color="#8a8a8a", linestyle=":")  # a colour the key has not
        ax.legend(
            handles=[
                Line2D([], [], color=vermillion, linestyle="-.", label="first shown"),
                Line2D([], [], color=observer_key_colour, linestyle="--", label="observer"),
            ]
        )
        return fig

    problems = fc.legend_problems(drawn(blue))
    assert len(problems) == 1 and problems[0].startswith(f"a line in {vermillion.lower()}")
    assert fc.legend_problems(drawn("#555555")) == []


def test_a_bar_style_without_a_key_entry_and_an_unlabelled_year_axis_are_found():
    """Fig 7.2: the key had the hatched bars and not the solid ones, the years no axis label."""
    import pandas as pd

    def bars(solid_entry: bool, xlabel: str):
        fig, ax = style.figure(1.5, 3)
        days = [pd.Timestamp("1992-05-15"), pd.Timestamp("2001-06-15")]
        ax.barh([0], [3000], left=days[0], color=style.OKABE_ITO[2], alpha=0.85)
        ax.barh([1], [900], left=days[1], color=style.OKABE_ITO[4], alpha=0.85, hatch="///")
        ax.set_xlim(pd.Timestamp("1991-01-01"), pd.Timestamp("2005-01-01"))
        ax.set_xlabel(xlabel)
        grey = {"facecolor": "#999999", "alpha": 0.85}
        handles = [Patch(**grey, hatch="///", label="member by this date")]
        ax.legend(handles=handles + [Patch(**grey, label="member")] * solid_entry)
        return fig

    assert len(fc.legend_problems(bars(False, "Year"))) == 1
    assert fc.legend_problems(bars(True, "Year")) == []
    assert len(fc.unlabelled_year_axes(bars(True, ""))) == 1
    assert fc.unlabelled_year_axes(bars(True, "Year")) == []


def test_a_legend_reaching_into_the_panel_beside_its_cell_is_found():
    """Fig. 11.1's broken copy: a key centred in the empty cell of a panel grid, its long entry
    wider than the cell, runs into the drawn panel to its left; anchored at the cell's left edge,
    it stays in its cell."""

    def grid(**legend_place):
        fig, (drawn, cell) = style.figure(2.0, 4.0, ncols=2, layout=None)
        fig.subplots_adjust(wspace=0.05, left=0.02, right=0.98)
        drawn.plot([0, 1], [0, 1])
        drawn.set_title("a panel")
        cell.set_axis_off()
        handle = Patch(facecolor="#fbe3cc", label="a key entry that is wider than its own cell")
        cell.legend(handles=[handle], frameon=False, **legend_place)
        return fig

    assert fc.legends_over_panels(grid(loc="center")) == ["the legend reaches into 'a panel'"]
    assert fc.legends_over_panels(grid(loc="center left", bbox_to_anchor=(0, 0.5))) == []
