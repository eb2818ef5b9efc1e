"""`make bench`: how fast the book builds, measured against the limit (a command that measures and prints;
never a timed test).

Everything runs on a copy of the project in a temporary folder (the `git ls-files` files as they are in the
working tree, plus every file under data/), with its own src/ on PYTHONPATH, so a concurrent edit in the
checkout cannot leak into a measurement, and the checkout's _build/ is never touched. Measured in one run:

* cold build: empty execution cache, empty _build: HTML; then the PDF builder alone (warm cache);
* the limit: the same notebooks' code run as plain Python scripts (jupytext py:percent, one fresh process
  each, cwd = the notebook's folder, MPLBACKEND=Agg) plus a Sphinx build with execution off (a temporary
  _config.yml in the copy says execute_notebooks: 'off'): the least work any tool could do for this book;
* no-change rebuild, one-notebook edit, data edit: timings, plus which notebooks re-executed (the build
  log's "Executing notebook" lines) and the jupyter-cache records before/after;
* a no-change `make book` (ci/build-book.sh: HTML + PDF in a fresh staging folder, warm cache);
* page weight: the HTML site, the largest page with its assets, the PDF, every figure file.

Wall-clock medians (min, max) and the CPU time of the child processes are printed with the ratios and
targets; benchmarks/results.json and benchmarks/results.md are rewritten (methods/benchmark.md includes the
.md). The machine is shared, so the load average is sampled before every timed command and reported.

    .venv/bin/python tools/bench.py [--cold-runs N] [--runs N] [--budget-minutes M] [--keep] [--no-write]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html.parser
import io
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
if not (BIN / "jupyter-book").exists():  # run from another environment: use the one running this script
    BIN = Path(sys.executable).parent
JB = str(BIN / "jupyter-book")
PY = str(BIN / "python")
JB_FLAGS = ["-W", "-n", "--keep-going"]  # as `make book`
PDF_ARGS = ["--builder", "custom", "--custom-builder", "simplepdf"]
PDF_NAME = "companion.pdf"
CACHE_REL = Path("_build") / ".jupyter_cache"
FIGURE_LIMIT = 150_000  # bytes (150 kB, decimal)
TARGETS = {"cold_vs_limit": 1.3, "nochange_vs_cold": 0.1, "pdf_vs_cold": 0.5}
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
EXECUTING = re.compile(r"^(?P<path>\S.*?): Executing notebook")
EXECUTED = re.compile(r"^(?P<path>\S.*?): Executed notebook in (?P<s>[0-9.]+) seconds")
UPDATING = re.compile(r"updating environment: (?:\[[^\]]*\] )?(?P<a>\d+) added, (?P<c>\d+) changed, (?P<r>\d+) removed")
READING = re.compile(r"reading sources\.\.\. \[\s*\d+%\] ")
WARNING = re.compile(r"\bWARNING:|\bERROR:")
# What every build pays before Sphinx looks at a page, step by step in one process (in the order a build
# imports them; a module imported by an earlier step is counted there).
STARTUP_PROBE = """
import importlib, json, pathlib, time
out = {}
def step(name, *modules, call=None):
    t = time.perf_counter()
    for m in modules:
        importlib.import_module(m)
    if call:
        call()
    out[name] = round(time.perf_counter() - t, 2)
step("python, jupyter-book CLI, Sphinx", "jupyter_book.cli.main", "sphinx.application")
step("jupyter-book's default extensions (myst-nb, theme, bibtex, ...)", "myst_nb", "sphinx_book_theme",
     "sphinxcontrib.bibtex", "sphinx_design", "sphinx_thebe", "sphinx_external_toc", "sphinx_togglebutton",
     "sphinx_copybutton", "sphinx_comments", "sphinx_multitoc_numbering", "sphinx_jupyterbook_latex")
step("ca911.sphinx_ext (pandas, matplotlib)", "ca911.sphinx_ext")
pkg = {}
def load():
    from ca911.data import load
    pkg["pkg"] = load()
step("ca911.data.load(): read and validate the data package (every notebook and the _generate hook)", call=load)
def generate():
    from ca911.generated import generate
    generate(pathlib.Path("."), pkg["pkg"])
step("ca911 _generate hook, after the load: every _generated file in memory",
     "ca911.appendices", "ca911.codebook", "ca911.records", "ca911.networks", call=generate)
print(json.dumps(out))
"""
# WeasyPrint on the PDF build's single HTML page again, split into style + layout and drawing + writing.
PDF_PROBE = """
import json, pathlib, time, weasyprint
t0 = time.perf_counter()
doc = weasyprint.HTML("index.html").render()
t1 = time.perf_counter()
doc.write_pdf("probe.pdf")
t2 = time.perf_counter()
page = pathlib.Path("index.html").read_text(encoding="utf-8")
print(json.dumps({"render_s": round(t1 - t0, 2), "write_s": round(t2 - t1, 2), "pages": len(doc.pages),
                  "tables": page.count("<table"), "images": page.count("<img")}))
