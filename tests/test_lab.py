"""`make lab`: JupyterLab from the locked environment on the MyST notebooks, driven in Chromium.

One server (the Makefile's target, on a copy of the project) for the module: a notebook is
opened, run from the Run menu and saved; its figure must show, its outputs must land in the paired
.ipynb and its .md must come back byte for byte. A copy of the same notebook with one broken call
must fail the same check.
"""

from __future__ import annotations

import pytest
import yaml
from sphinx.util.matching import Matcher

from support.lab import lab_project, make_lab, run_all_cells
from support.project import ROOT

pytestmark = pytest.mark.slow

NOTEBOOK = "table1_iraq_war"  # short, and its last figure is drawn by a plain cell (not glued)
BROKEN = "table1_broken"
FIGURE_CALL = "fig = coded_tables.coded_table("


@pytest.fixture(scope="module")
def lab(tmp_path_factory, browser):
    project = lab_project(tmp_path_factory.mktemp("lab") / "project")
    notebooks = project / "notebooks"
    text = (notebooks / f"{NOTEBOOK}.md").read_text(encoding="utf-8")
    assert FIGURE_CALL in text, "the notebook no longer draws its figure this way: update BROKEN"
    (notebooks / f"{BROKEN}.md").write_text(
        text.replace(FIGURE_CALL, "fig = coded_tables.no_such_function("), encoding="utf-8"
    )
    sources = {p.name: p.read_bytes() for p in notebooks.glob("*.md")}
    with make_lab(project) as server:
        yield project, server, sources


def run(lab, browser, name: str):
    project, server, sources = lab
    notebooks = project / "notebooks"
    result = run_all_cells(browser, server, f"{name}.md", notebooks / f"{name}.ipynb")
    return result, (notebooks / f"{name}.md").read_bytes() == sources[f"{name}.md"]


def test_a_notebook_runs_in_lab_shows_its_figure_and_keeps_its_source(lab, browser):
    result, unchanged = run(lab, browser, NOTEBOOK)
    assert result.problems() == [], "\n".join(result.problems())
    assert result.code_cells > 1
    assert unchanged, "saving in JupyterLab rewrote the .md source (outputs belong in the .ipynb)"


def test_a_cell_that_fails_in_lab_fails_the_check(lab, browser):
    result, unchanged = run(lab, browser, BROKEN)
    problems = "\n".join(result.problems())
    assert "AttributeError" in problems, problems
    assert "no figure" in problems
    assert unchanged


def test_the_server_stops_and_leaves_the_sources_as_they_were(lab):
    project, server, sources = lab
    server.stop()
    assert server.process.returncode is not None
    notebooks = project / "notebooks"
    assert {p.name: p.read_bytes() for p in notebooks.glob("*.md")} == sources
    assert {p.name for p in notebooks.glob("*.ipynb")} == {f"{NOTEBOOK}.ipynb", f"{BROKEN}.ipynb"}


def saved_beside_its_source_is_excluded(patterns: list[str]) -> bool:
    """Whether the book skips a notebook's paired .ipynb (else Sphinx finds two files for one page
    and the strict build stops)."""
    return Matcher(patterns)(f"notebooks/{NOTEBOOK}.ipynb")


def test_the_book_ignores_the_ipynb_a_lab_session_saves():
    patterns = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))[
        "exclude_patterns"
    ]
    assert saved_beside_its_source_is_excluded(patterns)
    broken = [p for p in patterns if "ipynb" not in p or "checkpoints" in p]
    assert not saved_beside_its_source_is_excluded(broken)
