"""Validates the data package: Frictionless (schema, types, keys) plus the cross-file rules.

Every problem is reported as `file:row:column: rule: message`, where row is the line number in
the CSV (the header is line 1) and column the field name; whole-file problems use row 0.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ca911.data.dates import check_date
from ca911.data.locators import chapter_of
from ca911.data.schema import date_columns, list_fields, record_locators, split_list

PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}
ROOT = Path(__file__).resolve().parents[3]


# --- tracing the parts of an English name to what the chapters print ---------------------------------
_KANA = dict(
    zip(
        "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノハヒフヘホバビブベボパピプペポマミムメモヤユヨラリルレロワヲンヴァィゥェォャュョ",
        [
            "a",
            "i",
            "u",
            "e",
            "o",
            "ka",
            "ki",
            "ku",
            "ke",
            "ko",
            "ga",
            "gi",
            "gu",
            "ge",
            "go",
            "sa",
            "shi",
            "su",
            "se",
            "so",
            "za",
            "ji",
            "zu",
            "ze",
            "zo",
            "ta",
            "chi",
            "tsu",
            "te",
            "to",
            "da",
            "ji",
            "zu",
            "de",
            "do",
            "na",
            "ni",
            "nu",
            "ne",
            "no",
            "ha",
            "hi",
            "fu",
            "he",
            "ho",
            "ba",
            "bi",
            "bu",
            "be",
            "bo",
            "pa",
            "pi",
            "pu",
            "pe",
            "po",
            "ma",
            "mi",
            "mu",
            "me",
            "mo",
            "ya",
            "yu",
            "yo",
            "ra",
            "ri",
            "ru",
            "re",
            "ro",
            "wa",
            "o",
            "n",
            "vu",
            "a",
            "i",
            "u",
            "e",
            "o",
            "ya",
            "yu",
            "yo",
        ],
    )
)
_SOUND_CLASSES = (
    ("shch", "s"),
    ("dzh", "z"),
    ("sh", "s"),
    ("ch", "t"),
    ("ts", "t"),
    ("zh", "z"),
    ("kh", "f"),
    ("dz", "z"),
    ("ph", "f"),
    ("j", "z"),
    ("v", "b"),
    ("w", "b"),
    ("f", "b"),
    ("l", "r"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("gh", ""),
    ("ng", "n"),
    ("ge", "ze"),
    ("gi", "zi"),
    ("z", "s"),
    ("y", ""),
    ("h", ""),
)
LATIN_WORD = re.compile(r"[A-Za-z]+")
KATAKANA_WORD = re.compile(r"[\u30a1-\u30fa\u30fc]+")
KANJI = re.compile(r"[\u3400-\u9fff]")


def consonant_skeleton(latin: str) -> str:
    """The consonants of a romanised word in broad sound classes (how a katakana name and its romanisation
    can be compared: vowels, h and y dropped, v/w/f/b merged, l = r, doubled letters once)."""
    s = latin.lower()
    for a, b in _SOUND_CLASSES:
        s = s.replace(a, b)
    s = re.sub(r"[aeiou]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def kana_skeleton(word: str) -> str:
    return consonant_skeleton(kana_romaji(word))


def kana_romaji(word: str) -> str:
    return "".join(_KANA.get(ch, "") for ch in word)


def spoken_form(latin: str) -> str:
    """A romanised word with its vowels, in the same sound classes, without the u or o katakana adds after a
    consonant (Nazarbayev and ナザルバエフ agree; Kamilov and コミロフ do not)."""
    s = latin.lower()
    for a, b in _SOUND_CLASSES:
        s = s.replace(a, b)
    s = re.sub(r"(?<=[^aeiou])[uo](?=[^aeiou]|$)", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def _distance(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def untraced_name_parts(name_en: str, printed: list[str], marked: list[str]) -> list[str]:
    """Words of `name_en` that the printed forms of the name do not account for.

    `printed` are the forms the chapters print (Japanese, with any Latin they print with it); `marked` are
    the parts declared as ours (translations, qualifiers) or as external. A word is traced when it is one of
    the Latin words printed for the name, or when it romanises a katakana word of the printed forms (broadly
    when the chapters print no Latin word like it; vowel for vowel when they do). A word the chapters print
    differently in Latin and that does not romanise their katakana either (a Komilov, コミロフ, recorded as
    Kamilov) is untraced."""
    rest = name_en
    for part in sorted((m for m in marked if m), key=len, reverse=True):
        rest = rest.replace(part, " ")
    latin = {w.lower() for form in printed for w in LATIN_WORD.findall(form)}
    kana = {kana_skeleton(w) for form in printed for w in KATAKANA_WORD.findall(form)}
    spoken = {spoken_form(kana_romaji(w)) for form in printed for w in KATAKANA_WORD.findall(form)}
    out = []
    for word in LATIN_WORD.findall(rest):
        if word.lower() in latin:
            continue
        skeleton = consonant_skeleton(word)
        if any(
            consonant_skeleton(w) == skeleton for w in latin
        ):  # printed in Latin, spelt otherwise
            if spoken_form(word) in spoken:  # still a faithful romanisation of the printed katakana
                continue
        elif skeleton and any(
            skeleton in k or _distance(skeleton, k) <= max(1, len(skeleton) // 3) for k in kana
        ):
            continue
        out.append(word)
    return out


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int
    column: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.rule}: {self.message}"


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
    problems: list[Problem] = []

    def add(table: str, rec: dict, col: str, rule: str, msg: str) -> None:
        problems.append(Problem(f"{table}.csv", rec["_row"], col, rule, msg))

    lists = list_fields(descriptor)

    def items(table: str, rec: dict, col: str) -> list[str]:
        return split_list(rec.get(col, ""), lists[table][col])

    for table, cols in date_columns(descriptor, strings_only=True).items():
        for rec in tables.get(table, []):
            for col in cols:
                if rec.get(col) and (why := check_date(rec[col])):
                    add(table, rec, col, "impossible-date", why)
    for rec in tables.get("events", []):
        date, end = rec["date"], rec["date_end"]
        if date and not check_date(date):
            expected = PRECISION_BY_LENGTH.get(len(date))
            if rec["date_precision"] and rec["date_precision"] != expected:
                add(
                    "events",
                    rec,
                    "date_precision",
                    "precision-mismatch",
                    f"date {date!r} has {expected} precision, not {rec['date_precision']!r}",
                )
            if end and not check_date(end) and end < date[: len(end)]:
                add(
                    "events",
                    rec,
                    "date_end",
                    "end-before-start",
                    f"date_end {end!r} is before date {date!r}",
                )
    for table, start, end in (("memberships", "start", "end"), ("periods", "start", "end")):
        for rec in tables.get(table, []):
            if rec.get(end) and rec[end] < rec[start][: len(rec[end])]:
                add(
                    table,
                    rec,
                    end,
                    "end-before-start",
                    f"{end} {rec[end]!r} is before {start} {rec[start]!r}",
                )
    with_actor = {r["event_id"] for r in tables.get("event_actors", [])}
    for rec in tables.get("events", []):
        if rec["event_id"] and rec["event_id"] not in with_actor:
            add(
                "events",
                rec,
                "event_id",
                "event-without-actor",
                f"event {rec['event_id']!r} has no row in event_actors.csv",
            )
    events = {r["event_id"] for r in tables.get("events", [])}
    for table, col in (("stances", "event_id"), ("deployments", "event_id")):
        for rec in tables.get(table, []):
            if rec.get(col) and rec[col] not in events:
                add(
                    table,
                    rec,
                    col,
                    "unknown-event",
                    f"{rec[col]!r} is not an event_id in events.csv",
                )
    for rec in tables.get("iraq_war_responses", []):
        for eid in items("iraq_war_responses", rec, "event_ids"):
            if eid not in events:
                add(
                    "iraq_war_responses",
                    rec,
                    "event_ids",
                    "unknown-event",
                    f"{eid!r} is not an event_id in events.csv",
                )
    actors = {r["actor_id"] for r in tables.get("actors", [])}
    for rec in tables.get("facts", []):
        for col, known, what in (
            ("actor_ids", actors, "an actor_id in actors.csv"),
            ("related_event_ids", events, "an event_id in events.csv"),
        ):
            for ref in items("facts", rec, col):
                if ref not in known:
                    add(
                        "facts",
                        rec,
                        col,
                        "unknown-actor" if col == "actor_ids" else "unknown-event",
                        f"{ref!r} is not {what}",
                    )
    refs = record_locators(tables, descriptor)
    for table, col in (("sentences", "record_refs"), ("discrepancies", "record_ids")):
        for rec in tables.get(table, []):
            for ref in items(table, rec, col):
                if ref not in refs:
                    add(
                        table,
                        rec,
                        col,
                        "unknown-record",
                        f"{ref!r} names no record (form `<resource>:<primary key>`, composite keys joined by `/`)",
                    )
    for rec in tables.get("sentences", []):
        listed = items("sentences", rec, "record_refs")
        if rec["content"] in ("fact", "restatement") and not listed:
            add(
                "sentences",
                rec,
                "record_refs",
                "fact-without-record",
                f"a {rec['content']} sentence must name the records that hold it",
            )
        if rec["content"] in ("analysis", "signpost") and listed:
            add(
                "sentences",
                rec,
                "record_refs",
                "records-on-non-fact",
                f"an {rec['content']} sentence states no fact; name no records or mark it `fact`",
            )
        loc = rec["locator"]
        if loc and rec["source_id"] and chapter_of(loc) != rec["source_id"]:
            add(
                "sentences",
                rec,
                "locator",
                "locator-chapter",
                f"{loc!r} is not in {rec['source_id']}",
            )
    for rec in tables.get("sources", []):
        if rec["bibtex_key"] and rec["bibtex_key"] not in bib:
            add(
                "sources",
                rec,
                "bibtex_key",
                "unknown-bibtex-key",
                f"{rec['bibtex_key']!r} is not a key in references.bib",
            )
    for rec in tables.get("actors", []):
        printed = [rec["name_ja"], *items("actors", rec, "name_ja_variants")]
        for field in ("name_en_ours", "name_en_external"):
            for part in items("actors", rec, field):
                if part not in rec["name_en"]:
                    add(
                        "actors",
                        rec,
                        field,
                        "marked-part-not-in-name",
                        f"{part!r} is not part of name_en {rec['name_en']!r}",
                    )
        marked = items("actors", rec, "name_en_ours") + items("actors", rec, "name_en_external")
        if untraced := untraced_name_parts(rec["name_en"], printed, marked):
            add(
                "actors",
                rec,
                "name_en",
                "name-part-untraced",
                f"{', '.join(map(repr, untraced))} of {rec['name_en']!r} is neither printed ({' / '.join(p for p in printed if p)}) "
                "nor marked as ours (name_en_ours) or external (name_en_external)",
            )
    kinds = {r["actor_id"]: r["kind"] for r in tables.get("actors", [])}
    for rec in tables.get("places", []):  # coordinates from outside the chapters, for the map
        if rec["place_id"] not in kinds:
            add(
                "places",
                rec,
                "place_id",
                "unknown-actor",
                f"{rec['place_id']!r} is not an actor_id in actors.csv",
            )
        elif kinds[rec["place_id"]] not in ("facility", "place"):
            add(
                "places",
                rec,
                "place_id",
                "not-a-place",
                f"{rec['place_id']!r} is a {kinds[rec['place_id']]}, not a facility or place",
            )
        if rec["capital_of"] and kinds.get(rec["capital_of"]) != "state":
            add(
                "places",
                rec,
                "capital_of",
                "not-a-state",
                f"{rec['capital_of']!r} is not a state in actors.csv",
            )
        if not rec["reference"].strip():
            add(
                "places",
                rec,
                "reference",
                "coordinates-without-reference",
                "every coordinate needs the public reference it comes from",
            )
    # a joining or leaving told as an event is the same fact as a membership's start or end: one date for both
    roles = {}
    for r in tables.get("event_actors", []):
        roles.setdefault(r["event_id"], {}).setdefault(r["role"], []).append(r["actor_id"])
    memberships = tables.get("memberships", [])
    for rec in tables.get("events", []):
        column = {"accession": "start", "withdrawal": "end"}.get(rec["event_type"])
        if not column:
            continue
        for member in roles.get(rec["event_id"], {}).get("initiator", []):
            for org in roles.get(rec["event_id"], {}).get("target", []):
                rows = [
                    m
                    for m in memberships
                    if m["member_id"] == member
                    and m["org_id"] == org
                    and m["source_id"] == rec["source_id"]
                ]
                if not any(
                    m[column] == rec["date"] and (column == "end" or m["start_basis"] == "joined")
                    for m in rows
                ):
                    add(
                        "events",
                        rec,
                        "date",
                        "membership-event-mismatch",
                        f"{member} {'joins' if column == 'start' else 'leaves'} {org} on {rec['date']!r}, but no {rec['source_id']} membership row"
                        f" has that {column}"
                        + (" with start_basis joined" if column == "start" else ""),
                    )
    event_dates = {r["event_id"]: (r["date"], r["approximate"]) for r in tables.get("events", [])}
    for rec in tables.get("stances", []):
        # a stance is what its evidence event shows, so it is dated as that event is, with the same care
        if rec["event_id"] in event_dates:
            date, approximate = event_dates[rec["event_id"]]
            if rec["date"] != date:
                add(
                    "stances",
                    rec,
                    "date",
                    "stance-date-not-event-date",
                    f"{rec['date']!r} is not the date {date!r} of its evidence event",
                )
            if rec.get("approximate", approximate).lower() != approximate.lower():
                add(
                    "stances",
                    rec,
                    "approximate",
                    "stance-approximate-not-event",
                    f"approximate={rec.get('approximate')!r}, its evidence event has {approximate!r}",
                )
        if rec["stance"] == "not_stated":
            add(
                "stances",
                rec,
                "stance",
                "stored-carry-forward",
                "`not_stated` is only computed by carry-forward, never stored",
            )
    return problems


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
    return sorted(set(problems))
