"""Two clean builds, byte for byte: every figure, data download and network file is identical.

The project is copied twice (the working tree as it is, without _build/, _generated/ or caches), each
copy builds its HTML into its own --path-output with its own, empty execution cache (the cache path in
_config.yml is relative to the project), with the environment `make book` exports. Both builds run at
the same time (one per core). Any file that differs, or exists in one build only, is named.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import time
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
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    exports, flags = make_settings()
    root = tmp_path_factory.mktemp("repro")
    first, second = root / "a", root / "b"
    project_copy(first)
    shutil.copytree(first, second, symlinks=True)  # both from one snapshot of a tree others may be editing
    env = {**os.environ, **exports}
    env.pop("CA911_DATA_DIR", None)  # each copy reads its own data/
    procs = []
    for project in (first, second):
        log = (project / "build.log").open("w")
        cmd = [str(ROOT / ".venv" / "bin" / "jupyter-book"), "build", ".", "--path-output", str(project / "out"),
               "--builder", "html", *flags]
        procs.append((project, log, subprocess.Popen(cmd, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)))
    started = time.monotonic()
    for project, log, proc in procs:
        try:
            proc.wait(timeout=max(1.0, BUILD_TIMEOUT_S - (time.monotonic() - started)))
        except subprocess.TimeoutExpired:
            for _, _, p in procs:
                p.kill()
            pytest.fail(f"a clean build took longer than {BUILD_TIMEOUT_S} s")
        finally:
            log.close()
        if proc.returncode != 0:
            tail = (project / "build.log").read_text(encoding="utf-8", errors="replace")[-4000:]
            pytest.fail(f"the clean build in {project.name}/ failed ({proc.returncode}):\n{tail}")
    for project in (first, second):
        cache = project / "_build" / ".jupyter_cache"
        assert cache.is_dir(), f"{project.name}/ did not execute into its own cache at {cache}"
    return first, second


def test_two_clean_builds_are_byte_identical(two_builds):
    first, second = two_builds
    html_a, html_b = first / "out" / "_build" / "html", second / "out" / "_build" / "html"
    a = compared_files(html_a, first / "_generated")
    b = compared_files(html_b, second / "_generated")
    assert any(n.startswith("html/_downloads/") for n in a), "no data download in the build"
    assert any(n.startswith("html/_sources/") and n.endswith(".ipynb") for n in a), "no notebook download in the build"
    problems = []
    for name in sorted(a.keys() | b.keys()):
        if name not in b:
            problems.append(f"only in build 1: {name} (used by {', '.join(pages_using(html_a, name)) or 'no page'})")
        elif name not in a:
            problems.append(f"only in build 2: {name} (used by {', '.join(pages_using(html_b, name)) or 'no page'})")
        elif a[name] != b[name]:
            problems.append(f"differs: {name}")
    assert not problems, "two clean builds differ:\n" + "\n".join(problems)
