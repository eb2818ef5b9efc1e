"""`make bench`: issue 28's targets measured in one run: build scenarios timed by hyperfine, each
build step's seconds (ci/build-book.sh's CA911_PHASE_TIMES), Sphinx's own read durations
(sphinx.ext.duration), the pytest run, the pages' weight, and a table of targets met and missed.

Every scenario runs in a copy of the project in a temporary folder (the files git tracks, as they
are in the working tree, and data/), in a git repository of its own because ci/build-book.sh digests
what git tracks. The copy's src/ comes first on PYTHONPATH, so an edit made in the checkout
meanwhile never leaks into a measurement, and the checkout's _build/ is never touched. Only the
copy's _config.yml loads sphinx.ext.duration: the book built from the checkout stays byte for byte
what it is.

Scenarios, in this order (each leaves the copy as the next one needs it):
  cold     `make book`'s build script from an empty _build/ (execute every notebook, then both
           editions' HTML and PDF), step by step
  tests    `make test`'s pytest run (two workers, a file's tests on one) on the book cold built,
           once; the report adds the test files that cost most (pytest's JUnit XML, per file)
  noop     the build script with nothing changed
  chapter  the build script after one word added to one sentence of a companion chapter (and to
           its Japanese translation); then the word is looked for in both editions' HTML page and
           PDF, and the log for executed notebooks
  data     the build script after one field of data/events.csv edited (every notebook re-executes)
  scripts  the limit's first half: every notebook's code as a plain Python script, once per
           language (no kernel, no cache), one after another
  scale    a second copy whose data package is ten times the real one (tools/bench_data.py):
           execution and both HTML editions from an empty _build/ (CA911_HTML_ONLY)

The figures and the targets' verdicts are printed; what they mean is written by hand in
benchmarks/README.md.

    .venv/bin/python tools/bench.py [--only tests,noop,...] [--runs N] [--cold-runs N] [--keep]
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
EDIT_MARK = re.compile(r" benchedit\d+(?=\.)")
DATA_MARK = re.compile(r" \(bench \d+\)$")
SENTENCE_END = re.compile(r"(?<=[a-z])\.(?=\s|$)")
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # the builds' colours, taken out of their logs once
# ca911 execute's count, as the build log has it
EXECUTED = re.compile(r"notebooks \([^)]*\): (\d+) to execute")
SCENARIOS = ("cold", "tests", "noop", "chapter", "data", "scripts", "scale")
SCALE = 10  # the synthetic data package holds this many times the real one's records
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
    """One word added to the first plain prose line of chapters/ (no markup), and the Japanese
    edition's catalog kept in step as a translator would: the message's English as edited, its
    translation with the same word (a message left untranslated fails the build)."""
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
                edit_catalog(copy, path, line, lines[i], marker)
                return path.relative_to(copy).as_posix()
    raise SystemExit("bench: no plain prose line in chapters/ to edit")


JA_MARK = re.compile(r"（benchedit\d+）$")


def edit_catalog(copy: Path, page: Path, before: str, after: str, marker: str) -> None:
    """The page's Japanese message holding the edited line: its English as edited, its translation
    ending in the same word."""
    from babel.messages.pofile import read_po, write_po

    rel = page.relative_to(copy).with_suffix(".po")
    po = copy / "locales" / "ja" / "LC_MESSAGES" / rel
    if not po.is_file():
        return
    with po.open("rb") as f:
        catalog = read_po(f)
    hits = [m for m in catalog if m.id and before in m.id]
    if len(hits) != 1:
        raise SystemExit(f"bench: {len(hits)} messages of {po} hold the edited line")
    message = hits[0]
    catalog.delete(message.id, message.context)
    catalog.add(
        message.id.replace(before, after, 1),
        JA_MARK.sub("", message.string) + f"（{marker.strip()}）",
        locations=message.locations,
        flags=message.flags,
        auto_comments=message.auto_comments,
        user_comments=message.user_comments,
        context=message.context,
    )
    with po.open("wb") as f:
        write_po(f, catalog, width=76)


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
    env: dict[str, str] | None = None,
    steps: bool = True,
) -> dict:
    """One scenario timed by hyperfine; the build's own output goes to out/<name>.log (the last
    run's), each build step's seconds to out/<name>.phases (every run's) when the scenario runs
    the build script (`steps`: not for the tests, whose scratch builds would add theirs)."""
    log = out / f"{name}.log"
    phases = out / f"{name}.phases"
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
    run_env = {**bench_env(copy), **(env or {})}
    if steps:
        run_env["CA911_PHASE_TIMES"] = str(phases)
    subprocess.run(cmd, cwd=copy, env=run_env, check=True)
    result = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["results"][0]
    result["load_before"] = load
    result["log"] = ANSI.sub("", log.read_text(encoding="utf-8", errors="replace"))
    result["slowest_reads"] = slowest_reads(result["log"])
    result["phases"] = phase_means(phases, runs + warmup, warmup)
    return result


def phase_means(path: Path, runs: int, warmup: int) -> dict[str, tuple[float, float]]:
    """Each build step's mean (wall clock, user + system CPU) over the timed runs, from
    ci/build-book.sh's lines "step real user sys" (a warm-up run's lines come first)."""
    if not path.is_file():
        return {}
    rows = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
    per: dict[str, list[tuple[float, float]]] = {}
    for name, real, user, system in rows:
        per.setdefault(name, []).append((float(real), float(user) + float(system)))
    means = {}
    for name, values in per.items():
        timed = values[warmup:] if len(values) == runs else values
        means[name] = (
            sum(v[0] for v in timed) / len(timed),
            sum(v[1] for v in timed) / len(timed),
        )
    return means


def slowest_reads(log: str) -> list[str]:
    """sphinx.ext.duration's lists ('slowest reading durations', one per Sphinx build in the
    log)."""
    found, inside = [], False
    for line in log.splitlines():
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


# --- the limit, the chapter edit's reach, the scaled copy ----------------------------------------

# an IPython shell object without a kernel: setup_notebook() then registers the SVG formatter and
# glue() and display() render each figure and table, as in the book (plain `python` skips that work)
SCRIPT_PREAMBLE = (
    "from IPython.core.interactiveshell import InteractiveShell\n\nInteractiveShell.instance()\n\n"
)


def write_scripts(copy: Path, out: Path) -> Path:
    """Every notebook the build executes, once per language, as a plain script (jupytext's percent
    format of the notebook the build's reader makes, its hidden language cell first), and a shell
    script that runs them one after another from their notebooks' folder."""
    import jupytext

    sys.path.insert(0, str(copy / "src"))
    from ca911.book.execute import book_notebooks
    from ca911.book.execution_hash import read_markdown
    from ca911.data.language import LANGUAGES

    python = shlex.quote(str(BIN / "python"))
    lines = ["set -e"]
    for lang in LANGUAGES:
        for path in book_notebooks(copy):
            notebook = read_markdown(path.read_text(encoding="utf-8"), language=lang)
            script = out / "scripts" / lang / path.relative_to(copy).with_suffix(".py")
            script.parent.mkdir(parents=True, exist_ok=True)
            script.write_text(
                SCRIPT_PREAMBLE + jupytext.writes(notebook, fmt="py:percent"), encoding="utf-8"
            )
            folder, name = shlex.quote(str(path.parent)), shlex.quote(str(script))
            lines.append(f"(cd {folder} && {python} {name} > /dev/null)")
    runner = out / "scripts" / "run.sh"
    runner.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return runner


def edit_reach(copy: Path, log: str) -> tuple[list[str], bool]:
    """Where the last chapter edit's word is, as report lines, and whether each edition's HTML page
    and PDF carry it; with the notebooks the build executed."""
    import pypdfium2

    found, everywhere = [], False
    for path in sorted((copy / "chapters").glob("*.md")):
        if m := EDIT_MARK.search(path.read_text(encoding="utf-8")):
            word, page = m[0].strip(), path.relative_to(copy).with_suffix(".html")
            found.append(f"the edit: {word} in {path.relative_to(copy)}")
            everywhere = True
            for edition, html_dir, pdf_name in (
                ("English", "", "companion.pdf"),
                ("Japanese", "ja", "companion-ja.pdf"),
            ):
                html = (copy / "_build" / "html" / html_dir / page).read_text(encoding="utf-8")
                pdf = pypdfium2.PdfDocument(copy / "_build" / "pdf" / pdf_name)
                # a long word may be hyphenated across lines: compared without spaces and hyphens
                in_pdf = any(
                    word
                    in re.sub(r"[\s\u00ad\u2010-]+", "", pdf[i].get_textpage().get_text_range())
                    for i in range(len(pdf))
                )
                everywhere = everywhere and word in html and in_pdf
                found.append(
                    f"    {edition}: {'in' if word in html else 'NOT in'} the HTML page, "
                    f"{'in' if in_pdf else 'NOT in'} the PDF"
                )
    executed = EXECUTED.findall(log)
    found.append(f"notebooks executed by the edit's build: {', '.join(executed) or 'not reported'}")
    return found, everywhere


def scaled_copy(tmp: Path) -> tuple[Path, dict]:
    """A second copy of the project whose data package is SCALE times the real one."""
    from bench_data import scale_package  # tools/, beside this script

    scaled = tmp / "scaled"
    scaled.mkdir()
    snapshot(scaled)
    counts = scale_package(scaled / "data", SCALE)
    subprocess.run(["git", "add", "-A"], cwd=scaled, check=True)
    return scaled, counts


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


KINDS = {
    ".woff2": "fonts",
    ".woff": "fonts",
    ".ttf": "fonts",
    ".js": "scripts",
    ".css": "styles",
    ".svg": "figures",
    ".png": "figures",
    ".html": "the page",
}


def weights(html: Path, top: int = 5) -> tuple[list[str], int, int]:
    """The heaviest pages of both editions as Chromium loads them, what the heaviest is made of, and
    the largest figure files, against issue 28's limits; with the heaviest page's and the largest
    figure's bytes."""
    from urllib.parse import urlsplit

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
    kinds: Counter = Counter()
    for url, size in loaded[totals[0][2]].items():
        kinds[KINDS.get(Path(urlsplit(url).path).suffix, "other")] += size
    rows.append(f"what {totals[0][2]} fetches, by kind:")
    rows += [f"    {n / 1e6:.2f} MB  {kind}" for kind, n in kinds.most_common()]
    figures = sorted(
        (f for f in html.rglob("*") if f.suffix in (".svg", ".png") and "_images" in f.parts),
        key=lambda f: f.stat().st_size,
        reverse=True,
    )
    rows.append(f"largest figure files (limit {FIGURE_LIMIT // 1000} kB):")
    rows += [f"    {f.stat().st_size / 1000:.0f} kB  {f.relative_to(html)}" for f in figures[:top]]
    over = sum(1 for f in figures if f.stat().st_size > FIGURE_LIMIT)
    rows.append(f"    {over} of {len(figures)} figure files over the limit")
    return rows, totals[0][0], figures[0].stat().st_size


def seconds(x: float) -> str:
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 10 else f"{x:.1f}"


HTML_STEPS = ("html-en", "sources-ja", "html-ja")
# ca911.book.sphinx.pdf_output's line after each PDF
PDF_STEPS = re.compile(r"PDF: layout ([\d.]+) s, tagged book ([\d.]+) s, archival copy ([\d.]+) s")


def step_sum(result: dict, steps: tuple[str, ...]) -> tuple[float, float]:
    phases = result.get("phases", {})
    return (
        sum(phases[s][0] for s in steps if s in phases),
        sum(phases[s][1] for s in steps if s in phases),
    )


def targets(results: dict[str, dict]) -> list[tuple[str, str, str, bool]]:
    """Issue 28's targets: (what, measured, limit, met) for each one the scenarios run measured."""
    rows = []
    cold = results["cold"]
    html = step_sum(cold, ("execute", *HTML_STEPS))
    if "scripts" in results:
        scripts = results["scripts"]
        cpu = scripts["user"] + scripts["system"]
        sphinx = step_sum(cold, HTML_STEPS)
        limit = (scripts["mean"] + sphinx[0], cpu + sphinx[1])
        for i, clock in enumerate(("wall clock", "CPU")):
            rows.append(
                (
                    f"cold HTML, both editions ({clock})",
                    f"{html[i]:.0f} s",
                    f"{limit[i]:.0f} s (scripts + Sphinx)",
                    html[i] <= limit[i],
                )
            )
    execute = cold.get("phases", {}).get("execute", (0.0, 0.0))
    for lang, steps in (("en", ("html-en",)), ("ja", ("sources-ja", "html-ja"))):
        if f"pdf-{lang}" in cold.get("phases", {}):
            pdf = cold["phases"][f"pdf-{lang}"]
            own = step_sum(cold, steps)
            edition = (own[0] + execute[0] / 2, own[1] + execute[1] / 2)
            rows.append(
                (
                    f"PDF ({lang}) against its cold HTML (CPU)",
                    f"{pdf[1] / edition[1]:.2f} ×",
                    "0.5 ×",
                    pdf[1] / edition[1] <= 0.5,
                )
            )
    whole = (cold["mean"], cold["user"] + cold["system"])
    if "chapter" in results:
        r = results["chapter"]
        ratio = r["mean"] / whole[0]
        rows.append(
            ("one-sentence edit against a cold build", f"{ratio:.2f} ×", "0.15 ×", ratio <= 0.15)
        )
        executed = EXECUTED.findall(r["log"])
        rows.append(
            ("notebooks the edit executes", ", ".join(executed) or "?", "0", executed == ["0"])
        )
        shown = r.get("everywhere", False)
        rows.append(
            ("the edit in both editions' HTML and PDF", "yes" if shown else "no", "yes", shown)
        )
    if "noop" in results:
        ratio = results["noop"]["mean"] / whole[0]
        rows.append(
            ("nothing changed against a cold build", f"{ratio:.3f} ×", "0.1 ×", ratio <= 0.1)
        )
    if cold.get("heaviest_page"):
        rows.append(
            (
                "heaviest page, all it fetches",
                f"{cold['heaviest_page'] / 1e6:.2f} MB",
                f"{PAGE_LIMIT / 1e6:.1f} MB",
                cold["heaviest_page"] <= PAGE_LIMIT,
            )
        )
        rows.append(
            (
                "largest figure file",
                f"{cold['largest_figure'] / 1000:.0f} kB",
                f"{FIGURE_LIMIT // 1000} kB",
                cold["largest_figure"] <= FIGURE_LIMIT,
            )
        )
    if "scale" in results:
        scaled = step_sum(results["scale"], ("execute", *HTML_STEPS))
        ratio = scaled[0] / html[0]
        rows.append(
            (
                f"{SCALE} × the data, cold HTML against the real book's",
                f"{ratio:.2f} ×",
                "2.5 ×",
                ratio <= 2.5,
            )
        )
    if "tests" in results:
        took = results["tests"]["mean"]
        rows.append(("make test's pytest run", f"{took:.0f} s", "300 s", took <= 300))
    return rows


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
    for name, r in results.items():
        if r.get("phases"):
            rows += ["", f"{name}: build steps (ci/build-book.sh), wall clock / CPU seconds, mean"]
            rows += [f"    {step:<11} {w:8.1f} {c:8.1f}" for step, (w, c) in r["phases"].items()]
        if pdf_steps := PDF_STEPS.findall(r.get("log", "")):
            rows += ["", f"{name}: WeasyPrint's share of each PDF step (the build's own log, s)"]
            rows += [
                f"    layout {a} (all the float passes' layouts), tagged book {b}, archival {c}"
                for a, b, c in pdf_steps
            ]
        if r.get("reach"):
            rows += ["", *r["reach"]]
        if r.get("counts"):
            rows += ["", f"{name}: rows before and after scaling (tools/bench_data.py)"]
            rows += [
                f"    {t}: {c['before']} → {c['after']}"
                for t, c in r["counts"].items()
                if c["before"] != c["after"]
            ]
        if r.get("weights"):
            rows += ["", *r["weights"]]
        if r.get("costliest_files"):
            rows += ["", f"{name}: test files that cost most (JUnit XML)"]
            rows += [f"    {line}" for line in r["costliest_files"]]
        if r["slowest_reads"]:
            rows += [
                "",
                f"{name}: slowest reading durations (sphinx.ext.duration; a list per Sphinx build)",
                *(f"    {line}" for line in r["slowest_reads"]),
            ]
    rows += [
        "",
        "issue 28's targets:",
        "| target | measured | limit | met |",
        "|---|---:|---:|---|",
    ]
    rows += [
        f"| {what} | {got} | {limit} | {'met' if met else 'MISSED'} |"
        for what, got, limit, met in targets(results)
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
        "--runs", type=int, default=1, help="runs of chapter and data (noop runs 5 times)"
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
        cold = results["cold"]
        cold["weights"], cold["heaviest_page"], cold["largest_figure"] = weights(
            copy / "_build" / "html"
        )
        if "tests" in chosen:
            # the tests run the checkout's environment by path (ROOT/.venv) for their subprocesses
            (copy / ".venv").symlink_to(BIN.parent, target_is_directory=True)
            junit = out / "tests.xml"
            results["tests"] = hyperfine(
                "tests",
                f"{PYTEST} --junitxml={shlex.quote(str(junit))}; true",
                copy,
                out,
                1,
                steps=False,
            )
            results["tests"]["costliest_files"] = costliest_files(junit)
        if "noop" in chosen:
            results["noop"] = hyperfine("noop", BUILD_BOOK, copy, out, 5, warmup=1)
        if "chapter" in chosen:
            results["chapter"] = hyperfine(
                "chapter", BUILD_BOOK, copy, out, args.runs, prepare=f"{edit} chapter"
            )
            results["chapter"]["reach"], results["chapter"]["everywhere"] = edit_reach(
                copy, results["chapter"]["log"]
            )
        if "data" in chosen:
            results["data"] = hyperfine(
                "data", BUILD_BOOK, copy, out, args.runs, prepare=f"{edit} data"
            )
        if "scripts" in chosen:
            runner = write_scripts(copy, out)
            results["scripts"] = hyperfine(
                "scripts",
                f"bash {shlex.quote(str(runner))}",
                copy,
                out,
                1,
                env={"MPLBACKEND": "Agg"},
                steps=False,
            )
        if "scale" in chosen:
            scaled, counts = scaled_copy(tmp)
            results["scale"] = hyperfine(
                "scale",
                BUILD_BOOK,
                scaled,
                out,
                1,
                prepare="rm -rf _build",
                env={"CA911_HTML_ONLY": "1"},
            )
            results["scale"]["counts"] = counts
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
