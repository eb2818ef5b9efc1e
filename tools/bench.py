"""`make bench`: build scenarios timed by hyperfine, with Sphinx's own read durations
(sphinx.ext.duration).

Every scenario runs in one copy of the project in a temporary folder (the files git tracks, as they
are in the working tree, and data/), in a git repository of its own because ci/build-book.sh digests
what git tracks. The copy's src/ comes first on PYTHONPATH, so an edit made in the checkout
meanwhile never leaks into a measurement, and the checkout's _build/ is never touched. Only the
copy's _config.yml loads sphinx.ext.duration: the book built from the checkout stays byte for byte
what it is.

Scenarios, in this order (each leaves the copy as the next one needs it):
  cold     `make book`'s build script from an empty _build/ (execute every notebook, then HTML
           and PDF)
  tests    `make test`'s pytest run (two workers, a file's tests on one) on the book cold built,
           once; the report adds the test files that cost most (pytest's JUnit XML, per file)
  pdf      the PDF edition alone from an empty PDF stage, the execution cache warm
  noop     the build script with nothing changed
  chapter  the build script after one word added to one sentence of a companion chapter
  data     the build script after one field of data/events.csv edited (every notebook re-executes)

The figures are printed; what they mean is written by hand in benchmarks/README.md.

    .venv/bin/python tools/bench.py [--only cold,pdf,...] [--runs N] [--cold-runs N] [--keep]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = (
    ROOT / ".venv" / "bin"
    if (ROOT / ".venv" / "bin" / "python").exists()
    else Path(sys.executable).parent
)
BUILD_BOOK = "bash ci/build-book.sh"
PDF_ONLY = (
    f"{BIN / 'jupyter-book'} build . --path-output _build/stage/pdf --builder custom "
    "--toc _toc_print.yml --custom-builder simplepdf -W -n --keep-going"
)
EDIT_MARK = re.compile(r" benchedit\d+(?=\.)")
DATA_MARK = re.compile(r" \(bench \d+\)$")
SENTENCE_END = re.compile(r"(?<=[a-z])\.(?=\s|$)")
SCENARIOS = ("cold", "tests", "pdf", "noop", "chapter", "data")
# `make test`'s run; a failing test still gives a time (the report's figure is the time, not the
# verdict, which `make test` gives)
PYTEST = f"{BIN / 'python'} -m pytest -n 2 --dist loadfile -q -p no:cacheprovider"


def snapshot(dest: Path) -> None:
    """The tracked files as they are in the working tree, and every file of data/, in a fresh
    repository."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    files = {p for p in listed.split("\0") if p and (ROOT / p).is_file()}
    files |= {p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*") if p.is_file()}
    for rel in sorted(files):
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, dest / rel)
    config_path = dest / "_config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config.setdefault("sphinx", {}).setdefault("extra_extensions", []).append("sphinx.ext.duration")
    config_path.write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    subprocess.run(["git", "init", "-q"], cwd=dest, check=True)
    subprocess.run(["git", "add", "-A"], cwd=dest, check=True)


def bench_env(copy: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CA911_DATA_DIR", None)
    env.pop("MPLBACKEND", None)  # the kernels choose their inline backend, as in `make book`
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(copy / "src"), env.get("PYTHONPATH")])),
        PYTHONHASHSEED="0",
        SOURCE_DATE_EPOCH="1767225600",  # as the Makefile exports them
        BIN=str(BIN),
    )
    # the chapters, for the tests that read them: where the checkout finds them (ca911's default
    # is beside the project, which the copy in its temporary folder is not)
    sources = ROOT.parent / "shared" / "sources"
    if "CA911_SOURCES" not in env and sources.is_dir():
        env["CA911_SOURCES"] = str(sources)
    return env


# --- the edits that hyperfine's --prepare makes before each timed run (a new word each time) ------


