"""Analysis: medians, ratios and, for each target, the verdict with why it was missed and what would fix it,
computed from the measured phases (the largest phase names the cause; FIXES holds the remedy for each phase)."""

from __future__ import annotations

import statistics

from benchkit.measure import FIGURE_LIMIT, TARGETS


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


