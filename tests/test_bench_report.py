"""The benchmark report is read by people: benchmarks/results.md is prose and tables rendered from
benchmarks/results.json (never a build log), in the plain Markdown a repository viewer shows (it is not part
of the book), and it is the rendering of the committed measurements."""

from __future__ import annotations

import importlib.util
import json
import re

from conftest import ROOT

# Build-log idioms a reader should not meet: "<= 1.3 x", "1 page(s) re-read", "['notebooks/…md']".
LOG_IDIOMS = re.compile(r"<=|>=|\w\(s\)|\d x\b|\[['\"]")


def _bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "tools" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def log_idioms(text: str) -> list[str]:
    return [line for line in text.splitlines() if LOG_IDIOMS.search(line)]


def test_the_checker_knows_a_build_log_when_it_sees_one():
    assert log_idioms("| cold HTML <= 1.3 x the limit | 1.527 | **no** |")
    assert log_idioms("run 1: executed ['notebooks/chronology_1992_2004.md'], 1 page(s) re-read")
    assert not log_idioms("The cold build costs 1.53 times the limit (target: 1.3 times).")


def test_results_page_is_prose_rendered_from_the_measurements():
    res = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    rendered = _bench().report_md(res)
    assert (ROOT / "benchmarks" / "results.md").read_text(encoding="utf-8") == rendered, \
        "benchmarks/results.md is stale: run `.venv/bin/python tools/bench.py --render-only`"
    assert log_idioms(rendered) == []
    assert "times the limit" in rendered and "| Target | Measured | Result |" in rendered
    assert book_markup(rendered) == []


# MyST a repository viewer shows as text: a directive fence, a role, a target label.
BOOK_MARKUP = re.compile(r"^:::|^```\{|\{(?:ref|numref|doc|glue:text|table)\}|^\([a-z0-9-]+\)=$", re.M)


def book_markup(text: str) -> list[str]:
    return [m.group(0) for m in BOOK_MARKUP.finditer(text)]


def test_the_report_and_its_guide_are_plain_markdown():
    assert book_markup(":::{table} Each target.\n:name: tab-x\n\n| a |\n:::") != []
    assert book_markup("(methods-benchmark)=\n# How fast") != []
    guide = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")
    assert book_markup(guide) == [] and "results.md" in guide
    assert not (ROOT / "methods" / "benchmark.md").exists(), "the benchmark report is not a chapter of the book"


def test_why_and_fix_follow_the_largest_measured_phase():
    """The verdict is computed from the phases: move the PDF build's time from WeasyPrint to start-up and the
    explanation and the remedy follow (a fixed string would not)."""
    import copy

    bench = _bench()
    res = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    bench.analyse(res)
    pdf = next(t for t in res["targets"] if t["target"].startswith("PDF"))
    assert pdf["fix"] == bench.FIXES["weasyprint"] and "largest part is WeasyPrint" in pdf["why"]

    swapped = copy.deepcopy(res)
    for run in swapped["runs"]["pdf"]:
        run["phases"]["startup"], run["phases"]["weasyprint"] = run["phases"]["weasyprint"], run["phases"]["startup"]
    bench.analyse(swapped)
    pdf = next(t for t in swapped["targets"] if t["target"].startswith("PDF"))
    assert pdf["fix"] == bench.FIXES["startup"] and "largest part is start-up" in pdf["why"]