"""
SCRIPT_PREAMBLE = (
    "# %% [bench] an IPython shell object without a kernel: plotting.inline_svg() then registers the SVG\n"
    "# formatter and glue() renders each figure, as in the book (plain `python` would skip that work)\n"
    "from IPython.core.interactiveshell import InteractiveShell\n"
    "InteractiveShell.instance()\n\n"
)


class BenchError(RuntimeError):
    pass


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --- the project copy ------------------------------------------------------------------------------------

def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def snapshot(dest: Path) -> dict:
    """Copy the tracked files (working-tree versions) and data/ once; every run copies this snapshot, so all
    runs measure the same sources even while others edit the checkout."""
    tracked = [p for p in git("ls-files", "-z").split("\0") if p]
    # + benchmarks/results.md, tracked or not: methods/benchmark.md includes it
    files = sorted({p for p in tracked if (ROOT / p).is_file()}
                   | {str(p.relative_to(ROOT)) for p in (ROOT / "data").rglob("*") if p.is_file()}
                   | ({"benchmarks/results.md"} if (ROOT / "benchmarks" / "results.md").is_file() else set()))
    for rel in files:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, dest / rel)
    modified = [line[3:] for line in git("status", "--porcelain", "--untracked-files=no").splitlines()]
    untracked = [p for p in git("ls-files", "--others", "--exclude-standard").splitlines() if p not in files]
    return {"commit": git("rev-parse", "HEAD").strip(), "files": len(files),
            "modified_in_working_tree": modified, "untracked_left_out": untracked}


def fresh_copy(snap: Path, dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(snap, dest)
    return dest


def base_env(copy: Path) -> dict:
    env = dict(os.environ)
    env.pop("CA911_DATA_DIR", None)  # the copy finds its own data/ from the working directory
    env.pop("MPLBACKEND", None)  # the kernel chooses its inline backend itself
    if "CA911_SOURCES" not in env:  # where the checkout finds the chapters (../shared/sources beside it)
        env["CA911_SOURCES"] = str(ROOT.parent / "shared" / "sources")
    env.update(PYTHONPATH=os.pathsep.join([str(copy / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
               PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="1767225600",  # as the Makefile exports
               PYTHONUNBUFFERED="1", BIN=str(BIN))  # unbuffered: the log lines carry their own times
    return env


# --- timed commands --------------------------------------------------------------------------------------

def run_timed(cmd: list[str], cwd: Path, env: dict, log_path: Path) -> dict:
    load = os.getloadavg()
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors="replace", bufsize=1)
    lines = []
    for line in proc.stdout:
        lines.append((time.perf_counter() - t0, ANSI.sub("", line.rstrip("\n"))))
    rc = proc.wait()
    wall = time.perf_counter() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log_path.write_text(f"$ {' '.join(cmd)}  (cwd {cwd})\n"
                        + "\n".join(f"{t:8.2f} {s}" for t, s in lines)
                        + f"\nrc={rc} wall={wall:.2f}s cpu={cpu:.2f}s load={load}\n", encoding="utf-8")
    return {"wall": wall, "cpu": cpu, "rc": rc, "load1": load[0], "lines": lines, "log": str(log_path)}


def phases(lines: list[tuple[float, str]], end: float) -> dict:
    """Seconds spent before Sphinx reads (start-up: imports, config hooks, environment), reading (and
    executing), writing, and (PDF) WeasyPrint, from the times of the log lines."""
    def first(pattern: str, after: float = -1.0) -> float | None:
        return next((t for t, s in lines if t >= after and pattern in s), None)

    t_env = first("updating environment")
    t_read = first("looking for now-outdated", t_env or 0.0)
    t_pdf = first("checking for potential toctree", t_read or 0.0)
    t_done = first("build succeeded", t_read or 0.0) or first("build finished", t_read or 0.0) or end
    out = {}
    if t_env is not None and t_read is not None:
        out = {"startup": t_env, "read": t_read - t_env}
        if t_pdf is not None:
            out.update(write=t_pdf - t_read, weasyprint=t_done - t_pdf)
        else:
            out.update(write=t_done - t_read)
        out["finish"] = end - t_done
    return {k: round(v, 2) for k, v in out.items()}


def rel(path: str, copy: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(copy.resolve()))
    except ValueError:
        return path


def build(copy: Path, env: dict, logs: Path, name: str, extra: list[str] | None = None,
          flags: list[str] | None = None, check: bool = True) -> dict:
    extra = extra if extra is not None else ["--builder", "html"]
    cmd = [JB, "build", ".", *extra, *(JB_FLAGS if flags is None else flags)]
    r = run_timed(cmd, copy, env, logs / f"{name}.log")
    text = [s for _, s in r["lines"]]
    r["executed"] = [rel(m["path"], copy) for s in text if (m := EXECUTING.match(s))]
    r["executed_seconds"] = {rel(m["path"], copy): float(m["s"]) for s in text if (m := EXECUTED.match(s))}
    r["pages_read"] = sum(1 for s in text if READING.search(s))
    r["warnings"] = sum(1 for s in text if WARNING.search(s))
    r["phases"] = phases(r["lines"], r["wall"])
    if check and r["rc"] != 0:
        tail = "\n".join(text[-40:])
        raise BenchError(f"{name}: `{' '.join(cmd)}` failed (rc {r['rc']}); log {r['log']}\n{tail}")
    return r


def cache_records(copy: Path) -> dict:
    path = copy / CACHE_REL
    if not (path / "global.db").is_file():
        return {}
    from jupyter_cache import get_cache

    return {rec.pk: rec for rec in get_cache(str(path)).list_cache_records()}


def stamp_lines(copy: Path, pk: int) -> list[str]:
    """The hidden first cell ca911.book.read_markdown adds, as cached."""
    from jupyter_cache import get_cache

    nb = get_cache(str(copy / CACHE_REL)).get_cache_bundle(pk).nb
    return nb.cells[0].source.splitlines() if nb.cells else []


def package_hash_of(copy: Path, env: dict) -> str:
    out = subprocess.run([PY, "-c", "from ca911.data import package_hash; print(package_hash('data'))"],
                         cwd=copy, env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def keep(r: dict, **more) -> dict:
    """What results.json keeps of a run (not the log lines)."""
    out = {k: (round(v, 2) if isinstance(v, float) else v) for k, v in r.items() if k != "lines"}
    out.update(more)
    return out


# --- edits -----------------------------------------------------------------------------------------------

def edit_notebook(path: Path, n: int) -> str:
    """Append a comment line to the first code cell (its last line, so cell options stay untouched)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        m = re.match(r"^(`{3,}|~{3,})\{code-cell\}", line)
        if m:
            fence = m.group(1)
            j = next(k for k in range(i + 1, len(lines)) if lines[k].strip() == fence)
            comment = f"# bench: harmless edit {n}"
            lines.insert(j, comment)
            path.write_text("\n".join(lines), encoding="utf-8")
            return comment
    raise BenchError(f"{path}: no code cell to edit")


def edit_data(copy: Path) -> tuple[str, str]:
    """Append " (bench)" to one summary_en of data/events.csv, changing only that field's bytes."""
    path = copy / "data" / "events.csv"
    text = path.read_text(encoding="utf-8")
    before = list(csv.DictReader(io.StringIO(text, newline="")))
    row = next(r for r in before if r.get("summary_en") and re.fullmatch(r"[A-Za-z0-9 ,.()-]+", r["summary_en"]))
    old = row["summary_en"]
    lines = text.split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith(row["event_id"] + ",") and old in line)
    lines[k] = lines[k].replace(old, old + " (bench)", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    after = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    diffs = [(i, key) for i, (a, b) in enumerate(zip(before, after)) for key in a if a[key] != b[key]]
    if len(after) != len(before) or len(diffs) != 1:
        raise BenchError(f"the data edit changed {diffs} instead of one summary_en")
    return row["event_id"], old


def stale_copies(html_dir: Path, old: str, new: str) -> tuple[dict, dict]:
    """Per text file of the site: occurrences of the old summary not followed by the edit, and of the new."""
    import zipfile

    texts = {".html", ".csv", ".json", ".txt", ".js", ".ipynb", ".md"}
    stale, fresh = {}, {}

    def check(name: str, t: str) -> None:
        n_new, n_old = t.count(new), t.count(old)
        if n_old - n_new:
            stale[name] = n_old - n_new
        if n_new:
            fresh[name] = n_new

    for p in html_dir.rglob("*"):
        if p.is_file() and p.suffix in texts:
            check(str(p.relative_to(html_dir)), p.read_text(encoding="utf-8", errors="replace"))
        elif p.is_file() and p.suffix == ".zip":  # the data download
            with zipfile.ZipFile(p) as zf:
                for member in zf.namelist():
                    if Path(member).suffix in texts:
                        check(f"{p.relative_to(html_dir)}!{member}", zf.read(member).decode("utf-8", "replace"))
    return stale, fresh


# --- the limit -------------------------------------------------------------------------------------------

def measure_limit(snap: Path, dest: Path, notebooks: list[str], logs: Path, tag: str) -> dict:
    import jupytext
    import yaml

    copy = fresh_copy(snap, dest)
    env = base_env(copy)
    scripts = []
    for nb_rel in notebooks:
        src = copy / nb_rel
        script = src.with_name(src.stem + ".bench.py")
        script.write_text(SCRIPT_PREAMBLE + jupytext.writes(jupytext.read(src), fmt="py:percent"), encoding="utf-8")
        scripts.append((nb_rel, script))
    per = {}
    for nb_rel, script in scripts:
        r = run_timed([PY, script.name], script.parent, {**env, "MPLBACKEND": "Agg"},
                      logs / f"{tag}-script-{script.stem}.log")
        if r["rc"] != 0:
            tail = "\n".join(s for _, s in r["lines"][-30:])
            raise BenchError(f"the script of {nb_rel} failed (rc {r['rc']}); log {r['log']}\n{tail}")
        per[nb_rel] = {"wall": round(r["wall"], 2), "cpu": round(r["cpu"], 2), "load1": r["load1"]}
        script.unlink()
    config_path = copy / "_config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    config_path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    # no -W: with execution off the glued values are missing, and each is a warning
    sphinx = build(copy, env, logs, f"{tag}-sphinx-noexec", flags=["-n", "--keep-going"])
    if sphinx["executed"]:
        raise BenchError(f"execution off still executed {sphinx['executed']}")
    shutil.rmtree(copy)
    scripts_wall = sum(v["wall"] for v in per.values())
    scripts_cpu = sum(v["cpu"] for v in per.values())
    return {"wall": scripts_wall + sphinx["wall"], "cpu": scripts_cpu + sphinx["cpu"],
            "scripts_wall": round(scripts_wall, 2), "scripts_cpu": round(scripts_cpu, 2), "scripts": per,
            "sphinx_noexec": keep(sphinx, executed_seconds=None), "load1": per[notebooks[0]]["load1"]}


# --- page weight -----------------------------------------------------------------------------------------

class Refs(html.parser.HTMLParser):
    ATTRS = {"img": ["src"], "script": ["src"], "source": ["src"], "video": ["src", "poster"], "audio": ["src"],
             "embed": ["src"], "object": ["data"], "image": ["href", "xlink:href"], "iframe": ["src"]}
    LINK_RELS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "apple-touch-icon"}

    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and self.LINK_RELS & set((a.get("rel") or "").lower().split()):
            self.refs.append(a.get("href") or "")
        for name in self.ATTRS.get(tag, []):
            if a.get(name):
                self.refs.append(a[name])


