"""What an archival PDF carries: its embedded files (read with pypdf from the catalog's
/EmbeddedFiles name tree and /AF array, each with its declared relationship, MIME type and dates)
and the PDF/A part its XMP claims.

`archive_problems(path, data_dir=..., citation_file=..., bib_file=...)` lists what keeps the PDF
from being a complete citation of the data: a CSV of `data/` or the descriptor missing, a file not
byte-identical to the repository's, a relationship not declared, a package Frictionless rejects once
the attachments are saved into one folder; empty when none.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from .pdf_structure import xmp, xmp_values

DESCRIPTOR = "datapackage.json"
CITATION = "CITATION.cff"
MIME_TYPES = {".csv": "text/csv", ".json": "application/json"}


@dataclass(frozen=True)
class EmbeddedFile:
    name: str
    content: bytes
    relationship: str
    mime_type: str
    created: str
    modified: str
    in_af: bool


def _resolve(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def _name_tree(node: DictionaryObject):
    node = _resolve(node)
    names = _resolve(node.get("/Names")) or ArrayObject()
    for i in range(0, len(names), 2):
        yield str(names[i]), _resolve(names[i + 1])
    for kid in _resolve(node.get("/Kids")) or []:
        yield from _name_tree(kid)


def embedded_files(reader: PdfReader) -> dict[str, EmbeddedFile]:
    root = reader.trailer["/Root"]
    tree = _resolve(_resolve(root.get("/Names")) or {}).get("/EmbeddedFiles")
    if tree is None:
        return {}
    associated = {
        _resolve(spec).indirect_reference.idnum
        for spec in _resolve(root.get("/AF")) or []
        if _resolve(spec).indirect_reference is not None
    }
    files = {}
    for name, spec in _name_tree(tree):
        stream = _resolve(_resolve(spec["/EF"])["/F"])
        params = _resolve(stream.get("/Params")) or {}
        files[name] = EmbeddedFile(
            name=name,
            content=stream.get_data(),
            relationship=str(spec.get("/AFRelationship", ""))[1:],
            mime_type=str(stream.get("/Subtype", "")).replace("#2f", "/")[1:],
            created=str(params.get("/CreationDate", "")),
            modified=str(params.get("/ModDate", "")),
            in_af=spec.indirect_reference is not None
            and spec.indirect_reference.idnum in associated,
        )
    return files


def expected_files(data_dir: Path, citation_file: Path) -> dict[str, tuple[Path, str]]:
    """name in the PDF → (repository file, relationship): the descriptor and every CSV under
    `data/` (whether or not the descriptor lists it), and the citation file."""
    expected = {DESCRIPTOR: (data_dir / DESCRIPTOR, "Data")}
    for csv in sorted(data_dir.rglob("*.csv")):
        expected[csv.relative_to(data_dir).as_posix()] = (csv, "Data")
    expected[CITATION] = (citation_file, "Supplement")
    return expected


def archive_problems(
    path: Path, *, data_dir: Path, citation_file: Path, bib_file: Path
) -> list[str]:
    from ca911.data.validation import validate_package

    reader = PdfReader(str(path))
    problems = []
    rdf = xmp(reader)
    parts = xmp_values(rdf, "pdfaid", "part") if rdf is not None else []
    if parts != ["3"]:
        problems.append(f"XMP pdfaid:part is {parts}, not PDF/A-3")
    files = embedded_files(reader)
    expected = expected_files(data_dir, citation_file)
    for name in sorted(expected.keys() - files.keys()):
        problems.append(f"{name} is not attached")
    for name in sorted(files.keys() - expected.keys()):
        problems.append(f"{name} is attached but is not a file of the data package or the citation")
    dates = {(file.created, file.modified) for file in files.values()}
    if len(dates) > 1:
        problems.append(
            f"the attachments carry different dates {sorted(dates)}: not the build's one date"
        )
    creation = str((reader.metadata or {}).get("/CreationDate", ""))
    if dates and creation and {created[:16] for created, _ in dates} != {creation[:16]}:
        problems.append(
            f"attachment dates {sorted(dates)} are not the PDF's creation date {creation}"
        )
    for name, (source, relationship) in sorted(expected.items()):
        file = files.get(name)
        if file is None:
            continue
        if file.content != source.read_bytes():
            problems.append(f"{name} differs from {source}")
        if file.relationship != relationship:
            problems.append(f"{name}: AFRelationship {file.relationship!r}, not {relationship!r}")
        if not file.in_af:
            problems.append(f"{name} is not in the catalog's /AF (associated files)")
        if source.suffix in MIME_TYPES and file.mime_type != MIME_TYPES[source.suffix]:
            problems.append(
                f"{name}: MIME type {file.mime_type!r}, not {MIME_TYPES[source.suffix]!r}"
            )
    if DESCRIPTOR in files:
        with tempfile.TemporaryDirectory() as folder:
            for file in files.values():
                target = Path(folder, file.name)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(file.content)
            problems += [
                f"the attached package does not validate: {problem}"
                for problem in validate_package(folder, bib_file)
            ]
    return problems
