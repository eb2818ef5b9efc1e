"""Files the book generates from the data at build time, into `_generated/` (not committed).

Each writer returns {relative path: bytes}; `write_all` writes only what changed, so an unchanged
data package leaves every file (and Sphinx's view of it) untouched.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

from ca911.data import DataPackage, default_data_dir

ZIP_DATE = (2001, 9, 11, 0, 0, 0)  # fixed, so the archive's bytes depend on its content alone


def deterministic_zip(folder: str, files: dict[str, bytes]) -> bytes:
    """A ZIP of `files` under `folder/`, sorted, with fixed dates and modes: same content, same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in sorted(files.items()):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            zf.writestr(info, content)
    return buf.getvalue()


def data_downloads(data_dir: Path) -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in sorted(data_dir.iterdir()) if p.suffix in (".csv", ".json")}
    out = {f"data/{name}": content for name, content in files.items()}
    out["data/ca911-data.zip"] = deterministic_zip("ca911-data", files)
    return out


def write_all(root: Path, outputs: dict[str, bytes]) -> list[str]:
    changed = []
    for rel, content in sorted(outputs.items()):
        path = root / rel
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        changed.append(rel)
    return changed


def generate(srcdir: Path, pkg: DataPackage | None = None) -> list[str]:
    """Everything the book needs under `<srcdir>/_generated`."""
    from ca911.data import load

    data_dir = default_data_dir()
    pkg = pkg or load(data_dir)
    outputs = data_downloads(data_dir)
    for writer in generators().values():
        outputs.update(writer(pkg))
    return write_all(srcdir / "_generated", outputs)


def generators() -> dict:
    """Every writer of generated files, by name: function(pkg) -> {path under _generated/: bytes}."""
    from ca911 import appendices, codebook, networks, records

    return {"appendices": appendices.appendix_files, "codebook": codebook.codebook_file,
            "chronology": records.chronology_file, "networks": networks.network_exports}
