"""Date coverage: every date expression of a chapter maps to a record or to a reviewed exclusion.

Expressions are found in reading order; a bare day (「５日」) or month takes its year and month from
the expressions before it. An expression maps when a record whose locator covers the passage
carries a date that agrees with it (one is a prefix of the other, or it falls inside the record's
range). 「9.11」 names the attacks of 11 September 2001, so it maps to any record of the chapter
dated that day.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ca911.data.locators import parse_locator
from ca911.data.named_dates import NINE_ELEVEN
from ca911.sources.reader import read_chapter

_D = r"[0-9０-９]"
_S = r"\s*"
PATTERNS = [  # longest forms first; each match consumes its text
    ("month_day_range", rf"({_D}{{1,2}}){_S}月{_S}({_D}{{1,2}}){_S}[～~〜]{_S}({_D}{{1,2}}){_S}日"),
    ("day_range", rf"(?<![0-9０-９月])({_D}{{1,2}}){_S}日{_S}から{_S}({_D}{{1,2}}){_S}日"),
    (
        "full",
        rf"((?:19|20){_D}{{2}}|(?<![0-9０-９])9{_D}){_S}年{_S}({_D}{{1,2}}){_S}月{_S}({_D}{{1,2}}){_S}日",
    ),
    (
        "year_month",
        rf"((?:19|20){_D}{{2}}|(?<![0-9０-９])9{_D}){_S}年{_S}の?{_S}({_D}{{1,2}}){_S}月",
    ),
    ("decade", rf"((?:19|20){_D}{{2}}){_S}年代"),
    ("year_range", rf"((?:19|20){_D}{{2}}){_S}[～~〜]{_S}((?:19|20)?{_D}{{2}}){_S}年"),
    ("month_day", rf"(?<![0-9０-９])({_D}{{1,2}}){_S}月{_S}({_D}{{1,2}}){_S}日"),
    ("year", rf"((?:19|20){_D}{{2}}|(?<![0-9０-９.])9{_D}){_S}年(?!間|以上|余|代)"),
    ("month", rf"(?<![0-9０-９～~])({_D}{{1,2}}){_S}月(?![0-9０-９])"),
    ("day", rf"(?<![0-9０-９月～~.])({_D}{{1,2}}){_S}日(?!間)"),
    ("nine_eleven", r"9\s*\.\s*11"),
]
_COMBINED = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in PATTERNS))


def _num(s: str) -> int:
    return int(unicodedata.normalize("NFKC", s))


def _year(s: str) -> int:
    y = _num(s)
    return y + 1900 if y < 100 else y


@dataclass
class Expression:
    chapter: str
    locator: str
    expression: str
    kind: str
    resolved: str  # partial ISO date, or "start/end" for ranges
    records: list[str] = field(default_factory=list)
    exclusion: str = ""

    @property
    def status(self) -> str:
        return "mapped" if self.records else ("excluded" if self.exclusion else "unmapped")


def find_expressions(chapter_id: str) -> list[Expression]:
    chapter = read_chapter(chapter_id)
    year, month = None, None
    found = []
    for passage in chapter.passages.values():
        for m in _COMBINED.finditer(passage.text):
            kind = m.lastgroup
            groups = [g for g in m.groups()[m.re.groupindex[kind] :] if g is not None]
            if (
                kind == "nine_eleven"
            ):  # also sets the context: the chapters' "after 9.11" is autumn 2001
                year, month = 2001, 9
                resolved = NINE_ELEVEN
            elif kind == "year_range":
                y0 = _year(groups[0])
                y1 = _num(groups[1]) + (y0 // 100 * 100 if len(groups[1].strip()) == 2 else 0)
                year, month = y1, None
                resolved = f"{y0}/{y1}"
            elif kind == "full":
                year, month = _year(groups[0]), _num(groups[1])
                resolved = f"{year}-{month:02d}-{_num(groups[2]):02d}"
            elif kind == "year_month":
                year, month = _year(groups[0]), _num(groups[1])
                resolved = f"{year}-{month:02d}"
            elif kind == "decade":
                resolved = f"{_num(groups[0])}"
            elif kind == "year":
                year, month = _year(groups[0]), None
                resolved = f"{year}"
            elif kind == "month":
                month = _num(groups[0])
                resolved = f"{year}-{month:02d}"
            elif kind == "month_day":
                month = _num(groups[0])
                resolved = f"{year}-{month:02d}-{_num(groups[1]):02d}"
            elif kind == "month_day_range":
                month = _num(groups[0])
                resolved = (
                    f"{year}-{month:02d}-{_num(groups[1]):02d}/"
                    f"{year}-{month:02d}-{_num(groups[2]):02d}"
                )
            elif kind == "day_range":
                resolved = (
                    f"{year}-{month:02d}-{_num(groups[0]):02d}/"
                    f"{year}-{month:02d}-{_num(groups[1]):02d}"
                )
            else:  # day
                resolved = (
                    f"{year}-{month:02d}-{_num(groups[0]):02d}"
                    if month
                    else f"{year}-??-{_num(groups[0]):02d}"
                )
            found.append(Expression(chapter_id, passage.locator, m.group(0), kind, resolved))
    return found


def covers(record_locator: str, passage_locator: str) -> bool:
    """Whether a record's locator points at (or spans) the passage of an expression."""
    try:
        r, p = parse_locator(record_locator), parse_locator(passage_locator)
    except ValueError:
        return False
    if (r["chapter"], r["section"]) != (p["chapter"], p["section"]):
        return False
    if p["para"]:
        return bool(r["para"]) and int(r["para"]) <= int(p["para"]) <= int(
            r["para_end"] or r["para"]
        )
    if p["row"]:
        return (r["row"], r["col"]) == (p["row"], p["col"])
    return r["special"] == p["special"]


