"""The one figure style: Japanese-capable font, colour-blind-safe palette, A4-friendly sizes,
deterministic files (fixed SVG hash salt, no dates in metadata)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib_fontja  # noqa: E402,F401  (registers IPAexGothic)
from matplotlib import font_manager  # noqa: E402

FONT_FILE = Path(matplotlib_fontja.__file__).parent / "fonts" / "ipaexg.ttf"
# Okabe–Ito: distinguishable under the common colour-vision deficiencies.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
A4_TEXT_WIDTH_IN = 6.3  # the PDF's text block; figures never exceed it

STYLE = {
    "font.family": "IPAexGothic",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "svg.hashsalt": "ca911",
    "svg.fonttype": "path",
    "path.simplify": True,
}


def use_style() -> None:
    font_manager.fontManager.addfont(str(FONT_FILE))
    plt.rcParams.update(STYLE)


def figure(height_in: float = 3.0, width_in: float = A4_TEXT_WIDTH_IN, **kwargs):
    use_style()
    return plt.subplots(figsize=(width_in, height_in), **kwargs)


def save(fig, path: str | Path) -> Path:
    """Write a figure with metadata that does not change between builds."""
    path = Path(path)
    meta = {"svg": {"Date": None}, "png": {"Software": None}, "pdf": {"CreationDate": None, "ModDate": None}}
    fig.savefig(path, metadata=meta.get(path.suffix.lstrip("."), {}))
    return path


use_style()
