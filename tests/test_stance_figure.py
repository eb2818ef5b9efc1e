"""The stance heatmap (Fig. 2.2), in both editions and layouts: its codes in steps of lightness a
reader can tell apart, its key's code lines the codebook's own labels (so the key says what the
note under the figure says of Russia's 6), and every swatch of the key drawn in the plot (the
carried-forward hatch included)."""

from __future__ import annotations

from itertools import combinations, product

import numpy as np
import pytest
from matplotlib.colors import to_hex, to_rgb
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle

from ca911.analysis import chronology
from ca911.data.package import load
from ca911.figures import coded_tables

LAYOUTS = [(lang, layout) for lang in ("en", "ja") for layout in ("wide", "narrow")]
MIN_DELTA_E = 15.0  # CIE76 distance between any two colours shown for different codes


@pytest.fixture(scope="module")
def pkg():
    return load()


def _heatmap(pkg, lang, layout):
    states = ["RUS", *chronology.CENTRAL_ASIA]
    codes, evidenced, _ = chronology.stance_matrix(pkg, states)
    labels = coded_tables.stance_key_labels(pkg.labels("stances", "stance"), lang)
    names = pkg.actors.set_index("actor_id")[f"name_{lang}"].to_dict()
    fig = coded_tables.stance_heatmap(codes, evidenced, labels, names, layout=layout, lang=lang)
    return fig, labels, codes, evidenced


def _lab(colour) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047
    y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def close_codes(shown: dict[int, set], min_delta: float = MIN_DELTA_E) -> list[str]:
    """Pairs of codes of which the plot shows two colours closer than `min_delta` (a reader would
    take one code for the other); `shown`: code → the colours its cells show."""
    found = []
    for a, b in combinations(sorted(shown), 2):
        for ca, cb in product(shown[a], shown[b]):
            delta = sum((p - q) ** 2 for p, q in zip(_lab(ca), _lab(cb))) ** 0.5
            if delta < min_delta:
                found.append(f"{a} {to_hex(ca)} ~ {b} {to_hex(cb)}")
    return found


def shown_colours(fig, codes) -> dict[int, set]:
    image = next(a for a in fig.axes[0].get_children() if isinstance(a, AxesImage))
    cells = np.asarray(image.get_array())
    shown: dict[int, set] = {}
    for (row, day), code in np.ndenumerate(codes.to_numpy()):
        r, g, b, alpha = cells[row, day]
        shown.setdefault(int(code), set()).add(tuple(alpha * c + 1 - alpha for c in (r, g, b)))
    return shown


def test_codes_too_close_are_found_in_the_old_lightened_scale():
    """The old scale: viridis, a carried-forward day lightened to 45 % (4 and 5, 5 and 6 run
    together)."""
    viridis = ["#e6e6e6", "#fde725", "#a0da39", "#4ac16d", "#1fa187", "#277f8e", "#365c8d"]
    shown = {
        code: {to_rgb(c), tuple(0.45 * x + 0.55 for x in to_rgb(c))}
        for code, c in enumerate(viridis)
    }
    assert close_codes(shown) != []


@pytest.mark.parametrize(("lang", "layout"), LAYOUTS)
def test_no_two_codes_are_shown_in_colours_a_reader_could_confuse(pkg, lang, layout):
    fig, _, codes, _ = _heatmap(pkg, lang, layout)
    assert close_codes(shown_colours(fig, codes)) == []


def undrawn_swatches(fig) -> list[str]:
    """Key entries whose swatch the plot does not draw: a fill colour among the image's cells, a
    hatch (with its colour) among the patches over them."""
    ax = fig.axes[0]
    image = next(a for a in ax.get_children() if isinstance(a, AxesImage))
    cells = {to_hex(c[:3]) for c in np.asarray(image.get_array()).reshape(-1, 4)}
    hatches = {
        (p.get_hatch(), to_hex(p.get_edgecolor()))
        for p in ax.patches
        if isinstance(p, Rectangle) and p.get_hatch()
    }
    problems = []
    for handle, text in zip(ax.get_legend().legend_handles, ax.get_legend().get_texts()):
        if not hasattr(handle, "get_hatch"):
            continue
        if handle.get_hatch():
            if (handle.get_hatch(), to_hex(handle.get_edgecolor())) not in hatches:
                problems.append(text.get_text())
        elif to_hex(handle.get_facecolor()) not in cells:
            problems.append(text.get_text())
    return problems


@pytest.mark.parametrize(("lang", "layout"), LAYOUTS)
def test_every_swatch_of_the_key_is_drawn_and_the_codes_are_the_codebooks(pkg, lang, layout):
    fig, labels, codes, _ = _heatmap(pkg, lang, layout)
    drawn_codes = set(np.unique(codes.to_numpy()))
    key = [t.get_text().replace("\n", "") for t in fig.axes[0].get_legend().get_texts()]
    for code, label in enumerate(labels):
        assert "".join(label.replace("—", "").split()).startswith("".join(key[code].split()))
    assert [k for k in undrawn_swatches(fig) if k[:1] not in map(str, range(7))] == []
    missing = [k for k in undrawn_swatches(fig) if k[:1].isdigit() and int(k[0]) in drawn_codes]
    assert missing == []


def test_a_key_swatch_the_plot_does_not_draw_is_found(pkg, monkeypatch):
    """The old key: a light swatch of code 5's colour for 'carried forward', while the plot
    hatches."""
    from matplotlib.patches import Patch

    fig, *_ = _heatmap(pkg, "en", "wide")
    ax = fig.axes[0]
    legend = ax.get_legend()
    handles = [*legend.legend_handles[:-3], Patch(facecolor="#93bfc7", label="lighter")]
    ax.legend(handles=handles)
    assert undrawn_swatches(fig) == ["lighter"]


def test_russias_six_is_named_as_the_note_reads_it(pkg):
    """The key's 6 says what the chapter says of Russia (full cooperation, accepting US use of
    bases), not an offer of ground forces the chapters never record."""
    six = pkg.labels("stances", "stance")["full_support"]
    assert "accepts" in six and "ground forces" not in six