def _agrees(expr: str, start: str, end: str = "") -> bool:
    if not start:
        return False
    lo, _, hi = expr.partition("/")
    if start.startswith(lo) or lo.startswith(start):
        return True
    if end and start[: len(lo)] <= lo <= end[: len(lo)] + "~":
        return True
    return bool(hi) and bool(start.startswith(hi) or (end and end.startswith(hi)))


def record_dates(data) -> pd.DataFrame:
    """One row per (record, date) across every dated table: the record's reference
    (`<resource>:<key>`), its locator, and the date with the end of its span; an end date is also a
    row of its own."""
    from ca911.data.refs import format_ref
    from ca911.data.schema import date_columns, primary_key

    locators = package_record_locators(data)
    frames = []
    for name, cols in date_columns(data.descriptor).items():
        df = data[name]
        if df.empty:
            continue
        key = primary_key(data.descriptor, name)
        refs = pd.Series(
            [format_ref(name, rec, key) for rec in df[key].astype(str).to_dict("records")],
            index=df.index,
        )
        locs = refs.map(locators).fillna("")
        start, end = cols[0], (cols[1] if len(cols) > 1 else None)
        frames.append(
            pd.DataFrame(
                {
                    "record": refs,
                    "locator": locs,
                    "start": df[start].astype(str),
                    "end": df[end].astype(str) if end else "",
                }
            )
        )
        if end:  # an end date is a date of its own
            frames.append(
                pd.DataFrame(
                    {"record": refs, "locator": locs, "start": df[end].astype(str), "end": ""}
                )
            )
    return (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["record", "locator", "start", "end"])
    )


@dataclass
class CoverageReport:
    chapter: str
    expressions: list[Expression]
    stale_exclusions: list[str]

    @property
    def complete(self) -> bool:
        return not self.stale_exclusions and all(e.status != "unmapped" for e in self.expressions)

    def counts(self) -> dict[str, int]:
        out = {"mapped": 0, "excluded": 0, "unmapped": 0}
        for e in self.expressions:
            out[e.status] += 1
        return out

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [
                {
                    "locator": e.locator,
                    "expression": e.expression,
                    "kind": e.kind,
                    "resolved": e.resolved,
                    "status": e.status,
                    "records": " ".join(e.records),
                    "exclusion": e.exclusion,
                }
                for e in self.expressions
            ]
        )


