"""Shared fixtures: a scratch copy of the data package, the project root, the built book."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from ca911.sources import sources_available, sources_dir

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
HTML = BUILD / "html"
PDF = BUILD / "pdf" / "companion.pdf"

needs_sources = pytest.mark.skipif(
    not sources_available(),
    reason=f"the source chapters are not at {sources_dir()} (a reader's clone without ../shared); CI has them",
)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of data/ with references.bib beside it, as the validator expects."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    shutil.copy(ROOT / "references.bib", tmp_path / "references.bib")
    return target


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="session")
def built_book() -> Path:
    if not (HTML / "index.html").is_file() or not PDF.is_file():
        pytest.fail("the book is not built: run `make book` (make test does it first)")
    return BUILD