def local_file(ref: str, base: Path, site: Path) -> Path | None:
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or not parts.path or ref.startswith("data:"):
        return None
    p = (base / unquote(parts.path)).resolve()
    return p if p.is_file() and site.resolve() in p.parents else None


CJK = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")  # the Japanese font's unicode-range
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def css_assets(css: Path, site: Path, seen: set) -> set:
    out = set()
    for m in CSS_URL.finditer(css.read_text(encoding="utf-8", errors="replace")):
        p = local_file(m.group(1) or m.group(2), css.parent, site)
        if p and p not in seen:
            seen.add(p)
            out.add(p)
            if p.suffix == ".css":
                out |= css_assets(p, site, seen)
    return out


def page_weight(site: Path, pdf: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    by_dir: dict[str, int] = {}
    for p in files:
        top = p.relative_to(site).parts[0] if len(p.relative_to(site).parts) > 1 else "(pages at the top)"
        top = top if top.startswith("_") else "(pages)"
        by_dir[top] = by_dir.get(top, 0) + p.stat().st_size
    pages, figure_pages = [], {}
    for page in sorted(site.rglob("*.html")):
        if "_static" in page.relative_to(site).parts:
            continue
        parser = Refs()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        assets = {p for ref in parser.refs if (p := local_file(ref, page.parent, site))}
        fonts = set()
        for css in [p for p in assets if p.suffix == ".css"]:
            fonts |= css_assets(css, site, set(assets))
        for p in assets:
            if p.parent == (site / "_images").resolve():
                figure_pages.setdefault(p.name, []).append(str(page.relative_to(site)))
        html_bytes = page.stat().st_size
        asset_bytes = sum(p.stat().st_size for p in assets)
        top = sorted(assets, key=lambda p: -p.stat().st_size)[:5]
        css_top = sorted(fonts, key=lambda p: -p.stat().st_size)[:3]
        pages.append({"page": str(page.relative_to(site)), "html_bytes": html_bytes, "assets": len(assets),
                      "asset_bytes": asset_bytes, "total_bytes": html_bytes + asset_bytes,
                      "largest_assets": [[str(p.relative_to(site.resolve())), p.stat().st_size] for p in top],
                      "css_url_bytes": sum(p.stat().st_size for p in fonts),
                      "largest_css_url_assets": [[str(p.relative_to(site.resolve())), p.stat().st_size] for p in css_top],
                      "japanese_text": bool(CJK.search(page.read_text(encoding="utf-8", errors="replace")))})
    pages.sort(key=lambda d: d["total_bytes"], reverse=True)
    figures = sorted(({"file": p.name, "bytes": p.stat().st_size, "pages": figure_pages.get(p.name, [])}
                      for p in (site / "_images").glob("*") if p.suffix.lower() in {".svg", ".png"}),
                     key=lambda d: d["bytes"], reverse=True)
    return {"site_bytes": sum(p.stat().st_size for p in files), "site_files": len(files), "by_folder": by_dir,
            "largest_pages": pages[:3], "pdf_bytes": pdf.stat().st_size if pdf.is_file() else None,
            "figures": figures, "figure_max_bytes": max((f["bytes"] for f in figures), default=0)}


# --- statistics and the report ---------------------------------------------------------------------------

def stats(runs: list[dict], key: str = "wall") -> dict | None:
    vals = [r[key] for r in runs if r.get(key) is not None]
    if not vals:
        return None
    cpu = [r["cpu"] for r in runs if r.get("cpu") is not None]
    return {"median": round(statistics.median(vals), 2), "min": round(min(vals), 2), "max": round(max(vals), 2),
            "n": len(vals), "cpu_median": round(statistics.median(cpu), 2) if cpu else None}


def stats_of(runs: list[dict], key: str) -> dict:
    """Median of each phase over the runs."""
    names = {k for r in runs for k in r.get(key, {})}
    return {k: statistics.median([r[key][k] for r in runs if k in r.get(key, {})]) for k in sorted(names)}


def ratio(a: dict | None, b: dict | None, key: str = "median") -> float | None:
    return round(a[key] / b[key], 3) if a and b and a.get(key) and b.get(key) else None


def ratio_target(label: str, num: dict, den: dict, limit: float) -> dict:
    """A ratio target, judged on wall-clock and on CPU time."""
    r, rc = ratio(num, den), ratio(num, den, "cpu_median")
    return {"target": label, "measured": f"{r} (CPU {rc})",
            "met": r is not None and r <= limit, "met_cpu": rc is not None and rc <= limit}


def kb(n: int | None) -> str:
    return "n/a" if n is None else f"{n / 1000:,.1f} kB"


def analyse(res: dict) -> None:
    """Summaries, ratios, and a verdict with why/fix for each target."""
    R, S = res["runs"], {}
    for name in R:
        S[name] = stats(R[name])
    res["summary"] = S
    cold, limit, nochg, onenb, pdf = S.get("cold_html"), S.get("limit"), S.get("no_change"), S.get("one_notebook"), S.get("pdf")
    res["ratios"] = {
        "cold HTML / limit": {"wall": ratio(cold, limit), "cpu": ratio(cold, limit, "cpu_median"), "target": f"<= {TARGETS['cold_vs_limit']}"},
        "no-change / cold HTML": {"wall": ratio(nochg, cold), "cpu": ratio(nochg, cold, "cpu_median"), "target": f"<= {TARGETS['nochange_vs_cold']}"},
        "one-notebook edit / cold HTML": {"wall": ratio(onenb, cold), "cpu": ratio(onenb, cold, "cpu_median"), "target": "(re-executes exactly one notebook)"},
        "PDF / cold HTML": {"wall": ratio(pdf, cold), "cpu": ratio(pdf, cold, "cpu_median"), "target": f"<= {TARGETS['pdf_vs_cold']}"},
        "no-change make book / cold HTML+PDF": {
            "wall": round(S["make_book_no_change"]["median"] / (cold["median"] + pdf["median"]), 3) if S.get("make_book_no_change") else None,
            "cpu": round(S["make_book_no_change"]["cpu_median"] / (cold["cpu_median"] + pdf["cpu_median"]), 3) if S.get("make_book_no_change") else None,
            "target": "(information)"},
    }
    targets = []
    nb_count = len(res["book_notebooks"])
    exec_sum = statistics.median(sum(r["executed_seconds"].values()) for r in R["cold_html"])
    scripts_sum = statistics.median(r["scripts_wall"] for r in R["limit"])
    sphinx_noexec = S["limit_sphinx_noexec"]["median"] if S.get("limit_sphinx_noexec") else None

    # 1. cold HTML vs the limit
    t = ratio_target(f"cold HTML <= {TARGETS['cold_vs_limit']} x the limit", cold, limit, TARGETS["cold_vs_limit"])
    if not (t["met"] and t.get("met_cpu", True)):
        ph = stats_of(R["cold_html"], "phases")
        load_s = next((v for k, v in res.get("startup_probe", {}).items() if k.startswith("ca911.data.load")), "?")
        t["why"] = (f"Medians: the {nb_count} notebooks took {exec_sum:.1f} s to execute in kernels during the cold build "
                    f"(myst-nb runs them one after another inside Sphinx's read phase) against {scripts_sum:.1f} s for the "
                    f"same code as scripts ({(exec_sum - scripts_sum) / max(nb_count, 1):+.1f} s per notebook: kernel "
                    f"start, messaging, output capture); the rest of the cold build (start-up {ph.get('startup', 0):.1f} s, "
                    f"reading besides the executions {ph.get('read', 0) - exec_sum:.1f} s, writing {ph.get('write', 0):.1f} s) "
                    f"compares with {sphinx_noexec} s for the whole Sphinx build with execution off. Every notebook, "
                    f"script or kernel, also loads and validates the whole data package ({load_s} s on its own).")
        t["fix"] = ("Run the notebooks two at a time on the two cores before Sphinx reads them (e.g. jupyter-cache's "
                    "parallel executor over the same stamped notebooks; myst-nb then only reads the cache), so kernel "
                    "start-up and imports overlap; and validate the data package once per build rather than once per "
                    "notebook (e.g. a validated-package cache keyed on the package hash).")
    targets.append(t)

    # 2. no-change rebuild
    r = ratio(nochg, cold)
    nc_exec = sum(len(x["executed"]) for x in R["no_change"])
    nc_new = sum(x["new_records"] for x in R["no_change"])
    rc = ratio(nochg, cold, "cpu_median")
    t = {"target": f"no-change rebuild <= {TARGETS['nochange_vs_cold']} x cold HTML, re-executing nothing",
         "measured": f"{r} (CPU {rc}); {nc_exec} executions, {nc_new} new cache records",
         "met": r is not None and r <= TARGETS["nochange_vs_cold"] and nc_exec == 0 and nc_new == 0,
         "met_cpu": rc is not None and rc <= TARGETS["nochange_vs_cold"] and nc_exec == 0 and nc_new == 0}
    if not (t["met"] and t.get("met_cpu", True)):
        ph = stats_of(R["no_change"], "phases")
        probe = res.get("startup_probe", {})
        steps = "; ".join(f"{k} {v:.1f} s" for k, v in probe.items())
        t["why"] = (f"Nothing re-executed ({nc_exec} executions, {nc_new} new records): the time is start-up. Of a no-change "
                    f"rebuild (median {nochg['median']:.1f} s), {ph.get('startup', 0):.1f} s pass before Sphinx looks for changed "
                    f"pages, then {ph.get('read', 0):.1f} s checking and reading and {ph.get('write', 0):.1f} s writing "
                    f"(medians). The start-up, step by step in one process: {steps or 'not measured'}.")
        t["fix"] = ("Make the start-up cheap when nothing changed: run ca911's generation only when the data package hash "
                    "or the generator code differs from the last run (the same stamp the notebooks carry), and import "
                    "pandas/matplotlib in ca911.sphinx_ext only inside the hooks that need them (the font path needs "
                    "neither). The floor is Python, jupyter-book, Sphinx and the extensions' own imports.")
    targets.append(t)

    # 3. one-notebook edit
    ok = all(len(x["executed"]) == 1 and x["new_records"] == 1 and x["executed"][0] == res["edited_notebook"]
             for x in R["one_notebook"])
    t = {"target": "a one-notebook edit re-executes exactly that notebook",
         "measured": "; ".join(f"run {i + 1}: executed {x['executed']}, {x['new_records']} new record(s), {x['pages_read']} page(s) re-read"
                               for i, x in enumerate(R["one_notebook"])),
         "met": ok}
    if not ok:
        t["why"] = ("More than the edited notebook re-executed: its cache key (the code of its cells plus the hidden stamp "
                    "cell) changed for others too, or Sphinx marked every page outdated (ca911.sphinx_ext's env-get-outdated "
                    "hook fires when the stamp it compares changes). See the logs of these runs.")
        t["fix"] = "Key each notebook only on its own code and on what it reads (the data package and the helper code)."
    targets.append(t)

    # 4. data edit
    d = R["data_edit"][0]
    ok = (sorted(d["executed"]) == sorted(res["book_notebooks"]) and d["new_records"] == len(d["executed"])
          and d["stamps_with_new_hash"] == d["new_records"] and not d["stale"] and bool(d["fresh"]))
    t = {"target": "a data edit never leaves a stale output",
         "measured": (f"{len(d['executed'])}/{nb_count} notebooks re-executed, {d['new_records']} new cache records, "
                      f"{d['stamps_with_new_hash']} stamped with the new data hash, {d['pages_read']} pages re-read; "
                      f"old text left in {len(d['stale'])} file(s), new text in {len(d['fresh'])} file(s)"),
         "met": ok}
    if not ok:
        t["why"] = ("Some output still shows the old row or some notebook did not re-execute (see stale/executed in "
                    "results.json).")
        t["fix"] = "Every page that shows data must depend on the data package hash (the stamp cell and the env-get-outdated hook)."
    targets.append(t)

    # 5. PDF
    t = ratio_target(f"PDF <= {TARGETS['pdf_vs_cold']} x cold HTML", pdf, cold, TARGETS["pdf_vs_cold"])
    if not (t["met"] and t.get("met_cpu", True)):
        ph = stats_of(R["pdf"], "phases")
        pp = res.get("pdf_probe", {})
        t["why"] = (f"The PDF build executes nothing (warm cache); of its {pdf['median']:.1f} s (median), start-up takes "
                    f"{ph.get('startup', 0):.1f} s (the same start-up as every build, see the no-change rebuild), reading "
                    f"{ph.get('read', 0):.1f} s, writing the single HTML page {ph.get('write', 0):.1f} s and WeasyPrint "
                    f"{ph.get('weasyprint', 0):.1f} s (medians). WeasyPrint, run again on its own: "
                    f"{pp.get('render_s', '?')} s to style and lay out {pp.get('pages', '?')} pages "
                    f"({pp.get('tables', '?')} tables, {pp.get('images', '?')} images), then {pp.get('write_s', '?')} s to draw "
                    f"and write them, which includes drawing {pp.get('svg_files', '?')} SVG figures of "
                    f"{pp.get('svg_elements', '?')} SVG elements as vectors.")
        t["fix"] = ("Give WeasyPrint less to do: link only the stylesheets print needs (the single page also links the "
                    "sphinx-design, thebe, toggle-button and copy-button CSS, and every selector is matched against every "
                    f"element of a {pp.get('pages', '?')}-page document), avoid automatic layout for the long tables (table-layout: auto "
                    "measures every cell before placing any), and lighter or raster figures for print (each SVG element "
                    "is drawn on its own); then one start-up shared by both builders instead of two.")
    targets.append(t)

    # 6. figures
    pw = res["page_weight"]
    big = [f for f in pw["figures"] if f["bytes"] > FIGURE_LIMIT]
    t = {"target": f"every figure file <= {FIGURE_LIMIT // 1000} kB", "measured": f"max {kb(pw['figure_max_bytes'])} over {len(pw['figures'])} files",
         "met": not big}
    if big:
        t["why"] = "; ".join(f"{f['file'][:12]}… {kb(f['bytes'])} on {', '.join(f['pages']) or '?'}" for f in big)
        t["fix"] = "Rasterise dense layers (rasterized=True) or save those figures as PNG; drop invisible detail."
    targets.append(t)
    res["targets"] = targets


def num(v) -> str:
    return "n/a" if v is None else f"{v:.2f}"


def fmt(v, unit="s") -> str:
    return "n/a" if v is None else f"{v:.1f} {unit}".strip()


ROWS = [("cold_html", "Cold build, HTML (empty cache, empty _build)"),
        ("pdf", "PDF builder after HTML (warm cache)"),
        ("limit", "The limit: scripts + Sphinx without execution"),
        ("limit_scripts", "… notebooks' code as plain Python scripts"),
        ("limit_sphinx_noexec", "… Sphinx HTML build, execution off"),
        ("no_change", "No-change rebuild (HTML)"),
        ("one_notebook", "One-notebook edit (HTML)"),
        ("data_edit", "Data edit: one CSV row (HTML)"),
        ("make_book_no_change", "No-change make book (ci/build-book.sh: fresh stage, HTML+PDF)")]


def tables(res: dict) -> tuple[str, str, str]:
    S = res["summary"]
    t1 = ["| Measurement | Median | Min | Max | Runs | CPU (median) |", "|---|---:|---:|---:|---:|---:|"]
    for key, label in ROWS:
        s = S.get(key)
        if s:
            t1.append(f"| {label} | {fmt(s['median'])} | {fmt(s['min'])} | {fmt(s['max'])} | {s['n']} | {fmt(s['cpu_median'])} |")
    t2 = ["| Ratio (medians) | Wall clock | CPU time | Target |", "|---|---:|---:|---|"]
    for name, r in res["ratios"].items():
        t2.append(f"| {name} | {num(r['wall'])} | {num(r['cpu'])} | {r['target']} |")
    t3 = ["| Target | Measured | Met |", "|---|---|---|"]
    for t in res["targets"]:
        verdict = "yes" if t["met"] else "**no**"
        if "met_cpu" in t and t["met_cpu"] != t["met"]:
            verdict += f" (on CPU time: {'yes' if t['met_cpu'] else 'no'})"
        t3.append(f"| {t['target']} | {t['measured']} | {verdict} |")
    return "\n".join(t1), "\n".join(t2), "\n".join(t3)


def weight_table(pw: dict) -> str:
    lines = ["| Item | Size |", "|---|---:|",
             f"| HTML site, all files ({pw['site_files']}) | {kb(pw['site_bytes'])} |"]
    for folder, n in sorted(pw["by_folder"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| — in {folder if folder.startswith('_') else 'the pages themselves'} | {kb(n)} |")
    for p in pw["largest_pages"][:1]:
        lines.append(f"| Largest page with its assets: {p['page']} | {kb(p['total_bytes'])} |")
        lines.append(f"| — its HTML | {kb(p['html_bytes'])} |")
        lines.append(f"| — the {p['assets']} images, stylesheets and scripts it loads | {kb(p['asset_bytes'])} |")
        for name, n in p["largest_assets"][:3]:
            lines.append(f"| — of which {name.split('/')[-1][:40]} | {kb(n)} |")
        lines.append(f"| — fonts and images its stylesheets name (fetched only when used) | {kb(p['css_url_bytes'])} |")
        for name, n in p["largest_css_url_assets"][:1]:
            used = " (the page has Japanese text, so a browser fetches it)" if p["japanese_text"] and "ipaex" in name else ""
            lines.append(f"| — of which {name.split('/')[-1][:40]}{used} | {kb(n)} |")
    lines.append(f"| PDF | {kb(pw['pdf_bytes'])} |")
    lines.append(f"| Largest figure file ({len(pw['figures'])} in _images) | {kb(pw['figure_max_bytes'])} |")
    return "\n".join(lines)


def figure_table(pw: dict) -> str:
    lines = ["| Figure file | Size | Page |", "|---|---:|---|"]
    for f in pw["figures"]:
        lines.append(f"| {f['file'][:16]}….{f['file'].rsplit('.', 1)[-1]} | {kb(f['bytes'])} | {', '.join(f['pages']) or '(none)'} |")
    return "\n".join(lines)


def _files(n: int) -> str:
    return "file" if n == 1 else "files"


def notes(res: dict) -> list[str]:
    m, p = res["machine"], res["project"]
    cold_note = ""
    if res["cold_runs"] < 3:
        cold_note = (" (asked for on the command line)" if res.get("cold_runs_forced") else
                     f" (3 would have taken {res.get('cold_runs_projection_minutes', '?')} min in all, over the "
                     f"budget of {res['budget_minutes']:g} min)")
    out = [
        f"Measured {res['generated']} on {m['nproc']} CPU cores ({m['platform']}, Python {m['python']}); load average "
        f"(1 min) {m['load_start'][0]:.2f} at the start, {m['load_end'][0]:.2f} at the end, "
        f"{m['load1_min']:.2f}–{m['load1_max']:.2f} before the timed commands (the benchmark's own build counts for about 1). "
        "Others were building on this machine, so wall-clock times are noisy; the CPU time (all child processes, kernels "
        "included) is less sensitive to that load.",
        f"Sources: commit {p['commit'][:12]} plus the working-tree versions of {len(p['modified_in_working_tree'])} modified "
        f"tracked {_files(len(p['modified_in_working_tree']))}; {len(p['untracked_left_out'])} untracked {_files(len(p['untracked_left_out']))} left out"
        + (f" ({', '.join(p['untracked_left_out'][:6])}{', …' if len(p['untracked_left_out']) > 6 else ''})" if p['untracked_left_out'] else "") + ".",
        f"Cold builds: {res['cold_runs']} {'run' if res['cold_runs'] == 1 else 'runs'}{cold_note}; "
        f"no-change and one-notebook edits: {res['cheap_runs']} runs each; data edit and no-change make book: 1 run each.",
        f"The book executes {len(res['book_notebooks'])} notebooks: {', '.join(res['book_notebooks'])}. "
        f"The one-notebook edit appends a comment line to the first code cell of {res['edited_notebook']}.",
        f"The limit runs each of those notebooks' code, converted with jupytext to py:percent, as `python script.py` in a fresh "
        "process (cwd: the notebook's folder, MPLBACKEND=Agg), with an IPython shell object created first so that "
        "plotting.inline_svg() and glue() render the SVG figures as in the book; the last expression of a cell is not "
        f"displayed. Then Sphinx builds the HTML with execute_notebooks: 'off' "
        f"({res['runs']['limit_sphinx_noexec'][0]['warnings']} warnings, the missing glued values, so without -W).",
        res["invalidation"],
    ]
    if res.get("make_book_note"):
        out.append(res["make_book_note"])
    return out


def _seconds(v: float) -> str:
    return f"{v:.0f} s" if v >= 20 else f"{v:.1f} s"


def _times(v: float, target: float | None = None) -> str:
    """A ratio as a reader says it: "1.53 times"; one more decimal where two would hide a miss (0.105 vs 0.1)."""
    digits = 3 if target is not None and round(v, 2) == target and v != target else 2
    return f"{v:.{digits}f}".rstrip("0").rstrip(".") + " times"


def _range(s: dict) -> str:
    return "one run" if s["n"] == 1 else f"{s['n']} runs, {s['min']:.1f}–{s['max']:.1f} s"


TARGET_WORDS = [  # (summary key, how a reader names the target)
    ("cold_vs_limit", "A cold HTML build costs at most 1.3 times the limit"),
    ("nochange_vs_cold", "A rebuild with nothing changed costs at most a tenth of a cold build and re-executes nothing"),
    ("one_notebook", "Editing one notebook re-executes that notebook only"),
    ("data_edit", "Editing the data never leaves an out-of-date page"),
    ("pdf_vs_cold", "The PDF costs at most half a cold HTML build"),
    ("figures", f"Every figure file is at most {FIGURE_LIMIT // 1000} kB"),
]


def _verdict(t: dict) -> str:
    if t["met"] and t.get("met_cpu", True):
        return "met"
    if t["met"]:
        return "met on wall-clock time, not on CPU time"
    return "missed, but met on CPU time" if t.get("met_cpu") else "missed"


def summary_prose(res: dict) -> list[str]:
    """The results as sentences, from the measurements (nothing typed by hand)."""
    S, R, T = res["summary"], res["runs"], res["targets"]
    cold, limit, nochg, onenb, pdf = (S.get(k) for k in ("cold_html", "limit", "no_change", "one_notebook", "pdf"))
    data = R["data_edit"][0]
    nb = len(res["book_notebooks"])
    one_ok = all(len(x["executed"]) == 1 for x in R["one_notebook"])
    pw = res["page_weight"]
    paras = [
        f"A cold build of the HTML edition, which executes all {nb} notebooks, took {_seconds(cold['median'])} "
        f"({_seconds(cold['cpu_median'])} of CPU time). The least work any tool could do for the same pages, the limit, "
        f"took {_seconds(limit['median'])}: the cold build costs {_times(cold['median'] / limit['median'])} the limit on the "
        f"clock and {_times(cold['cpu_median'] / limit['cpu_median'])} in CPU time, against a target of "
        f"{_times(TARGETS['cold_vs_limit'])}.",
        f"Rebuilding with nothing changed took {_seconds(nochg['median'])} and re-executed "
        f"{'no notebook' if not any(x['executed'] for x in R['no_change']) else 'some notebooks'}; that is "
        f"{_times(nochg['median'] / cold['median'], TARGETS['nochange_vs_cold'])} a cold build, against a target of "
        f"{_times(TARGETS['nochange_vs_cold'])}. Almost all of it is start-up, before Sphinx looks at a page.",
        f"After a comment was added to one notebook, the rebuild took {_seconds(onenb['median'])} and "
        f"{'re-executed that notebook alone' if one_ok else 're-executed more than that notebook'} in each of "
        f"{len(R['one_notebook'])} runs. After one row of the data was edited, {len(data['executed'])} of {nb} notebooks "
        f"re-executed and {data['pages_read']} pages were read again; "
        f"{'no page kept the old text' if not data['stale'] else 'some pages kept the old text'}.",
        f"The PDF, built after the HTML with every notebook already executed, took {_seconds(pdf['median'])}, "
        f"{_times(round(pdf['median'] / cold['median'], 2))} the cold HTML build (target: {_times(TARGETS['pdf_vs_cold'])}); "
        f"most of that is WeasyPrint laying out the pages. The largest of the {len(pw['figures'])} figure files is "
        f"{kb(pw['figure_max_bytes'])} (target: at most {FIGURE_LIMIT // 1000} kB).",
    ]
    met = sum(1 for t in T if t["met"] and t.get("met_cpu", True))
    paras.append(f"{met} of the {len(T)} targets are met; the table below gives each, and the sections after it say "
                 "why the others are missed and what would fix them.")
    return paras


def targets_table(res: dict) -> str:
    S, R = res["summary"], res["runs"]
    cold, limit, nochg, pdf = (S.get(k) for k in ("cold_html", "limit", "no_change", "pdf"))
    data = R["data_edit"][0]
    pw = res["page_weight"]
    measured = [
        f"{_times(round(cold['median'] / limit['median'], 2))} (CPU: {_times(round(cold['cpu_median'] / limit['cpu_median'], 2))})",
        f"{_times(nochg['median'] / cold['median'], TARGETS['nochange_vs_cold'])} (CPU: {_times(nochg['cpu_median'] / cold['cpu_median'])}); "
        f"{sum(len(x['executed']) for x in R['no_change'])} notebooks re-executed",
        "; ".join(sorted({", ".join(Path(e).stem for e in x["executed"]) or "none" for x in R["one_notebook"]}))
        + f" re-executed, in each of {len(R['one_notebook'])} runs",
        f"{len(data['executed'])} of {len(res['book_notebooks'])} notebooks re-executed; old text on {len(data['stale'])} pages",
        f"{_times(round(pdf['median'] / cold['median'], 2))} (CPU: {_times(round(pdf['cpu_median'] / cold['cpu_median'], 2))})",
        f"largest {kb(pw['figure_max_bytes'])}",
    ]
    lines = ["| Target | Measured | Result |", "|---|---|---|"]
    for (_, words), value, t in zip(TARGET_WORDS, measured, res["targets"]):
        lines.append(f"| {words} | {value} | {_verdict(t)} |")
    return "\n".join(lines)


def timings_table(res: dict) -> str:
    S = res["summary"]
    lines = ["| Build | Wall clock (median) | Runs and range | CPU time (median) |", "|---|---:|---|---:|"]
    for key, label in ROWS:
        s = S.get(key)
        if s:
            lines.append(f"| {label} | {_seconds(s['median'])} | {_range(s)} | {_seconds(s['cpu_median'])} |")
    return "\n".join(lines)


def captioned(table: str, caption: str, name: str) -> str:
    """A numbered, captioned MyST table for the book's page (the console keeps the bare table)."""
    return f":::{{table}} {caption}\n:name: {name}\n:align: left\n\n{table}\n:::"


def report_md(res: dict) -> str:
    """benchmarks/results.md, included by methods/benchmark.md: prose first, then tables a reader can scan."""
    parts = ["# Results of the last run", "",
             f"Measured on {res['generated']} by `make bench` on a shared machine with {res['machine']['nproc']} CPU cores; "
             "times are wall-clock medians unless marked as CPU time, which is steadier when others use the machine.", ""]
    parts += [p + "\n" for p in summary_prose(res)]
    parts += ["## Targets", "", captioned(targets_table(res), "Each target, what was measured, and whether it was met.", "tab-bench-targets"),
              "", "## Timings", "", captioned(timings_table(res), "Build timings: median, range and CPU time of each step.", "tab-bench-timings"), ""]
    missed = [(w, t) for (_, w), t in zip(TARGET_WORDS, res["targets"]) if "why" in t]
    if missed:
        parts += ["## Why targets are missed", ""]
        for words, t in missed:
            parts += [f"### {words}", "", f"**Why.** {t['why']}", "", f"**What would fix it.** {t['fix']}", ""]
    parts += ["## Page weight", "", captioned(weight_table(res["page_weight"]), "Size of the site, its largest page and the PDF.", "tab-bench-weight"),
              "", "## Figure files", "",
              captioned(figure_table(res["page_weight"]), "Every figure file, its size and the pages that show it.", "tab-bench-figures"),
              "", "## How the run was made", ""]
    parts += [f"{n}\n" for n in notes(res)]
    return "\n".join(parts).rstrip() + "\n"


def render_only() -> int:
    """Rewrite benchmarks/results.md from benchmarks/results.json without measuring anything."""
    out = ROOT / "benchmarks"
    res = json.loads((out / "results.json").read_text(encoding="utf-8"))
    (out / "results.md").write_text(report_md(res), encoding="utf-8")
    print(f"written: {out / 'results.md'} (from results.json of {res['generated']})")
    return 0


# --- the benchmark ---------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:] == ["--render-only"] or argv == ["--render-only"]:
        return render_only()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cold-runs", type=int, help="cold builds (default: 3 if that fits the budget, else 1)")
    ap.add_argument("--runs", type=int, default=3, help="no-change rebuilds and one-notebook edits (default 3)")
    ap.add_argument("--budget-minutes", type=float, default=15.0)
    ap.add_argument("--notebook", help="the notebook to edit (default: the first executed one under notebooks/)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, copies)")
    ap.add_argument("--no-write", action="store_true", help="do not rewrite benchmarks/results.*")
    args = ap.parse_args(argv)

    t_start = time.perf_counter()
    load_start = os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="ca911-bench-"))
    logs = tmp / "logs"
    log(f"working in {tmp} (logs in {logs})")
    res: dict = {"generated": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                 "runs": {k: [] for k, _ in ROWS}, "budget_minutes": args.budget_minutes}
    ok = False
    try:
        snap = tmp / "snapshot"
        res["project"] = snapshot(snap)
        log(f"snapshot: {res['project']['files']} files at {res['project']['commit'][:12]} "
            f"(+{len(res['project']['modified_in_working_tree'])} modified in the working tree)")

        def cold_rep(i: int, keep_copy: bool) -> Path:
            copy = fresh_copy(snap, tmp / f"cold-{i}")
            env = base_env(copy)
            log(f"cold run {i + 1}: HTML")
            h = build(copy, env, logs, f"cold-{i}-html")
            if not h["executed"]:
                raise BenchError("the cold build executed no notebook: is the cache really empty?")
            h["new_records"] = len(cache_records(copy))
            res["runs"]["cold_html"].append(keep(h))
            log(f"  {h['wall']:.1f} s, executed {len(h['executed'])}; PDF")
            p = build(copy, env, logs, f"cold-{i}-pdf", extra=PDF_ARGS)
            if p["executed"]:
                raise BenchError(f"the PDF build re-executed {p['executed']} with a warm cache")
            res["runs"]["pdf"].append(keep(p))
            log(f"  {p['wall']:.1f} s")
            if not keep_copy:
                shutil.rmtree(copy)
            return copy

        def limit_rep(i: int) -> None:
            log(f"limit run {i + 1}")
            lim = measure_limit(snap, tmp / f"limit-{i}", res["book_notebooks"], logs, f"limit-{i}")
            res["runs"]["limit"].append(lim)
            res["runs"]["limit_scripts"].append({"wall": lim["scripts_wall"], "cpu": lim["scripts_cpu"]})
            res["runs"]["limit_sphinx_noexec"].append(lim["sphinx_noexec"])
            log(f"  {lim['wall']:.1f} s (scripts {lim['scripts_wall']:.1f} s, Sphinx {lim['sphinx_noexec']['wall']:.1f} s)")

        # --- run 1: cold build, page weight, the limit, then the rebuilds on the built copy
        rep_t0 = time.perf_counter()
        copy = cold_rep(0, keep_copy=True)
        env = base_env(copy)
        res["book_notebooks"] = sorted(res["runs"]["cold_html"][0]["executed"])
        res["page_weight"] = page_weight(copy / "_build" / "html", copy / "_build" / "simplepdf" / PDF_NAME)
        limit_rep(0)
        rep_cost = time.perf_counter() - rep_t0

        log("WeasyPrint probe (the PDF's single HTML page, rendered again)")
        r = run_timed([PY, "-c", PDF_PROBE], copy / "_build" / "simplepdf", env, logs / "probe-weasyprint.log")
        probe = json.loads(r["lines"][-1][1]) if r["rc"] == 0 and r["lines"] else {}
        svgs = [p for p in (copy / "_build" / "html" / "_images").glob("*.svg")]
        probe["svg_elements"] = sum(len(re.findall(r"<[A-Za-z]", p.read_text(encoding="utf-8", errors="replace"))) for p in svgs)
        probe["svg_files"] = len(svgs)
        probe["load1"] = r["load1"]
        res["pdf_probe"] = probe
        (copy / "_build" / "simplepdf" / "probe.pdf").unlink(missing_ok=True)

        # fixed costs, measured on their own (for the explanations)
        log("start-up probe")
        r = run_timed([PY, "-c", STARTUP_PROBE], copy, env, logs / "probe-startup.log")
        res["startup_probe"] = json.loads(r["lines"][-1][1]) if r["rc"] == 0 and r["lines"] else {}
        res["startup_probe_load1"] = r["load1"]

        records = cache_records(copy)
        for i in range(args.runs):
            log(f"no-change rebuild {i + 1}")
            b = build(copy, env, logs, f"nochange-{i}")
            after = cache_records(copy)
            res["runs"]["no_change"].append(keep(b, new_records=len(set(after) - set(records))))
            records = after
            log(f"  {b['wall']:.1f} s, executed {len(b['executed'])}")

        nb = args.notebook or next(n for n in res["book_notebooks"] if n.startswith("notebooks/"))
        res["edited_notebook"] = nb
        for i in range(args.runs):
            comment = edit_notebook(copy / nb, i + 1)
            log(f"one-notebook edit {i + 1}: `{comment}` in {nb}")
            b = build(copy, env, logs, f"onenb-{i}")
            after = cache_records(copy)
            new = sorted(set(after) - set(records))
            res["runs"]["one_notebook"].append(keep(b, new_records=len(new),
                                                    new_record_uris=[rel(after[k].uri, copy) for k in new]))
            records = after
            log(f"  {b['wall']:.1f} s, executed {b['executed']}, {len(new)} new record(s)")

        old_hash = package_hash_of(copy, env)
        event_id, old_text = edit_data(copy)
        new_hash = package_hash_of(copy, env)
        log(f"data edit: summary_en of {event_id} + ' (bench)'")
        b = build(copy, env, logs, "dataedit")
        after = cache_records(copy)
        new = sorted(set(after) - set(records))
        stamps = {k: stamp_lines(copy, k) for k in new}
        stale, fresh = stale_copies(copy / "_build" / "html", old_text, old_text + " (bench)")
        res["runs"]["data_edit"].append(keep(
            b, new_records=len(new), new_record_uris=[rel(after[k].uri, copy) for k in new],
            stamps_with_new_hash=sum(any(new_hash in line for line in s) for s in stamps.values()),
            event_id=event_id, old_hash=old_hash, new_hash=new_hash, stale=stale, fresh=fresh))
        records = after
        log(f"  {b['wall']:.1f} s, executed {len(b['executed'])}, {len(new)} new record(s), stale {stale}")
        stamp = next(iter(stamps.values()), [])
        prefixes = [re.sub(r"[0-9a-f]{64}", "<sha256>", line) for line in stamp]
        res["invalidation"] = (
            "How a data edit invalidates: ca911.book.read_markdown (myst-nb's reader for .md) inserts a hidden first "
            f"code cell into every notebook ({' / '.join(f'`{x}`' for x in prefixes) or 'none found'}); jupyter-cache "
            "keys a notebook on its code cells, so a new data hash is a new key and the notebook re-executes; and "
            "ca911.sphinx_ext's env-get-outdated hook compares the same hash with the one stored in Sphinx's environment "
            f"and marks every page outdated, so the generated pages are re-read too (here {b['pages_read']} pages re-read, "
            f"{len(b['executed'])} notebooks re-executed, {len(new)} new cache records).")

        log("no-change make book (ci/build-book.sh)")
        m = run_timed(["bash", "ci/build-book.sh"], copy, env, logs / "makebook-nochange.log")
        if m["rc"] != 0:
            raise BenchError(f"ci/build-book.sh failed; log {m['log']}")
        text = [s for _, s in m["lines"]]
        m_exec = [s for s in text if EXECUTING.match(s)]
        # the two builds of the script, split where the first says it succeeded
        t_html = next((t for t, s in m["lines"] if "build succeeded" in s or "build finished" in s), m["wall"])
        starts = [i for i, (_, s) in enumerate(m["lines"]) if s.startswith("Running Jupyter-Book")]
        reads = [sum(1 for _, s in m["lines"][a:b] if READING.search(s))
                 for a, b in zip(starts, starts[1:] + [len(m["lines"])])]
        res["runs"]["make_book_no_change"].append(keep(
            m, executed=len(m_exec), pages_read_per_build=reads, html_part=round(t_html, 2),
            pdf_part=round(m["wall"] - t_html, 2), new_records=len(set(cache_records(copy)) - set(records))))
        log(f"  {m['wall']:.1f} s (HTML {t_html:.1f} s, PDF {m['wall'] - t_html:.1f} s), executed {len(m_exec)}, "
            f"pages read per build {reads}")
        res["make_book_note"] = (
            f"A no-change `make book` (ci/build-book.sh, {m['wall']:.1f} s: HTML {t_html:.1f} s, PDF "
            f"{m['wall'] - t_html:.1f} s) re-executed {len(m_exec)} notebooks (the execution cache stays in "
            f"_build/.jupyter_cache) but read {reads[0] if reads else '?'} pages again in the HTML build, because it builds "
            "into a fresh staging folder, so Sphinx's environment (the doctrees) is new every time, and it always "
            "rebuilds the PDF; the data validation step of `make book` is not included.")
        shutil.rmtree(copy)

        # --- more cold runs if they fit the budget
        elapsed = time.perf_counter() - t_start
        if args.cold_runs is not None:
            cold_runs = max(1, args.cold_runs)
            res["cold_runs_forced"] = True
        else:
            projected = elapsed + 2 * rep_cost
            cold_runs = 3 if projected <= args.budget_minutes * 60 else 1
            res["cold_runs_projection_minutes"] = round(projected / 60, 1)
            log(f"one cold run + limit took {rep_cost:.0f} s; 3 runs would end at {projected / 60:.1f} min "
                f"(budget {args.budget_minutes:g}): {cold_runs} run(s)")
        res["cold_runs"], res["cheap_runs"] = cold_runs, args.runs
        for i in range(1, cold_runs):
            if i % 2:  # alternate the order, so a drift in load does not favour one side
                limit_rep(i)
                cold_rep(i, keep_copy=False)
            else:
                cold_rep(i, keep_copy=False)
                limit_rep(i)

        loads = [r["load1"] for runs in res["runs"].values() for r in runs if r.get("load1") is not None]
        res["machine"] = {"nproc": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                          "load_start": [round(x, 2) for x in load_start],
                          "load_end": [round(x, 2) for x in os.getloadavg()],
                          "load1_min": min(loads), "load1_max": max(loads),
                          "load1_mean": round(statistics.mean(loads), 2),
                          "total_minutes": round((time.perf_counter() - t_start) / 60, 1)}
        analyse(res)
        ok = True
    finally:
        if not ok or args.keep:
            log(f"temporary folder kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    t1, t2, t3 = tables(res)
    print("\nHow fast the book builds (wall clock seconds; CPU = all child processes)\n")
    print(t1, "\n", t2, "\n", t3, sep="\n")
    for t in res["targets"]:
        if "why" in t:
            label = "MISSED" if not t["met"] else "MISSED ON CPU TIME (met on wall clock)"
            print(f"\n{label}: {t['target']}\n  why: {t['why']}\n  fix: {t['fix']}")
    print("\n" + weight_table(res["page_weight"]))
    print("\n" + figure_table(res["page_weight"]))
    print("\nNotes:\n" + "\n".join(f"- {n}" for n in notes(res)))
    if not args.no_write:
        out = ROOT / "benchmarks"
        out.mkdir(exist_ok=True)
        (out / "results.json").write_text(json.dumps(res, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
        (out / "results.md").write_text(report_md(res), encoding="utf-8")
        print(f"\nwritten: {out / 'results.json'}, {out / 'results.md'} ({res['machine']['total_minutes']} min)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        sys.exit(1)
