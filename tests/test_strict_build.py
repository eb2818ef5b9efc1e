"""Strict builds of the book's own configuration: a notebook cell error and a broken cross-reference
each fail the build (the extension's roles, and a data edit in an incremental build, are tested on
roots of a few files in tests/test_sphinx_extension.py).

Each builds a small fixture book (the project's configuration and data, a page or two of our own) in
this process with sphinx.testing, configured as `jupyter-book build -W -n` configures Sphinx: the
build fails exactly when it warns (`SphinxBuild.strict_ok`)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from support.fixture_books import NOTEBOOK_FRONT_MATTER, fixture_book, sphinx_build

pytestmark = pytest.mark.slow

INDEX = "# Index\n\nA small book.\n"
NOTEBOOK = (
    NOTEBOOK_FRONT_MATTER
    + """
# A notebook that fails

```{code-cell} ipython3
raise ValueError("deliberate failure for the strict-build test")
```
"""
)
BOLTON = "ch3-2001-09-16-bolton-visits-russia"
CHRONOLOGY = (
    "# Chronology\n\n```{include} _generated/chronology.md\n```\n"  # where {event} links to
)


def test_a_clean_fixture_book_builds_without_warnings(tmp_path):
    """The baseline the failures below are measured against: the same fixture book, nothing
    broken."""
    build = sphinx_build(
        fixture_book(
            tmp_path,
            {
                "index": INDEX,
                "event": f"# Event\n\nBolton ({{event}}`{BOLTON}`).\n",
                "chronology": CHRONOLOGY,
            },
        )
    )
    assert build.strict_ok, build.warnings
    assert (build.html / "event.html").is_file()


def test_a_notebook_cell_error_fails_the_build(tmp_path):
    build = sphinx_build(fixture_book(tmp_path, {"index": INDEX, "failing": NOTEBOOK}))
    assert not build.strict_ok
    assert "deliberate failure" in build.error + build.warnings, build


def test_a_broken_cross_reference_fails_the_build(tmp_path):
    build = sphinx_build(
        fixture_book(
            tmp_path, {"index": INDEX, "broken": "# Broken\n\nSee {ref}`no-such-label`.\n"}
        )
    )
    assert not build.strict_ok
    assert "no-such-label" in build.warnings


def test_a_notebook_cell_error_fails_the_parallel_execution(tmp_path):
    project = fixture_book(tmp_path, {"index": INDEX, "failing": NOTEBOOK})
    run = subprocess.run(
        [sys.executable, "-m", "ca911", "execute", "--root", str(project)],
        capture_output=True,
        text=True,
        cwd=project,
    )
    assert run.returncode == 1
    # each edition's run is reported, named by its language
    assert "failing.md (en): execution failed" in run.stdout and "deliberate failure" in run.stdout
