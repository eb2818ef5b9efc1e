"""ci/build-book.sh with a stand-in toolchain: both editions land (one site, a PDF each), a build
with no changed input stops at once, an edited file builds again in the same persistent stage, a
failed build leaves the previous book in place (no half-written book) and the next build starts
from an empty stage, and two builds never share the stage."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
from pathlib import Path

from support.project import ROOT

FAKE_JUPYTER_BOOK = """#!/usr/bin/env bash
# records each call; writes what the real builders would, or fails when asked to
echo "$*" >> "$CALLS"
[ -f "$FAIL" ] && exit 1
out=$(echo "$*" | sed -E 's/.*--path-output ([^ ]+).*/\\1/')
lang=en; pdf=companion.pdf; echo "$*" | grep -q -- "--config" && { lang=ja; pdf=companion-ja.pdf; }
mkdir -p "$out/_build/.doctrees"; echo read >> "$out/_build/.doctrees/environment"  # what Sphinx keeps between builds
if echo "$*" | grep -q simplepdf; then mkdir -p "$out/_build/simplepdf"; echo "$lang pdf of $(cat page.txt)" > "$out/_build/simplepdf/$pdf"
else mkdir -p "$out/_build/html"; echo "$lang $(cat page.txt)" > "$out/_build/html/index.html"; fi
"""  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
# records each call; `edition-sources LANG DIR` prints the edition's configuration as the real one
FAKE_PYTHON = """#!/usr/bin/env bash
echo "python $*" >> "$CALLS"
[ "$3" = edition-sources ] && { mkdir -p "$5"; echo "$5/_config.yml"; }
true
"""
CALLS_PER_BUILD = 6  # execute, English HTML and PDF, the Japanese mirror, its HTML and PDF


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
    env = {
        **os.environ,
        "BIN": str(bin_dir),
        "CALLS": str(tmp_path / "calls"),
        "FAIL": str(tmp_path / "fail"),
        "SOURCE_DATE_EPOCH": "1767225600",
    }
    return root, env


def build(root: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", "ci/build-book.sh"], cwd=root, env=env, capture_output=True, text=True
    )


def calls(env: dict) -> list[str]:
    path = Path(env["CALLS"])
    return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []


def test_unchanged_inputs_build_nothing_and_an_edit_builds_again(tmp_path):
    root, env = project(tmp_path)
    assert build(root, env).returncode == 0
    assert len(calls(env)) == CALLS_PER_BUILD
    again = build(root, env)
    assert again.returncode == 0 and "book up to date" in again.stdout
    assert len(calls(env)) == CALLS_PER_BUILD
    (root / "tests").mkdir()
    (root / "tests" / "test_new.py").write_text(
        "def test(): pass\n", encoding="utf-8"
    )  # no page is built from a test
    assert "book up to date" in build(root, env).stdout and len(calls(env)) == CALLS_PER_BUILD
    (root / "page.txt").write_text("second\n", encoding="utf-8")
    assert build(root, env).returncode == 0 and len(calls(env)) == 2 * CALLS_PER_BUILD
    assert (root / "_build" / "html" / "index.html").read_text(encoding="utf-8") == "en second\n"
    env["SOURCE_DATE_EPOCH"] = "0"  # the build's fixed date is an input too
    assert build(root, env).returncode == 0 and len(calls(env)) == 3 * CALLS_PER_BUILD


def test_both_editions_land_in_one_site_and_a_pdf_each(tmp_path):
    root, env = project(tmp_path)
    assert build(root, env).returncode == 0
    out = root / "_build"
    assert (out / "html" / "index.html").read_text(encoding="utf-8") == "en first\n"
    assert (out / "html" / "ja" / "index.html").read_text(encoding="utf-8") == "ja first\n"
    assert (out / "pdf" / "companion.pdf").read_text(encoding="utf-8") == "en pdf of first\n"
    assert (out / "pdf" / "companion-ja.pdf").read_text(encoding="utf-8") == "ja pdf of first\n"
    ja_builds = [c for c in calls(env) if "--config" in c]
    assert len(ja_builds) == 2 and all("_build/stage/ja/src" in c for c in ja_builds), (
        "the Japanese edition is built from its mirror of the sources"
    )
    # a missing Japanese edition is not an up-to-date book
    shutil.rmtree(out / "html" / "ja")
    assert "book up to date" not in build(root, env).stdout
    assert (out / "html" / "ja" / "index.html").is_file()


def test_a_new_commit_builds_again(tmp_path):
    """The print imprint names the commit the book is built from: committing the same files builds
    anew."""
    root, env = project(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-C", str(root)]
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "first"], check=True)
    assert build(root, env).returncode == 0 and len(calls(env)) == CALLS_PER_BUILD
    assert "book up to date" in build(root, env).stdout
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "second"], check=True)
    assert "book up to date" not in build(root, env).stdout
    assert len(calls(env)) == 2 * CALLS_PER_BUILD


def test_a_failed_build_leaves_the_previous_book(tmp_path):
    root, env = project(tmp_path)
    assert build(root, env).returncode == 0
    (root / "page.txt").write_text("broken\n", encoding="utf-8")
    Path(env["FAIL"]).touch()
    assert build(root, env).returncode != 0
    assert (root / "_build" / "html" / "index.html").read_text(encoding="utf-8") == "en first\n"
    assert (root / "_build" / "pdf" / "companion.pdf").read_text(
        encoding="utf-8"
    ) == "en pdf of first\n"
    assert not list((root / "_build").glob("swap.*")), "the swap folder is removed"
    Path(env["FAIL"]).unlink()
    again = build(root, env)
    assert "book up to date" not in again.stdout, "a failed build leaves no up-to-date stamp"
    # the failed build's environment could hide its warnings from an incremental build: started
    # afresh
    assert "did not finish" in again.stdout
    assert environment_reads(root) == {"html": 1, "pdf": 1, "ja/html": 1, "ja/pdf": 1}
    assert (root / "_build" / "html" / "index.html").read_text(encoding="utf-8") == "en broken\n"


def environment_reads(root: Path) -> dict:
    return {
        part: len(
            (root / "_build" / "stage" / part / "_build" / ".doctrees" / "environment")
            .read_text(encoding="utf-8")
            .splitlines()
        )
        for part in ("html", "pdf", "ja/html", "ja/pdf")
    }


def test_builds_reuse_one_stage_with_an_environment_per_edition(tmp_path):
    root, env = project(tmp_path)
    assert build(root, env).returncode == 0
    (root / "page.txt").write_text("second\n", encoding="utf-8")
    assert build(root, env).returncode == 0
    assert environment_reads(root) == {"html": 2, "pdf": 2, "ja/html": 2, "ja/pdf": 2}, (
        "the second build reads the first one's environment"
    )
    assert (root / "_build" / "pdf" / "companion.pdf").read_text(
        encoding="utf-8"
    ) == "en pdf of second\n"
    # the published book is a copy: rewriting the stage does not touch it
    (root / "_build" / "stage" / "html" / "_build" / "html" / "index.html").write_text(
        "stage\n", encoding="utf-8"
    )
    assert (root / "_build" / "html" / "index.html").read_text(encoding="utf-8") == "en second\n"


def test_a_second_build_waits_for_the_stage(tmp_path):
    root, env = project(tmp_path)
    (root / "_build").mkdir()
    with open(root / "_build" / ".stage.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        proc = subprocess.Popen(
            ["bash", "ci/build-book.sh"], cwd=root, env=env, stdout=subprocess.PIPE, text=True
        )
        assert "waiting" in proc.stdout.readline(), "the build says it waits for the other one"
        assert proc.poll() is None and calls(env) == [], (
            "nothing runs while the other build holds the stage"
        )
        fcntl.flock(lock, fcntl.LOCK_UN)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0 and len(calls(env)) == CALLS_PER_BUILD


def test_phase_times_name_every_step_and_leave_the_book_as_it_is(tmp_path):
    """tools/bench.py reads each step's seconds from CA911_PHASE_TIMES; the book is the same."""
    root, env = project(tmp_path)
    times = tmp_path / "phases"
    assert build(root, {**env, "CA911_PHASE_TIMES": str(times)}).returncode == 0
    rows = [line.split() for line in times.read_text(encoding="utf-8").splitlines()]
    assert [row[0] for row in rows] == [
        "execute",
        "html-en",
        "sources-ja",
        "html-ja",
        "pdf-en",
        "pdf-ja",
    ]
    assert all(len(row) == 4 and all(float(x) >= 0 for x in row[1:]) for row in rows)
    assert (root / "_build" / "html" / "ja" / "index.html").read_text(
        encoding="utf-8"
    ) == "ja first\n"
    assert (root / "_build" / "pdf" / "companion.pdf").read_text(
        encoding="utf-8"
    ) == "en pdf of first\n"
    # a failing step still fails the build (its time is written: the stand-in fails from HTML on)
    Path(env["FAIL"]).touch()
    (root / "page.txt").write_text("second\n", encoding="utf-8")
    assert build(root, {**env, "CA911_PHASE_TIMES": str(times)}).returncode != 0
    after = times.read_text(encoding="utf-8").splitlines()[len(rows) :]
    assert [line.split()[0] for line in after] == ["execute", "html-en"]


def test_html_only_builds_both_html_editions_in_the_stage_and_publishes_nothing(tmp_path):
    """The scale measurement's build: execute and both HTML editions, no PDF, _build/ untouched."""
    root, env = project(tmp_path)
    assert build(root, env).returncode == 0
    (root / "page.txt").write_text("second\n", encoding="utf-8")
    done = build(root, {**env, "CA911_HTML_ONLY": "1"})
    assert done.returncode == 0 and "CA911_HTML_ONLY" in done.stdout
    made = calls(env)[CALLS_PER_BUILD:]
    assert len(made) == 4 and not any("simplepdf" in c for c in made)
    stage = root / "_build" / "stage"
    assert (stage / "ja" / "html" / "_build" / "html" / "index.html").read_text(
        encoding="utf-8"
    ) == "ja second\n"
    assert (root / "_build" / "html" / "index.html").read_text(encoding="utf-8") == "en first\n"
    assert "book up to date" not in build(root, env).stdout, "an HTML-only build stamps nothing"
