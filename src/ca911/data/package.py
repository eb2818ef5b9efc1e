"""Loads the data package: one call validates it and returns pandas DataFrames.

Partial dates stay as printed (`"1999"`, `"2001-09"`, `"2001-09-24"`); the loader adds, for each
date column `x`, the interval the date covers: `x_lo` (first day) and `x_hi` (last day), so a year
is never silently read as 1 January.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ca911.data import dates
from ca911.data.schema import date_columns, list_fields, split_list

DATA_DIR = Path(__file__).resolve().parents[3] / "data"


def default_data_dir() -> Path:
    """`$CA911_DATA_DIR`, else the nearest `data/datapackage.json` above the working directory
    (so a copy of the project reads its own data), else the checkout this package lives in."""
    if os.environ.get("CA911_DATA_DIR"):
        return Path(os.environ["CA911_DATA_DIR"])
    for folder in [Path.cwd(), *Path.cwd().parents]:
        if (folder / "data" / "datapackage.json").is_file():
            return folder / "data"
    return DATA_DIR


class DataPackageError(ValueError):
    """The package failed validation; `problems` holds every located problem."""

    def __init__(self, problems):
        self.problems = problems
        lines = "\n".join(str(p) for p in problems[:20])
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"the data package has {len(problems)} problem(s):\n{lines}{more}")


def package_hash(data_dir: str | Path | None = None) -> str:
    """SHA-256 over the descriptor and every resource file, in descriptor order."""
    data_dir = Path(data_dir or default_data_dir())
    digest = hashlib.sha256()
    descriptor = (data_dir / "datapackage.json").read_bytes()
    digest.update(descriptor)
    for res in json.loads(descriptor)["resources"]:
        path = data_dir / res["path"]
        digest.update(res["path"].encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
    return digest.hexdigest()


@dataclass
class DataPackage:
    """The validated tables, as attributes (`pkg.events`) and by name (`pkg["events"]`)."""

    tables: dict[str, pd.DataFrame]
    descriptor: dict
    sha256: str

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self.__dict__["tables"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def field(self, resource: str, name: str) -> dict:
        res = next(r for r in self.descriptor["resources"] if r["name"] == resource)
        return next(f for f in res["schema"]["fields"] if f["name"] == name)

    def labels(self, resource: str, name: str, lang: str = "en") -> dict[str, str]:
        """Code → meaning for an enum field, in the codebook's order, in `lang` (`label_ja` for
        Japanese)."""
        from ca911.data.descriptor_words import text_of

        return {
            c["value"]: text_of(c, "label", lang)
            for c in self.field(resource, name).get("categories", [])
        }

    def actor_name(self, actor_id: str, lang: str = "en") -> str:
        row = self.actors.set_index("actor_id").loc[actor_id]
        return row[f"name_{lang}"]


def _typed(descriptor_fields: list[dict], frame: pd.DataFrame) -> pd.DataFrame:
    for f in descriptor_fields:
        col = f["name"]
        if f["type"] == "integer":
            frame[col] = pd.to_numeric(frame[col]).astype("Int64")
        elif f["type"] == "number":
            frame[col] = pd.to_numeric(frame[col]).astype("Float64")
        elif f["type"] == "boolean":
            frame[col] = frame[col].map({"true": True, "false": False}).astype("boolean")
        elif "categories" in f:
            values = [c["value"] for c in f["categories"]]
            frame[col] = pd.Categorical(
                frame[col].replace("", None),
                categories=values,
                ordered=bool(f.get("categoriesOrdered")),
            )
    return frame


def _validation_stamp(data_dir: Path) -> Path:
    """Where a successful validation of exactly these files, with this validator, is remembered: a
    build validates once, and each notebook's `load()` finds the stamp instead of validating
    again."""
    from ca911.data import schema, validation

    digest = hashlib.sha256(package_hash(data_dir).encode())
    bib = data_dir.parent / "references.bib"
    digest.update(bib.read_bytes() if bib.is_file() else b"")
    for module in (validation, schema):
        digest.update(Path(module.__file__).read_bytes())
    return data_dir.parent / "_build" / ".validated" / digest.hexdigest()


def remember_valid(data_dir: Path) -> None:
    stamp = _validation_stamp(data_dir)
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()
    except OSError:  # a read-only checkout validates every time instead
        pass


EXTERNAL_BRACKETS = {"en": ("[", "]"), "ja": ("［", "］")}


def shown_name(name: str, external: list[str], lang: str = "en") -> str:
    """The English name as the book prints it: the parts the chapters do not print in square
    brackets (`[Sergei] Ivanov`, `name_en_external`), so no page or figure passes an outside name
    part off as printed. The Japanese edition marks them, as all it adds, in full-width brackets
    (`［Sergei］ Ivanov`)."""
    if isinstance(external, str):  # each letter would be read as a part
        raise TypeError(
            f"name parts are a list (name_en_external as the loader splits it), not {external!r}"
        )
    for part in sorted(external, key=len, reverse=True):
        opening, closing = EXTERNAL_BRACKETS[lang]
        name = name.replace(part, f"{opening}{part}{closing}", 1)
    return name


def shown_name_ja(printed: str, external: str) -> str:
    """The Japanese name as the book prints it: the printed name, then the name the book adds to
    tell apart actors the chapters name only together, in full-width square brackets
    (`name_ja_external`): バルト諸国［エストニア］, so no page or figure passes it off as
    printed."""
    return f"{printed}［{external}］" if external else printed


def load(data_dir: str | Path | None = None, validate: bool = True) -> DataPackage:
    """Validate the package (raise DataPackageError listing every problem) and load every table."""
    from ca911.data.validation import validate_package

    data_dir = Path(data_dir or default_data_dir())
    if validate and not _validation_stamp(data_dir).is_file():
        problems = validate_package(data_dir)
        if problems:
            raise DataPackageError(problems)
        remember_valid(data_dir)
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    date_cols = date_columns(descriptor, strings_only=True)
    lists = list_fields(descriptor)
    for res in descriptor["resources"]:
        frame = pd.read_csv(
            data_dir / res["path"], dtype=str, keep_default_na=False, encoding="utf-8"
        )
        frame = _typed(res["schema"]["fields"], frame)
        for col in date_cols.get(res["name"], []):
            bounds = [dates.bounds(v) for v in frame[col]]
            frame[f"{col}_lo"] = pd.to_datetime(
                pd.Series([b[0] for b in bounds], dtype="datetime64[ns]")
            )
            frame[f"{col}_hi"] = pd.to_datetime(
                pd.Series([b[1] for b in bounds], dtype="datetime64[ns]")
            )
        for col, separator in lists.get(res["name"], {}).items():
            frame[col] = pd.Series(
                [split_list(v, separator) for v in frame[col]], index=frame.index, dtype=object
            )
        if res["name"] == "actors" and "name_en_external" in frame:
            frame["name_shown"] = [
                shown_name(n, x) for n, x in zip(frame["name_en"], frame["name_en_external"])
            ]
        if res["name"] == "actors" and "name_ja_external" in frame:
            frame["name_ja"] = [
                shown_name_ja(n, x) for n, x in zip(frame["name_ja"], frame["name_ja_external"])
            ]
        tables[res["name"]] = frame
    return DataPackage(tables, descriptor, package_hash(data_dir))


NOT_SPLIT_BY_CHAPTER = "both chapters, not split"


def record_counts(pkg: DataPackage) -> pd.DataFrame:
    """Rows per table and source chapter (a table without `source_id` whose rows each name an event:
    the event's chapter); any other table without `source_id` holds records of both chapters
    without saying which, and counts in a column of its own, named for what it counts
    (`NOT_SPLIT_BY_CHAPTER`). The files derived from the chapters' text are the reader's inventory
    of the chapters, not records, and are left out."""
    derived = {r["name"] for r in pkg.descriptor["resources"] if r.get("derived")}
    rows = []
    for name, frame in pkg.tables.items():
        if name in derived:
            continue
        source = frame.get("source_id")
        if source is None and "event_id" in frame and name != "events":
            # a record of an event (a stance) comes from the chapter its event comes from
            event_source = dict(
                zip(pkg.tables["events"]["event_id"], pkg.tables["events"]["source_id"])
            )
            source = frame["event_id"].map(event_source)
            source = source if source.notna().all() else None
        if source is not None:
            for src, n in source.value_counts().sort_index().items():
                rows.append({"table": name, "source": src, "records": int(n)})
        elif len(frame):
            rows.append({"table": name, "source": NOT_SPLIT_BY_CHAPTER, "records": len(frame)})
    out = pd.DataFrame(rows, columns=["table", "source", "records"])
    counts = out.pivot_table(
        index="table", columns="source", values="records", fill_value=0, aggfunc="sum"
    )
    chapters = [c for c in counts.columns if c != NOT_SPLIT_BY_CHAPTER]
    counts = counts[
        chapters + [c for c in counts.columns if c == NOT_SPLIT_BY_CHAPTER]
    ]  # the chapters first
    chapter_of = dict(zip(pkg.sources["source_id"], pkg.sources["chapter"]))
    return counts.rename(
        columns=lambda c: f"chapter {chapter_of[c]}" if c in chapter_of else c
    )  # "ch3" is an id
