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
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchkit/ beside this file

from benchkit.analysis import FIXES, analyse  # noqa: E402,F401  (FIXES: for the tests)
from benchkit.measure import (  # noqa: E402
    EXECUTING,
    PDF_ARGS,
    PDF_NAME,
    PDF_PROBE,
    PY,
    READING,
    ROOT,
    STARTUP_PROBE,
    BenchError,
    base_env,
    build,
    cache_records,
    edit_data,
    edit_notebook,
    fresh_copy,
    keep,
    log,
    measure_limit,
    package_hash_of,
    page_weight,
    rel,
    run_timed,
    snapshot,
    stale_copies,
    stamp_lines,
)
from benchkit.report import ROWS, figure_table, notes, report_md, tables, weight_table  # noqa: E402


def render_only() -> int:
    """Re-analyse benchmarks/results.json (verdicts, why and fix from the stored measurements) and rewrite it and
    benchmarks/results.md, without measuring anything."""
    out = ROOT / "benchmarks"
    res = json.loads((out / "results.json").read_text(encoding="utf-8"))
    analyse(res)
    (out / "results.json").write_text(json.dumps(res, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    (out / "results.md").write_text(report_md(res), encoding="utf-8")
    print(f"written: {out / 'results.json'} and results.md (from the measurements of {res['generated']})")
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

