"""Figures of the actor networks (`ca911.analysis.*_network`), in the one style of
`ca911.figures.style`.

Every function returns a closed matplotlib Figure (closed so a notebook shows it only where it is
glued), at most `A4_TEXT_WIDTH_IN` wide, with fixed positions so rebuilds draw the same picture.
Colour never carries information alone: line style, labels or text repeat it.
"""

from __future__ import annotations

import matplotlib.pyplot as plt

from ca911.data import dates
from ca911.data.language import DEFAULT_LANG, check_language
from ca911.figures.style import OKABE_ITO

BLUE, VERMILLION, GREEN, ORANGE, SKY, PURPLE, BLACK = (OKABE_ITO[i] for i in (4, 5, 2, 0, 1, 6, 7))
FAINT = "#c8c8c8"


def node_names(pkg, short: bool = False, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Labels for the figures: English names with the parts the chapters do not print in square
    brackets; Japanese names as the chapters print them (`name_ja`). `short`: the one short form the
    data declare (actors.csv `name_en_short`, `name_ja_short`: an organisation's acronym, 'rapid-
    reaction force') where there is one, so that every figure names an actor in one of two ways."""
    column = "name_shown" if check_language(lang) == "en" else f"name_{lang}"
    actors = pkg.actors.set_index("actor_id")
    names = actors[column].to_dict()
    if short and f"name_{lang}_short" in actors:
        names |= {k: v for k, v in actors[f"name_{lang}_short"].items() if v}
    return names


def bare_axes(ax) -> None:
    ax.set_axis_off()
    ax.set_aspect("auto")


def date_words(value, short: bool = True, lang: str = "en") -> str:
    """A date of any precision as figure text prints it (`dates.words`): '2001-09' → 'Sep 2001' when
    short."""
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


def staggered_label_offsets(pos: dict, step: float = 0.14) -> dict:
    """Every other label in a row of nodes one line further out, so neighbours' labels never
    collide."""
    rows: dict[float, list] = {}
    for n, (x, y) in pos.items():
        rows.setdefault(round(y, 3), []).append((x, n))
    return {n: step * (i % 2) for row in rows.values() for i, (_, n) in enumerate(sorted(row))}
