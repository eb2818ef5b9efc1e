"""The package's shape: no module over `MAX_LINES` lines, so that none hides a second concept. Which
module may import which is import-linter's contract in pyproject.toml (`make lint`)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "ca911"
MAX_LINES = 400


def package_sources() -> dict[str, str]:
    """Every module of the package by its path inside it ('analysis/networks.py')."""
    return {
        p.relative_to(PACKAGE).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def long_modules(sources: dict[str, str]) -> list[str]:
    return [
        f"{name}: {len(text.splitlines())} lines (split it by concept)"
        for name, text in sources.items()
        if len(text.splitlines()) > MAX_LINES
    ]


def test_no_module_is_longer_than_the_limit():
    sources = package_sources()
    assert "analysis/networks.py" in sources  # the walk reaches into the subpackages
    assert not long_modules(sources)


def test_a_module_over_the_limit_is_named():
    assert long_modules({"long.py": '"""A module."""\n' + "x = 1\n" * MAX_LINES}) == [
        "long.py: 401 lines (split it by concept)"
    ]
    assert not long_modules({"short.py": '"""A module."""\n' + "x = 1\n" * (MAX_LINES - 1)})


def _unformatted_cells(markdown: str) -> list[int]:
    """Indexes of the code cells of a MyST text notebook that `ruff format` (the project's settings)
    would change."""
    import subprocess
    import sys

    from ca911.book.execution_hash import read_markdown

    ruff = Path(sys.executable).with_name("ruff")
    code = [c.source for c in read_markdown(markdown).cells if c.cell_type == "code"]
    changed = []
    for i, source in enumerate(code):
        done = subprocess.run(
            [str(ruff), "format", "--stdin-filename", "cell.py", "-"],
            input=source + "\n",
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        if done.stdout.rstrip("\n") != source.rstrip("\n"):
            changed.append(i)
    return changed


def test_notebook_code_is_formatted_like_the_package():
    """The notebooks' code cells follow `ruff format` (at 100 columns) as src/, tests/ and tools/
    do; `make format` formats them (jupytext pipes each notebook through ruff)."""
    problems = {
        p.name: cells
        for p in sorted((ROOT / "notebooks").glob("*.md"))
        if (cells := _unformatted_cells(p.read_text(encoding="utf-8")))
    }
    assert problems == {}, f"code cells ruff would reformat (run `make format`): {problems}"


def test_an_unformatted_cell_is_found():
    page = (
        "---\njupytext:\n  text_representation:\n    format_name: myst\nkernelspec:\n  name: "
        "python3\n---\n"
    )
    cell = "```{code-cell} ipython3\n{}\n```\n"
    broken = page + cell.replace("{}", "x = {'a':1}")
    assert (
        len(_unformatted_cells(broken)) == 1
    )  # the one cell (the reader adds a data-stamp cell first)
    assert _unformatted_cells(page + cell.replace("{}", 'x = {"a": 1}')) == []
