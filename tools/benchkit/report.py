"""The report a maintainer follows: benchmarks/results.md rendered from results.json (prose and tables, no log idioms),
plain Markdown beside benchmarks/README.md, which says what is measured and how."""

from __future__ import annotations

from benchkit.analysis import kb
from benchkit.measure import FIGURE_LIMIT, TARGETS
from ca911.book.wording import count


def num(v) -> str:
    return "n/a" if v is None else f"{v:.2f}"


def fmt(v, unit="s") -> str:
    return "n/a" if v is None else f"{v:.1f} {unit}".strip()


ROWS = [("cold_html", "Cold build, HTML: execute the notebooks, then Sphinx (empty cache, empty _build)"),
        ("pdf", "PDF build after the HTML (its own environment, warm cache)"),
        ("limit", "The limit: scripts + Sphinx without execution"),
        ("limit_scripts", "… notebooks' code as plain Python scripts, one after another"),
        ("limit_sphinx_noexec", "… Sphinx HTML build, execution off"),
        ("make_book_first", "make book after the cold build (publishes it; PDF built again)"),
        ("make_book_no_change", "make book, nothing changed"),
        ("one_sentence", "make book after a one-sentence edit of a chapter"),
        ("one_notebook", "One-notebook edit (execute + HTML)"),
        ("data_edit", "Data edit: one CSV row (execute + HTML)"),
        ("real_validate", "Validating the data package"),
        ("scale_validate", "Validating the synthetic package (10 times the records)"),
        ("scale_html", "Cold build, HTML, with the synthetic package"),
        ("suite", "The test suite on the built book (pytest, 2 workers)")]


def tables(res: dict) -> tuple[str, str, str]:
    S = res["summary"]
    t1 = ["| Measurement | Median | Min | Max | Runs | CPU (median) |", "|---|---:|---:|---:|---:|---:|"]
    for key, label in ROWS:
        s = S.get(key)
        if s:
            t1.append(f"| {label} | {fmt(s['median'])} | {fmt(s['min'])} | {fmt(s['max'])} | {s['n']} | {fmt(s['cpu_median'])} |")
    t2 = ["| Ratio (medians) | Wall clock | CPU time | Target (at most) |", "|---|---:|---:|---:|"]
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
    for b in pw.get("browser", []):
        lines.append(f"| {b['page']}, as Chromium fetched it ({b['requests']} files, fonts {kb(b['fonts'])}) | {kb(b['bytes'])} |")
        lines.append(f"| — from a server that compresses text | {kb(b['gzip_bytes'])} |")
        for name, n in b["largest"][:2]:
            lines.append(f"| — of which {name.split('/')[-1].split('?')[0][:40]} | {kb(n)} |")
    lines.append(f"| PDF | {kb(pw['pdf_bytes'])} |")
    lines.append(f"| Largest figure file ({len(pw['figures'])} in _images) | {kb(pw['figure_max_bytes'])} |")
    return "\n".join(lines)


def figure_table(pw: dict) -> str:
    lines = ["| Figure file | Size | Page |", "|---|---:|---|"]
    for f in pw["figures"]:
        lines.append(f"| `{f['file']}` | {kb(f['bytes'])} | {', '.join(f['pages']) or '(none)'} |")
    return "\n".join(lines)


def _files(n: int) -> str:
    return "file" if n == 1 else "files"


def growth_table(res: dict) -> str:
    from benchkit.analysis import PHASE_NAMES

    lines = ["| Phase of the cold HTML build | Real data | 10 times the data | Added | Times |", "|---|---:|---:|---:|---:|"]
    for k, g in res.get("scale_growth", {}).items():
        times = "n/a" if g["factor"] is None else f"{g['factor']:.2f}"
        lines.append(f"| {PHASE_NAMES.get(k, k)} | {g['real']:.1f} s | {g['scaled']:.1f} s | {g['added']:+.1f} s | {times} |")
    return "\n".join(lines)


