"""Partial dates, in one place: the form the data contract accepts (YYYY, YYYY-MM or YYYY-MM-DD),
the days a date covers, and the words a reader sees for it.

A date is as precise as the chapter that gives it, so it is kept as the string and read as the span
of days it covers ("2001" is 1 January to 31 December 2001, never 1 January alone). Every function
that writes words takes the language of the edition ("en" or "ja").

Japanese dates follow the chapters' own way of writing them (2001年9月16日, 2001年9月, 2001年);
the one word for an approximate date is ごろ, put after the date or span it qualifies. The data
record only whether a date is approximate, not which part of a month it falls in, so no date is
written with 上旬, 中旬 or 下旬: that would be more precise than the record.
"""

from __future__ import annotations

import calendar
import re

import pandas as pd

# The pattern of the data contract; the groups are year, month and day.
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
# One word marks an approximate date everywhere the reader meets one (text, tables and figures).
APPROXIMATE = {"en": "about {date}", "ja": "{date}ごろ"}
# A span as editors write it: the en dash closed up after a one-word start ("17–24 September 2001",
# "1992–1999"), spaced when the start has words of its own ("17 September – 3 October 2001")
RANGE = {"en": "{start} – {end}", "ja": "{start}～{end}"}
CLOSED_RANGE = {"en": "{start}–{end}", "ja": "{start}～{end}"}
OPEN_END = {"en": "from {start}", "ja": "{start}以降"}
# The first or last day of a month or year, at the precision the date has ("end of May 1992",
# 1992年5月末): where a rule reads a partial date as one of its edges
EDGES = {
    "en": {"start": "start of {date}", "end": "end of {date}"},
    "ja": {"start": "{date}初め", "end": "{date}末"},
}
# A date at each precision, from its year, month and day ("ja" has no short form: its dates are as
# short as they can be without dropping a part).
DATE_FORMS = {
    "ja": {"year": "{y}年", "month": "{y}年{m}月", "day": "{y}年{m}月{d}日"},
}
# A figure axis's tick, a date the axis generates rather than one of the data: a day without its
# year, a month with it, written as the book writes dates ("3 Sep", never "03 Sep")
AXIS_FORMS = {
    "en": {"day": "{d} {b}", "month": "{b} {y}"},
    "ja": {"day": "{m}月{d}日", "month": "{y}年{m}月"},
}


def _words_of(table: dict, lang: str):
    try:
        return table[lang]
    except KeyError:
        raise NotImplementedError(
            f"dates have no words in {lang!r} yet (only {', '.join(sorted(table))})"
        ) from None


def check_date(value: str) -> str | None:
    """None if `value` is a real partial date, else why not."""
    m = DATE_RE.match(value)
    if not m:
        return f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = int(m[1]), m[2], m[3]
    if month is not None and not 1 <= int(month) <= 12:
        return f"{value!r} has no month {month}"
    if day is not None and not 1 <= int(day) <= calendar.monthrange(year, int(month))[1]:
        return f"{value!r} has no day {day} in that month"
    return None


