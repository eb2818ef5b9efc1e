"""Figures of the actor networks (`ca911.analysis.*_network`), in the one style of
`ca911.figures.style`.

Every function returns a closed matplotlib Figure (closed so a notebook shows it only where it is
glued), at most `A4_TEXT_WIDTH_IN` wide, with fixed positions so rebuilds draw the same picture.
Colour never carries information alone: line style, labels or text repeat it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import matplotlib.pyplot as plt

from ca911.data import dates
from ca911.data.language import DEFAULT_LANG, check_language
from ca911.figures.style import (
    FORCES,
    OKABE_ITO,
)

BLUE, VERMILLION, GREEN, ORANGE, SKY, PURPLE, BLACK = (OKABE_ITO[i] for i in (4, 5, 2, 0, 1, 6, 7))
FAINT = "#c8c8c8"
# A Japanese name, or a variant of it, that is or ends in an acronym the chapters print in Latin
# letters: '上海協力機構（SCO）', 'CIS'.
_PRINTED_ACRONYM = re.compile(r"(?:^|（)([A-Z][A-Za-z]*[A-Z])）?$")


def node_names(pkg, short: bool = False, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Labels for the figures: English names with the parts the chapters do not print in square
    brackets; Japanese names as the chapters print them (`name_ja`)."""
    column = "name_shown" if check_language(lang) == "en" else f"name_{lang}"
    names = pkg.actors.set_index("actor_id")[column].to_dict()
    if short:  # organisations by their acronym, states and others by name
        actors = pkg.actors.set_index("actor_id")
        kinds = actors["kind"].to_dict()
        variants = {
            k: list(v) if isinstance(v, list | tuple) else []
            for k, v in actors["name_ja_variants"].items()
        }
        names = {
            k: (organisation_label(k, v, lang, variants[k]) if kinds[k] == "organization" else v)
            for k, v in names.items()
        }
    names["western-forces"] = FORCES["western-forces"].short[lang]
    return names


def organisation_label(actor_id: str, name: str, lang: str, variants: Sequence[str] = ()) -> str:
    """An organisation's short label: its id in English; in Japanese the acronym its Japanese name
    or one of its variants (`name_ja_variants`) prints ('上海協力機構（SCO）' → 'SCO'), or its name
    where the chapters print none."""
    if lang == "en":
        return actor_id
    for form in [name, *variants]:
        printed = _PRINTED_ACRONYM.search(form)
        if printed:
            return printed[1]
    return name


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
