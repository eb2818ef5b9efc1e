"""Files derived from the chapters' text, committed in `data/` so a reader's clone builds the same
book.

The chapters are not part of the repository. Everything the book shows that the source reader
computes from their text (the date expressions found in each passage, the sentence inventory with
checksums) is written once by `python -m ca911 derive` into the resources the descriptor marks
`"derived": true`; the book and the reports read those files, never the text. Where the chapters are
present, `python -m ca911 derive --check` (and a test) recomputes them and names the first
difference. No text of the chapters is stored beyond the printed date expressions themselves.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

DERIVE_COMMAND = "python -m ca911 derive"


def date_expressions_frame() -> pd.DataFrame:
    """Every date expression of both chapters in reading order, as the coverage reader finds
    them."""
    from ca911.data.chapters import chapter_ids
    from ca911.sources.coverage import find_expressions

    rows = []
    for ch in chapter_ids():
        for n, e in enumerate(find_expressions(ch), start=1):
            rows.append(
                {
                    "source_id": ch,
                    "expression_no": n,
                    "locator": e.locator,
                    "expression": e.expression,
                    "kind": e.kind,
                    "resolved": e.resolved,
                }
            )
    return pd.DataFrame(
        rows, columns=["source_id", "expression_no", "locator", "expression", "kind", "resolved"]
    )


def source_sentences_frame() -> pd.DataFrame:
    """Every sentence of both chapters' paragraphs: locator, reading order and checksum (no
    text)."""
    from ca911.data.chapters import chapter_ids
    from ca911.sources.reader import chapter_sentences

    rows = [
        {"source_id": ch, "sentence_no": s.number, "locator": s.locator, "checksum": s.checksum}
        for ch in chapter_ids()
        for s in chapter_sentences(ch)
    ]
    return pd.DataFrame(rows, columns=["source_id", "sentence_no", "locator", "checksum"])


DERIVERS = {"date_expressions": date_expressions_frame, "source_sentences": source_sentences_frame}


def derived_resources(descriptor: dict) -> list[dict]:
    return [r for r in descriptor["resources"] if r.get("derived")]


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The project's CSV form: UTF-8, LF line ends, minimal quoting, no index."""
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def derive_all() -> dict[str, bytes]:
    """Resource name → the file's bytes, recomputed from the chapters (raises SourcesMissing without
    them)."""
    return {name: csv_bytes(fn()) for name, fn in DERIVERS.items()}


def first_difference(path: str, committed: bytes | None, derived: bytes) -> str | None:
    """None when equal; else where the committed file first departs from the recomputed one."""
    if committed == derived:
        return None
    if committed is None:
        return f"{path}: missing; run `{DERIVE_COMMAND}` with the chapters in ../shared/sources"
    old, new = committed.decode("utf-8").split("\n"), derived.decode("utf-8").split("\n")
    for i, (a, b) in enumerate(zip(old, new), start=1):  # noqa: B007  (i and a, b are read after the loop)
        if a != b:
            break
    else:
        i = min(len(old), len(new)) + 1
        a = old[i - 1] if i <= len(old) else "<end of file>"
        b = new[i - 1] if i <= len(new) else "<end of file>"
    return (
        f"{path}:{i}: committed {a!r} but the chapters give {b!r}; "
        f"regenerate with `{DERIVE_COMMAND}` and review the change"
    )


def _targets(data_dir: Path) -> list[tuple[str, Path, bytes]]:
    """(name, committed file, recomputed bytes) for every derived resource of the package at
    `data_dir`."""
    import json

    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    fresh = derive_all()
    return [
        (res["path"], data_dir / res["path"], fresh[res["name"]])
        for res in derived_resources(descriptor)
    ]


def check(data_dir: Path) -> list[str]:
    """Differences between the committed derived files and the chapters (empty when they agree)."""
    problems = []
    for name, path, fresh in _targets(data_dir):
        committed = path.read_bytes() if path.is_file() else None
        if (diff := first_difference(f"data/{name}", committed, fresh)) is not None:
            problems.append(diff)
    return problems


def write(data_dir: Path) -> list[Path]:
    """Rewrite every derived file from the chapters; returns the files that changed."""
    changed = []
    for _, path, fresh in _targets(data_dir):
        if not path.is_file() or path.read_bytes() != fresh:
            path.write_bytes(fresh)
            changed.append(path)
    return changed
