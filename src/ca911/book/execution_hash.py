"""Hooks the book build uses.

`read_markdown` is registered in `_config.yml` as myst-nb's reader for `.md` files. For a MyST text
notebook it adds one hidden first cell naming the SHA-256 of the data package and of the helper
package's source: jupyter-cache keys a notebook on its code alone, so without this a data edit (or a
change to a figure function) would serve stale outputs. The same cell sets the edition's language
(`CA911_LANG`) in the kernel, so each edition's outputs are cached under their own key and drawn in
their own language. Other Markdown pages are read unchanged.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
from myst_nb.core.read import is_myst_markdown_notebook, read_myst_markdown_notebook

from ca911.data.language import LANGUAGE_VARIABLE, check_language, edition_language
from ca911.data.package import package_hash

DATA_STAMP_PREFIX = "# ca911 data package sha256: "
CODE_STAMP_PREFIX = "# ca911 helper package sha256: "
PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the whole ca911 package, subpackages included


def code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


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
        nb.cells.insert(0, data_stamp_cell(package_hash(data_dir), lang=language))
        if "source_map" in nb.metadata:  # myst-nb maps cells to source lines by index
            nb.metadata["source_map"].insert(0, 0)
    return nb
