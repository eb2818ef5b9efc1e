"""The generated pages of the Japanese edition, built on their own: a scratch Sphinx project with
`language = "ja"`, the record roles, the data package given, and nothing else (no notebooks, no
chapters), so a test sees the HTML a Japanese reader gets from `_generated/` in seconds rather than
after a whole book."""

from __future__ import annotations

import shutil
from pathlib import Path

CONF = """\
extensions = ["myst_parser", "ca911.book.sphinx.roles"]
language = "ja"
root_doc = "index"
exclude_patterns = ["data", "_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
source_suffix = {".md": "markdown"}
suppress_warnings = ["ref.ref", "toc.not_included", "image.not_readable"]
"""
INDEX = "# 生成ページ\n"


def build_japanese_pages(data_dir: Path, work: Path) -> Path:
    """Writes the Japanese generated pages of the package in `data_dir` into a project under
    `work`, builds it to HTML and returns the folder of the HTML pages of `_generated/`. The
    package is read without validation: the validator has its own tests, and a hostile copy may
    hold text it only warns about."""
    from sphinx.cmd.build import build_main

    from ca911.book.generated import generate
    from ca911.data.package import load

    src = work / "src"
    shutil.copytree(data_dir, src / "data")
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text(INDEX, encoding="utf-8")
    generate(src, load(src / "data", validate=False), data_dir=src / "data", lang="ja")
    out = work / "html"
    status = build_main(["-b", "html", "-q", "-j", "1", str(src), str(out)])
    assert status == 0, f"sphinx-build of the Japanese generated pages exited {status}"
    return out / "_generated"
