"""Partial dates (`ca911.data.dates`): the contract's pattern, the days a date covers, and its
words."""

from __future__ import annotations

import pandas as pd
import pytest

from ca911.data import dates


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("2001", None),
        ("2001-09", None),
        ("2001-09-30", None),
        ("2000-02-29", None),
        ("2001-02-29", "no day 29"),
        ("2001-13", "no month 13"),
        ("2001-00", "no month 00"),
        ("2001-09-31", "no day 31"),
        ("01-09-2001", "is not YYYY"),
        ("2001-9", "is not YYYY"),
        ("2001-09-30T00:00", "is not YYYY"),
        ("", "is not YYYY"),
    ],
)
def test_check_date_accepts_real_partial_dates_only(value, problem):
    found = dates.check_date(value)
    assert found is None if problem is None else problem in found


@pytest.mark.parametrize(
    ("value", "lo", "hi"),
    [
        ("2004", "2004-01-01", "2004-12-31"),
        ("2004-02", "2004-02-01", "2004-02-29"),
        ("2001-02", "2001-02-01", "2001-02-28"),
        ("2001-09-11", "2001-09-11", "2001-09-11"),
    ],
)
def test_bounds_are_the_first_and_last_day_covered(value, lo, hi):
    assert dates.bounds(value) == (pd.Timestamp(lo), pd.Timestamp(hi))


def test_bounds_of_nothing_are_not_a_time_and_a_malformed_date_is_refused():
    assert all(pd.isna(b) for b in dates.bounds(""))
    assert all(pd.isna(b) for b in dates.bounds(None))
    with pytest.raises(ValueError, match="not a partial date"):
        dates.bounds("Sept 2001")


def test_last_day_reads_a_partial_date_as_its_end_and_keeps_a_timestamp():
    assert dates.last_day("2004") == pd.Timestamp("2004-12-31")
    assert dates.last_day("2002-02") == pd.Timestamp("2002-02-28")
    assert dates.last_day(pd.Timestamp("2001-09-10")) == pd.Timestamp("2001-09-10")


def test_precision_follows_the_string():
    assert [dates.precision(v) for v in ("1999", "1999-04", "1999-04-01")] == [
        "year",
        "month",
        "day",
    ]


@pytest.mark.parametrize(
    ("value", "long", "short"),
    [
        ("2001", "2001", "2001"),
        ("2001-09", "September 2001", "Sep 2001"),
        ("2001-09-03", "3 September 2001", "3 Sep 2001"),
        ("1992-05-15", "15 May 1992", "15 May 1992"),
        (pd.Timestamp("2001-10-07"), "7 October 2001", "7 Oct 2001"),
    ],
)
def test_words_give_a_date_at_its_own_precision(value, long, short):
    assert dates.words(value, "en") == long
    assert dates.words(value, "en", short=True) == short


def test_one_word_for_approximate_in_every_phrase():
    assert dates.span_words("2001-11", None, "en", approximate=True) == "about November 2001"
    assert dates.span_words("2001-09-24", "2001-09-26", "en") == "24–26 September 2001"
    assert dates.span_words("1992", "1999", "en", approximate=True) == "about 1992–1999"
    assert (
        dates.span_words("2001-09-24", "2001-09-26", "en", approximate=True, as_stored=True)
        == "about 2001-09-24 – 2001-09-26"
    )
    assert dates.approximately("1992", False, "en") == "1992"
    assert dates.since(dates.approximately("Sep 1992", True, "en"), "en") == "from about Sep 1992"
    assert dates.between("1992", "1999", "en") == "1992–1999"
    assert dates.between("about 1992", "1999", "en") == "about 1992 – 1999"


@pytest.mark.parametrize(
    ("start", "end", "en", "short", "ja"),
    [
        (
            "2001-09-17",
            "2001-09-24",
            "17–24 September 2001",
            "17–24 Sep 2001",
            "2001年9月17日～24日",
        ),
        ("2002-04-11", "2002-04-12", "11–12 April 2002", "11–12 Apr 2002", "2002年4月11日～12日"),
        ("2001-09", "2001-10", "September–October 2001", "Sep–Oct 2001", "2001年9月～10月"),
        (
            "2001-09-17",
            "2001-10-03",
            "17 September – 3 October 2001",
            "17 Sep – 3 Oct 2001",
            "2001年9月17日～10月3日",
        ),
        (
            "2001-09",
            "2002-03",
            "September 2001 – March 2002",
            "Sep 2001 – Mar 2002",
            "2001年9月～2002年3月",
        ),
        ("1995", "2000", "1995–2000", "1995–2000", "1995年～2000年"),
        # a span whose ends are one date is that date (Uzbekistan in the CST 'by 1999' to 1999)
        ("1999", "1999", "1999", "1999", "1999年"),
        ("2001-09-24", "2001-09-24", "24 September 2001", "24 Sep 2001", "2001年9月24日"),
        # ends of different precision are written whole
        (
            "2001-09",
            "2001-10-03",
            "September 2001 – 3 October 2001",
            "Sep 2001 – 3 Oct 2001",
            "2001年9月～10月3日",
        ),
    ],
)
def test_a_span_writes_what_its_ends_share_once(start, end, en, short, ja):
    assert dates.span_words(start, end, "en") == en
    assert dates.span_words(start, end, "en", short=True) == short
    assert dates.span_words(start, end, "ja") == ja
    assert dates.span_words(start, end, "en", approximate=True) == f"about {en}"


