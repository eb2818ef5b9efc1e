"""A clean build reproduces the book byte for byte: every figure, data download and network file of the book
`make book` built (make test builds it first, or finds it up to date) is identical in a clean build.

The project is copied (the working tree as it is, without _build/, _generated/ or caches) and the copy builds
its HTML into its own --path-output with its own, empty execution cache (the cache path in _config.yml is
relative to the project), with the environment `make book` exports. The book under test was built in the
persistent stage, often incrementally, so this also holds an incremental build to a clean one. Any file that
differs, or exists in one build only, is named. (Once two clean builds ran side by side here; one is enough
when the other side is the book the suite tests anyway, and it halves the suite's heaviest test.)
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, project_copy

pytestmark = pytest.mark.slow

BUILD_TIMEOUT_S = 240


def make_settings() -> tuple[dict[str, str], list[str]]:
    """The variables `make book` exports and the jupyter-book flags it passes, read from the Makefile."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    exports = dict(re.findall(r"^export\s+(\w+)\s*:?=\s*(\S+)\s*$", text, flags=re.M))
    flags = re.search(r"^JB_FLAGS\s*:?=\s*(.+)$", text, flags=re.M)
    return exports, (flags[1].split() if flags else [])


def compared_files(html: Path, generated: Path) -> dict[str, bytes]:
    """relative name → SHA-256 of figures, data downloads, downloadable notebooks and GraphML/GEXF files of one build."""
    files: dict[str, Path] = {}
    for sub in ("_images", "_downloads"):
        for p in (html / sub).rglob("*"):
            if p.is_file():
                files[f"html/{p.relative_to(html).as_posix()}"] = p
    for p in (html / "_static").rglob("*"):
        if p.is_file() and p.suffix.lower() in (".svg", ".png"):
            files[f"html/{p.relative_to(html).as_posix()}"] = p
    for p in (html / "_sources").rglob("*.ipynb"):  # the executed notebooks a reader downloads
        files[f"html/{p.relative_to(html).as_posix()}"] = p
    for base, label in ((html, "html"), (generated, "_generated")):
        for pattern in ("*.graphml", "*.gexf"):
            for p in base.rglob(pattern):
                files[f"{label}/{p.relative_to(base).as_posix()}"] = p
    return {name: hashlib.sha256(p.read_bytes()).digest() for name, p in sorted(files.items())}


def pages_using(html: Path, name: str) -> list[str]:
    base = Path(name).name
    return sorted(p.relative_to(html).as_posix() for p in html.rglob("*.html")
                  if "_static" not in p.parts and base in p.read_text(encoding="utf-8", errors="replace"))


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory, built_book) -> Path:
    exports, flags = make_settings()
    project = project_copy(tmp_path_factory.mktemp("repro") / "clean")
    env = {**os.environ, **exports}
    env.pop("CA911_DATA_DIR", None)  # the copy reads its own data/
    cmd = [str(ROOT / ".venv" / "bin" / "jupyter-book"), "build", ".", "--path-output", str(project / "out"),
           "--builder", "html", *flags]
    with (project / "build.log").open("w") as log:
        try:
            proc = subprocess.run(cmd, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=BUILD_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            pytest.fail(f"a clean build took longer than {BUILD_TIMEOUT_S} s")
    if proc.returncode != 0:
        tail = (project / "build.log").read_text(encoding="utf-8", errors="replace")[-4000:]
        pytest.fail(f"the clean build failed ({proc.returncode}):\n{tail}")
    assert (project / "_build" / ".jupyter_cache").is_dir(), "the copy did not execute into its own cache"
    return project


def test_a_clean_build_reproduces_the_book_byte_for_byte(clean_build):
    html_a, html_b = ROOT / "_build" / "html", clean_build / "out" / "_build" / "html"
    a = compared_files(html_a, ROOT / "_generated")
    b = compared_files(html_b, clean_build / "_generated")
    assert any(n.startswith("html/_downloads/") for n in a), "no data download in the build"
    assert any(n.startswith("html/_sources/") and n.endswith(".ipynb") for n in a), "no notebook download in the build"
    problems = []
    for name in sorted(a.keys() | b.keys()):
        if name not in b:
            problems.append(f"only in the book: {name} (used by {', '.join(pages_using(html_a, name)) or 'no page'})")
        elif name not in a:
            problems.append(f"only in the clean build: {name} (used by {', '.join(pages_using(html_b, name)) or 'no page'})")
        elif a[name] != b[name]:
            problems.append(f"differs: {name}")
    assert not problems, "the clean build differs from the book (is the book up to date? `make book`):\n" + "\n".join(problems)
