"""Validates the data package: Frictionless (schema, types, keys) plus the cross-file rules.

Every problem is reported as `file:row:column: rule: message`, where row is the line number in
the CSV (the header is line 1) and column the field name; whole-file problems use row 0.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from ca911.data.cross_file_rules import CROSS_FILE_RULES
from ca911.data.descriptor_words import missing_japanese
from ca911.data.problems import CrossFileCheck, Problem

ROOT = Path(__file__).resolve().parents[3]


def bibtex_keys(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return set(re.findall(r"@\w+\s*\{\s*([^,\s]+)\s*,", path.read_text(encoding="utf-8")))


def _read_raw(data_dir: Path, resource: dict) -> tuple[list[dict], list[Problem]]:
    """Byte-level checks the CSV reader would hide, then the rows as dicts keyed by column."""
    name = resource["path"]
    path = data_dir / name
    fields = [f["name"] for f in resource["schema"]["fields"]]
    if not path.is_file():
        return [], [
            Problem(
                name, 0, "-", "file-missing", "the file listed in datapackage.json does not exist"
            )
        ]
    raw = path.read_bytes()
    if not raw.strip():
        return [], [
            Problem(
                name, 0, "-", "empty-file", "the file is empty; it needs at least the header row"
            )
        ]
    if raw.startswith(b"\xef\xbb\xbf"):
        return [], [
            Problem(
                name,
                1,
                "-",
                "byte-order-mark",
                "the file starts with a UTF-8 BOM; save it as UTF-8 without BOM",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [], [
            Problem(
                name,
                line,
                "-",
                "encoding",
                f"byte {raw[exc.start]:#04x} at offset {exc.start} is not UTF-8",
            )
        ]
    problems = []
    if "\r" in text:
        problems.append(
            Problem(
                name,
                text[: text.index("\r")].count("\n") + 1,
                "-",
                "line-endings",
                "CR characters found; use LF line endings",
            )
        )
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")))
    try:
        rows = list(reader)
    except csv.Error as exc:  # e.g. a cell over the csv module's field-size limit
        return [], problems + [Problem(name, reader.line_num, "-", "csv-syntax", str(exc))]
    header = rows[0] if rows else []
    missing = [f for f in fields if f not in header]
    extra = [h for h in header if h not in fields]
    for f in missing:
        problems.append(
            Problem(
                name,
                1,
                f,
                "missing-column",
                f"column {f!r} required by the schema is not in the header",
            )
        )
    for h in extra:
        problems.append(
            Problem(name, 1, h or "(blank)", "extra-column", f"column {h!r} is not in the schema")
        )
    if not missing and not extra and header != fields:
        problems.append(
            Problem(
                name, 1, "-", "column-order", f"columns must be in schema order: {','.join(fields)}"
            )
        )
    if problems:
        return [], problems
    records = []
    for lineno, cells in enumerate(rows[1:], start=2):
        if not cells:
            continue
        if len(cells) != len(fields):
            problems.append(
                Problem(
                    name,
                    lineno,
                    "-",
                    "row-length",
                    f"{len(cells)} cells, the header has {len(fields)}",
                )
            )
            continue
        record = dict(zip(fields, cells))
        for col, value in record.items():
            if value != value.strip():
                problems.append(
                    Problem(
                        name,
                        lineno,
                        col,
                        "stray-whitespace",
                        f"{value!r} has leading or trailing whitespace",
                    )
                )
        record["_row"] = lineno
        records.append(record)
    return records, problems


def _frictionless_problems(data_dir: Path) -> list[Problem]:
    from frictionless import Package, system

    with system.use_context(trusted=True):
        report = Package(str(data_dir / "datapackage.json")).validate()
    problems = []
    for task in report.tasks:
        for err in task.errors:
            row = getattr(err, "row_number", None) or 0
            note = err.note or err.message
            col = getattr(err, "field_name", None) or next(
                iter(re.findall(r'for "([^"]+)"', note)), "-"
            )
            cell = getattr(err, "cell", None)
            if cell is not None and err.type in ("type-error", "constraint-error"):
                note = f"{cell!r}: {note}"
            problems.append(Problem(Path(task.place).name, row, col, err.type, note))
    for err in report.errors:
        problems.append(Problem("datapackage.json", 0, "-", err.type, err.message))
    return problems


def _cross_file_problems(
    tables: dict[str, list[dict]], bib: set[str], descriptor: dict
) -> list[Problem]:
    check = CrossFileCheck(tables, descriptor, bib)
    for rule in CROSS_FILE_RULES:
        rule(check)
    return check.problems


def validate_package(data_dir: str | Path, bib_path: str | Path | None = None) -> list[Problem]:
    """All problems of the package at `data_dir`, sorted by file and row; empty when valid."""
    data_dir = Path(data_dir)
    try:
        descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [Problem("datapackage.json", 0, "-", "descriptor", str(exc))]
    tables, problems = {}, []
    for resource in descriptor["resources"]:
        records, raw_problems = _read_raw(data_dir, resource)
        tables[resource["name"]] = records
        problems += raw_problems
    if problems:  # Frictionless would only repeat byte-level errors less clearly
        return sorted(set(problems))
    try:
        problems += _frictionless_problems(data_dir)
    except Exception as exc:  # a crash in the validator must still name the package
        problems.append(
            Problem("datapackage.json", 0, "-", "frictionless", f"{type(exc).__name__}: {exc}")
        )
    bib = bibtex_keys(Path(bib_path) if bib_path else data_dir.parent / "references.bib")
    problems += _cross_file_problems(tables, bib, descriptor)
    problems += missing_japanese(descriptor)
    return sorted(set(problems))