def scale_rows_table(res: dict) -> str:
    lines = ["| Table | Records (real) | Records (synthetic) |", "|---|---:|---:|"]
    for name, n in sorted((res.get("scale_rows") or {}).items()):
        lines.append(f"| {name} | {n['before']:,} | {n['after']:,} |")
    return "\n".join(lines)


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
        "The CPU time (all child processes, kernels included) is less sensitive to other load than the wall clock.",
        f"Sources: commit {p['commit'][:12]} plus the working-tree versions of {len(p['modified_in_working_tree'])} modified "
        f"tracked {_files(len(p['modified_in_working_tree']))}; {len(p['untracked_left_out'])} untracked {_files(len(p['untracked_left_out']))} left out"
        + (f" ({', '.join(p['untracked_left_out'][:6])}{', …' if len(p['untracked_left_out']) > 6 else ''})" if p['untracked_left_out'] else "") + ".",
        f"Cold builds: {res['cold_runs']} {'run' if res['cold_runs'] == 1 else 'runs'}{cold_note}; "
        f"no-change make book, one-sentence and one-notebook edits: {res['cheap_runs']} runs each; the data edit, the "
        "synthetic package and the test suite: 1 run each.",
        f"The book executes {len(res['book_notebooks'])} notebooks: {', '.join(res['book_notebooks'])}. "
        f"The one-notebook edit appends a comment line to the first code cell of {res['edited_notebook']}. "
        "The one-sentence edit adds a word to the first plain sentence of "
        f"{', '.join(sorted({x['page'] for x in res['runs']['one_sentence']}))}, and the benchmark looks for that word in the "
        "published HTML and in the PDF's text.",
        "The limit runs each of those notebooks' code, converted with jupytext to py:percent, as `python script.py` in a fresh "
        "process (cwd: the notebook's folder, MPLBACKEND=Agg), one after another, with an IPython shell object created "
        "first so that the figures render as SVG as in the book. Then Sphinx builds the HTML with execute_notebooks: 'off' "
        f"({res['runs']['limit_sphinx_noexec'][0]['warnings']} warnings, the missing glued values, so without -W).",
        res["invalidation"],
    ]
    out += [f"One-sentence edit, run {i + 1}: {x['recheck']}" for i, x in enumerate(res["runs"]["one_sentence"]) if x.get("recheck")]
    if res["runs"].get("suite"):
        su = res["runs"]["suite"][0]
        out.append(f"The test suite ran on the built copy with the edits undone and the book built again: "
                   f"{', '.join(f'{v} {k}' for k, v in su['counts'].items())}, in {su['pytest_seconds']} s of pytest "
                   f"({su['wall']:.0f} s with start-up).")
    return out


def _seconds(v: float) -> str:
    return f"{v:.0f} s" if v >= 20 else f"{v:.1f} s" if v >= 1 else f"{v:.2f} s"


def _times(v: float, target: float | None = None) -> str:
    """A ratio as a reader says it: "1.53 times"; one more decimal where two would hide a miss (0.105 vs 0.1)."""
    digits = 3 if (target is not None and round(v, 2) == target and v != target) or v < 0.01 else 2
    return f"{v:.{digits}f}".rstrip("0").rstrip(".") + " times"


def _range(s: dict) -> str:
    return "one run" if s["n"] == 1 else f"{s['n']} runs, {s['min']:.1f}–{s['max']:.1f} s"


TARGET_WORDS = {  # target key → how a reader names it
    "cold_vs_limit": "A cold HTML build costs no more than the limit",
    "make_book_no_change": "`make book` with nothing changed costs at most a tenth of a cold HTML and PDF build",
    "one_sentence": "`make book` after a one-sentence edit costs at most 0.15 times a cold HTML and PDF build and re-executes no notebook",
    "one_notebook": "Editing one notebook re-executes that notebook only",
    "data_edit": "Editing the data never leaves an out-of-date page",
    "pdf_vs_cold": "The PDF costs at most half a cold HTML build",
    "page_bytes": "The heaviest page, with everything it can fetch, is at most 1.5 MB",
    "figures": f"Every figure file is at most {FIGURE_LIMIT // 1000} kB",
    "scale": "Ten times the data builds cold in at most three times the real cold build",
    "test_seconds": "`make test` on a built book takes at most 300 s of pytest on two cores",
}


