"""No stale outputs: the data package's hash is part of each notebook's cache key."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from jupyter_cache import get_cache

from ca911.book.execution_hash import (
    CODE_STAMP_PREFIX,
    DATA_STAMP_PREFIX,
    code_hash,
    notebook_code,
    read_markdown,
)
from ca911.data.package import package_hash
from support.fixture_books import NOTEBOOK_FRONT_MATTER, fixture_book, sphinx_build
from support.project import ROOT, read_rows, write_rows

pytestmark = pytest.mark.slow


def notebook_paths() -> list[Path]:
    """The book's executed notebooks: the pages of _toc.yml written as MyST text notebooks."""
    from ca911.book.execute import book_notebooks

    return book_notebooks(ROOT)


def test_reader_stamps_notebooks_with_the_data_hash():
    """The hidden first cell names the data and code hashes and sets the edition's language, so
    each edition's outputs are cached under their own key."""
    for path in notebook_paths():
        for lang in ("en", "ja"):
            nb = read_markdown(path.read_text(encoding="utf-8"), language=lang)
            code = code_hash(notebook_code(nb))
            assert code != code_hash()  # the build's own extensions are not in a notebook's key
            assert nb.cells[0].source == (
                f"{DATA_STAMP_PREFIX}{package_hash()}\n{CODE_STAMP_PREFIX}{code}\n"
                f'import os\n\nos.environ["CA911_LANG"] = "{lang}"'
            )
            assert "remove-cell" in nb.cells[0].metadata["tags"]


def test_the_code_hash_covers_every_module_of_every_subpackage(tmp_path, monkeypatch):
    from ca911.book import execution_hash

    assert any(
        "/" in p.relative_to(execution_hash.PACKAGE_DIR).as_posix()
        for p in execution_hash.PACKAGE_DIR.rglob("*.py")
    )
    (tmp_path / "figures").mkdir()
    (tmp_path / "cli.py").write_text("x = 1\n")
    nested = tmp_path / "figures" / "style.py"
    nested.write_text("COLOUR = 'orange'\n")
    monkeypatch.setattr(execution_hash, "PACKAGE_DIR", tmp_path)
    before = execution_hash.code_hash()
    nested.write_text(
        "COLOUR = 'purple'\n"
    )  # a figure function changed inside a subpackage: the outputs are stale
    changed = execution_hash.code_hash()
    assert changed != before
    nested.rename(
        tmp_path / "figures" / "colours.py"
    )  # the same bytes under another name: another package
    assert execution_hash.code_hash() != changed


def test_a_notebook_is_keyed_on_the_helper_modules_it_imports_and_no_others(tmp_path, monkeypatch):
    from ca911.book import execution_hash

    package = tmp_path / "ca911"
    for folder in ("figures", "data", "book"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "data" / "dates.py").write_text("FORMAT = 'ymd'\n")
    (package / "figures" / "style.py").write_text(
        "def colour():\n    from ca911.data.dates import FORMAT\n    return FORMAT\n"
    )
    (package / "book" / "print.py").write_text("MARGIN = 1\n")
    monkeypatch.setattr(execution_hash, "PACKAGE_DIR", package)
    cells = execution_hash.notebook_code(
        nbformat_notebook(
            ["import pandas\nfrom ca911.figures import style\n%matplotlib inline", "style.colour()"]
        )
    )
    assert [
        p.relative_to(package).as_posix()
        for p in execution_hash.module_closure(
            "\n".join(execution_hash.notebook_code(nbformat_notebook(cells)))
        )
    ] == [
        "__init__.py",
        "data/__init__.py",
        "data/dates.py",
        "figures/__init__.py",
        "figures/style.py",
    ]
    before = execution_hash.code_hash(cells)
    (package / "book" / "print.py").write_text("MARGIN = 2\n")  # not imported: same key
    assert execution_hash.code_hash(cells) == before
    (package / "data" / "dates.py").write_text(
        "FORMAT = 'dmy'\n"
    )  # imported through style: new key
    assert execution_hash.code_hash(cells) != before


