"""Files the book generates from the data at build time, into `_generated/` (not committed).

Each writer returns {relative path: bytes}; `write_all` writes only what changed, so an unchanged
data package leaves every file (and Sphinx's view of it) untouched.
"""

from __future__ import annotations

from pathlib import Path

from ca911.data.archive import deterministic_zip
from ca911.data.package import DataPackage, default_data_dir


def data_downloads(data_dir: Path) -> dict[str, bytes]:
    files = {
        p.name: p.read_bytes() for p in sorted(data_dir.iterdir()) if p.suffix in (".csv", ".json")
    }
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


def generate(
    srcdir: Path,
    pkg: DataPackage | None = None,
    actor_pages: bool = True,
    data_dir: Path | None = None,
    lang: str = "en",
) -> list[str]:
    """Everything the book needs under `<srcdir>/_generated`, from the package in `data_dir`, in the
    edition's language `lang` (the Japanese edition's pages are written from the data's Japanese
    fields and the word-making modules, never through the message catalogs)."""
    from ca911.data.package import load

    data_dir = data_dir or default_data_dir()
    pkg = pkg or load(data_dir)
    outputs = data_downloads(data_dir)
    for writer in generators(actor_pages, lang).values():
        outputs.update(writer(pkg))
    return write_all(srcdir / "_generated", outputs)


def generators(actor_pages: bool = True, lang: str = "en") -> dict:
    """Every writer of generated files, by name: function(pkg) -> {path under _generated/: bytes},
    each writing in `lang`. A book without actor pages (`ca911_actor_pages: false`, e.g. a small
    test book) names actors without links."""
    from functools import partial

    from ca911.analysis import network_exports
    from ca911.book import actor_pages as pages
    from ca911.book import actor_records, appendices, codebook, records

    writers = {
        "appendices": partial(appendices.appendix_files, lang=lang),
        "codebook": partial(codebook.codebook_file, lang=lang),
        "chronology": (
            lambda pkg: records.chronology_file(
                pkg, partial(actor_records.linked_name, pkg, lang=lang), lang
            )
        )
        if actor_pages
        else partial(records.chronology_file, lang=lang),
        "networks": network_exports.network_exports,
    }
    if actor_pages:
        writers["actors"] = partial(pages.actor_files, lang=lang)
    return writers
