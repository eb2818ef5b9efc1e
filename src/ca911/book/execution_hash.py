"""Hooks the book build uses.

`read_markdown` is registered in `_config.yml` as myst-nb's reader for `.md` files. For a MyST text
notebook it adds one hidden first cell naming the SHA-256 of the data package and of the helper
modules the notebook's code imports (directly or through other helper modules): jupyter-cache keys
a notebook on its code alone, so without this a data edit (or a change to a figure function) would
serve stale outputs; hashing only what a notebook imports keeps an edit to the book's build
extensions from executing every notebook again. The same cell sets the edition's language
(`CA911_LANG`) in the kernel, so each edition's outputs are cached under their own key and drawn in
their own language. Other Markdown pages are read unchanged.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable
from pathlib import Path

import nbformat
from myst_nb.core.read import is_myst_markdown_notebook, read_myst_markdown_notebook

from ca911.data.language import LANGUAGE_VARIABLE, check_language, edition_language
from ca911.data.package import package_hash

DATA_STAMP_PREFIX = "# ca911 data package sha256: "
CODE_STAMP_PREFIX = "# ca911 helper package sha256: "
PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the whole ca911 package, subpackages included


PACKAGE_NAME = "ca911"


def _module_file(module: str) -> Path | None:
    """The source file of a module of the helper package, or None for any other module."""
    parts = module.split(".")
    if parts[0] != PACKAGE_NAME:
        return None
    base = PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported_modules(code: str) -> set[str]:
    """Every helper-package module `code` imports anywhere (inside functions too), with the
    packages that hold them, since importing a module runs its packages' `__init__` first."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            for end in range(1, len(parts) + 1):
                prefix = ".".join(parts[:end])
                if _module_file(prefix) is not None:
                    found.add(prefix)
    return found


def module_closure(code: str) -> list[Path]:
    """The helper package's source files that running `code` imports, transitively, sorted."""
    seen: set[str] = set()
    pending = sorted(imported_modules(code))
    while pending:
        module = pending.pop()
        if module in seen:
            continue
        seen.add(module)
        source = _module_file(module)
        pending.extend(sorted(imported_modules(source.read_text(encoding="utf-8")) - seen))
    return sorted({_module_file(module) for module in seen})


def code_hash(code_cells: Iterable[str] | None = None) -> str:
    """SHA-256 of the helper modules the code cells import (every module of the package when no
    cells are given), each with its path, so a renamed module is a different package."""
    if code_cells is None:
        paths = sorted(PACKAGE_DIR.rglob("*.py"))
    else:
        paths = module_closure("\n".join(code_cells))
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def notebook_code(nb: nbformat.NotebookNode) -> list[str]:
    """The source of each code cell, IPython magics and shell lines left out so ast can read it."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines = cell.source.splitlines()
            cells.append(
                "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))
            )
    return cells


def data_stamp_cell(
    sha256: str, code_sha256: str | None = None, lang: str | None = None
) -> nbformat.NotebookNode:
    lang = check_language(lang or edition_language())
    cell = nbformat.v4.new_code_cell(
        f"{DATA_STAMP_PREFIX}{sha256}\n{CODE_STAMP_PREFIX}{code_sha256 or code_hash()}\n"
        f'import os\n\nos.environ["{LANGUAGE_VARIABLE}"] = "{lang}"'
    )
    cell.metadata["tags"] = ["remove-cell"]
    cell["id"] = "ca911-data-stamp"
    return cell


def read_markdown(
    text: str, data_dir: str | Path | None = None, language: str | None = None
) -> nbformat.NotebookNode:
    """The notebook in `text`, stamped for the edition in `language` (default: `CA911_LANG`)."""
    nb = read_myst_markdown_notebook(text, add_source_map=True)
    if is_myst_markdown_notebook(text):
        # nbformat gives new cells random ids; numbered ones make the downloadable .ipynb the same
        # bytes in every build
        for number, cell in enumerate(nb.cells, start=1):
            cell["id"] = f"cell-{number}"
        nb.cells.insert(
            0,
            data_stamp_cell(package_hash(data_dir), code_hash(notebook_code(nb)), lang=language),
        )
        if "source_map" in nb.metadata:  # myst-nb maps cells to source lines by index
            nb.metadata["source_map"].insert(0, 0)
    return nb
