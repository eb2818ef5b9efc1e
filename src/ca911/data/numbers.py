"""A number from the data written with the qualifier the chapter printed beside it ("about 2,000",
"just under 30", "several × 100"): the one wording for figures, tables, notebooks and the `{number}` role."""

from __future__ import annotations

import pandas as pd

# The codebook's qualifiers (deployments.csv, indicators.csv); "several" reads 数100名 as several × 100.
QUALIFIER_WORDS = {"exact": "{n}", "about": "about {n}", "at_least": "at least {n}", "up_to": "up to {n}",
                   "under": "just under {n}", "nearly": "nearly {n}", "expected": "{n} expected", "several": "several × {n}"}
NOT_GIVEN = "not given"  # the one wording for a number the chapters do not give
SHARE_UNITS = ("share",)  # indicators whose value is a fraction of one, written as a percentage


def _missing(value) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and pd.isna(value))


def format_number(value, share: bool = False) -> str:
    """1000 → '1,000'; a share 0.66 → '66%'."""
    return f"{float(value):.0%}" if share else f"{int(value):,}"


def with_qualifier(value, qualifier=None, share: bool = False) -> str:
    """A number as printed with its qualifier; never a bare number for a hedged one, never a number
    where the chapters give none ('several' alone when they say only that)."""
    q = "exact" if _missing(qualifier) else str(qualifier)
    if _missing(value):
        return "several" if q == "several" else NOT_GIVEN
    return QUALIFIER_WORDS[q].format(n=format_number(value, share))


def is_share(unit) -> bool:
    return isinstance(unit, str) and unit in SHARE_UNITS
