"""Hooks the book build uses.

`read_markdown` is registered in `_config.yml` as myst-nb's reader for `.md` files. For a MyST text
notebook it adds one hidden first cell naming the data package's SHA-256: jupyter-cache keys a notebook
on its code, so a data edit changes the key and the notebook re-executes instead of serving stale
outputs. Other Markdown pages are read unchanged.
"""

from __future__ import annotations

import nbformat
from myst_nb.core.read import is_myst_markdown_notebook, read_myst_markdown_notebook

from ca911.data import package_hash

DATA_STAMP_PREFIX = "# ca911 data package sha256: "


def data_stamp_cell(sha256: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(f"{DATA_STAMP_PREFIX}{sha256}")
    cell.metadata["tags"] = ["remove-cell"]
    cell["id"] = "ca911-data-stamp"
    return cell


def read_markdown(text: str) -> nbformat.NotebookNode:
    nb = read_myst_markdown_notebook(text, add_source_map=True)
    if is_myst_markdown_notebook(text):
        nb.cells.insert(0, data_stamp_cell(package_hash()))
        if "source_map" in nb.metadata:  # myst-nb maps cells to source lines by index
            nb.metadata["source_map"].insert(0, 0)
    return nb
