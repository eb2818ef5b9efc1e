"""No stale outputs: the data package's hash is part of each notebook's cache key."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from jupyter_cache import get_cache

from ca911.book import CODE_STAMP_PREFIX, DATA_STAMP_PREFIX, code_hash, read_markdown
from ca911.data import package_hash
from conftest import ROOT, project_copy, read_rows, write_rows

pytestmark = pytest.mark.slow


def notebook_paths() -> list[Path]:
    """The book's executed notebooks: the pages of _toc.yml written as MyST text notebooks."""
    from ca911.execute import book_notebooks

    return book_notebooks(ROOT)


def test_reader_stamps_notebooks_with_the_data_hash():
    for path in notebook_paths():
        nb = read_markdown(path.read_text(encoding="utf-8"))
        assert nb.cells[0].source == f"{DATA_STAMP_PREFIX}{package_hash()}\n{CODE_STAMP_PREFIX}{code_hash()}"
        assert "remove-cell" in nb.cells[0].metadata["tags"]


def test_reader_leaves_plain_pages_alone():
    nb = read_markdown((ROOT / "front" / "about.md").read_text(encoding="utf-8"))
    assert not any(c.cell_type == "code" for c in nb.cells)


def _build_html(project: Path) -> str:
    proc = subprocess.run([str(ROOT / ".venv/bin/jupyter-book"), "build", ".", "--builder", "html"],
                          capture_output=True, text=True, cwd=project)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout


def test_editing_one_csv_row_re_executes_the_notebooks_that_read_it(tmp_path):
    """`ca911 execute` fills the cache side by side so that Sphinx executes nothing; a data edit is a new key."""
    import sys

    project = project_copy(tmp_path)
    cache_dir = project / "_build" / ".jupyter_cache"
    run = subprocess.run([sys.executable, "-m", "ca911", "execute", "--jobs", "2"], capture_output=True, text=True, cwd=project)
    assert run.returncode == 0 and f"{len(notebook_paths())} to execute" in run.stdout, run.stdout[-3000:]
    first = {r.pk for r in get_cache(str(cache_dir)).list_cache_records()}
    assert len(first) == len(notebook_paths())
    assert "Executing notebook" not in _build_html(project), "Sphinx found the pre-executed notebooks cached"

    log = _build_html(project)  # nothing changed: nothing re-executes
    assert {r.pk for r in get_cache(str(cache_dir)).list_cache_records()} == first
    assert "Executing notebook" not in log

    header, rows = read_rows(project / "data" / "events.csv")
    rows[0]["summary_en"] = rows[0]["summary_en"] + " Edited for the test."
    write_rows(project / "data" / "events.csv", header, rows)
    log = _build_html(project)
    assert log.count("Executing notebook") == len(notebook_paths()), "every notebook reads the package"
    new = {r.pk for r in get_cache(str(cache_dir)).list_cache_records()} - first
    assert len(new) == len(notebook_paths()), "one new cache record per notebook, keyed on the edited data"
