"""Files the book generates from the data at build time, into `_generated/` (not committed).

Each writer returns {relative path: bytes}; `write_all` writes only what changed, so an unchanged
data package leaves every file (and Sphinx's view of it) untouched.
"""

from __future__ import annotations

import io
import re
import string
import zipfile
from pathlib import Path

import pandas as pd

from ca911.data import DataPackage, default_data_dir

ZIP_DATE = (2001, 9, 11, 0, 0, 0)  # fixed, so the archive's bytes depend on its content alone


class Markup(str):
    """MyST we wrote ourselves (roles, links, code spans around ids): passed through a table cell unescaped.
    Anything else that reaches Markdown is data and is escaped."""


MISSING = "–"  # what a table shows for a value the data leave empty; the table's note says so
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PUNCTUATION = set(string.punctuation)


def myst_text(value) -> str:
    """Data as literal text in MyST: HTML entities for & < >, a backslash before every other ASCII
    punctuation mark (CommonMark lets any be escaped), so no emphasis, link, role, math or raw HTML
    survives; on one line, so it cannot end a table row or open a block."""
    text = re.sub(r"[\r\n\u2028\u2029\x85\x0b\x0c]+", " ", str(value))
    return "".join(_ENTITIES.get(ch) or ("\\" + ch if ch in _PUNCTUATION else ch) for ch in text)


def myst_code(value) -> Markup:
    """An identifier as a code span: a fence longer than any backtick run inside, so it cannot close early."""
    text = re.sub(r"\s+", " ", str(value))
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def is_missing(value) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and pd.isna(value))


def markdown_cell(value, missing: str = MISSING, pipe_table: bool = True) -> str:
    """One cell of a Markdown table (or one value in a list): data escaped, our own Markup kept,
    missing values shown as `missing`. In a pipe table a bare | in our Markup is escaped too."""
    if is_missing(value) or (isinstance(value, str) and not isinstance(value, Markup) and value.strip() in ("", "nan", "<NA>", "None")):
        return missing
    if isinstance(value, Markup):
        one_line = re.sub(r"\s*\n\s*", " ", value)
        return Markup(re.sub(r"(?<!\\)\|", r"\\|", one_line) if pipe_table else one_line)  # a bare | ends the cell
    return myst_text(value)


def _same_decimals(values: pd.Series, most: int = 4) -> pd.Series:
    """Floats of one column with one number of decimals (1.0 and 0.6429 → 1.0000 and 0.6429), so they align."""
    shown = [repr(float(v)).rstrip("0").split(".")[-1] if pd.notna(v) else "" for v in values]
    decimals = min(most, max((len(s) for s in shown), default=0))
    return values.map(lambda v: f"{v:,.{decimals}f}" if pd.notna(v) else None).astype(object)


def markdown_table(frame: pd.DataFrame, caption: str, name: str, index: bool = False,
                   labels: dict[str, str] | None = None, note: str = "", widths: list[int] | None = None,
                   css_class: str = "", right: tuple[str, ...] = ()) -> str:
    """The one way a table reaches the book: a numbered, captioned, named MyST table (colon fence, so a
    caption may hold code spans and roles), every data cell escaped as literal text (see `markdown_cell`),
    numbers right-aligned with their header, and a note under it saying what an en dash means.

    `caption` and `note` are ours (MyST allowed); `labels` renames columns for the reader (default:
    the field name with spaces for underscores); `right` names text columns that hold numbers (right-aligned)."""
    f = frame.reset_index() if index else frame
    labels = labels or {}
    heads = [labels.get(c, str(c).replace("_", " ")) for c in f.columns]
    numeric = [c in right or (pd.api.types.is_numeric_dtype(f[c]) and not pd.api.types.is_bool_dtype(f[c])) for c in f.columns]
    lines = ["| " + " | ".join(markdown_cell(h, "") for h in heads) + " |",
             "|" + "|".join("---:" if n else ":---" for n in numeric) + "|"]
    f = f.assign(**{c: _same_decimals(f[c]) for c in f.columns if pd.api.types.is_float_dtype(f[c])})
    lines += ["| " + " | ".join(markdown_cell(v) for v in row) + " |" for row in f.itertuples(index=False)]
    has_missing = any(markdown_cell(v) == MISSING and not isinstance(v, Markup)
                      for row in f.itertuples(index=False) for v in row)
    if has_missing and MISSING not in note:  # a note of the caller's own may say what the dash means here
        note = f"{note} {MISSING} = not given in the data.".strip()
    after = f"\n{note}\n" if note else ""
    classes = " ".join(c for c in (css_class, "ca911-fixed" if widths else "") if c)  # fixed layout on screen: see sphinx_ext
    options = f":name: {name}\n:align: left\n" + (f":class: {classes}\n" if classes else "")
    if widths:  # only a list-table honours column widths (docutils writes them as a colgroup)
        items = []
        for row in [heads, *f.itertuples(index=False)]:
            cells = [markdown_cell(v, "" if row is heads else MISSING, pipe_table=False) for v in row]
            items += [f"* - {cells[0]}".rstrip()] + [f"  - {c}".rstrip() for c in cells[1:]]
        return (f":::{{list-table}} {caption}\n{options}:header-rows: 1\n:widths: {' '.join(map(str, widths))}\n:width: 100%\n\n"
                + "\n".join(items) + "\n:::\n" + after)
    return f":::{{table}} {caption}\n{options}\n" + "\n".join(lines) + "\n:::\n" + after


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
    from ca911 import actor_pages, appendices, codebook, networks, records

    return {"appendices": appendices.appendix_files, "codebook": codebook.codebook_file,
            "chronology": records.chronology_file, "networks": networks.network_exports,
            "actors": actor_pages.actor_files}
