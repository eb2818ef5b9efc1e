"""Strict builds: a notebook cell error and a broken cross-reference each fail the build."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, project_copy

pytestmark = pytest.mark.slow

NOTEBOOK = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# A notebook that fails

```{code-cell} ipython3
raise ValueError("deliberate failure for the strict-build test")
```
"""


def _mini_book(tmp_path: Path, page: str, text: str) -> Path:
    """The project's config, data and package with a two-page book of our own."""
    project_copy(tmp_path, parts=("_config.yml", "references.bib", "data"))
    (tmp_path / "index.md").write_text("# Index\n\nA small book.\n", encoding="utf-8")
    (tmp_path / f"{page}.md").write_text(text, encoding="utf-8")
    (tmp_path / "_toc.yml").write_text(f"format: jb-book\nroot: index\nchapters:\n  - file: {page}\n", encoding="utf-8")
    return tmp_path


def _build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / ".venv/bin/jupyter-book"), "build", ".", "--builder", "html", "-W", "-n", "--keep-going"],
                          cwd=project, capture_output=True, text=True)


def test_a_notebook_cell_error_fails_the_build(tmp_path):
    proc = _build(_mini_book(tmp_path, "failing", NOTEBOOK))
    assert proc.returncode != 0
    assert "deliberate failure" in proc.stdout + proc.stderr


def test_a_broken_cross_reference_fails_the_build(tmp_path):
    proc = _build(_mini_book(tmp_path, "broken", "# Broken\n\nSee {ref}`no-such-label` and {numref}`fig-nowhere`.\n"))
    assert proc.returncode != 0
    assert "no-such-label" in proc.stdout + proc.stderr


def test_an_unknown_event_id_fails_the_build(tmp_path):
    proc = _build(_mini_book(tmp_path, "event", "# Event\n\nOn {event}`ch3-1900-01-01-nothing` nothing happened.\n"))
    assert proc.returncode != 0
    assert "unknown event id" in proc.stdout + proc.stderr


def test_a_moved_event_date_reaches_the_prose_in_an_incremental_build(tmp_path):
    """`make html`, move an event in events.csv, `make html` again: the page citing it shows the new date
    (the {event} role's table lives on the Sphinx environment, which survives incremental builds)."""
    import csv

    project = _mini_book(tmp_path, "chapter", "# Chapter\n\nWashington sent Bolton ({event}`ch3-2001-09-16-bolton-visits-russia`).\n")
    (project / "chronology.md").write_text("# Chronology\n\n```{include} _generated/chronology.md\n```\n", encoding="utf-8")
    (project / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n  - file: chapter\n  - file: chronology\n",
                                      encoding="utf-8")
    page = project / "_build" / "html" / "chapter.html"
    first = _build(project)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    assert "16 September 2001" in page.read_text(encoding="utf-8")
    events = project / "data" / "events.csv"
    with events.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header, rows = reader.fieldnames, list(reader)
    for row in rows:
        if row["event_id"] == "ch3-2001-09-16-bolton-visits-russia":
            row["date"] = "2001-12-31"
    with events.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    second = _build(project)
    assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
    html = page.read_text(encoding="utf-8")
    assert "31 December 2001" in html and "16 September 2001" not in html


def test_a_notebook_cell_error_fails_the_parallel_execution(tmp_path):
    import sys

    project = _mini_book(tmp_path, "failing", NOTEBOOK)
    run = subprocess.run([sys.executable, "-m", "ca911", "execute", "--root", str(project)], capture_output=True, text=True, cwd=project)
    assert run.returncode == 1
    assert "failing.md: execution failed" in run.stdout and "deliberate failure" in run.stdout
