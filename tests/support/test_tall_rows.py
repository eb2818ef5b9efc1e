"""The tall-row checker (tests/support/tall_rows.py) on small pages at phone width: an id squeezed
into a narrow column is caught; the same table with the id given room (or replaced by a short link)
passes."""

from __future__ import annotations

import pytest

from support import screen_fit
from support.tall_rows import wrapped_codes
from support.test_screen_fit import render  # noqa: F401 (the fixture that opens a small page)

pytestmark = pytest.mark.book  # needs Chromium, as the browser tests do

ID = "ch3-2001-10-azimov-offers-airspace-territory"
TABLE = (
    '<table style="width: 100%"><caption>Table 2.1 Stances</caption>'
    "<tr><th>date</th><th>state</th><th>stance</th><th>evidence</th><th>note</th></tr>"
    "<tr><td>2001-10</td><td>Tajikistan</td><td>search rescue</td><td>{evidence}</td>"
    "<td>Azimov offers airspace and territory for humanitarian aid.</td></tr></table>"
)
CODE_CSS = "td code { overflow-wrap: anywhere; }"


def test_an_id_squeezed_into_a_narrow_column_is_caught(render):  # noqa: F811
    page = render(TABLE.format(evidence=f"<code>{ID}</code>"), CODE_CSS, screen_fit.PHONE)
    found = wrapped_codes(page)
    assert [f["table"] for f in found] == ["Table 2.1 Stances"]


def test_a_short_link_in_its_place_passes(render):  # noqa: F811
    page = render(TABLE.format(evidence='<a href="#ev">October 2001</a>'), CODE_CSS)
    assert wrapped_codes(page) == []


LOCATOR_TABLE = (
    '<table style="width: 100%"><tr><th>member</th><th>organisation</th><th>locator</th></tr>'
    "<tr><td>Azerbaijan</td><td>Collective Security Treaty (1992)</td>"
    '<td><code class="ca911-locator">ch4 §4.3 ¶1 n.18</code></td></tr></table>'
)


def test_a_broken_locator_is_caught_and_a_whole_one_passes(render):  # noqa: F811
    narrow = "td { max-width: 60px; } td code { overflow-wrap: anywhere; }"
    found = wrapped_codes(render(LOCATOR_TABLE, narrow))
    assert [f["whole"] for f in found] == [True]
    whole = narrow + " td code.ca911-locator { white-space: nowrap; }"
    assert wrapped_codes(render(LOCATOR_TABLE, whole)) == []
