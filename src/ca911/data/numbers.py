"""A number from the data written with the qualifier the chapter printed beside it ("about 2,000",
"just under 30", "several × 100"): the one wording for figures, tables, notebooks and the `{number}`
role.

Every function takes the language of the edition; only English words are written so far, and another
language raises until its words are added here (the Japanese edition calls the same functions)."""

from __future__ import annotations

import pandas as pd

DEFAULT_LANG = "en"
# The codebook's qualifiers (deployments.csv, indicators.csv); "several" reads 数100名 as several ×
# 100.
QUALIFIER_WORDS = {
    "en": {
        "exact": "{n}",
        "about": "about {n}",
        "at_least": "at least {n}",
        "up_to": "up to {n}",
        "under": "just under {n}",
        "nearly": "nearly {n}",
        "expected": "{n} expected",
        "several": "several × {n}",
    }
}
# A number the chapters do not give, and "several" where they say only that.
NOT_GIVEN_WORDS = {"en": "not given"}
SEVERAL_WORDS = {"en": "several"}
NOT_GIVEN = NOT_GIVEN_WORDS[
    DEFAULT_LANG
]  # the English edition's words, which its figures compare labels with
SHARE_UNITS = ("share",)  # indicators whose value is a fraction of one, written as a percentage


def _check(lang: str) -> None:
    if lang not in QUALIFIER_WORDS:
        raise NotImplementedError(
            f"no number wording for language {lang!r} yet: add its words to ca911.numbers"
        )


def _missing(value) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and pd.isna(value))


def format_number(value, share: bool = False, lang: str = DEFAULT_LANG) -> str:
    """1000 → '1,000'; a share 0.66 → '66%'."""
    _check(lang)
    return f"{float(value):.0%}" if share else f"{int(value):,}"


def with_qualifier(value, qualifier=None, share: bool = False, lang: str = DEFAULT_LANG) -> str:
    """A number as printed with its qualifier; never a bare number for a hedged one, never a number
    where the chapters give none ('several' alone when they say only that)."""
    _check(lang)
    q = "exact" if _missing(qualifier) else str(qualifier)
    if _missing(value):
        return SEVERAL_WORDS[lang] if q == "several" else NOT_GIVEN_WORDS[lang]
    return QUALIFIER_WORDS[lang][q].format(n=format_number(value, share, lang))


def is_share(unit) -> bool:
    return isinstance(unit, str) and unit in SHARE_UNITS
