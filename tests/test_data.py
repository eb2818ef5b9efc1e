"""The loader: validated DataFrames with partial dates kept honest."""

from __future__ import annotations

import pandas as pd
import pytest

from ca911.data import dates
from ca911.data.package import DataPackageError, load, package_hash, record_counts
from support.project import ROOT, read_rows, write_rows


@pytest.mark.parametrize(
    "value, lo, hi",
    [
        ("1999", "1999-01-01", "1999-12-31"),
        ("2001-09", "2001-09-01", "2001-09-30"),
        ("2000-02", "2000-02-01", "2000-02-29"),
        ("2001-09-24", "2001-09-24", "2001-09-24"),
    ],
)
def test_partial_dates_cover_their_whole_span(value, lo, hi):
    assert dates.bounds(value) == (pd.Timestamp(lo), pd.Timestamp(hi))


def test_empty_date_is_missing_not_epoch():
    lo, hi = dates.bounds("")
    assert pd.isna(lo) and pd.isna(hi)


def test_load_keeps_printed_dates_and_adds_bounds():
    pkg = load()
    ev = pkg.events
    assert pd.api.types.is_string_dtype(ev["date"])  # the partial ISO string as recorded
    year_only = ev[ev["date_precision"] == "year"]
    if len(year_only):  # a year is its whole span, never 1 January alone
        assert (year_only["date_hi"] - year_only["date_lo"]).dt.days.min() >= 364
    assert (ev["date_lo"] <= ev["date_hi"]).all()
    assert isinstance(ev["event_type"].dtype, pd.CategoricalDtype)
    assert pkg.stances["stance"].cat.ordered


def test_every_table_loads_with_its_schema_columns():
    pkg = load()
    for res in pkg.descriptor["resources"]:
        cols = [f["name"] for f in res["schema"]["fields"]]
        assert list(pkg[res["name"]].columns[: len(cols)]) == cols


def test_labels_come_from_the_descriptor():
    pkg = load()
    labels = pkg.labels("stances", "stance")
    assert list(labels)[:2] == ["not_stated", "refuses"]


def test_record_counts_per_chapter():
    counts = record_counts(load())
    assert counts.loc["sources"].sum() == 2
    assert counts.loc["events"].sum() == len(load().events)
    # a stance names its event: it counts under its event's chapter, not as "not split"
    pkg = load()
    by_event = pkg.stances["event_id"].map(
        dict(zip(pkg.events["event_id"], pkg.events["source_id"]))
    )
    chapter_of = dict(zip(pkg.sources["source_id"], pkg.sources["chapter"]))
    for source, n in by_event.value_counts().items():
        assert counts.loc["stances", f"chapter {chapter_of[source]}"] == n


def test_hash_changes_with_one_cell(data_copy):
    before = package_hash(data_copy)
    header, rows = read_rows(data_copy / "events.csv")
    rows[0]["summary_en"] += " (edited)"
    write_rows(data_copy / "events.csv", header, rows)
    assert package_hash(data_copy) != before
    assert package_hash(ROOT / "data") == package_hash(ROOT / "data")


def test_a_package_is_validated_once_per_content(data_copy, monkeypatch):
    """load() remembers a successful validation by the package's hash (one validation per build, not
    one per notebook); any edit to a file is a new hash and is validated again."""
    from ca911.data import validation

    calls = []
    real = validation.validate_package
    monkeypatch.setattr(
        validation, "validate_package", lambda *a, **k: calls.append(a) or real(*a, **k)
    )
    load(data_copy)
    load(data_copy)
    assert len(calls) == 1
    events = data_copy / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace(",2001-09-16,", ",2001-09-31,", 1),
        encoding="utf-8",
    )
    with pytest.raises(DataPackageError, match="impossible-date"):
        load(data_copy)
    assert len(calls) == 2
