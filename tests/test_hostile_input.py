"""Hostile input: mutated copies of the committed CSVs never make the validator raise.

Property: `validate_package` returns [] or a list of Problems, each naming a known file, a row >= 0
and a rule, whatever one CSV of data/ has been turned into (wrong types, swapped columns, truncated
rows, duplicate keys, unknown ids, odd Unicode, very long fields, CR/LF mixes, empty files, BOMs,
non-UTF-8 bytes, random byte edits). Each example mutates one file of a scratch copy of the package
and puts it back afterwards.

Frictionless costs about half a second per call (its per-file set-up, not the rows), so each kind of
mutation runs 40 examples with Frictionless replaced by a stub (every line of ca911's own byte-level
and cross-file code still runs), and one more test draws 20 mutations of any kind through the real
Frictionless. The file runs in well under a minute.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import ca911.data.validation as validation
from ca911.data.problems import Problem
from ca911.data.validation import validate_package
from support.project import ROOT, project_copy, serve

DESCRIPTOR = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["path"]: r for r in DESCRIPTOR["resources"]}
FILES = sorted(RESOURCES)
KNOWN_FILES = set(FILES) | {"datapackage.json"}
CSV_DEFAULT_FIELD_LIMIT = 128 * 1024  # the csv module's field-size limit in a fresh interpreter
PER_KIND = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
THROUGH_FRICTIONLESS = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --------------------------------------------------------------------------------------------------
# The scratch package, the property, and what a mutation promises


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    root = project_copy(tmp_path_factory.mktemp("hostile"), parts=("data", "references.bib"))
    assert validate_package(root / "data") == [], (
        "the committed package must be valid to start from"
    )
    return root / "data"


def original(name: str) -> bytes:
    return (ROOT / "data" / name).read_bytes()


@dataclass
class Mutation:
    name: str  # the CSV replaced
    content: bytes  # what it now holds
    rules: set[str] = field(default_factory=set)  # byte-level rules that must be reported
    invalid: bool = False  # some problem must be reported (by ca911's own checks)
    invalid_for_frictionless: bool = False  # some problem must be reported once Frictionless runs


@contextlib.contextmanager
def validator(real_frictionless: bool):
    """`python -m ca911 validate` reads the raw CSVs before it imports Frictionless, and importing
    Frictionless raises the csv module's field-size limit for the whole process; here it is already
    imported, so the raw reader gets a fresh interpreter's limit back. Without `real_frictionless`,
    Frictionless is a stub returning no problem."""
    real_read, real_frictionless_problems = validation._read_raw, validation._frictionless_problems

    def read_raw(*args, **kwargs):
        previous = csv.field_size_limit(CSV_DEFAULT_FIELD_LIMIT)
        try:
            return real_read(*args, **kwargs)
        finally:
            csv.field_size_limit(previous)

    validation._read_raw = read_raw
    if not real_frictionless:
        validation._frictionless_problems = lambda data_dir: []
    try:
        yield
    finally:
        validation._read_raw, validation._frictionless_problems = (
            real_read,
            real_frictionless_problems,
        )


def check(package: Path, m: Mutation, real_frictionless: bool) -> list[Problem]:
    path = package / m.name
    path.write_bytes(m.content)
    try:
        with validator(real_frictionless):
            problems = validate_package(package)
    finally:
        path.write_bytes(original(m.name))
    assert isinstance(problems, list)
    for p in problems:
        assert isinstance(p, Problem), p
        assert isinstance(p.file, str) and p.file in KNOWN_FILES, p
        assert isinstance(p.row, int) and not isinstance(p.row, bool) and p.row >= 0, p
        assert isinstance(p.rule, str) and p.rule.strip(), p
        assert isinstance(p.column, str) and isinstance(p.message, str), p
    found = {p.rule for p in problems}
    assert m.rules <= found, f"{m.name}: expected rules {sorted(m.rules)}, got {sorted(found)}"
    if m.invalid or (real_frictionless and m.invalid_for_frictionless):
        assert problems, f"{m.name}: the mutation passed validation"
    return problems


# --------------------------------------------------------------------------------------------------
# Helpers


def table(name: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(original(name).decode("utf-8"))))
    return rows[0], rows[1:]


def to_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def draw_file(data, among: list[str] = FILES) -> str:
    return data.draw(st.sampled_from(among), label="file")


def draw_cell(data, name: str) -> tuple[list[str], list[list[str]], int, int]:
    header, rows = table(name)
    assume(rows)
    i = data.draw(st.integers(0, len(rows) - 1), label="row")
    j = data.draw(st.integers(0, len(header) - 1), label="column")
    return header, rows, i, j


ODD_VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(
        [
            "",
            " ",
            "true",
            "false",
            "TRUE",
            "yes",
            "NaN",
            "null",
            "None",
            "-1",
            "1e309",
            "0x1F",
            "2001-02-30",
            "0000",
            "9999-99-99",
            "2001-9-1",
            "２００１",
            "٢٠٠١",
            "2001-13",
            "1,000",
            "ch3 §",
            "ch3 §1 ¶",
            '"',
            '""',
            ",",
            "a,b",
            "\n",
            "\\N",
        ]
    ),
)
ODD_UNICODE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            [
                "\x00",
                "\u200b",
                "\u200e",
                "\u202e",
                "\u2028",
                "\u2029",
                "\ufeff",
                "\u0301",
                "\ufffd",
                "\U0001f600",
                "\u3000",
                "Ａ",
                "ｶ",
                "\x85",
                "\x0b",
                "\x0c",
                "\x1e",
                "\ue000",
                "\r",
            ]
        ),
    ),
    min_size=1,
    max_size=40,
)


# --------------------------------------------------------------------------------------------------
# The mutations


def wrong_types(data) -> Mutation:
    name = draw_file(data)
    header, rows, i, j = draw_cell(data, name)
    rows[i][j] = data.draw(ODD_VALUES, label="value")
    return Mutation(name, to_bytes(header, rows))


def swapped_columns(data) -> Mutation:
    name = draw_file(data)
    header, rows = table(name)
    a, b = data.draw(
        st.lists(st.integers(0, len(header) - 1), min_size=2, max_size=2, unique=True),
        label="columns",
    )
    how = data.draw(st.sampled_from(["header", "whole columns", "values"]), label="how")
    if how in ("header", "whole columns"):
        header[a], header[b] = header[b], header[a]
    if how in ("whole columns", "values"):
        for r in rows:
            r[a], r[b] = r[b], r[a]
    return Mutation(
        name, to_bytes(header, rows), rules={"column-order"} if how != "values" else set()
    )


def truncated_rows(data) -> Mutation:
    name = draw_file(data)
    if data.draw(
        st.booleans(), label="cut the file's bytes"
    ):  # ends mid-row, mid-cell, mid-character
        raw = original(name)
        return Mutation(name, raw[: data.draw(st.integers(0, len(raw) - 1), label="cut at")])
    header, rows, i, _ = draw_cell(data, name)
    keep = data.draw(
        st.integers(1, len(header) - 1), label="cells kept"
    )  # 0 cells is a blank line, skipped
    rows[i] = rows[i][:keep]
    return Mutation(name, to_bytes(header, rows), rules={"row-length"})


def duplicate_keys(data) -> Mutation:
    name = draw_file(data)
    header, rows = table(name)
    assume(len(rows) >= 2)
    i, k = data.draw(
        st.lists(st.integers(0, len(rows) - 1), min_size=2, max_size=2, unique=True), label="rows"
    )
    if data.draw(st.booleans(), label="whole row"):
        rows.insert(k, list(rows[i]))
    else:
        for col in RESOURCES[name]["schema"]["primaryKey"]:
            rows[k][header.index(col)] = rows[i][header.index(col)]
    return Mutation(name, to_bytes(header, rows), invalid_for_frictionless=True)


FK_FILES = sorted(
    {n for n, r in RESOURCES.items() if r["schema"].get("foreignKeys")} | {"iraq_war_responses.csv"}
)


def unknown_ids(data) -> Mutation:
    name = draw_file(data, FK_FILES)
    header, rows = table(name)
    assume(rows)
    columns = [
        f
        for fk in RESOURCES[name]["schema"].get("foreignKeys", [])
        for f in (fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]])
    ]
    if name == "iraq_war_responses.csv":
        columns.append("event_ids")
    col = header.index(data.draw(st.sampled_from(columns), label="column"))
    i = data.draw(st.integers(0, len(rows) - 1), label="row")
    rows[i][col] = data.draw(
        st.one_of(st.from_regex(r"[a-z0-9-]{1,24}", fullmatch=True), ODD_UNICODE), label="id"
    )
    return Mutation(name, to_bytes(header, rows))


def odd_unicode(data) -> Mutation:
    name = draw_file(data)
    header, rows, i, j = draw_cell(data, name)
    text = data.draw(ODD_UNICODE, label="text")
    where = data.draw(st.sampled_from(["replace", "prepend", "append"]), label="where")
    rows[i][j] = {"replace": text, "prepend": text + rows[i][j], "append": rows[i][j] + text}[where]
    return Mutation(name, to_bytes(header, rows))


def very_long_fields(data) -> Mutation:
    name = draw_file(data)
    header, rows, i, j = draw_cell(data, name)
    length = data.draw(st.integers(10_000, 400_000), label="length")
    unit = data.draw(st.sampled_from(["x", "あ", "a b ", "\u200b", '""']), label="unit")
    rows[i][j] = (unit * (length // len(unit) + 1))[:length]
    return Mutation(name, to_bytes(header, rows))


def mixed_line_endings(data) -> Mutation:
    name = draw_file(data)
    rnd = data.draw(st.randoms(use_true_random=False), label="random")
    text = original(name).decode("utf-8")
    mixed = "".join(ch if ch != "\n" else rnd.choice(["\n", "\r\n", "\r", "\n\r"]) for ch in text)
    return Mutation(name, mixed.encode("utf-8"), rules={"line-endings"} if "\r" in mixed else set())


def empty_files(data) -> Mutation:
    name = draw_file(data)
    content = data.draw(
        st.sampled_from(
            [b"", b"\n", b"\r\n", b"   \n\n", b"\t", b"\xef\xbb\xbf", b",,,\n", b"\x00"]
        ),
        label="content",
    )
    return Mutation(
        name, content, rules={"empty-file"} if not content.strip() else set(), invalid=True
    )


def header_only(data) -> Mutation:
    name = draw_file(data)
    header_line = original(name).decode("utf-8").split("\n", 1)[0]
    newline = data.draw(st.sampled_from(["\n", ""]), label="newline")
    return Mutation(name, (header_line + newline).encode("utf-8"))


def byte_order_marks(data) -> Mutation:
    name = draw_file(data)
    raw = original(name)
    where = data.draw(st.sampled_from(["start", "middle", "utf-16", "utf-16-le"]), label="where")
    if where == "start":
        return Mutation(name, b"\xef\xbb\xbf" + raw, rules={"byte-order-mark"}, invalid=True)
    if where == "middle":
        at = data.draw(st.integers(0, len(raw)), label="at")
        return Mutation(name, raw[:at] + b"\xef\xbb\xbf" + raw[at:])
    return Mutation(name, raw.decode("utf-8").encode(where), invalid=True)


def non_utf8_bytes(data) -> Mutation:
    name = draw_file(data)
    raw = original(name)
    if data.draw(st.booleans(), label="insert bytes"):
        junk = data.draw(st.binary(min_size=1, max_size=8), label="bytes")
        at = data.draw(st.integers(0, len(raw)), label="at")
        content = raw[:at] + junk + raw[at:]
    else:
        codec = data.draw(
            st.sampled_from(["shift_jis", "euc_jp", "cp1252", "latin-1", "cp1251"]), label="codec"
        )
        content = raw.decode("utf-8").encode(codec, errors="replace")
    try:
        content.decode("utf-8")
        return Mutation(name, content)
    except UnicodeDecodeError:
        return Mutation(name, content, rules={"encoding"}, invalid=True)


def random_byte_edits(data) -> Mutation:
    name = draw_file(data)
    content = bytearray(original(name))
    edits = data.draw(
        st.lists(
            st.tuples(
                st.sampled_from(["insert", "delete", "replace"]),
                st.floats(0, 1),
                st.binary(min_size=1, max_size=4),
            ),
            min_size=1,
            max_size=6,
        ),
        label="edits",
    )
    for op, where, payload in edits:
        at = int(where * len(content))
        if op == "insert":
            content[at:at] = payload
        elif op == "delete":
            del content[at : at + len(payload)]
        else:
            content[at : at + len(payload)] = payload
    return Mutation(name, bytes(content))


MUTATIONS = {
    f.__name__: f
    for f in (
        wrong_types,
        swapped_columns,
        truncated_rows,
        duplicate_keys,
        unknown_ids,
        odd_unicode,
        very_long_fields,
        mixed_line_endings,
        empty_files,
        header_only,
        byte_order_marks,
        non_utf8_bytes,
        random_byte_edits,
    )
}


# --------------------------------------------------------------------------------------------------
# The tests


@pytest.mark.parametrize("kind", list(MUTATIONS))
@PER_KIND
@given(data=st.data())
def test_validator_never_raises(package, kind, data):
    check(package, MUTATIONS[kind](data), real_frictionless=False)


@THROUGH_FRICTIONLESS
@given(data=st.data())
def test_validator_never_raises_with_frictionless(package, data):
    kind = data.draw(st.sampled_from(list(MUTATIONS)), label="kind")
    check(package, MUTATIONS[kind](data), real_frictionless=True)


def test_command_line_reports_a_very_long_field_instead_of_crashing(tmp_path):
    """In a fresh interpreter, as `make book` runs `python -m ca911 validate`: a 200,000-character
    cell must give located problems or none, never a traceback."""
    project_copy(tmp_path, parts=("data", "references.bib"))
    header, rows = table("events.csv")
    rows[0][header.index("summary_en")] = "x" * 200_000
    (tmp_path / "data" / "events.csv").write_bytes(to_bytes(header, rows))
    proc = subprocess.run(
        [sys.executable, "-m", "ca911", "validate", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr[-1500:]
    assert proc.returncode in (0, 1), proc.stderr[-1500:]


# --------------------------------------------------------------------------------------------------
# Hostile text in a built book: data text is always rendered as text


HOSTILE = (
    '<img src=x onerror="window.__pwned=1;alert(1)"> <script>window.__pwned=2</script> '
    "[x](javascript:alert(1)) *stars* _under_ {ref}`x` <b id=injected>bold</b> &amp; a|b"
)
# name_en's marked parts are a |-list, so its payload carries its pipe as a broken bar (every other
# field keeps "a|b")
HOSTILE_NAME_EN = HOSTILE.replace("|", "¦")
TYPOGRAPHIC_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
NOT_TEXT_FIELDS = {
    "file",
    "bibtex_key",
    "year",
    "pages",
}  # read as paths and keys, not shown as text
ID_LISTS = {"actor_ids", "related_event_ids", "event_ids", "record_ids", "record_refs"}
# Parts of name_en marked as ours or external: substrings of the name, shown only inside it.
NAME_MARKS = {("actors.csv", "name_en_ours"), ("actors.csv", "name_en_external")}


def text_fields() -> dict[str, list[str]]:
    """Free-text fields of each resource: strings with no pattern, no codes, not keys nor id
    lists."""
    out = {}
    for name, res in RESOURCES.items():
        s = res["schema"]
        keys = set(s["primaryKey"] if isinstance(s["primaryKey"], list) else [s["primaryKey"]])
        keys |= {
            f
            for fk in s.get("foreignKeys", [])
            for f in (fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]])
        }
        out[name] = [
            f["name"]
            for f in s["fields"]
            if f["type"] == "string"
            and f["name"] not in keys | NOT_TEXT_FIELDS | ID_LISTS
            and not f.get("constraints", {}).get("pattern")
            and not f.get("constraints", {}).get("enum")
            and "categories" not in f
        ]
    return {n: f for n, f in out.items() if f}


def tag(name: str, field: str) -> str:
    return f"⟦{name.removesuffix('.csv')}.{field}⟧"


def hostile_copy(project: Path) -> dict[str, str]:
    """Every row of every free-text field gets a unique tag and the hostile payload appended; a
    field the validator ties to the chapters (checksums, quoted text) is put back. Returns {tag:
    payload}."""
    payloads = {}
    # Frictionless sniffs the delimiter; a payload repeated on every row (its ";" and "|") can win
    # over ","
    descriptor = json.loads((project / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for res in descriptor["resources"]:
        res["dialect"] = {"delimiter": ","}
    (project / "data" / "datapackage.json").write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    for name, fields in text_fields().items():
        header, rows = table(name)
        for column in fields:
            if (name, column) in NAME_MARKS:
                continue
            j = header.index(column)
            hostile = HOSTILE_NAME_EN if (name, column) == ("actors.csv", "name_en") else HOSTILE
            shown = f"{tag(name, column)} {hostile}"
            payloads[tag(name, column)] = (
                shown.replace("|", "、") if column == "name_ja_variants" else shown
            )  # a |-list, shown joined
            for r in rows:
                if j < len(r):
                    r[j] = f"{r[j]} {shown}".strip()
        if name == "actors.csv":
            # The validator traces every word of an English name to the chapters; the payload is
            # ours.
            ours = header.index("name_en_ours")
            for r in rows:
                r[ours] = "|".join(
                    p for p in (r[ours], f"{tag(name, 'name_en')} {HOSTILE_NAME_EN}") if p
                )
        (project / "data" / name).write_bytes(to_bytes(header, rows))
    for _ in range(5):
        problems = validate_package(project / "data")
        if not problems:
            return payloads
        for name, column in {(p.file, p.column) for p in problems}:
            if name in RESOURCES and tag(name, column) in payloads:
                del payloads[tag(name, column)]
                header, rows = table(name)
                current_header, current = table_from(project / "data" / name)
                j = header.index(column)
                for r, orig in zip(current, rows):
                    r[j] = orig[j]
                (project / "data" / name).write_bytes(to_bytes(current_header, current))
            else:
                raise AssertionError(
                    f"the hostile copy is invalid beyond its text fields: {problems[:5]}"
                )
    raise AssertionError(
        f"the hostile copy stays invalid: {validate_package(project / 'data')[:5]}"
    )


def table_from(path: Path) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    return rows[0], rows[1:]


# Fields the book must show somewhere (each appears on at least one page once rendered).
MUST_RENDER = {
    tag("events.csv", "summary_en"),
    tag("iraq_war_responses.csv", "text_ja"),
    tag("iraq_war_responses.csv", "text_en"),
    tag("actors.csv", "name_en"),
    tag("actors.csv", "name_ja"),
    tag("periods.csv", "label_en"),
    tag("discrepancies.csv", "reason"),
    tag("facts.csv", "summary_en"),
    tag("coverage_exclusions.csv", "reason"),
    tag("stances.csv", "note_en"),
    tag("aid.csv", "as_printed"),
}


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory):
    """A copy of the project whose data carry hostile text, built to HTML with the copy's own
    code."""
    # CA911_HOSTILE_PROJECT: another tree to copy (e.g. `git archive` of an older commit), to see
    # this check fail on it
    project = project_copy(
        tmp_path_factory.mktemp("hostile-book"),
        source=Path(os.environ.get("CA911_HOSTILE_PROJECT", ROOT)),
        skip=frozenset({"tests"}),
    )
    payloads = hostile_copy(project)
    from ca911.sources.reader import sources_dir

    env = {
        **os.environ,
        "PYTHONPATH": str(project / "src"),
        "CA911_DATA_DIR": str(project / "data"),
        "CA911_SOURCES": str(sources_dir()),
    }  # the copy sits outside the checkout, away from ../shared
    # The notebooks two at a time into the copy's cache first, as `make book` runs them (the other
    # worker is often idle by then), in English only: the copy is built in English; then Sphinx only
    # reads them.
    subprocess.run(
        [
            *(str(ROOT / ".venv/bin/python"), "-m", "ca911", "execute"),
            *("--root", str(project), "--lang", "en"),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    # No -W: a build that interprets the markup warns (unknown targets); the browser check below is
    # the verdict.
    proc = subprocess.run(
        [
            str(ROOT / ".venv/bin/jupyter-book"),
            "build",
            ".",
            "--builder",
            "html",
            "-n",
            "--keep-going",
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert (project / "_build" / "html" / "index.html").is_file(), (proc.stdout + proc.stderr)[
        -3000:
    ]
    return project / "_build" / "html", payloads


@pytest.mark.slow
def test_hostile_text_is_shown_literally_and_never_runs(hostile_book, browser):
    """Every page of the hostile copy in Chromium: no dialog, no script of ours ran, no element made
    from the payload, and every free-text field the book shows appears literally, markup and all."""
    html_dir, payloads = hostile_book
    pages = sorted(
        p.relative_to(html_dir).as_posix()
        for p in html_dir.rglob("*.html")
        if p.relative_to(html_dir).parts[0] not in ("_static", "_sources", "_images", "_downloads")
    )
    shown: dict[str, set[str]] = {}
    problems = []
    dialogs: list[str] = []
    with serve(html_dir) as origin:
        page = (
            browser.new_page()
        )  # one tab: each navigation starts a fresh window (window.__pwned unset)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in pages:
            dialogs.clear()
            page.goto(
                f"{origin}/{path}", wait_until="load"
            )  # module scripts (the tables) have run by then
            page.wait_for_timeout(100)
            found = page.evaluate("""() => ({
                pwned: window.__pwned || 0,
                injected: document.querySelectorAll('img[src="x"], a[href^="javascript:"], #injected').length,
                text: document.body.innerText.replace(/\\s+/g, " "),
            })""")  # noqa: E501 (a script or page given whole, as the browser or shell reads it)
            if dialogs or found["pwned"]:
                problems.append(f"{path}: script ran (dialogs {dialogs}, __pwned={found['pwned']})")
            if found["injected"]:
                problems.append(f"{path}: {found['injected']} element(s) made from data text")
            # Sphinx's smartquotes turns "…" into “…” in all text: typography, not markup, so quotes
            # compare equal
            text = found["text"].translate(TYPOGRAPHIC_QUOTES)
            for t, payload in payloads.items():
                if t in text:
                    shown.setdefault(t, set()).add(path)
                    if " ".join(payload.split()) not in text:
                        at = text.index(t)
                        problems.append(f"{path}: {t} not shown literally: {text[at : at + 160]!r}")
        page.close()
    assert not problems, "\n".join(sorted(set(problems))[:40])
    assert set(shown) >= MUST_RENDER, (
        f"fields the book should show but does not: {sorted(MUST_RENDER - set(shown))}"
    )


# --------------------------------------------------------------------------------------------------
# Hostile text in the Japanese edition's generated pages: its Japanese fields are text too

# Fields the Japanese pages must show: the Japanese fields they are written from (the discrepancy
# register's reading and reason among them) and the English names, declared English.
MUST_RENDER_JA = {
    tag("events.csv", "summary_ja"),
    tag("facts.csv", "summary_ja"),
    tag("actors.csv", "name_ja"),
    tag("actors.csv", "name_en"),
    tag("discrepancies.csv", "as_printed"),
    tag("discrepancies.csv", "reading_ja"),
    tag("discrepancies.csv", "reason_ja"),
}
# English fields whose Japanese counterpart the Japanese pages show instead.
NOT_RENDERED_JA = {
    tag("discrepancies.csv", "reading"),
    tag("discrepancies.csv", "reason"),
    tag("facts.csv", "summary_en"),
}


@pytest.fixture(scope="module")
def hostile_japanese_pages(tmp_path_factory):
    """The generated pages of the Japanese edition, from a copy of the data whose free-text fields
    (name_ja, summary_ja, … included) carry the hostile payload."""
    from support.generated_ja import build_japanese_pages

    work = tmp_path_factory.mktemp("hostile-japanese")
    project = project_copy(work, parts=("data", "references.bib"))
    payloads = hostile_copy(project)
    return build_japanese_pages(project / "data", work / "pages"), payloads


@pytest.mark.slow
def test_hostile_japanese_fields_are_shown_literally_in_the_japanese_pages(
    hostile_japanese_pages,
):
    """Every Japanese generated page: no element made from the payload, and each tagged field a
    page shows appears there literally, Markdown metacharacters and all; the fields the pages are
    written from are all shown, and an English field is not shown where its Japanese one is."""
    from bs4 import BeautifulSoup

    from support.rendered_text import visible_text

    pages_dir, payloads = hostile_japanese_pages
    shown: dict[str, set[str]] = {}
    problems = []
    for path in sorted(pages_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        injected = BeautifulSoup(html, "html.parser").select(
            'img[src="x"], a[href^="javascript:"], #injected, script:-soup-contains("__pwned")'
        )
        if injected:
            problems.append(f"{path.name}: {len(injected)} element(s) made from data text")
        text = " ".join(visible_text(html).split()).translate(TYPOGRAPHIC_QUOTES)
        for t, payload in payloads.items():
            if t in text:
                shown.setdefault(t, set()).add(path.name)
                if " ".join(payload.split()) not in text:
                    at = text[text.index(t) :][:160]
                    problems.append(f"{path.name}: {t} not shown literally: {at!r}")
    assert not problems, "\n".join(sorted(set(problems))[:40])
    assert set(shown) >= MUST_RENDER_JA, sorted(MUST_RENDER_JA - set(shown))
    assert not set(shown) & NOT_RENDERED_JA, {t: shown[t] for t in set(shown) & NOT_RENDERED_JA}
