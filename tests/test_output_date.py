"""One output date: SOURCE_DATE_EPOCH, else ca911.output_date's default, in every dated output (ZIP
members, GEXF files, figure metadata) and in the built book's downloads."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from ca911.analysis import network_exports
from ca911.data import archive, output_date

ROOT = Path(__file__).resolve().parents[1]


def test_the_default_applies_when_the_environment_sets_no_date(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert output_date.source_date_epoch() == output_date.DEFAULT_SOURCE_DATE_EPOCH
    assert output_date.output_iso_date() == "2026-01-01"


def test_the_environment_sets_the_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")  # 2001-09-09T01:46:40Z
    assert output_date.output_iso_date() == "2001-09-09"
    assert output_date.zip_date_time() == (2001, 9, 9, 1, 46, 40)


def test_a_malformed_date_is_an_error_not_today(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        output_date.source_date_epoch()


def test_zip_members_and_gexf_carry_the_output_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")
    members = zipfile.ZipFile(
        io.BytesIO(archive.deterministic_zip("x", {"a.csv": b"1"}))
    ).infolist()
    assert [m.date_time for m in members] == [(2001, 9, 9, 1, 46, 40)]
    G = nx.Graph()
    G.add_edge("a", "b")
    assert re.findall(rb'lastmodifieddate="([^"]*)"', network_exports.gexf_bytes(G)) == [
        b"2001-09-09"
    ]


def test_a_date_before_1980_is_the_first_date_a_zip_can_store(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert output_date.zip_date_time() == (1980, 1, 1, 0, 0, 0)


def test_the_command_line_prints_the_date_the_build_exports():
    env = {"PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-m", "ca911", "source-date-epoch"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert out.strip() == str(output_date.DEFAULT_SOURCE_DATE_EPOCH)
    out = subprocess.run(
        [sys.executable, "-m", "ca911", "source-date-epoch"],
        capture_output=True,
        text=True,
        env={**env, "SOURCE_DATE_EPOCH": "42"},
        check=True,
    ).stdout
    assert out.strip() == "42"


def test_no_build_file_keeps_its_own_copy_of_the_date():
    """The Makefile and the build script ask ca911 for the date; a number of seconds written there
    would be a second source that could disagree."""
    for name in ("Makefile", "ci/build-book.sh"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert not re.search(r"SOURCE_DATE_EPOCH\s*:?=\s*\d", text), name


def _built(pattern: str) -> list[Path]:
    found = sorted((ROOT / "_build" / "html" / "_downloads").glob(pattern))
    if not found:
        pytest.skip("the book is not built (make book)")
    return found


def test_the_built_downloads_carry_one_date():
    """Every member of every ZIP download and every GEXF download of the built book has the output
    date."""
    zip_dates = {m.date_time for z in _built("*/*.zip") for m in zipfile.ZipFile(z).infolist()}
    gexf_dates = {
        d.decode()
        for g in _built("*/*.gexf")
        for d in re.findall(rb'lastmodifieddate="([^"]*)"', g.read_bytes())
    }
    assert len(zip_dates) == 1 and len(gexf_dates) == 1, (zip_dates, gexf_dates)
    (zip_date,), (gexf_date,) = zip_dates, gexf_dates
    assert (
        "{:04d}-{:02d}-{:02d}".format(*zip_date[:3]) == gexf_date == output_date.output_iso_date()
    )