def test_a_language_without_words_is_a_clear_error_not_english():
    for call in (
        lambda: dates.words("2001-09", "fr"),
        lambda: dates.approximately("2001", True, "fr"),
        lambda: dates.span_words("2001", "2002", "fr"),
        lambda: dates.axis_words("2001-09-03", "day", "fr"),
    ):
        with pytest.raises(NotImplementedError, match="'fr'"):
            call()
    assert dates.approximately("2001", False, "en") == "2001"  # not approximate: no words needed


def test_axis_ticks_read_a_day_and_a_month_as_the_book_writes_them():
    day = pd.Timestamp("2001-09-03")
    assert dates.axis_words(day, "day", "en") == "3 Sep"  # no leading zero
    assert dates.axis_words(day, "month", "en") == "Sep 2001"
    assert dates.axis_words(pd.Timestamp("2001-10-15"), "day", "en") == "15 Oct"


@pytest.mark.parametrize(
    ("value", "plain", "approximate"),
    [
        ("2001", "2001年", "2001年ごろ"),
        ("2001-09", "2001年9月", "2001年9月ごろ"),
        ("2001-09-16", "2001年9月16日", "2001年9月16日ごろ"),
        (pd.Timestamp("2001-10-07"), "2001年10月7日", "2001年10月7日ごろ"),
    ],
)
def test_japanese_dates_keep_their_precision_and_mark_approximation_with_goro(
    value, plain, approximate
):
    assert dates.words(value, "ja") == plain
    assert dates.words(value, "ja", short=True) == plain
    assert dates.span_words(str(value)[:10], None, "ja", approximate=True) == approximate
    # never more precise than the record: no part of a month (上旬, 中旬, 下旬) is made up
    assert not set("上中下旬") & set(dates.span_words(str(value)[:10], None, "ja", True))


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2001-09-16", "2001-09-18", "2001年9月16日～18日"),
        ("2001-09-30", "2001-10-02", "2001年9月30日～10月2日"),
        ("2001-09", "2001-10", "2001年9月～10月"),
        ("2001-12", "2002-01", "2001年12月～2002年1月"),
        ("1992", "1999", "1992年～1999年"),
        ("2001", "2001-09", "2001年～2001年9月"),
    ],
)
def test_japanese_spans_leave_out_what_the_end_shares_with_the_start(start, end, expected):
    assert dates.span_words(start, end, "ja") == expected
    assert dates.span_words(start, end, "ja", approximate=True) == expected + "ごろ"
    assert dates.span_words(start, end, "ja", as_stored=True) == f"{start}～{end}"


def test_japanese_open_spans_and_axes():
    assert dates.since(dates.words("2001-09", "ja"), "ja") == "2001年9月以降"
    assert dates.since(dates.approximately("1991年", True, "ja"), "ja") == "1991年ごろ以降"
    day = pd.Timestamp("2001-09-03")
    assert dates.axis_words(day, "day", "ja") == "9月3日"
    assert dates.axis_words(day, "month", "ja") == "2001年9月"


@pytest.mark.parametrize(
    "value, edge, en, ja",
    [
        ("1992-05", "end", "end of May 1992", "1992年5月末"),
        ("1999-04", "start", "start of April 1999", "1999年4月初め"),
        ("2004", "end", "end of 2004", "2004年末"),
        ("2001-09-30", "end", "30 September 2001", "2001年9月30日"),
    ],
)
def test_an_edge_of_a_partial_date_keeps_its_precision(value, edge, en, ja):
    """A rule that reads a partial date as its first or last day says so at the date's own
    precision: no day the data do not give (Table 8.2's changes)."""
    assert dates.edge_words(value, edge, "en") == en
    assert dates.edge_words(value, edge, "ja") == ja
