"""Every figure the notebooks glue, built in-process from the notebooks' own code cells (the same
calls the book executes), so checks that need the matplotlib Figure itself (legends, the renderer's
text extents) see exactly what the book draws."""

from __future__ import annotations

import ast
import contextlib
import os
from pathlib import Path

from matplotlib.figure import Figure

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"


def notebook_figures(notebooks=None) -> dict[str, Figure]:
    """'notebook stem: glue name' → Figure, for every Figure a notebook glues."""
    import jupytext
    import myst_nb

    found: dict[str, Figure] = {}
    paths = (
        sorted(NOTEBOOKS.glob("*.md"))
        if notebooks is None
        else [NOTEBOOKS / f"{n}.md" for n in notebooks]
    )
    real_glue = myst_nb.glue
    for path in paths:
        nb = jupytext.reads(path.read_text(encoding="utf-8"), fmt="md:myst")

        def capture(name, value, display=True, _stem=path.stem):
            if isinstance(value, Figure):
                found[f"{_stem}: {name}"] = value

        myst_nb.glue = capture
        try:
            namespace: dict = {"__name__": f"notebook_{path.stem}"}
            with _cwd(path.parent):
                for cell in nb.cells:
                    if cell.cell_type == "code":
                        shown = _run_cell(cell.source, path.name, namespace)
                        name = cell.metadata.get("mystnb", {}).get("figure", {}).get("name")
                        if isinstance(shown, Figure):
                            found[f"{path.stem}: {name or 'cell output'}"] = shown
        finally:
            myst_nb.glue = real_glue
    return found


def _run_cell(source: str, filename: str, namespace: dict):
    """Run a code cell as Jupyter does; its value is that of its last line when that is an
    expression."""
    tree = ast.parse(source, filename)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, filename, "exec"), namespace)  # noqa: S102
    return eval(compile(ast.Expression(last.value), filename, "eval"), namespace) if last else None  # noqa: S307


@contextlib.contextmanager
def _cwd(path: Path):
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)