def _parts(value: str) -> list[int]:
    """Year, month and day as far as `value` gives them; a full timestamp counts to the day."""
    m = DATE_RE.match(str(value)[:10])
    if not m:
        raise ValueError(f"{value!r} is not a partial date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return [int(p) for p in m.groups() if p is not None]


def precision(value: str) -> str:
    """'year', 'month' or 'day'."""
    return ("year", "month", "day")[len(_parts(value)) - 1]


def bounds(value: str | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day a partial date covers; NaT for an empty value."""
    if not value:
        return pd.NaT, pd.NaT
    parts = _parts(value)
    year = parts[0]
    if len(parts) == 1:
        return pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return pd.Timestamp(year, month, 1), pd.Timestamp(
            year, month, calendar.monthrange(year, month)[1]
        )
    day = pd.Timestamp(year, month, parts[2])
    return day, day


def last_day(value) -> pd.Timestamp:
    """A Timestamp for a date "as of" `value`: a partial date means the last day it covers ("2004" →
    2004-12-31)."""
    if isinstance(value, str):
        return bounds(value)[1]
    return pd.Timestamp(value)


def words(value, lang: str, short: bool = False) -> str:
    """A date at its own precision: '2001' → '2001', '2001-09' → 'September 2001', '2001-09-30' →
    '30 September 2001'; `short` abbreviates the month ('Sep 2001', '30 Sep 2001') for figures. A
    Timestamp counts as a day."""
    parts = _parts(f"{value:%Y-%m-%d}" if isinstance(value, pd.Timestamp) else value)
    if lang in DATE_FORMS:
        return _japanese_form(parts)
    months = _words_of(MONTHS, lang)
    if len(parts) == 1:
        return str(parts[0])
    month = months[parts[1] - 1][:3] if short else months[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def _japanese_form(parts: list[int], drop: int = 0) -> str:
    """A date in Japanese from its parts, leaving out the first `drop` of them (a span's end shares
    its year, or its year and month, with its start: 2001年9月16日～18日)."""
    forms = DATE_FORMS["ja"]
    text = forms[("year", "month", "day")[len(parts) - 1]].format(
        y=parts[0], m=parts[1] if len(parts) > 1 else "", d=parts[2] if len(parts) > 2 else ""
    )
    for unit, value in zip(("年", "月"), parts[:drop]):
        text = text.removeprefix(f"{value}{unit}")
    return text


def _shared_parts(start: list[int], end: list[int]) -> int:
    """How many leading parts a span's end can leave out in Japanese: the year when both ends are
    in the same year and the end has a month, and the month as well when both are days of the same
    month."""
    if len(end) < 2 or start[0] != end[0]:
        return 0
    if len(start) == len(end) == 3 and start[1] == end[1]:
        return 2
    return 1 if len(start) >= 2 else 0


def edge_words(value: str, edge: str, lang: str) -> str:
    """A partial date read as its first (`edge="start"`) or last day, in words at its own
    precision: "end of May 1992" (1992年5月末), "start of April 1999"; a day is itself."""
    if precision(value) == "day":
        return words(value, lang)
    return _words_of(EDGES, lang)[edge].format(date=words(value, lang))


def approximately(text: str, approximate: bool, lang: str) -> str:
    """`text` (a date in words, or as stored) marked approximate when `approximate` is true."""
    return _words_of(APPROXIMATE, lang).format(date=text) if approximate else text


def span_words(
    start: str,
    end: str | None,
    lang: str,
    approximate: bool = False,
    short: bool = False,
    as_stored: bool = False,
) -> str:
    """A date or a span of dates as one phrase: '24 September 2001', 'about November 2001',
    '1992–1999', '24–26 September 2001'. `as_stored` keeps the dates as the data write them
    ('2001-09-24 – 2001-09-26'), for tables of the data."""

    def one(value: str) -> str:
        return str(value) if as_stored else words(value, lang, short)

    if end and str(end) == str(start):  # a span of one year or day is that date: never '1999–1999'
        end = None
    if end and not as_stored:
        first, last = _parts(start), _parts(end)
        if lang in DATE_FORMS:
            end_text = _japanese_form(last, _shared_parts(first, last))
            return approximately(between(one(start), end_text, lang), approximate, lang)
        return approximately(_english_span(first, last, lang, short), approximate, lang)
    text = between(one(start), one(end), lang) if end else one(start)
    return approximately(text, approximate, lang)


def _english_span(first: list[int], last: list[int], lang: str, short: bool) -> str:
    """A span whose ends share their year (or year and month) written once, as editors write it:
    '17–24 September 2001', '17 September – 3 October 2001', 'September–October 2001'; ends of
    different years or precisions are written whole ('September 2001 – March 2002')."""
    start, end = (words("-".join(f"{p:02d}" for p in d), lang, short) for d in (first, last))
    if len(first) != len(last) or len(first) == 1 or first[0] != last[0]:
        return between(start, end, lang)
    start = start.removesuffix(f" {first[0]}")
    if len(first) == 3 and first[1] == last[1]:
        start = start.split()[0]
    form = CLOSED_RANGE if " " not in start else RANGE
    return _words_of(form, lang).format(start=start, end=end)


def between(start_text: str, end_text: str, lang: str) -> str:
    """Two dates already in words as one span: '1992–1999', 'about 1992 – 1999', '17 September –
    3 October 2001', '1992年～1999年'."""
    closed = start_text.isdigit() and end_text.isdigit()  # two years
    return _words_of(CLOSED_RANGE if closed else RANGE, lang).format(start=start_text, end=end_text)


def period_span(
    start: str, end: str | None, lang: str, approximate: bool = False, short: bool = False
) -> str:
    """A period's years, in every table and figure alike: its span ('about 1995–2000'), or with no
    end 'from about 2000' ('2000年ごろ以降')."""
    if end:
        return span_words(start, end, lang, approximate, short)
    return since(approximately(words(start, lang, short), approximate, lang), lang)


def since(text: str, lang: str) -> str:
    """A span with no end: 'from 1999', '1999年以降'."""
    return _words_of(OPEN_END, lang).format(start=text)


def axis_words(value, unit: str, lang: str) -> str:
    """A tick of a figure axis that ticks by `unit` ('day' or 'month'): '3 Sep' or 'Sep 2001',
    '9月3日' or '2001年9月'."""
    day = pd.Timestamp(value)
    month = MONTHS[lang][day.month - 1][:3] if lang in MONTHS else ""  # Japanese: numbers only
    form = _words_of(AXIS_FORMS, lang)[unit]
    return form.format(y=day.year, m=day.month, d=day.day, b=month)
