"""Strict builds: a notebook cell error, a broken cross-reference and an unknown event id each fail the build,
and a moved event date reaches the prose in an incremental build.

Each builds a small fixture book (the project's configuration and data, a page or two of our own) in this
process with sphinx.testing, configured as `jupyter-book build -W -n` configures Sphinx: the build fails
exactly when it warns (`SphinxBuild.strict_ok`)."""

from __future__ import annotations

import csv
import re
import subprocess
import sys

import pytest

from support.fixture_books import NOTEBOOK_FRONT_MATTER, fixture_book, sphinx_build

pytestmark = pytest.mark.slow

INDEX = "# Index\n\nA small book.\n"
NOTEBOOK = NOTEBOOK_FRONT_MATTER + """
# A notebook that fails

```{code-cell} ipython3
raise ValueError("deliberate failure for the strict-build test")
```
"""
BOLTON = "ch3-2001-09-16-bolton-visits-russia"
CHRONOLOGY = "# Chronology\n\n```{include} _generated/chronology.md\n```\n"  # where {event} links to


def test_a_clean_fixture_book_builds_without_warnings(tmp_path):
    """The baseline the failures below are measured against: the same fixture book, nothing broken."""
    build = sphinx_build(fixture_book(tmp_path, {"index": INDEX, "event": f"# Event\n\nBolton ({{event}}`{BOLTON}`).\n",
                                                 "chronology": CHRONOLOGY}))
    assert build.strict_ok, build.warnings
    assert (build.html / "event.html").is_file()


def test_a_notebook_cell_error_fails_the_build(tmp_path):
    build = sphinx_build(fixture_book(tmp_path, {"index": INDEX, "failing": NOTEBOOK}))
    assert not build.strict_ok
    assert "deliberate failure" in build.error + build.warnings, build


def test_a_broken_cross_reference_fails_the_build(tmp_path):
    build = sphinx_build(fixture_book(tmp_path, {"index": INDEX, "broken": "# Broken\n\nSee {ref}`no-such-label`.\n"}))
    assert not build.strict_ok
    assert "no-such-label" in build.warnings


def test_an_unknown_event_id_fails_the_build(tmp_path):
    build = sphinx_build(fixture_book(tmp_path, {"index": INDEX, "event": "# Event\n\nOn {event}`ch3-1900-01-01-nothing` nothing.\n"}))
    assert not build.strict_ok
    assert "unknown event id" in build.warnings


def test_a_moved_event_date_reaches_the_prose_in_an_incremental_build(tmp_path):
    """`make html`, move an event in events.csv, `make html` again: the page citing it shows the new date
    (the {event} role's table lives on the Sphinx environment, which survives incremental builds)."""
    project = fixture_book(tmp_path, {"index": INDEX, "chapter": f"# Chapter\n\nWashington sent Bolton ({{event}}`{BOLTON}`).\n",
                                      "chronology": CHRONOLOGY})
    first = sphinx_build(project)
    assert first.strict_ok, first.warnings
    assert "16 September 2001" in (first.html / "chapter.html").read_text(encoding="utf-8")
    events = project / "data" / "events.csv"
    with events.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    for row in rows:
        if row["event_id"] == BOLTON:
            row["date"] = "2001-12-31"
    with events.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    second = sphinx_build(project, fresh=False)
    assert second.strict_ok, second.warnings
    html = (second.html / "chapter.html").read_text(encoding="utf-8")
    assert "31 December 2001" in html and "16 September 2001" not in html


def test_an_edited_page_is_all_the_print_build_reads_again(tmp_path):
    """The PDF build changes its configuration at builder-inited (no actor pages in print); the environment must
    be saved with the configuration as read, or the next build finds "config changed" and reads every page."""
    project = fixture_book(tmp_path, {"index": INDEX, "chapter": "# Chapter\n\nA first sentence.\n"})
    first = sphinx_build(project, builder="simplepdf")
    assert first.strict_ok, first.warnings
    (project / "chapter.md").write_text("# Chapter\n\nA first sentence, edited.\n", encoding="utf-8")
    second = sphinx_build(project, fresh=False, builder="simplepdf")
    assert second.strict_ok, second.warnings
    assert "config changed" not in second.log
    assert re.search(r"updating environment: 0 added, 1 changed, 0 removed", second.log), second.log[-2000:]


def test_a_notebook_cell_error_fails_the_parallel_execution(tmp_path):
    project = fixture_book(tmp_path, {"index": INDEX, "failing": NOTEBOOK})
    run = subprocess.run([sys.executable, "-m", "ca911", "execute", "--root", str(project)], capture_output=True, text=True, cwd=project)
    assert run.returncode == 1
    assert "failing.md: execution failed" in run.stdout and "deliberate failure" in run.stdout
