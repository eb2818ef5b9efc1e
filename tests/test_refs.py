"""Record references (`ca911.data.refs`): written by `format_ref`, read back by `parse_ref`."""

from __future__ import annotations

import pytest

from ca911.data.refs import Ref, format_ref, key_of, parse_ref


def test_a_reference_names_the_resource_and_its_key_in_key_order():
    assert (
        format_ref("events", {"event_id": "ch3-2001-09-24-putin", "x": 1}, ["event_id"])
        == "events:ch3-2001-09-24-putin"
    )
    membership = {"start": "1992-05", "member_id": "RUS", "org_id": "CST"}
    assert (
        format_ref("memberships", membership, ["member_id", "org_id", "start"])
        == "memberships:RUS/CST/1992-05"
    )
    assert (
        format_ref("indicators", {"year": 2004, "country_id": "KAZ"}, ["country_id", "year"])
        == "indicators:KAZ/2004"
    )


def test_parse_ref_reads_back_what_format_ref_writes():
    membership = {"member_id": "RUS", "org_id": "CST", "start": "1992-05"}
    ref = format_ref("memberships", membership, ["member_id", "org_id", "start"])
    assert parse_ref(ref) == Ref("memberships", ("RUS", "CST", "1992-05"))
    assert parse_ref(ref, key_size=3).key_text == "RUS/CST/1992-05"
    assert key_of("facts:ch4-f12") == "ch4-f12"
    # a key value may hold a colon after the first: only the first separates the resource
    assert parse_ref("events:ch3-a:b") == Ref("events", ("ch3-a:b",))


@pytest.mark.parametrize("bad", ["events", "events:", ":ch3-x", ""])
def test_a_malformed_reference_is_refused(bad):
    with pytest.raises(ValueError, match="not a record reference"):
        parse_ref(bad)


def test_a_key_of_the_wrong_size_is_refused_when_the_size_is_known():
    with pytest.raises(ValueError, match="key of 3 field"):
        parse_ref("memberships:RUS/CST", key_size=3)
