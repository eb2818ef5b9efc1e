"""Every count of a deployment a figure draws says what it counts where two kinds of count could be
confused: each aircraft number carries 'aircraft' (機) on the map and the deployment chart; on the
chart, whose notes have no key naming the personnel, each personnel number carries 'people' (人)
too ('several hundred people; about 20 aircraft', never 'several hundred; about 20'). Both
editions, both layouts."""

from __future__ import annotations

import os
import re

import pandas as pd
import pytest

from ca911.data import package as data
from ca911.data.language import LANGUAGE_VARIABLE
from ca911.data.numbers import with_qualifier
from support.figure_words import figure_texts
from support.notebook_figures import notebook_figures

pytestmark = pytest.mark.slow

# figure → the counts that must carry their unit there
COUNTED = {
    "military_presence_aid: fig-presence-timeline": ("personnel", "aircraft"),
    "map_military_presence: fig-presence-map": ("aircraft",),
}
UNITS = {"personnel": "persons", "aircraft": "aircraft"}


def bare_counts(texts: list[str], records: pd.DataFrame, kinds, lang: str) -> list[str]:
    """Each text that writes a record's count of one of `kinds` without its unit: every count with
    its unit is taken out first, and a bare count is one left over (not part of a longer number)."""
    with_units, bare = set(), set()
    for kind in ("personnel", "aircraft"):
        for n, q in zip(records[kind], records[f"{kind}_qualifier"]):
            if pd.isna(n):
                continue
            with_units.add(with_qualifier(n, q, lang=lang, unit=UNITS[kind]))
            if kind in kinds:
                bare.add(with_qualifier(n, q, lang=lang))
    found = []
    for text in texts:
        rest = " ".join(text.split())  # a note wrapped over lines reads as one line
        for form in sorted(with_units, key=len, reverse=True):
            rest = rest.replace(form, "·")
        hits = [b for b in bare if re.search(rf"(?<![\d,]){re.escape(b)}(?![\d,])", rest)]
        if hits:
            found.append(f"{text!r}: {', '.join(sorted(hits))}")
    return found


def _figures(lang: str) -> dict:
    before = os.environ.get(LANGUAGE_VARIABLE)
    os.environ[LANGUAGE_VARIABLE] = lang
    try:
        drawn = notebook_figures(sorted({name.split(":")[0] for name in COUNTED}))
    finally:
        if before is None:
            os.environ.pop(LANGUAGE_VARIABLE)
        else:
            os.environ[LANGUAGE_VARIABLE] = before
    return {name: drawn[name] for name in COUNTED}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_count_drawn_says_what_it_counts(lang):
    records = data.load().deployments
    problems, seen = {}, 0
    for name, fig in _figures(lang).items():
        for layout, drawn in (("wide", fig), ("narrow", fig.ca911_narrow())):
            texts = figure_texts(drawn)
            seen += sum(1 for t in texts if re.search(r"\d", t))
            problems[f"{name} ({layout})"] = bare_counts(texts, records, COUNTED[name], lang)
    assert seen >= 20  # the notes and labels were found
    assert {k: v for k, v in problems.items() if v} == {}


def test_a_bare_count_is_found():
    records = pd.DataFrame(
        {
            "personnel": [100, 1000],
            "personnel_qualifier": ["several", "about"],
            "aircraft": [20, None],
            "aircraft_qualifier": ["about", None],
        }
    )
    both = ("personnel", "aircraft")
    assert bare_counts(["4 Dec 2001 agreed: several hundred; about 20"], records, both, "en")
    assert bare_counts(["several hundred people; about 20"], records, both, "en")
    shown = ["agreed: several hundred people; about 20 aircraft"]
    assert not bare_counts(shown, records, both, "en")
    assert not bare_counts(["about 1,000 people", "about 2,000"], records, both, "en")
    assert bare_counts(["合意：数百；航空機約20"], records, both, "ja")
    assert not bare_counts(["合意：数百人、航空機約20機"], records, both, "ja")
    assert not bare_counts(["US: about 1,000\nabout 20 aircraft"], records, ("aircraft",), "en")