def edit_chapter(copy: Path) -> str:
    """One word added to the first plain prose line of chapters/ (no markup, so it reaches both
    editions)."""
    marker = f" benchedit{time.time_ns()}"
    for path in sorted((copy / "chapters").glob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            plain = EDIT_MARK.sub("", line)
            if (
                plain[:1].isupper()
                and not re.search(r"[{}`\[\]<>:|*_]", plain)
                and SENTENCE_END.search(plain)
            ):
                lines[i] = SENTENCE_END.sub(f"{marker}.", plain, count=1)
                path.write_text("\n".join(lines), encoding="utf-8")
                return path.relative_to(copy).as_posix()
    raise SystemExit("bench: no plain prose line in chapters/ to edit")


def edit_data(copy: Path) -> str:
    """A new suffix on one English summary of data/events.csv: the data package's hash changes, so
    every notebook's cache key changes (a suffix seen before would find its executions in the
    cache)."""
    path = copy / "data" / "events.csv"
    text = path.read_text(encoding="utf-8")
    row = next(
        r
        for r in csv.DictReader(io.StringIO(text, newline=""))
        if re.fullmatch(r"[A-Za-z0-9 ,.()-]+", r.get("summary_en") or "")
    )
    old = row["summary_en"]
    new = DATA_MARK.sub("", old) + f" (bench {time.time_ns()})"
    lines = text.split("\n")
    k = next(
        i for i, line in enumerate(lines) if line.startswith(row["event_id"] + ",") and old in line
    )
    lines[k] = lines[k].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return row["event_id"]


# --- running and reporting ------------------------------------------------------------------------


def hyperfine(
    name: str,
    command: str,
    copy: Path,
    out: Path,
    runs: int,
    prepare: str | None = None,
    warmup: int = 0,
) -> dict:
    """One scenario timed by hyperfine; the build's own output goes to out/<name>.log (the last
    run's)."""
    log = out / f"{name}.log"
    cmd = [
        "hyperfine",
        "--runs",
        str(runs),
        "--warmup",
        str(warmup),
        "--style",
        "basic",
        "--command-name",
        name,
        "--export-json",
        str(out / f"{name}.json"),
    ]
    if prepare:
        cmd += ["--prepare", prepare]
    cmd.append(f"{command} > {shlex.quote(str(log))} 2>&1")
    load = os.getloadavg()[0]
    subprocess.run(cmd, cwd=copy, env=bench_env(copy), check=True)
    result = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["results"][0]
    result["load_before"] = load
    result["slowest_reads"] = slowest_reads(log.read_text(encoding="utf-8", errors="replace"))
    return result


def slowest_reads(log: str) -> list[str]:
    """sphinx.ext.duration's lists ('slowest reading durations', one per Sphinx build in the
    log)."""
    found, inside = [], False
    for line in re.sub(r"\x1b\[[0-9;]*m", "", log).splitlines():
        if "slowest reading durations" in line:
            found.append("--")
            inside = True
        elif inside and re.match(r"\s*\d+\.\d+ ", line):
            found.append(line.strip())
        else:
            inside = False
    return found


def costliest_files(junit: Path, top: int = 20) -> list[str]:
    """The test files that cost most, from pytest's JUnit XML: each file's tests' times (set-up,
    call and tear-down, so a module fixture counts in the file that builds it), seconds on one
    worker."""
    if not junit.is_file():
        return []
    per_file: Counter = Counter()
    counts: Counter = Counter()
    for case in ET.parse(junit).iter("testcase"):
        name = case.get("classname") or "?"
        per_file[name] += float(case.get("time") or 0)
        counts[name] += 1
    total = sum(per_file.values())
    return [f"{total:8.1f} s  all {sum(counts.values())} tests"] + [
        f"{s:8.1f} s  {name} ({counts[name]} tests)" for name, s in per_file.most_common(top)
    ]


# issue 28's limits for what a reader's browser fetches (measured, not timed)
PAGE_LIMIT, FIGURE_LIMIT = 1_000_000, 150_000  # bytes
ITABLES_BUNDLE = "itables/dt_bundle"
LOCAL_REF = re.compile(r'(?:src|href)="([^"#?]+)')
CHROMIUM = "/usr/bin/chromium"


def named_weight(page: Path) -> int:
    """A page and the local files its HTML names: the estimate that picks the pages to open."""
    named = {
        (page.parent / ref).resolve()
        for ref in LOCAL_REF.findall(page.read_text(encoding="utf-8"))
        if not ref.startswith(("http", "mailto:", "data:")) and not ref.endswith(".html")
    }
    return page.stat().st_size + sum(f.stat().st_size for f in named if f.is_file())


def fetched_weights(html: Path, paths: list[str]) -> dict[str, dict[str, int]]:
    """What Chromium fetches for each page (URL → bytes), served from 127.0.0.1, as a reader's
    first visit: the fonts the page uses, not every font its stylesheets declare."""
    from local_site import serve  # tools/, beside this script
    from playwright.sync_api import sync_playwright

    weights = {}
    with serve(html) as origin, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for path in paths:
            fetched: dict[str, int] = {}
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.on(
                "response",
                lambda r, f=fetched: f.__setitem__(
                    r.url, int(r.headers.get("content-length") or 0)
                ),
            )
            page.goto(f"{origin}/{path}", wait_until="networkidle")
            weights[path] = fetched
            context.close()
        browser.close()
    return weights


TEXT_FILES = (".html", ".css", ".js", ".svg", ".json", ".txt")


def compressed_size(html: Path, url: str, size: int) -> int:
    """A fetched file's size gzip-compressed when it is text (fonts and images are compressed
    already)."""
    import gzip
    from urllib.parse import urlsplit

    local = html / urlsplit(url).path.lstrip("/")
    if local.suffix not in TEXT_FILES or not local.is_file():
        return size
    return len(gzip.compress(local.read_bytes(), compresslevel=6, mtime=0))


def weights(html: Path, top: int = 5) -> list[str]:
    """The heaviest pages of both editions as Chromium loads them, and the largest figure files,
    against issue 28's limits."""
    pages = [
        p for p in html.rglob("*.html") if not {"_static", "_sources", "_downloads"} & set(p.parts)
    ]
    heaviest = sorted(pages, key=named_weight, reverse=True)[: top * 2]
    loaded = fetched_weights(html, [p.relative_to(html).as_posix() for p in heaviest])
    totals = sorted(
        (
            (sum(f.values()), sum(n for u, n in f.items() if ITABLES_BUNDLE in u), path)
            for path, f in loaded.items()
        ),
        reverse=True,
    )
    rows = [
        f"heaviest pages as Chromium loads them (limit {PAGE_LIMIT / 1e6:.1f} MB; in brackets, "
        "the same files gzip-compressed, as a web server that compresses text would send them):"
    ]
    for total, bundle, path in totals[:top]:
        extra = f", of which {bundle / 1e6:.2f} MB the table bundle" if bundle else ""
        sent = sum(compressed_size(html, url, n) for url, n in loaded[path].items())
        rows.append(f"    {total / 1e6:.2f} MB ({sent / 1e6:.2f} MB)  {path}{extra}")
    over = sum(1 for total, _, _ in totals if total > PAGE_LIMIT)
    rows.append(f"    {over} of the {len(totals)} heaviest by their named files over the limit")
    figures = sorted(
        (f for f in html.rglob("*") if f.suffix in (".svg", ".png") and "_images" in f.parts),
        key=lambda f: f.stat().st_size,
        reverse=True,
    )
    rows.append(f"largest figure files (limit {FIGURE_LIMIT // 1000} kB):")
    rows += [f"    {f.stat().st_size / 1000:.0f} kB  {f.relative_to(html)}" for f in figures[:top]]
    over = sum(1 for f in figures if f.stat().st_size > FIGURE_LIMIT)
    rows.append(f"    {over} of {len(figures)} figure files over the limit")
    return rows


def seconds(x: float) -> str:
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 10 else f"{x:.1f}"


def report(results: dict[str, dict]) -> str:
    rows = [
        "| scenario | runs | mean (s) | ± sd | min | max | user + sys CPU (s) | load before |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        sd = seconds(r["stddev"]) if r.get("stddev") is not None else "–"
        rows.append(
            f"| {name} | {len(r['times'])} | {seconds(r['mean'])} | {sd} | {seconds(r['min'])} "
            f"| {seconds(r['max'])} | {seconds(r['user'] + r['system'])} | {r['load_before']:.2f} |"
        )
    cold = results.get("cold", {}).get("mean")
    if cold:
        rows += ["", "against the cold build (issue 28: chapter at most 0.15, pdf at most 0.5):"]
        rows += [
            f"    {name}: {r['mean'] / cold:.2f} × cold"
            for name, r in results.items()
            if name in ("pdf", "noop", "chapter", "data")
        ]
    for name, r in results.items():
        if r.get("weights"):
            rows += ["", *r["weights"]]
        if r.get("costliest_files"):
            rows += ["", f"{name}: test files that cost most (JUnit XML)"]
            rows += [f"    {line}" for line in r["costliest_files"]]
        if r["slowest_reads"]:
            rows += [
                "",
                f"{name}: slowest reading durations (sphinx.ext.duration; HTML build, then PDF)",
                *(f"    {line}" for line in r["slowest_reads"]),
            ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--only",
        default=",".join(SCENARIOS),
        help=f"scenarios, comma-separated ({', '.join(SCENARIOS)}); cold always runs",
    )
    ap.add_argument(
        "--runs", type=int, default=3, help="runs of pdf, chapter and data (noop runs 5 times)"
    )
    ap.add_argument("--cold-runs", type=int, default=1)
    ap.add_argument(
        "--keep", action="store_true", help="keep the temporary folder (copy, logs, hyperfine JSON)"
    )
    ap.add_argument(
        "--edit", choices=("chapter", "data"), help=argparse.SUPPRESS
    )  # hyperfine's --prepare
    args = ap.parse_args(argv)
    if args.edit:
        print((edit_chapter if args.edit == "chapter" else edit_data)(Path.cwd()))
        return 0
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(SCENARIOS))
    if unknown or shutil.which("hyperfine") is None:
        raise SystemExit(
            f"bench: unknown scenario {unknown}"
            if unknown
            else "bench: hyperfine is missing (make system-deps)"
        )

    tmp = Path(tempfile.mkdtemp(prefix="ca911-bench-"))
    copy, out = tmp / "copy", tmp / "out"
    out.mkdir(parents=True)
    print(
        f"bench: copy and logs in {tmp}; {os.cpu_count()} cores, load average {os.getloadavg()}",
        flush=True,
    )
    snapshot(copy)
    edit = f"{shlex.quote(str(BIN / 'python'))} {shlex.quote(str(Path(__file__).resolve()))} --edit"
    results: dict[str, dict] = {}
    try:
        # every other scenario starts from the book this one builds
        results["cold"] = hyperfine(
            "cold", BUILD_BOOK, copy, out, args.cold_runs, prepare="rm -rf _build"
        )
        results["cold"]["weights"] = weights(copy / "_build" / "html")
        if "tests" in chosen:
            # the tests run the checkout's environment by path (ROOT/.venv) for their subprocesses
            (copy / ".venv").symlink_to(BIN.parent, target_is_directory=True)
            junit = out / "tests.xml"
            results["tests"] = hyperfine(
                "tests", f"{PYTEST} --junitxml={shlex.quote(str(junit))}; true", copy, out, 1
            )
            results["tests"]["costliest_files"] = costliest_files(junit)
        if "pdf" in chosen:
            results["pdf"] = hyperfine(
                "pdf", PDF_ONLY, copy, out, args.runs, prepare="rm -rf _build/stage/pdf"
            )
        if "noop" in chosen:
            results["noop"] = hyperfine("noop", BUILD_BOOK, copy, out, 5, warmup=1)
        if "chapter" in chosen:
            results["chapter"] = hyperfine(
                "chapter", BUILD_BOOK, copy, out, args.runs, prepare=f"{edit} chapter"
            )
        if "data" in chosen:
            results["data"] = hyperfine(
                "data", BUILD_BOOK, copy, out, args.runs, prepare=f"{edit} data"
            )
    finally:
        print(f"\nload average at the end: {os.getloadavg()}")
        if results:
            print("\n" + report(results))
        if args.keep:
            print(f"\nkept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
