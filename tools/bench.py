"""`make bench`: how fast the book builds, measured against the limit and issue 19's targets (a command
that measures and prints; never a timed test).

Everything runs on a copy of the project in a temporary folder (the `git ls-files` files as they are in the
working tree, plus every file under data/, in a fresh git repository so that ci/build-book.sh can tell an
unchanged copy), with its own src/ on PYTHONPATH, so a concurrent edit in the checkout cannot leak into a
measurement and the checkout's _build/ is never touched. Measured in one run:

* cold build: empty execution cache, empty _build: `python -m ca911 execute` then the HTML build, as
  `make book` runs them; then the PDF build (its own environment, as `make book` builds it);
* the limit: the same notebooks' code run as plain Python scripts one after another (jupytext py:percent,
  one fresh process each, cwd = the notebook's folder, MPLBACKEND=Agg) plus a Sphinx build with execution
  off: the least work any tool could do for this book;
* `make book` (ci/build-book.sh) with nothing changed, and after a one-sentence edit of a chapter
  (which notebooks re-executed, whether the word reached both editions);
* a one-notebook edit and a data edit (HTML): what re-executed, and no stale page;
* scale: a synthetic data package SCALE times the real one (tools/benchkit/synthetic.py), validated and
  built cold (HTML), phase by phase against the real cold build;
* page weight: the heaviest page with everything it can fetch, the site, the PDF, every figure file;
* the test suite (`make test`'s pytest, 2 workers) on the built copy.

Wall-clock medians (min, max) and the CPU time of the child processes are printed with the ratios and
targets; benchmarks/results.json and benchmarks/results.md are rewritten (benchmarks/README.md links the
.md; the book does not include it). The machine may be shared, so the load average is sampled before every timed command and reported.

    .venv/bin/python tools/bench.py [--cold-runs N] [--runs N] [--budget-minutes M] [--skip-scale]
                                    [--skip-suite] [--keep] [--no-write] | --render-only
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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchkit/ beside this file

from benchkit.analysis import FIXES, analyse  # noqa: E402,F401  (FIXES: for the tests)
from benchkit.measure import (  # noqa: E402
    PDF_ARGS,
    PDF_NAME,
    PDF_PROBE,
    PY,
    ROOT,
    SCALE,
    STARTUP_PROBE,
    BenchError,
    base_env,
    build,
    cache_records,
    edit_data,
    edit_notebook,
    edit_sentence,
    fresh_copy,
    keep,
    log,
    make_book,
    measure_limit,
    package_hash_of,
    page_weight,
    rel,
    run_suite,
    run_timed,
    snapshot,
    stale_copies,
    stamp_lines,
    where_marker_is,
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

def git_init(copy: Path) -> None:
    """ci/build-book.sh digests what git tracks or would track, and some tests list `git ls-files`: the copy
    needs a repository with its files in the index (no commit)."""
    subprocess.run(["git", "init", "-q"], cwd=copy, check=True)
    subprocess.run(["git", "add", "-A"], cwd=copy, check=True)


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:] == ["--render-only"] or argv == ["--render-only"]:
        return render_only()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cold-runs", type=int, help="cold builds (default: 3 if that fits the budget, else 1)")
    ap.add_argument("--runs", type=int, default=3, help="no-change, one-sentence and one-notebook edits (default 3)")
    ap.add_argument("--budget-minutes", type=float, default=40.0)
    ap.add_argument("--notebook", help="the notebook to edit (default: the first executed one under notebooks/)")
    ap.add_argument("--skip-scale", action="store_true", help=f"do not build the {SCALE} x synthetic package")
    ap.add_argument("--skip-suite", action="store_true", help="do not run the test suite")
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
            git_init(copy)
            env = base_env(copy)
            log(f"cold run {i + 1}: execute + HTML")
            h = build(copy, env, logs, f"cold-{i}-html", execute_first=True)
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

        # --- run 1: cold build, the limit, then make book and the edits on the built copy
        rep_t0 = time.perf_counter()
        copy = cold_rep(0, keep_copy=True)
        env = base_env(copy)
        # the notebooks of the sources (a generated page executed inside Sphinx would show here too, and fail the limit)
        res["book_notebooks"] = sorted(n for n in res["runs"]["cold_html"][0]["executed"] if (snap / n).is_file())
        res["executed_elsewhere"] = sorted(set(res["runs"]["cold_html"][0]["executed"]) - set(res["book_notebooks"]))
        limit_rep(0)
        rep_cost = time.perf_counter() - rep_t0

        log("WeasyPrint probe (the PDF's single HTML page, rendered again)")
        pdf_dir = copy / "_build" / "stage" / "pdf" / "_build" / "simplepdf"
        r = run_timed([PY, "-c", PDF_PROBE], pdf_dir, env, logs / "probe-weasyprint.log")
        probe = json.loads(r["lines"][-1][1]) if r["rc"] == 0 and r["lines"] else {}
        svgs = list((pdf_dir / "_images").glob("*.svg"))  # the figures the PDF draws
        probe["svg_elements"] = sum(len(re.findall(r"<[A-Za-z]", p.read_text(encoding="utf-8", errors="replace"))) for p in svgs)
        probe["svg_files"] = len(svgs)
        probe["load1"] = r["load1"]
        res["pdf_probe"] = probe
        (pdf_dir / "probe.pdf").unlink(missing_ok=True)

        log("start-up probe")
        r = run_timed([PY, "-c", STARTUP_PROBE], copy, env, logs / "probe-startup.log")
        res["startup_probe"] = json.loads(r["lines"][-1][1]) if r["rc"] == 0 and r["lines"] else {}
        res["startup_probe_load1"] = r["load1"]

        # make book: the first run publishes the stage the cold build left (the PDF is built again), then
        # nothing changed, then one sentence of a chapter
        log("make book after the cold build (ci/build-book.sh)")
        first = make_book(copy, env, logs, "makebook-first")
        res["runs"]["make_book_first"].append(keep(first))
        log(f"  {first['wall']:.1f} s, executed {len(first['executed'])}, pages read {first.get('pages_read')}")
        res["page_weight"] = page_weight(copy / "_build" / "html", copy / "_build" / "pdf" / PDF_NAME)
        records = cache_records(copy)
        for i in range(args.runs):
            m = make_book(copy, env, logs, f"makebook-nochange-{i}")
            if not m["up_to_date"]:
                raise BenchError(f"an unchanged copy built again; log {m['log']}")
            res["runs"]["make_book_no_change"].append(keep(m))
            log(f"no-change make book {i + 1}: {m['wall']:.2f} s")
        for i in range(args.runs):
            page, marker = edit_sentence(copy, i + 1)
            m = make_book(copy, env, logs, f"makebook-sentence-{i}")
            after = cache_records(copy)
            res["runs"]["one_sentence"].append(keep(m, page=page, marker=marker, reached=where_marker_is(copy, marker),
                                                    new_records=len(set(after) - set(records))))
            records = after
            log(f"one-sentence edit {i + 1} ({page}): {m['wall']:.1f} s, executed {len(m['executed'])}, "
                f"pages read {m.get('pages_read')}, reached {res['runs']['one_sentence'][-1]['reached']}")

        nb = args.notebook or next(n for n in res["book_notebooks"] if n.startswith("notebooks/"))
        res["edited_notebook"] = nb
        for i in range(args.runs):
            comment = edit_notebook(copy / nb, i + 1)
            log(f"one-notebook edit {i + 1}: `{comment}` in {nb}")
            b = build(copy, env, logs, f"onenb-{i}", execute_first=True)
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
        b = build(copy, env, logs, "dataedit", execute_first=True)
        after = cache_records(copy)
        new = sorted(set(after) - set(records))
        stamps = {k: stamp_lines(copy, k) for k in new}
        site = copy / "_build" / "stage" / "html" / "_build" / "html"
        stale, fresh = stale_copies(site, old_text, old_text + " (bench)")
        res["runs"]["data_edit"].append(keep(
            b, new_records=len(new), new_record_uris=[rel(after[k].uri, copy) for k in new],
            stamps_with_new_hash=sum(any(new_hash in line for line in s) for s in stamps.values()),
            event_id=event_id, old_hash=old_hash, new_hash=new_hash, stale=stale, fresh=fresh))
        log(f"  {b['wall']:.1f} s, executed {len(b['executed'])}, {len(new)} new record(s), stale {stale}")
        stamp = next(iter(stamps.values()), [])
        prefixes = [re.sub(r"[0-9a-f]{64}", "<sha256>", line) for line in stamp]
        res["invalidation"] = (
            "How a data edit invalidates: ca911.book.execution_hash.read_markdown (the reader of the notebooks' MyST text) inserts a "
            f"hidden first code cell into every notebook ({' / '.join(f'`{x}`' for x in prefixes) or 'none found'}); "
            "jupyter-cache keys a notebook on its code cells, so a new data hash is a new key and the notebook "
            "re-executes; and ca911.book.sphinx.roles' env-get-outdated hook compares the same hash with the one stored in "
            f"Sphinx's environment and marks every page outdated (here {b['pages_read']} pages re-read, "
            f"{len(b['executed'])} notebooks re-executed, {len(new)} new cache records).")

        if not args.skip_suite:
            # the suite runs on the book as committed: the edits undone, the book built again (from the cache)
            for edited in {nb, "data/events.csv", *(r["page"] for r in res["runs"]["one_sentence"])}:
                shutil.copyfile(snap / edited, copy / edited)
            log("make book with the edits undone, then the test suite")
            make_book(copy, env, logs, "makebook-restored")
            suite = run_suite(copy, env, logs)
            res["runs"]["suite"].append(suite)
            log(f"  pytest {suite['pytest_seconds']} s ({suite['counts']}), wall {suite['wall']:.1f} s")
        shutil.rmtree(copy)

        if not args.skip_scale:
            from benchkit.synthetic import scale_package

            scaled = fresh_copy(snap, tmp / "scaled")
            git_init(scaled)
            res["scale_rows"] = scale_package(scaled / "data", SCALE)
            env_s = base_env(scaled)
            log(f"scale: {SCALE} x the data package; validate, execute + HTML")
            v = run_timed([PY, "-m", "ca911", "validate"], scaled, env_s, logs / "scale-validate.log")
            if v["rc"] != 0:
                raise BenchError(f"the synthetic package does not validate; log {v['log']}")
            res["runs"]["scale_validate"].append(keep(v))
            v0 = run_timed([PY, "-m", "ca911", "validate"], snap, base_env(snap), logs / "real-validate.log")
            res["runs"]["real_validate"].append(keep(v0))
            h = build(scaled, env_s, logs, "scale-html", execute_first=True)
            res["runs"]["scale_html"].append(keep(h, pages=sum(1 for _ in (scaled / "_build" / "stage" / "html" / "_build" / "html").rglob("*.html"))))
            log(f"  {h['wall']:.1f} s (validate {v['wall']:.1f} s, real {v0['wall']:.1f} s)")
            shutil.rmtree(scaled)

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
        res["scale_factor"] = SCALE
        if not args.no_write:  # the measurements first: a fault in the analysis can be mended with --render-only
            (ROOT / "benchmarks" / "results.json").write_text(json.dumps(res, indent=1, ensure_ascii=False, default=str) + "\n",
                                                              encoding="utf-8")
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