def committed_expressions(chapter_id: str, data) -> list[Expression]:
    """The chapter's date expressions as committed in `date_expressions.csv` (written by
    `derive`)."""
    rows = data["date_expressions"]
    rows = rows[rows["source_id"] == chapter_id].sort_values("expression_no")
    return [
        Expression(chapter_id, r.locator, r.expression, r.kind, r.resolved)
        for r in rows.itertuples()
    ]


def coverage_report(
    chapter_id: str, data_dir: str | Path | None = None, data=None, from_text: bool = False
) -> CoverageReport:
    """Match each date expression to records or exclusions. The expressions come from the committed
    derived file, so the report needs no chapter; `from_text=True` reads them from the chapter
    instead."""
    from ca911.data.package import load

    if data is None:
        data = load(data_dir, validate=False)
    dates = record_dates(data)
    dates = dates[dates["locator"].astype(str).str.startswith(chapter_id + " ")]
    excl = data["coverage_exclusions"]
    excl = excl[excl["chapter"] == chapter_id]
    exclusions = {(r.locator, r.expression): r.reason for r in excl.itertuples()}
    used = set()
    expressions = (
        find_expressions(chapter_id) if from_text else committed_expressions(chapter_id, data)
    )
    for e in expressions:
        if e.kind == "nine_eleven":
            e.records = sorted(set(dates.loc[dates["start"] == NINE_ELEVEN, "record"]))[:1]
        else:
            hit = dates[
                [
                    covers(loc, e.locator) and _agrees(e.resolved, s, en)
                    for loc, s, en in zip(dates["locator"], dates["start"], dates["end"])
                ]
            ]
            e.records = sorted(set(hit["record"]))
        if (e.locator, e.expression) in exclusions:
            used.add((e.locator, e.expression))
            if not e.records:
                e.exclusion = exclusions[(e.locator, e.expression)]
    stale = [f"{loc} {expr!r}" for (loc, expr) in exclusions if (loc, expr) not in used]
    return CoverageReport(chapter_id, expressions, stale)


def format_report(report: CoverageReport) -> str:
    c = report.counts()
    total = sum(c.values())
    pct = 100.0 * (c["mapped"] + c["excluded"]) / total if total else 100.0
    lines = [
        f"{report.chapter}: {total} date expressions — {c['mapped']} mapped, {c['excluded']} "
        "excluded, "
        f"{c['unmapped']} unmapped ({pct:.1f}% covered)"
    ]
    for e in report.expressions:
        if e.status == "unmapped":
            lines.append(f"  UNMAPPED  {e.locator}  {e.expression!r}  (read as {e.resolved})")
    for s in report.stale_exclusions:
        lines.append(f"  STALE EXCLUSION (matches no expression)  {s}")
    return "\n".join(lines)


def summary_frame(reports: dict) -> pd.DataFrame:
    """Per chapter, the report's counts, the total and the share accounted for (neither unmapped nor
    a problem).

    Works for date reports (mapped/excluded/unmapped) and sentence reports (fact/…/problem)
    alike."""
    rows = []
    for ch, rep in reports.items():
        c = rep.counts()
        total = sum(c.values())
        open_ = c.get("unmapped", 0) + c.get("problem", 0)
        rows.append(
            {
                "chapter": ch,
                **c,
                "total": total,
                "covered %": round(100.0 * (total - open_) / total, 1) if total else 100.0,
            }
        )
    return pd.DataFrame(rows).set_index("chapter")


# --- The record locators the date and sentence checks share --------------------------------------


def package_record_locators(data) -> dict[str, str]:
    """`<resource>:<primary key>` → locator for every referable record of a loaded package
    (validation's mapping)."""
    from ca911.data.schema import REFERABLE, record_locators

    return record_locators(
        {name: data[name].astype(str).to_dict("records") for name in REFERABLE}, data.descriptor
    )
