"""One version: pyproject.toml's. The package reports it, and the files that must state a version
themselves (CITATION.cff for citation tools, the data package's descriptor for Frictionless tools)
state the same one; the built book prints it."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
import yaml

import ca911

ROOT = Path(__file__).resolve().parents[1]


def versions(root: Path) -> dict[str, str]:
    """Every place that states the project's version, by file."""
    return {
        "pyproject.toml": tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))[
            "project"
        ]["version"],
        "CITATION.cff": str(
            yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))["version"]
        ),
        "data/datapackage.json": json.loads(
            (root / "data" / "datapackage.json").read_text(encoding="utf-8")
        )["version"],
    }


def disagreeing(found: dict[str, str]) -> dict[str, str]:
    """The files whose version is not pyproject.toml's."""
    return {name: v for name, v in found.items() if v != found["pyproject.toml"]}


def test_every_file_states_pyprojects_version():
    assert disagreeing(versions(ROOT)) == {}


def test_a_file_with_another_version_is_named(tmp_path):
    (tmp_path / "data").mkdir()
    for name in ("pyproject.toml", "CITATION.cff", "data/datapackage.json"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    cff = tmp_path / "CITATION.cff"
    cff.write_text(
        cff.read_text(encoding="utf-8").replace(f"version: {ca911.__version__}", "version: 9.9.9"),
        encoding="utf-8",
    )
    assert disagreeing(versions(tmp_path)) == {"CITATION.cff": "9.9.9"}


def test_the_package_reports_pyprojects_version():
    assert ca911.__version__ == versions(ROOT)["pyproject.toml"]


def test_the_built_book_prints_the_version():
    index = ROOT / "_build" / "html" / "index.html"
    if not index.is_file():
        pytest.skip("the book is not built (make book)")
    assert f'<meta name="docsearch:version" content="{ca911.__version__}"' in index.read_text(
        encoding="utf-8"
    )
