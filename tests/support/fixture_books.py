"""Small fixture books built in this process with sphinx.testing, configured as `jupyter-book build`
configures Sphinx."""

from __future__ import annotations

import contextlib
import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from support.project import project_copy

# The front matter that makes a Markdown page a MyST text notebook (fixture books in the build
# tests).
NOTEBOOK_FRONT_MATTER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
"""


def fixture_book(target: Path, pages: dict[str, str]) -> Path:
    """The project's configuration, bibliography and data with a book of our own pages ({name: MyST
    text}); the first page is the root."""
    project_copy(target, parts=("_config.yml", "references.bib", "data"))
    for name, text in pages.items():
        (target / f"{name}.md").write_text(text, encoding="utf-8")
    root, *chapters = pages
    toc = "".join(f"  - file: {name}\n" for name in chapters)
    (target / "_toc.yml").write_text(
        f"format: jb-book\nroot: {root}\n" + (f"chapters:\n{toc}" if toc else ""), encoding="utf-8"
    )
    # a small book has no actor pages: its generated chronology names actors without links to them
    config = yaml.safe_load((target / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("sphinx", {}).setdefault("config", {})["ca911_actor_pages"] = False
    (target / "_config.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return target


@dataclass
class SphinxBuild:
    warnings: str  # every warning and error, without colour codes
    html: Path
    log: str = ""  # the status messages ("Executing notebook …", "reading sources …")
    error: str = (
        ""  # an exception that stopped the build (jupyter-book reports it and exits non-zero)
    )

    @property
    def strict_ok(self) -> bool:
        """What `jupyter-book build -W --keep-going` decides: no exception and no warning at all."""
        return not self.error and self.warnings.strip() == ""


def sphinx_build(project: Path, fresh: bool = True, builder: str = "html") -> SphinxBuild:
    """An HTML build of `project` in this process with sphinx.testing's SphinxTestApp, configured as
    `jupyter-book build -n` configures Sphinx (its _config.yml → conf.py translation); fresh=False
    keeps the environment of the last build, as an incremental `make html` does."""
    from jupyter_book.config import get_final_config
    from sphinx.testing.util import SphinxTestApp

    config, _ = get_final_config(
        user_yaml=project / "_config.yml",
        sourcedir=project,
        cli_config={"latex_individualpages": False, "nitpicky": True},
    )
    (project / "conf.py").write_text(
        "".join(f"{k} = {v!r}\n" for k, v in sorted(config.items())), encoding="utf-8"
    )
    warnings, status = io.StringIO(), io.StringIO()
    with contextlib.chdir(
        project
    ):  # as `jupyter-book build .` runs: myst-nb reads the execution cache path from there
        app = SphinxTestApp(
            builder,
            srcdir=project,
            builddir=project / "_build",
            freshenv=fresh,
            status=status,
            warning=warnings,
        )
        error = ""
        try:
            app.build()
        except Exception as exc:  # noqa: BLE001  (any exception fails the build, as in jupyter-book)
            chain = [exc]
            while (
                chain[-1].__cause__ or chain[-1].__context__
            ):  # myst-nb wraps the cell's error: keep its message
                chain.append(chain[-1].__cause__ or chain[-1].__context__)
            error = "\n".join(f"{type(e).__name__}: {e}" for e in chain)
        finally:
            app.cleanup()
    plain = functools.partial(re.sub, r"\x1b\[[0-9;]*m", "")
    return SphinxBuild(
        plain(warnings.getvalue()), Path(app.outdir), plain(status.getvalue()), plain(error)
    )