def _verdict(t: dict) -> str:
    if t["met"] and t.get("met_cpu", True):
        return "met"
    if t["met"]:
        return "met on wall-clock time, not on CPU time"
    return "missed, but met on CPU time" if t.get("met_cpu") else "missed"


def summary_prose(res: dict) -> list[str]:
    """The results as sentences, from the measurements (nothing typed by hand)."""
    S, R, T = res["summary"], res["runs"], res["targets"]
    cold, limit, pdf = (S.get(k) for k in ("cold_html", "limit", "pdf"))
    both = res["cold_html_pdf"]
    nochg, sentence, onenb = (S.get(k) for k in ("make_book_no_change", "one_sentence", "one_notebook"))
    data = R["data_edit"][0]
    nb = len(res["book_notebooks"])
    one_ok = all(len(x["executed"]) == 1 for x in R["one_notebook"])
    sx = R["one_sentence"]
    pw = res["page_weight"]
    heavy = pw["browser"][0]
    paras = [
        f"A cold build of the HTML edition, which executes all {nb} notebooks two at a time and then runs Sphinx, took "
        f"{_seconds(cold['median'])} ({_seconds(cold['cpu_median'])} of CPU time). The least work any tool could do for "
        f"the same pages, the limit, took {_seconds(limit['median'])}: the cold build costs "
        f"{_times(cold['median'] / limit['median'], TARGETS['cold_vs_limit'])} the limit on the clock and "
        f"{_times(cold['cpu_median'] / limit['cpu_median'])} in CPU time (target: no more than the limit). "
        f"The PDF took {_seconds(pdf['median'])} more, {_times(pdf['median'] / cold['median'])} the cold HTML build "
        f"(target: {_times(TARGETS['pdf_vs_cold'])}).",
        f"`make book` with nothing changed took {_seconds(nochg['median'])}, {_times(nochg['median'] / both['median'])} a "
        f"cold HTML and PDF build ({_seconds(both['median'])}; target: {_times(TARGETS['make_book_no_change'])}). After one "
        f"sentence of a chapter was edited it took {_seconds(sentence['median'])}, "
        f"{_times(sentence['median'] / both['median'], TARGETS['one_sentence'])} (target: {_times(TARGETS['one_sentence'])}), "
        f"re-executed {count(sum(len(x['executed']) for x in sx), 'notebook')}, and the edited word reached both editions in "
        f"{sum(bool(x['reached']['html_pages'] and x['reached']['pdf']) for x in sx)} of {len(sx)} runs.",
        f"After a comment was added to one notebook, the HTML rebuild took {_seconds(onenb['median'])} and "
        f"{'re-executed that notebook alone' if one_ok else 're-executed more than that notebook'} in each of "
        f"{len(R['one_notebook'])} runs. After one row of the data was edited, {len(data['executed'])} of {nb} notebooks "
        f"re-executed and {count(data['pages_read'], 'page')} read again; "
        f"{'no page kept the old text' if not data['stale'] else 'some pages kept the old text'}.",
        f"The heaviest page, {heavy['page']}, made Chromium fetch {kb(heavy['bytes'])}, fonts included (target: at most "
        f"{TARGETS['page_bytes'] / 1e6:g} MB; {kb(heavy['gzip_bytes'])} from a server that compresses text); the largest of "
        f"the {len(pw['figures'])} figure files is {kb(pw['figure_max_bytes'])}.",
    ]
    if S.get("scale_html"):
        paras.append(f"With a synthetic data package ten times the real one, the cold HTML build took "
                     f"{_seconds(S['scale_html']['median'])}, {_times(S['scale_html']['median'] / cold['median'])} the "
                     f"real one (target: {_times(TARGETS['scale'])}); the table under Scale shows how each phase grew.")
    if R.get("suite"):
        su = R["suite"][0]
        paras.append(f"The test suite took {su['pytest_seconds']} s of pytest on two workers (target: "
                     f"{TARGETS['test_seconds']:.0f} s): {', '.join(f'{v} {k}' for k, v in su['counts'].items())}.")
    met = sum(1 for t in T if t["met"] and t.get("met_cpu", True))
    paras.append(f"{met} of the {len(T)} targets are met; the table below gives each, and the sections after it say "
                 "why the others are missed and what would fix them.")
    return paras


