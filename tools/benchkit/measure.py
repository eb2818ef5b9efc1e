"""Measuring: the project snapshot, timed builds with their phases, the start-up and PDF probes, page weight."""

from __future__ import annotations

import csv
import functools
import html.parser
import io
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]  # tools/benchkit/measure.py → the project
BIN = ROOT / ".venv" / "bin"
if not (BIN / "jupyter-book").exists():  # run from another environment: use the one running this script
    BIN = Path(sys.executable).parent
JB = str(BIN / "jupyter-book")
PY = str(BIN / "python")
JB_FLAGS = ["-W", "-n", "--keep-going"]  # as `make book`
PDF_ARGS = ["--path-output", str(Path("_build") / "stage" / "pdf"), "--toc", "_toc_print.yml", "--builder", "custom", "--custom-builder", "simplepdf"]
PDF_NAME = "companion.pdf"
CACHE_REL = Path("_build") / ".jupyter_cache"
FIGURE_LIMIT = 150_000  # bytes (150 kB, decimal)
# Issue 19's targets: ratios of medians, a page-weight and a suite-time limit.
TARGETS = {"cold_vs_limit": 1.0, "make_book_no_change": 0.1, "one_sentence": 0.15, "pdf_vs_cold": 0.5,
           "scale": 3.0, "page_bytes": 1_500_000, "test_seconds": 300.0}
SCALE = 10  # the synthetic data package holds this many times the real one's records
STAGE = Path("_build") / "stage"  # where ci/build-book.sh builds: one environment per edition
HTML_ARGS = ["--path-output", str(STAGE / "html"), "--builder", "html"]
PDF_OUT = ["--path-output", str(STAGE / "pdf")]
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# myst-nb executing inside Sphinx, and `python -m ca911 execute` ahead of it
EXECUTING = re.compile(r"^(?P<path>\S.*?): (?:Executing notebook|executed in [0-9.]+ s$)")
EXECUTED = re.compile(r"^(?P<path>\S.*?): (?:Executed notebook in (?P<s>[0-9.]+) seconds|executed in (?P<s2>[0-9.]+) s$)")
JB_START = "Running Jupyter-Book"
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
step("ca911.book.sphinx (pandas, matplotlib)", "ca911.book.sphinx")
pkg = {}
def load():
    from ca911.data.package import load
    pkg["pkg"] = load()
step("ca911.data.package.load(): read and validate the data package (every notebook and the _generate hook)", call=load)
def generate():
    from ca911.book.generated import generate
    generate(pathlib.Path("."), pkg["pkg"])
step("ca911 _generate hook, after the load: every _generated file in memory",
     "ca911.book.appendices", "ca911.book.codebook", "ca911.book.records", "ca911.analysis.networks", call=generate)
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
    files = sorted({p for p in tracked if (ROOT / p).is_file()}
                   | {str(p.relative_to(ROOT)) for p in (ROOT / "data").rglob("*") if p.is_file()})
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
          flags: list[str] | None = None, check: bool = True, execute_first: bool = False) -> dict:
    """One jupyter-book build, timed; with execute_first, `python -m ca911 execute` runs ahead of it (as
    `make html` and `make book` do: the notebooks side by side into the cache), timed as the phase "execute"."""
    extra = extra if extra is not None else HTML_ARGS
    cmd = [JB, "build", ".", *extra, *(JB_FLAGS if flags is None else flags)]
    if execute_first:
        cmd = ["bash", "-c", f'"{PY}" -m ca911 execute && echo "{JB_START} (bench)" && exec "$@"', "bench", *cmd]
    r = run_timed(cmd, copy, env, logs / f"{name}.log")
    text = [s for _, s in r["lines"]]
    r["executed"] = [rel(m["path"], copy) for s in text if (m := EXECUTING.match(s))]
    r["executed_seconds"] = {rel(m["path"], copy): float(m["s"] or m["s2"]) for s in text if (m := EXECUTED.match(s))}
    r["pages_read"] = sum(1 for s in text if READING.search(s))
    r["warnings"] = sum(1 for s in text if WARNING.search(s))
    t_sphinx = next((t for t, s in r["lines"] if s.startswith(JB_START)), 0.0) if execute_first else 0.0
    r["phases"] = phases([(t - t_sphinx, s) for t, s in r["lines"] if t >= t_sphinx], r["wall"] - t_sphinx)
    if execute_first:
        r["phases"]["execute"] = round(t_sphinx, 2)
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
    """The hidden first cell ca911.book.execution_hash.read_markdown adds, as cached."""
    from jupyter_cache import get_cache

    nb = get_cache(str(copy / CACHE_REL)).get_cache_bundle(pk).nb
    return nb.cells[0].source.splitlines() if nb.cells else []


