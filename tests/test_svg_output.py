"""The book's compact SVG (ca911.figures.svg_output) draws what matplotlib's own SVG draws: every
point of a drawn path lands where it did, WeasyPrint (the PDF) paints the same pixels, and the
figure checks find the same text in the same places; and it is smaller."""

from __future__ import annotations

import io
import re

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pypdfium2 as pdfium
import pytest

matplotlib.use("Agg")

from ca911.figures import style, svg_output  # noqa: E402
from support import figure_checks  # noqa: E402
from support.figure_checks import path_points  # noqa: E402


def test_relative_path_keeps_every_point():
    d = "M 1 2 L 1.5 2.25 L 0.5 2.25 L 3 3 C 4 4 5 5 6 6 C 7 7 8 8 9 9 z M 10 10 L 11 9 Q 1 1 2 2 z"
    compact = svg_output.relative_path(d)
    assert compact == "M1 2l.5 .25-1 0 2.5 .75c1 1 2 2 3 3 1 1 2 2 3 3zM10 10l1-1q-10-8-9-7z"
    assert path_points(compact) == path_points(d)
    # a command matplotlib never writes leaves the data as they were
    assert svg_output.relative_path("M 0 0 H 5") == "M 0 0 H 5"


def drawn_paths(svg: str) -> list[str]:
    return re.findall(r'<path d="([^"]*)"', svg)


@pytest.fixture(scope="module")
def figure_pair():
    """A figure with a polygon, a curve, markers and text, as matplotlib writes it (rounded as
    the book did before) and as the book writes it."""
    style.use_style()
    fig, ax = plt.subplots(figsize=(3, 2))
    t = np.linspace(0, 6, 200)
    ax.plot(t, np.sin(t) * 1.37, marker="o", markevery=20)
    ax.fill([0.2, 2.3, 4.1, 1.7], [0.3, -1.1, 0.9, 1.2], alpha=0.4)
    ax.set_title("Kazakhstan and Uzbekistan, 2003")
    ax.annotate("Manas", (3.1, 0.2), rotation=20)
    plain = io.StringIO()
    fig.savefig(plain, format="svg", bbox_inches="tight", metadata={"Date": None})
    compact = style.svg_text(fig)
    plt.close(fig)
    return plain.getvalue(), compact


def test_every_drawn_point_lands_where_it_did(figure_pair):
    plain, compact = figure_pair
    before, after = drawn_paths(plain), drawn_paths(compact)
    assert len(before) == len(after) > 5
    for d_plain, d_compact in zip(before, after):
        assert (
            max(
                abs(a - b)
                for p, q in zip(path_points(d_plain), path_points(d_compact), strict=True)
                for a, b in zip(p, q)
            )
            <= 0.01 + 1e-9
        )  # matplotlib's six decimals cut to two
    assert len(compact) < 0.85 * len(plain)


def test_the_figure_checks_read_the_same_text(figure_pair):
    plain, compact = figure_pair
    runs = figure_checks.text_runs(plain), figure_checks.text_runs(compact)
    assert [(r.text, r.owner) for r in runs[0]] == [(r.text, r.owner) for r in runs[1]]
    assert runs[0]
    for a, b in zip(*runs):
        assert max(abs(x - y) for x, y in zip(a.box, b.box)) < 0.01


def painted(svg: str, folder) -> np.ndarray:
    import weasyprint

    source = folder / f"figure{len(list(folder.iterdir()))}.svg"
    source.write_text(svg, encoding="utf-8")
    pdf = weasyprint.HTML(string=f'<img style="width: 12cm" src="{source.as_uri()}">').write_pdf()
    page = pdfium.PdfDocument(pdf)[0]
    return np.asarray(page.render(scale=150 / 72).to_pil().convert("L"), dtype=int)


def test_the_pdf_paints_the_same_pixels(figure_pair, tmp_path):
    plain, compact = figure_pair
    before, after = painted(plain, tmp_path), painted(compact, tmp_path)
    assert (before < 250).sum() > 1000, "the figure is painted"
    differing = (np.abs(before - after) > 64).sum()
    assert differing <= 0.002 * (before < 250).sum(), f"{differing} pixels differ"
    # a curve that lost one step paints the rest of itself elsewhere: the comparison can fail
    longest = max(drawn_paths(compact), key=len)
    lost = re.sub(r"l-?[\d.]+ ?-?[\d.]+", "l", longest, count=1)
    broken = compact.replace(longest, lost)
    assert (np.abs(before - painted(broken, tmp_path)) > 64).sum() > 0.002 * (before < 250).sum()
