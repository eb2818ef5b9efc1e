"""Every amount of money the book glues into its prose or draws in a figure, in both editions and
both layouts, is written at exactly the precision of the amount in the data: no fraction the source
does not give ('408.0 million' for 4億800万ドル), no digit dropped ('162' for 1億6180万ドル). The
numbers module owns the forms (`ca911.data.numbers.money_in_prose`, `money_label`); self-tests of
the check in tests/support/test_figure_words.py."""

from __future__ import annotations

import os
import re

import pytest

from ca911.data import package as data
from ca911.data.language import LANGUAGE_VARIABLE
from support.figure_words import figure_texts, money_precision_problems
from support.notebook_figures import notebook_figures
from support.notebook_glue import glued_values

pytestmark = pytest.mark.slow

MONEY_NOTEBOOKS = ["military_presence_aid"]  # the notebooks whose figures draw amounts of money


@pytest.fixture(scope="module")
def amounts() -> set[int]:
    pkg = data.load()
    money = pkg.indicators[pkg.indicators["unit"] == "usd"]["value"]
    return {int(v) for v in (*pkg.aid["amount_usd"], *money)}


def _figures(lang: str) -> dict:
    before = os.environ.get(LANGUAGE_VARIABLE)
    os.environ[LANGUAGE_VARIABLE] = lang
    try:
        drawn = notebook_figures(MONEY_NOTEBOOKS)
    finally:
        if before is None:
            os.environ.pop(LANGUAGE_VARIABLE)
        else:
            os.environ[LANGUAGE_VARIABLE] = before
    both = {}
    for name, fig in drawn.items():
        both[name] = fig
        both[f"{name} (narrow)"] = fig.ca911_narrow()
    return both


def _amounts_in(text: str) -> list[str]:
    return re.findall(r"\$[\d,.]+m|[\d,億万]+ドル", text)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_amount_drawn_has_the_precision_of_the_data(lang, amounts):
    figures = _figures(lang)
    texts = {name: figure_texts(fig) for name, fig in figures.items()}
    money = [t for ts in texts.values() for t in ts if "$" in t or "ドル" in t]
    assert len(money) >= 14, money  # the aid figure's bars and title, in both layouts
    problems = {name: money_precision_problems(ts, amounts) for name, ts in texts.items()}
    assert {k: v for k, v in problems.items() if v} == {}
    # a title comparing the sum of the parts with the stated total is a check of the data, not
    # what the figure shows: no text names one amount twice ('sum $408m; total $408m')
    repeated = [t for t in money if len(set(a := _amounts_in(t))) < len(a)]
    assert repeated == []


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_amount_glued_into_prose_has_the_precision_of_the_data(lang, amounts):
    """Glued amounts are named '...usd' (aid-total-musd): English glues the millions, the sentence
    saying 'million dollars'; Japanese the whole amount with its unit."""
    glued = {k: v for k, v in glued_values(lang).items() if k.endswith("usd")}
    assert len(glued) >= 4, sorted(glued)
    problems = {
        k: money_precision_problems([str(v)], amounts, prose=True) for k, v in glued.items()
    }
    assert {k: v for k, v in problems.items() if v} == {}