def targets_table(res: dict) -> str:
    lines = ["| Target | Measured | Result |", "|---|---|---|"]
    for t in res["targets"]:
        measured = re_idioms(t["measured"])
        lines.append(f"| {TARGET_WORDS[t['key']]} | {measured} | {_verdict(t)} |")
    return "\n".join(lines)


def re_idioms(text: str) -> str:
    """The measured values as a reader reads them (no list brackets or "(s)")."""
    import re

    text = re.sub(r"\['([^']*)'\]", r"\1", text)
    text = re.sub(r"(\w)\(s\)", r"\1s", text)
    text = text.replace("{", "").replace("}", "").replace("'", "")
    return text


def timings_table(res: dict) -> str:
    S = res["summary"]
    lines = ["| Build | Wall clock (median) | Runs and range | CPU time (median) |", "|---|---:|---|---:|"]
    for key, label in ROWS:
        s = S.get(key)
        if s:
            lines.append(f"| {label} | {_seconds(s['median'])} | {_range(s)} | {_seconds(s['cpu_median'])} |")
    return "\n".join(lines)


def captioned(table: str, caption: str) -> str:
    """A table with its caption above it, in the Markdown any viewer renders (the console keeps the bare table)."""
    return f"{caption}\n\n{table}"


def report_md(res: dict) -> str:
    """benchmarks/results.md, linked from benchmarks/README.md: prose first, then tables a reader can scan."""
    parts = ["# Results of the last run", "",
             f"Measured on {res['generated']} by `make bench` on a machine with {res['machine']['nproc']} CPU cores; "
             "times are wall-clock medians unless marked as CPU time.", ""]
    parts += [p + "\n" for p in summary_prose(res)]
    parts += ["## Targets", "", captioned(targets_table(res), "Each target, what was measured, and whether it was met."),
              "", "## Timings", "", captioned(timings_table(res), "Build timings: median, range and CPU time of each step."), ""]
    missed = [t for t in res["targets"] if "why" in t]
    if missed:
        parts += ["## Why targets are missed", ""]
        for t in missed:
            parts += [f"### {TARGET_WORDS[t['key']]}", ""] + ([f"**Tried.** {t['tried']}", ""] if t.get("tried") else [])
            parts += [f"**Why.** {t['why']}", "", f"**What would fix it.** {t['fix']}", ""]
    if res.get("scale_growth"):
        parts += ["## Scale", "", "The synthetic package copies every record table that would grow with a longer source (events, "
                  "their actors and links, facts, deployments, indicators, discrepancies, and the people and "
                  "institutions among the actors) ten times over, with new identifiers and the same schema; the "
                  "states, organisations, places, Table 1, the periods and the sentence map stay as they are "
                  "(`tools/benchkit/synthetic.py` says why, table by table).", "",
                  captioned(growth_table(res), "How the cold HTML build grows with ten times the data."), "",
                  captioned(scale_rows_table(res), "Records in the real and in the synthetic data package."), ""]
    parts += ["## Page weight", "", captioned(weight_table(res["page_weight"]), "Size of the site, its heaviest page and the PDF."),
              "", "## Figure files", "",
              captioned(figure_table(res["page_weight"]), "Every figure file, its size and the pages that show it."),
              "", "## How the run was made", ""]
    parts += [f"{n}\n" for n in notes(res)]
    return "\n".join(parts).rstrip() + "\n"
