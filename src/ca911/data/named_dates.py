"""Dates the book names and reasons about, written once as ISO strings (what the data stores), so a
figure's break, a map's periods, a network's snapshot and the coverage of 「9.11」 agree.

Plain strings and standard-library dates: the data layer may use them; code that needs a time stamp
writes `pd.Timestamp(NINE_ELEVEN)`."""

from __future__ import annotations

from datetime import date, timedelta

# The attacks on the United States; 「9.11」 in both chapters.
NINE_ELEVEN = "2001-09-11"
# The day before: the last day of "before 9/11" in maps and the presence network.
NINE_ELEVEN_EVE = (date.fromisoformat(NINE_ELEVEN) - timedelta(days=1)).isoformat()
# The weeks of responses to 9/11 that chapter 3 chronicles day by day (chronology, stances, contact
# networks).
AUTUMN_2001 = (NINE_ELEVEN, "2001-10-30")
# The end of the year of the attacks: the second presence snapshot and the end of the map's second
# period.
END_OF_2001 = "2001-12-31"
# The last day of the years the chapters cover: memberships still running are drawn to it.
END_OF_RECORD = "2004-12-31"
