"""A number from the data written with the qualifier the chapter printed beside it ("about 2,000",
"just under 30", "several hundred"; 約2,000, 30弱, 数百): the one wording for figures, tables,
notebooks and the `{number}` role.

Every function takes the language of the edition ("en" or "ja"). Japanese numbers are grouped by
myriads as the chapters print them (8,160万, 1億1,000万), with commas inside each group of four
digits; a unit, where one is given, stands between the number and a qualifier written after it
(1,500人以上, 30人弱)."""

from __future__ import annotations

from decimal import Decimal

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
        "presumed_under": "just under {n} (presumed)",
        "nearly": "nearly {n}",
        "expected": "{n} expected",
        "several": "several × {n}",
    },
    "ja": {
        "exact": "{n}",
        "about": "約{n}",
        "at_least": "{n}以上",
        "up_to": "最大{n}",
        "under": "{n}弱",
        "presumed_under": "{n}弱（推測）",
        "nearly": "{n}近く",
        "expected": "{n}（見込み）",
        "several": "数×{n}",
    },
}
# "Several" of a power of ten has words of its own: 数十, 数百, 数千, 数万; several hundred.
SEVERAL_OF = {
    "en": {100: "several hundred", 1000: "several thousand"},
    "ja": {10: "数十", 100: "数百", 1000: "数千", 10_000: "数万"},
}
# A number the chapters do not give, and "several" where they say only that.
NOT_GIVEN_WORDS = {"en": "not given", "ja": "記載なし"}
SEVERAL_WORDS = {"en": "several", "ja": "数"}
NOT_GIVEN = NOT_GIVEN_WORDS[
    DEFAULT_LANG
]  # the English edition's words, which its figures compare labels with
# Running English text spells out the numbers one to nine ("five points", "at least one year");
# tables, figures and numbers of ten and over keep figures.
NUMBER_WORDS_EN = dict(
    enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), start=1)
)


def in_words(n: int, lang: str = DEFAULT_LANG) -> str:
    """A whole number as running text writes it: 'five', '12'; Japanese in figures (5, 1,000)."""
    if lang != "en":
        return format_number(n, lang=lang)
    return NUMBER_WORDS_EN.get(int(n), f"{int(n):,}")


SHARE_UNITS = ("share",)  # indicators whose value is a fraction of one, written as a percentage
# Units of the data (indicators.csv `unit`, and the counts of deployments.csv) as a number is
# written with them; a unit missing here is written without a word.
UNIT_WORDS = {
    "en": {
        "persons": "{n} people",
        "aircraft": "{n} aircraft",
        "usd": "${n}",
        "states": "{n} states",
        "years": "{n} years",
        "months": "{n} months",
        "km": "{n} km",
        "rub": "{n} roubles",
    },
    "ja": {
        "persons": "{n}人",
        "aircraft": "{n}機",
        "usd": "{n}ドル",
        "states": "{n}カ国",
        "years": "{n}年",
        "months": "{n}か月",
        "km": "{n}キロ",
        "rub": "{n}ルーブル",
    },
}
# Between a number and a counter word: Japanese writes them together (30人).
COUNTER_SPACE = {"en": " ", "ja": ""}
MYRIAD_UNITS = ((10**8, "億"), (10**4, "万"))


def _check(lang: str) -> None:
    if lang not in QUALIFIER_WORDS:
        raise NotImplementedError(
            f"no number wording for language {lang!r} yet: add its words to ca911.numbers"
        )


def _missing(value) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and pd.isna(value))


def _myriads(n: int) -> str:
    """A whole number grouped by myriads: 110000000 → '1億1,000万', 129000 → '12万9,000'."""
    if n < 10**4:
        return f"{n:,}"
    out, rest = [], n
    for size, word in MYRIAD_UNITS:
        if rest >= size:
            out.append(f"{rest // size:,}{word}")
            rest %= size
    return "".join(out) + (f"{rest:,}" if rest else "")


def format_number(value, share: bool = False, lang: str = DEFAULT_LANG) -> str:
    """1000 → '1,000'; a share 0.66 → '66%'; in Japanese 110000000 → '1億1,000万', and a share
    in whole tenths in 割, as the chapters print shares (0.8 → '8割', never '80%' beside a
    quoted 「約8割」)."""
    _check(lang)
    if share:
        tenths = float(value) * 10
        if lang == "ja" and abs(tenths - round(tenths)) < 1e-9:
            return f"{round(tenths)}割"
        return f"{float(value):.0%}"
    return _myriads(int(value)) if lang == "ja" else f"{int(value):,}"