def nbformat_notebook(cells: list[str]):
    import nbformat

    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])


def test_reader_leaves_plain_pages_alone():
    nb = read_markdown((ROOT / "front" / "about.md").read_text(encoding="utf-8"))
    assert not any(c.cell_type == "code" for c in nb.cells)


READER = (
    NOTEBOOK_FRONT_MATTER
    + """
# {title}

```{{code-cell}} ipython3
from ca911.data.package import load

len(load().{table})
```
"""
)


def executed(log: str) -> list[str]:
    """The pages myst-nb executed in a build (a plain page like index.md is executed once, then
    cached)."""
    return sorted(re.findall(r"(\w+)\.md: Executing notebook", log))


def test_editing_one_csv_row_re_executes_the_notebooks_that_read_it(tmp_path):
    """`ca911 execute` fills the cache side by side so that Sphinx executes nothing; a data edit is
    a new key. A fixture book of two notebooks that read the package, built in-process
    (sphinx.testing)."""
    import sys

    from ca911.book.execute import book_notebooks

    project = fixture_book(
        tmp_path,
        {
            "index": "# Index\n\nTwo notebooks.\n",
            "events_nb": READER.format(title="Events", table="events"),
            "actors_nb": READER.format(title="Actors", table="actors"),
        },
    )
    notebooks = book_notebooks(project)
    assert len(notebooks) == 2
    cache_dir = project / "_build" / ".jupyter_cache"
    run = subprocess.run(
        [sys.executable, "-m", "ca911", "execute", "--jobs", "2", "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=project,
    )  # the English edition's runs, the ones the English build below looks up
    assert run.returncode == 0 and "2 to execute" in run.stdout, run.stdout[-3000:]
    first = {r.pk for r in get_cache(str(cache_dir)).list_cache_records()}
    assert len(first) == 2
    build = sphinx_build(project)
    assert build.strict_ok, build.warnings
    assert not {"events_nb", "actors_nb"} & set(executed(build.log)), (
        "Sphinx found the pre-executed notebooks cached"
    )

    first = {
        r.pk for r in get_cache(str(cache_dir)).list_cache_records()
    }  # now with the plain index page's record

    build = sphinx_build(project, fresh=False)  # nothing changed: nothing re-executes
    assert {r.pk for r in get_cache(str(cache_dir)).list_cache_records()} == first
    assert executed(build.log) == []

    header, rows = read_rows(project / "data" / "events.csv")
    rows[0]["summary_en"] = rows[0]["summary_en"] + " Edited for the test."
    write_rows(project / "data" / "events.csv", header, rows)
    build = sphinx_build(project, fresh=False)
    assert executed(build.log) == ["actors_nb", "events_nb"], "every notebook reads the package"
    new = {r.pk for r in get_cache(str(cache_dir)).list_cache_records()} - first
    assert len(new) == 2, "one new cache record per notebook, keyed on the edited data"


def test_a_notebook_cell_that_cannot_be_read_is_named_by_its_file(tmp_path):
    """Bad cell options (here a caption's apostrophe that ends its single-quoted YAML string) stop
    the build before any notebook runs, with the file, the cell and its line."""
    from ca911.book.execute import execute

    (tmp_path / "_config.yml").write_text("execute:\n  cache: _build/.jupyter_cache\n")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: broken\n")
    (tmp_path / "broken.md").write_text(
        "---\njupytext:\n  text_representation:\n    format_name: myst\nkernelspec:\n"
        "  name: python3\n  display_name: Python 3\n---\n\n# Broken\n\n"
        "```{code-cell} ipython3\n---\nmystnb:\n  figure:\n    caption: 'chapter 4's text'\n---\n"
        "1\n```\n"
    )
    with pytest.raises(SystemExit) as stop:
        execute(tmp_path, languages=("en",))
    assert str(stop.value).startswith("broken.md: Code cell 1 at line 12"), stop.value
