"""The figure style: deterministic, compact SVG that keeps every transform intact."""

from __future__ import annotations

import io
import re

import matplotlib
import pytest

from ca911.data import output_date
from ca911.figures import coded_tables, presence, style
from support.legibility import legibility_problems


def _figure():
    fig, ax = style.figure(1.5, 3)
    ax.plot([0, 1, 2], [0.123456, 1.654321, 0.5])
    ax.set_title("Kazakhstan カザフスタン")
    return fig


def test_svg_is_deterministic_and_undated():
    a, b = style.svg_text(_figure()), style.svg_text(_figure())
    assert a == b
    assert "<dc:date>" not in a


def test_svg_rounding_keeps_transforms_and_shrinks_the_file():
    fig = _figure()
    raw = io.StringIO()
    fig.savefig(raw, format="svg", bbox_inches="tight", metadata={"Date": None})
    raw = raw.getvalue()
    compact = style.svg_text(fig)
    assert re.findall(r"scale\([^)]*\)", compact) == re.findall(r"scale\([^)]*\)", raw)
    assert len(compact) < len(raw)
    assert not re.search(r'\bd="[^"]*\d\.\d{3}', compact)


def test_figures_fit_the_pdf_text_width():
    fig, _ = style.figure()
    assert fig.get_figwidth() <= style.A4_TEXT_WIDTH_IN
    # the quotation marks' font first (it holds nothing else), then the face of every other glyph
    assert matplotlib.rcParams["font.family"] == [style.QUOTES_FAMILY, "IPAexGothic"]


# --------------------------------------------------------------------------------------------------
# Figure text: never mathtext, never smaller than the minimum, never wider than the printed text
# block (tests/support/legibility.py; the same check runs on every figure of the built book in
# tests/test_figures_rendered.py).


@pytest.fixture(scope="module")
def pkg():
    from ca911.data import package as data

    return data.load()


def _notebook_figures(pkg):
    """The figures whose text this issue was about, built from the real data as the notebooks build
    them."""
    from ca911.analysis import chronology

    cells = pkg.iraq_war_responses
    rows = chronology.table1(pkg, "en")
    coded = cells.pivot(index="dimension", columns="country_id", values="value_code").reindex(
        index=rows.index, columns=["KAZ", "UZB"]
    )
    labels = {
        k: v.split(": ")[-1] for k, v in pkg.labels("iraq_war_responses", "value_code").items()
    }
    parts, total = chronology.aid_by_recipient(pkg)
    return {
        "deployment_chart": presence.deployment_chart(chronology.deployment_timeline(pkg)),
        "coded_table": coded_tables.coded_table(
            coded.astype(object).where(coded.notna(), None),
            labels,
            [chronology.dimension_labels(pkg, "en")[d] for d in coded.index],
            ["Kazakhstan", "Uzbekistan"],
        ),
        "aid_bars": presence.aid_bars(parts, total),
    }


def test_redesigned_figures_are_legible_in_print(pkg):
    for name, fig in _notebook_figures(pkg).items():
        assert legibility_problems(style.svg_text(fig)) == [], name


def test_presence_chart_labels_never_repeat_and_codes_keep_their_case(pkg):
    """Fig. 3.1: a force and place is labelled once; Fig. 5.1: the codebook's words, acronyms as
    written."""
    figs = _notebook_figures(pkg)
    ticks = [t.get_text() for t in figs["deployment_chart"].axes[0].get_yticklabels()][
        ::-1
    ]  # top to bottom
    host, labelled = None, []
    for tick in ticks:
        if tick.startswith("in "):
            host = tick
        elif tick:
            labelled.append((host, tick))
    assert len(labelled) == len(set(labelled)), labelled
    words = " ".join(t.get_text() for t in figs["coded_table"].axes[0].texts)
    assert "CST" in words and "CSTO" in words and "within cst" not in words


IMPORT_CHANGES = """
import json, os, sys
import matplotlib
before = (dict(matplotlib.rcParams), os.environ.get("SOURCE_DATE_EPOCH"))
import ca911.figures.style, ca911.figures.timelines, ca911.figures.networks, ca911.book.myst
after = (dict(matplotlib.rcParams), os.environ.get("SOURCE_DATE_EPOCH"))
print(json.dumps(sorted(k for k in before[0] if before[0][k] != after[0][k]) + (["SOURCE_DATE_EPOCH"] if before[1] != after[1] else [])))
"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)


def _changed_on_import(extra: str = "") -> list[str]:
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    code = IMPORT_CHANGES.replace("ca911.book.myst\n", f"ca911.book.myst\n{extra}\n")
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def test_importing_the_style_and_figures_changes_no_global_state():
    assert _changed_on_import() == []
    # a broken copy: a module that applies the style when imported is caught
    assert "font.family" in _changed_on_import("ca911.figures.style.use_style()")


def test_figure_applies_the_style_and_the_fixed_date(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    matplotlib.rcdefaults()
    style.figure(1, 1)
    assert matplotlib.rcParams["svg.hashsalt"] == "ca911"
    import os

    assert os.environ["SOURCE_DATE_EPOCH"] == str(output_date.DEFAULT_SOURCE_DATE_EPOCH)
