"""CodeMeta and Zenodo metadata are CITATION.cff converted by cffconvert
(tools/citation_metadata.py, in its own locked environment), so a repository or indexer reads the
same citation as a reader."""

from __future__ import annotations

import json
import shutil
import subprocess

import yaml

from support.project import ROOT

METADATA = ("codemeta.json", ".zenodo.json")


def run_converter(*args: str) -> subprocess.CompletedProcess:
    uv = shutil.which("uv")
    assert uv, "uv is not on PATH: `make test` installs it (see the Makefile)"
    return subprocess.run(
        [
            uv,
            "run",
            "--frozen",
            "-q",
            "--project",
            str(ROOT / "tools" / "citation"),
            "python",
            str(ROOT / "tools" / "citation_metadata.py"),
            *args,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )


def test_committed_metadata_is_the_converted_citation():
    result = run_converter("--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_citation_edit_makes_the_metadata_stale(tmp_path):
    for name in ("CITATION.cff", *METADATA):
        shutil.copy(ROOT / name, tmp_path / name)
    cff = (tmp_path / "CITATION.cff").read_text(encoding="utf-8")
    version = yaml.safe_load(cff)["version"]
    (tmp_path / "CITATION.cff").write_text(
        cff.replace(f"version: {version}", "version: 99.0.0"), encoding="utf-8"
    )
    result = run_converter("--check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert "codemeta.json does not match CITATION.cff" in result.stdout
    assert ".zenodo.json does not match CITATION.cff" in result.stdout


def test_metadata_carries_the_citation_and_both_licences():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    codemeta = json.loads((ROOT / "codemeta.json").read_text(encoding="utf-8"))
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    assert codemeta["name"] == zenodo["title"] == cff["title"]
    assert codemeta["version"] == zenodo["version"] == str(cff["version"])
    assert codemeta["license"] == [f"https://spdx.org/licenses/{s}" for s in cff["license"]]
    assert zenodo["license"] == {"id": cff["license"][0]}
    assert all(s in zenodo["notes"] for s in cff["license"])
    assert zenodo["upload_type"] == cff["type"]
    assert len(zenodo["references"]) == len(cff["references"])
