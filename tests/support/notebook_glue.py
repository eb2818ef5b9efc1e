"""The words every notebook glues into the prose, built in-process from the notebooks' own code
cells (the same calls the book executes) in one edition's language, and the check that a value
glued into Japanese prose carries no English word."""

from __future__ import annotations

import os
import re

from support.figure_words import latin_words
from support.notebook_figures import NOTEBOOKS, ROOT, _cwd, _run_cell

# A record id as the data write one, shown as such in either edition: 'CHN–RUS', 'KAZ'.
_ID_PAIR = re.compile(r"\b[A-Z]{3}(?:–[A-Z]{3})+\b")
PAGES = [ROOT / "index.md", *sorted(NOTEBOOKS.glob("*.md"))]


def glued_values(lang: str, pages=PAGES) -> dict[str, object]:
    """'page stem: glue name' → the value the page glues, run with the edition's language set as the
    hidden first cell of the book's notebooks sets it."""
    import jupytext
    import myst_nb

    from ca911.data.language import LANGUAGE_VARIABLE

    found: dict[str, object] = {}
    real_glue, before = myst_nb.glue, os.environ.get(LANGUAGE_VARIABLE)
    os.environ[LANGUAGE_VARIABLE] = lang
    try:
        for path in pages:
            nb = jupytext.reads(path.read_text(encoding="utf-8"), fmt="md:myst")

            def capture(name, value, display=True, _stem=path.stem):
                found[f"{_stem}: {name}"] = value

            myst_nb.glue = capture
            namespace: dict = {"__name__": f"notebook_{path.stem}"}
            with _cwd(path.parent):
                for cell in nb.cells:
                    if cell.cell_type == "code":
                        _run_cell(cell.source, path.name, namespace)
    finally:
        myst_nb.glue = real_glue
        if before is None:
            os.environ.pop(LANGUAGE_VARIABLE)
        else:
            os.environ[LANGUAGE_VARIABLE] = before
    return found


def english_in_values(values: dict[str, object], allowed: frozenset[str]) -> dict[str, list[str]]:
    """Each glued text that carries a word in Latin letters other than the `allowed` abbreviations
    and the data's ids, with those words: 'p: k' → ["'出来事3件 and none': and, none"]. Numbers and
    figures are not words."""
    found = {}
    for key, value in values.items():
        if not isinstance(value, str):
            continue
        words = latin_words([_ID_PAIR.sub("", value)], allowed)
        if words:
            found[key] = words
    return found
