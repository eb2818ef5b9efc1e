"""The figure style: deterministic, compact SVG that keeps every transform intact."""

from __future__ import annotations

import io
import re

from ca911 import plotting


def _figure():
    fig, ax = plotting.figure(1.5, 3)
    ax.plot([0, 1, 2], [0.123456, 1.654321, 0.5])
    ax.set_title("Kazakhstan カザフスタン")
    return fig


def test_svg_is_deterministic_and_undated():
    a, b = plotting.svg_text(_figure()), plotting.svg_text(_figure())
    assert a == b
    assert "<dc:date>" not in a


def test_svg_rounding_keeps_transforms_and_shrinks_the_file():
    fig = _figure()
    raw = io.StringIO()
    fig.savefig(raw, format="svg", bbox_inches="tight", metadata={"Date": None})
    raw = raw.getvalue()
    compact = plotting.svg_text(fig)
    assert re.findall(r"scale\([^)]*\)", compact) == re.findall(r"scale\([^)]*\)", raw)
    assert len(compact) < len(raw)
    assert not re.search(r'\bd="[^"]*\d\.\d{3}', compact)


def test_figures_fit_the_pdf_text_width():
    fig, _ = plotting.figure()
    assert fig.get_figwidth() <= plotting.A4_TEXT_WIDTH_IN
    assert plotting.plt.rcParams["font.family"] == ["IPAexGothic"]