def with_qualifier(
    value,
    qualifier=None,
    share: bool = False,
    lang: str = DEFAULT_LANG,
    unit=None,
    counter: str | None = None,
    prose: bool = False,
) -> str:
    """A number as printed with its qualifier; never a bare number for a hedged one, never a number
    where the chapters give none ('several' alone when they say only that). A `unit` (persons,
    aircraft, usd, ...) or a `counter` word of the sentence ('troops', 人) is written with the
    number, inside the qualifier: 'about 1,500 people', '約1,500人', '1,500人以上'. In `prose`
    (running text, not a table or figure) English spells out one to nine ('five points')."""
    _check(lang)
    q = "exact" if _missing(qualifier) else str(qualifier)
    if _missing(value):
        return SEVERAL_WORDS[lang] if q == "several" else NOT_GIVEN_WORDS[lang]
    if q == "several" and not share and int(value) in SEVERAL_OF.get(lang, {}):
        return with_unit(SEVERAL_OF[lang][int(value)], unit, lang, counter)
    whole = not share and float(value) == int(value)
    written = in_words(value, lang) if prose and whole else format_number(value, share, lang)
    number = with_unit(written, unit, lang, counter)
    return QUALIFIER_WORDS[lang][q].format(n=number)


# Units whose count Japanese writes with its counter even where a column head or a key already names
# what is counted ('30人弱', not '30弱'); English leaves the number bare there ('just under 30').
COUNTED_UNITS = {"en": frozenset(), "ja": frozenset({"persons", "aircraft"})}


def count_in_column(value, qualifier=None, unit=None, lang: str = DEFAULT_LANG) -> str:
    """A count in a table cell or a label whose head already says what it counts: the number with
    its qualifier, and in Japanese with its counter ('about 30' / '30人弱')."""
    _check(lang)
    return with_qualifier(
        value, qualifier, lang=lang, unit=unit if unit in COUNTED_UNITS[lang] else None
    )


def with_unit(
    number_text: str, unit=None, lang: str = DEFAULT_LANG, counter: str | None = None
) -> str:
    """A number already written, with the word of its unit ('1,500' persons → '1,500人') or with a
    counter word the sentence gives ('1,500' + 'troops' → '1,500 troops', '1,500' + '人' →
    '1,500人')."""
    _check(lang)
    if counter:
        return f"{number_text}{COUNTER_SPACE[lang]}{counter}"
    form = UNIT_WORDS[lang].get(unit) if isinstance(unit, str) else None
    return form.format(n=number_text) if form else number_text


def is_share(unit) -> bool:
    return isinstance(unit, str) and unit in SHARE_UNITS


# Money as the figures and the prose write it: English in millions of dollars ('$408m'; in a
# sentence '408', followed by 'million dollars'), Japanese in full by myriads (4億800万ドル), as the
# chapters do.
MONEY_LABEL = {"en": "${n}m", "ja": "{n}ドル"}


def millions(amount) -> str:
    """Whole dollars in millions with exactly the digits the amount has: no fraction the source
    does not give, none of its digits dropped (408000000 → '408', 81600000 → '81.6', 129000 →
    '0.129')."""
    return f"{(Decimal(int(amount)) / 10**6).normalize():,f}"


def money_in_prose(amount, lang: str = DEFAULT_LANG) -> str:
    """An amount of US dollars as a sentence writes it: '408' before 'million dollars' in English,
    the whole amount by myriads with its unit in Japanese (4億800万ドル)."""
    _check(lang)
    if lang == "en":
        return millions(amount)
    return with_unit(format_number(amount, lang=lang), "usd", lang)


def money_label(amount, lang: str = DEFAULT_LANG) -> str:
    """An amount of US dollars as a figure labels it: '$81.6m', '8,160万ドル'."""
    _check(lang)
    n = millions(amount) if lang == "en" else format_number(amount, lang=lang)
    return MONEY_LABEL[lang].format(n=n)


# a range of two numbers as the chapters set it: 7–15 in English, 7～15 in Japanese (ch3: ７～15年)
NUMBER_RANGE = {"en": "{low}–{high}", "ja": "{low}～{high}"}


def number_range(low, high, lang: str = DEFAULT_LANG) -> str:
    _check(lang)
    return NUMBER_RANGE[lang].format(
        low=format_number(low, lang=lang), high=format_number(high, lang=lang)
    )
