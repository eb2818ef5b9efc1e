"""The named dates are the data's dates: the attacks are recorded on NINE_ELEVEN, and the figures
and maps that split time at it use the same day."""

from datetime import date, timedelta

from ca911.analysis import presence_network
from ca911.data import named_dates
from ca911.data.package import load
from ca911.figures import maps


def test_the_attacks_are_recorded_on_nine_eleven():
    events = load().events
    attacks = events[
        (events["event_type"] == "attack") & (events["date"] == named_dates.NINE_ELEVEN)
    ]
    assert not attacks.empty
    assert "September" in attacks.iloc[0]["summary_en"]


def test_the_eve_is_the_day_before():
    assert date.fromisoformat(named_dates.NINE_ELEVEN) - date.fromisoformat(
        named_dates.NINE_ELEVEN_EVE
    ) == timedelta(days=1)


def test_the_map_periods_meet_at_nine_eleven_without_gap_or_overlap():
    periods = {key: (start, end) for key, _, start, end in maps.PERIODS}
    assert periods["before-9-11"][1] == named_dates.NINE_ELEVEN_EVE
    assert periods["end-2001"][0] == named_dates.NINE_ELEVEN


def test_the_presence_network_splits_on_the_same_day():
    snaps = presence_network.presence_snapshots(load())
    assert snaps["before-9-11"].date().isoformat() == named_dates.NINE_ELEVEN_EVE
    assert snaps["after-9-11"].date().isoformat() == named_dates.END_OF_2001


def test_autumn_2001_begins_on_nine_eleven():
    start, end = named_dates.AUTUMN_2001
    assert start == named_dates.NINE_ELEVEN < end