def package_hash_of(copy: Path, env: dict) -> str:
    out = subprocess.run([PY, "-c", "from ca911.data.package import package_hash; print(package_hash('data'))"],
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
        text = page.read_text(encoding="utf-8", errors="replace")
        parser = Refs()
        parser.feed(text)
        assets = {p for ref in parser.refs if (p := local_file(ref, page.parent, site))}
        for p in assets:
            if p.parent == (site / "_images").resolve():
                figure_pages.setdefault(p.name, []).append(str(page.relative_to(site)))
        html_bytes = page.stat().st_size
        asset_bytes = sum(p.stat().st_size for p in assets)
        top = sorted(assets, key=lambda p: -p.stat().st_size)[:5]
        pages.append({"page": str(page.relative_to(site)), "html_bytes": html_bytes, "assets": len(assets),
                      "asset_bytes": asset_bytes, "total_bytes": html_bytes + asset_bytes,
                      "largest_assets": [[str(p.relative_to(site.resolve())), p.stat().st_size] for p in top],
                      "itables": "itables" in text})
    pages.sort(key=lambda d: d["total_bytes"], reverse=True)
    figures = sorted(({"file": p.name, "bytes": p.stat().st_size, "pages": figure_pages.get(p.name, [])}
                      for p in (site / "_images").glob("*") if p.suffix.lower() in {".svg", ".png"}),
                     key=lambda d: d["bytes"], reverse=True)
    # the five heaviest by that estimate (fonts are fetched only where used, so they are left to the browser), and every
    # page with an interactive table, opened in Chromium: what a browser really fetches
    fetched = browser_weight(site, [p["page"] for p in pages[:5]] + [p["page"] for p in pages[5:] if p["itables"]])
    return {"site_bytes": sum(p.stat().st_size for p in files), "site_files": len(files), "by_folder": by_dir,
            "browser": fetched,
            "largest_pages": pages[:3], "html_pages": len(pages), "pdf_bytes": pdf.stat().st_size if pdf.is_file() else None,
            "figures": figures, "figure_max_bytes": max((f["bytes"] for f in figures), default=0)}


# --- statistics and the report ---------------------------------------------------------------------------



# --- make book, a one-sentence edit, the suite -----------------------------------------------------------

def make_book(copy: Path, env: dict, logs: Path, name: str) -> dict:
    """`make book`'s commands (validate, then ci/build-book.sh), timed, split into their steps from the log:
    validate and execute (ahead of Sphinx), the HTML build's phases, the PDF build's phases, the copy into place."""
    # what `make book` runs once its environment exists: validate (a stamp makes an unchanged package quick), then build
    r = run_timed(["bash", "-c", f'"{PY}" -m ca911 validate && exec bash ci/build-book.sh'], copy, env, logs / f"{name}.log")
    if r["rc"] != 0:
        tail = "\n".join(s for _, s in r["lines"][-40:])
        raise BenchError(f"{name}: ci/build-book.sh failed (rc {r['rc']}); log {r['log']}\n{tail}")
    text = [s for _, s in r["lines"]]
    r["up_to_date"] = any(s.startswith("book up to date") for s in text)
    r["executed"] = [rel(m["path"], copy) for s in text if (m := EXECUTING.match(s))]
    starts = [t for t, s in r["lines"] if s.startswith(JB_START)] + [r["wall"]]
    steps: dict[str, float] = {}
    if len(starts) == 3:  # execute | HTML build | PDF build (and the copy into place after its last line)
        steps["prepare"] = starts[0]  # validate + python -m ca911 execute
        for edition, a, b in (("html", starts[0], starts[1]), ("pdf", starts[1], starts[2])):
            seg = [(t - a, s) for t, s in r["lines"] if a <= t < b]
            ph = phases(seg, b - a)
            if edition == "pdf":  # the script's copying starts after the PDF build's last line
                last = seg[-1][0] if seg else b - a
                steps["swap"] = round((b - a) - last, 2)
                ph["finish"] = round(max(ph.get("finish", 0.0) - steps["swap"], 0.0), 2)
            steps.update({f"{edition}_{k}": v for k, v in ph.items()})
        r["pages_read"] = [sum(1 for t, s in r["lines"] if a <= t < b and READING.search(s))
                           for a, b in zip(starts[:2], starts[1:])]
    r["phases"] = {k: round(v, 2) for k, v in steps.items()}
    return r


SENTENCE_END = re.compile(r"(?<=[a-z])\.(?=\s|$)")


def edit_sentence(copy: Path, n: int) -> tuple[str, str]:
    """Add a word to one sentence of a companion chapter: the first plain prose line of chapters/ (no markup,
    so the word reaches both editions as typed). Returns the file and the marker word."""
    marker = f"benchedit{n}"
    for path in sorted((copy / "chapters").glob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            if line[:1].isupper() and not re.search(r"[{}`\[\]<>:|*_]", line) and SENTENCE_END.search(line):
                lines[i] = SENTENCE_END.sub(f" {marker}.", line, count=1)
                path.write_text("\n".join(lines), encoding="utf-8")
                return str(path.relative_to(copy)), marker
    raise BenchError("no plain prose line in chapters/ to edit")


def where_marker_is(copy: Path, marker: str) -> dict:
    """Does the edited word reach the published HTML and PDF?"""
    html = sum(marker in p.read_text(encoding="utf-8", errors="replace") for p in (copy / "_build" / "html").rglob("*.html"))
    pdf = copy / "_build" / "pdf" / PDF_NAME
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
    # justified, hyphenated print may break the word at a line end ("bench-" / "edit2", with any hyphen character);
    # the marker has no hyphen, so every hyphen and space can go
    joined = re.sub(r"[\s\u00ad\u2010\u2011-]+", "", text)
    return {"html_pages": html, "pdf": marker in joined}


# "2 failed, 859 passed, 31 warnings in 286.09s (0:04:46)", framed by "=" unless -q
SUMMARY_LINE = re.compile(r"^=*\s*(?P<summary>\d+ (?:passed|failed).*?) in (?P<s>[0-9.]+)s")


def run_suite(copy: Path, env: dict, logs: Path) -> dict:
    """`make test`'s pytest on the built copy (2 workers, as the Makefile runs it), wall clock and outcome."""
    venv = copy / ".venv"
    if not venv.exists():
        venv.symlink_to(BIN.parent)
    r = run_timed([PY, "-m", "pytest", "-n", "2", "--dist", "loadfile", "-q", "-p", "no:cacheprovider", "--durations=5"], copy, env,
                  logs / "suite.log")
    m = next((m for _, s in reversed(r["lines"]) if (m := SUMMARY_LINE.search(s))), None)
    counts = {k: int(v) for v, k in re.findall(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed)", m["summary"])} if m else {}
    slow = sorted(((float(t), name) for _, s in r["lines"] if (x := re.match(r"^([0-9.]+)s (?:call|setup|teardown) +(\S+)", s))
                   for t, name in [x.groups()]), reverse=True)[:5]
    return {**keep(r), "pytest_seconds": float(m["s"]) if m else None, "counts": counts, "slowest": slow}


def _gzipped(site: Path, url_path: str, size: int) -> int:
    """The size a web server that compresses text (as most hosts do) would send."""
    import gzip

    path = site / unquote(urlsplit(url_path).path)
    if path.suffix in {".html", ".js", ".css", ".svg", ".json", ".txt", ".map"} and path.is_file():
        return len(gzip.compress(path.read_bytes(), 6, mtime=0))
    return size


def _record(fetched: dict, response) -> None:
    fetched[response.url] = int(response.headers.get("content-length") or 0)


def browser_weight(site: Path, candidates: list[str]) -> list[dict]:
    """What Chromium fetches for each page (served on 127.0.0.1, an empty cache): every response's body
    size, fonts included, after the page has settled."""
    from local_site import serve
    from playwright.sync_api import sync_playwright

    out = []
    with serve(site) as origin, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for page_path in candidates:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            fetched: dict[str, int] = {}
            page = context.new_page()
            page.on("response", functools.partial(_record, fetched))
            page.goto(f"{origin}/{page_path}", wait_until="load")
            page.wait_for_load_state("networkidle")
            context.close()
            top = sorted(fetched.items(), key=lambda kv: -kv[1])[:5]
            out.append({"page": page_path, "bytes": sum(fetched.values()), "requests": len(fetched),
                        "gzip_bytes": sum(_gzipped(site, u.removeprefix(origin + "/"), n) for u, n in fetched.items()),
                        "fonts": sum(n for u, n in fetched.items() if u.endswith((".woff2", ".woff", ".ttf"))),
                        "largest": [[u.removeprefix(origin + "/"), n] for u, n in top]})
        browser.close()
    return sorted(out, key=lambda d: -d["bytes"])
