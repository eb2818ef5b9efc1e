"""The chapter list comes from sources.csv: a row added there is a chapter everywhere that asks."""

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ca911.data import chapters

ROOT = Path(__file__).resolve().parents[1]


def _with_extra_chapter(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(ROOT / "data" / "sources.csv", data / "sources.csv")
    with (data / "sources.csv").open("a", encoding="utf-8", newline="") as f:
        csv.writer(f).writerow(
            ["ch9", "KeyNDx", "An Author", "著者", "題", "A title", "9", "", "", "", "ch9.ja.txt"]
        )
    return data


def test_the_chapters_are_the_rows_of_sources_csv_in_order():
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    got = chapters.chapters(ROOT / "data")
    assert [c.id for c in got] == [r["source_id"] for r in rows]
    assert [(c.author, c.title_en, c.number, c.file) for c in got] == [
        (r["author"], r["title_en"], int(r["chapter"]), r["file"]) for r in rows
    ]


def test_a_row_added_to_sources_csv_is_a_chapter(tmp_path):
    data = _with_extra_chapter(tmp_path)
    assert chapters.chapter_ids(data)[-1] == "ch9"
    assert chapters.chapter("ch9", data).author == "An Author"
    assert chapters.chapter("ch9", data).number == 9


def test_an_unknown_chapter_names_the_known_ones():
    with pytest.raises(KeyError, match="ch3, ch4"):
        chapters.chapter("ch5", ROOT / "data")


def test_the_command_line_offers_the_chapters_of_the_data_it_reads(tmp_path):
    data = _with_extra_chapter(tmp_path)
    env = {"CA911_DATA_DIR": str(data), "PATH": "/usr/bin:/bin"}
    help_text = subprocess.run(
        [sys.executable, "-m", "ca911", "passages", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert "{ch3,ch4,ch9}" in help_text
