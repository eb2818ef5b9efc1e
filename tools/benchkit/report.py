"""The report a reader follows: benchmarks/results.md rendered from results.json (prose and tables, no log idioms)."""

from __future__ import annotations

from pathlib import Path

from benchkit.analysis import kb
from benchkit.measure import FIGURE_LIMIT, TARGETS


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


