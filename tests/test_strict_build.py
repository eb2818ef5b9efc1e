"""Strict builds: a notebook cell error and a broken cross-reference each fail the build."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

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
    for rel in ("_config.yml", "references.bib", "data"):
        src = ROOT / rel
        if src.is_dir():
            subprocess.run(["cp", "-r", str(src), str(tmp_path / rel)], check=True)
        else:
            (tmp_path / rel).write_bytes(src.read_bytes())
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
