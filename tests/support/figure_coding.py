"""A check that a coded image (a heatmap) does not code by colour alone: where its key tells codes
apart by fill colour only (patches without hatching, labels starting with a short code: '3 declares
…'), the image must also write the code of every colour it shows, so a reader who cannot tell the
colours apart reads the numbers. Read from the Figure: the image's RGBA cells, the legend's
patches, the axes' texts."""

from __future__ import annotations

import re

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.image import AxesImage
from matplotlib.patches import Patch

# A key entry starts with its code, a short Latin or digit token ('3', 'B', 'iv'), then its words.
_CODE = re.compile(r"^[0-9A-Za-z]{1,3}$")


def _shown_colours(image: AxesImage) -> np.ndarray:
    """The image's distinct cell colours, RGB rounded (transparency ignored: a lighter cell keeps
    its code's colour)."""
    cells = np.asarray(image.get_array())
    return np.unique(np.round(cells[..., :3].reshape(-1, 3), 3), axis=0)


def colour_only_codes(fig) -> list[str]:
    """The codes a coded image shows by colour alone (its key's code, found nowhere as text in the
    axes)."""
    found = []
    for ax in fig.axes:
        images = [im for im in ax.get_images() if isinstance(im, AxesImage)]
        legend = ax.get_legend()
        if not images or legend is None:
            continue
        keyed = [
            (handle, text.get_text())
            for handle, text in zip(legend.legend_handles, legend.get_texts())
            if isinstance(handle, Patch) and not handle.get_hatch()
        ]
        if len(keyed) < 2:
            continue
        written = {t.get_text().strip() for t in ax.texts if t.get_visible()}
        shown = np.concatenate([_shown_colours(im) for im in images])
        for handle, label in keyed:
            colour = np.round(to_rgba(handle.get_facecolor())[:3], 3)
            code = label.split()[0] if label.split() else ""
            if not _CODE.match(code):  # an entry explaining the drawing, not a code
                continue
            if (
                np.any(np.all(np.isclose(shown, colour, atol=0.004), axis=1))
                and code not in written
            ):
                found.append(f"code {code!r} ({label.splitlines()[0]!r}) is shown by colour alone")
    return found
