"""The chapters the companion covers: one list, read from `data/sources.csv` (id, author, titles as
recorded, the text file). Code that handles "each chapter" asks this module, so a third chapter is a
row in that file, not an edit of every loop, command-line choice and test."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SOURCES_FILE = "sources.csv"


@dataclass(frozen=True)
class Chapter:
    """One row of sources.csv: the chapter's id (`ch3`), its number in the volume it comes from, its
    author and titles as recorded there, and the name of its text file."""

    id: str
    number: int | None
    bibtex_key: str
    author: str
    author_ja: str
    title_ja: str
    title_en: str
    file: str


@cache
def _read(sources_csv: Path) -> tuple[Chapter, ...]:
    with sources_csv.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return tuple(
        Chapter(
            id=r["source_id"],
            number=int(r["chapter"]) if r["chapter"] else None,
            bibtex_key=r["bibtex_key"],
            author=r["author"],
            author_ja=r["author_ja"],
            title_ja=r["title_ja"],
            title_en=r["title_en"],
            file=r["file"],
        )
        for r in rows
    )


def chapters(data_dir: str | Path | None = None) -> tuple[Chapter, ...]:
    """Every chapter, in the order of sources.csv (the data directory defaults as `ca911.data.load`
    does)."""
    if data_dir is None:
        from ca911.data.package import default_data_dir

        data_dir = default_data_dir()
    return _read(Path(data_dir).resolve() / SOURCES_FILE)


def chapter_ids(data_dir: str | Path | None = None) -> tuple[str, ...]:
    """The chapters' ids in the order of sources.csv: ('ch3', 'ch4')."""
    return tuple(c.id for c in chapters(data_dir))


def chapter(chapter_id: str, data_dir: str | Path | None = None) -> Chapter:
    """The chapter with this id; a KeyError naming the known ids for any other."""
    found = {c.id: c for c in chapters(data_dir)}
    if chapter_id not in found:
        raise KeyError(
            f"no chapter {chapter_id!r} in {SOURCES_FILE}; the chapters are {', '.join(found)}"
        )
    return found[chapter_id]
