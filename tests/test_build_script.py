"""ci/build-book.sh with a stand-in toolchain: a build with no changed input stops at once, an edited file
builds again, and a failed build leaves the previous book in place (no half-written book)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT

FAKE_JUPYTER_BOOK = """#!/usr/bin/env bash
# records each call; writes what the real builders would, or fails when asked to
echo "$*" >> "$CALLS"
[ -f "$FAIL" ] && exit 1
out=$(echo "$*" | sed -E 's/.*--path-output ([^ ]+).*/\\1/')
if echo "$*" | grep -q simplepdf; then mkdir -p "$out/_build/simplepdf"; echo "pdf of $(cat page.txt)" > "$out/_build/simplepdf/companion.pdf"
else mkdir -p "$out/_build/html"; cp page.txt "$out/_build/html/index.html"; fi
"""
FAKE_PYTHON = "#!/usr/bin/env bash\necho \"python $*\" >> \"$CALLS\"\n"


def project(tmp_path: Path) -> tuple[Path, dict]:
    root = tmp_path / "book"
    (root / "ci").mkdir(parents=True)
    shutil.copy(ROOT / "ci" / "build-book.sh", root / "ci" / "build-book.sh")
    (root / ".gitignore").write_text("_build/\nbin/\n", encoding="utf-8")
    (root / "page.txt").write_text("first\n", encoding="utf-8")
    bin_dir = root / "bin"
    bin_dir.mkdir()
    for name, text in (("jupyter-book", FAKE_JUPYTER_BOOK), ("python", FAKE_PYTHON)):
        (bin_dir / name).write_text(text, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    env = {**os.environ, "BIN": str(bin_dir), "CALLS": str(tmp_path / "calls"), "FAIL": str(tmp_path / "fail"),
           "SOURCE_DATE_EPOCH": "1767225600"}
    return root, env


def build(root: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "ci/build-book.sh"], cwd=root, env=env, capture_output=True, text=True)


def calls(env: dict) -> list[str]:
    path = Path(env["CALLS"])
    return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []


def test_unchanged_inputs_build_nothing_and_an_edit_builds_again(tmp_path):
    root, env = project(tmp_path)
    assert build(root, env).returncode == 0
    assert len(calls(env)) == 3  # execute, html, pdf
    again = build(root, env)
    assert again.returncode == 0 and "book up to date" in again.stdout and len(calls(env)) == 3
    (root / "page.txt").write_text("second\n", encoding="utf-8")
    assert build(root, env).returncode == 0 and len(calls(env)) == 6
    assert (root / "_build" / "html" / "index.html").read_text(encoding="utf-8") == "second\n"
    env["SOURCE_DATE_EPOCH"] = "0"  # the build's fixed date is an input too
    assert build(root, env).returncode == 0 and len(calls(env)) == 9


def test_a_failed_build_leaves_the_previous_book(tmp_path):
    root, env = project(tmp_path)
    assert build(root, env).returncode == 0
    (root / "page.txt").write_text("broken\n", encoding="utf-8")
    Path(env["FAIL"]).touch()
    assert build(root, env).returncode != 0
    assert (root / "_build" / "html" / "index.html").read_text(encoding="utf-8") == "first\n"
    assert (root / "_build" / "pdf" / "companion.pdf").read_text(encoding="utf-8") == "pdf of first\n"
    assert not list((root / "_build").glob("staging.*")), "the stage is removed"
    Path(env["FAIL"]).unlink()
    assert "book up to date" not in build(root, env).stdout, "a failed build leaves no up-to-date stamp"
