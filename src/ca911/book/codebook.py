"""The codebook page, generated from `data/datapackage.json` and counted in the data."""

from __future__ import annotations

import pandas as pd

from ca911.book.myst import Markup, markdown_table, myst_code
from ca911.data.package import DataPackage
from ca911.data.schema import LIST_SEPARATOR

FIELD_WIDTHS = [
    25,
    8,
    9,
    37,
    10,
    11,
]  # fixed shares: the meaning column wraps, nothing runs off the right


def filled_rows(column: pd.Series, field: dict) -> int:
    """Rows with a value: a list-valued field (as the loader splits it) counts the rows with at
    least one item."""
    if LIST_SEPARATOR in field:
        return int(column.map(len).gt(0).sum())
    return int((column.astype("string").fillna("") != "").sum())


def code_counts(pkg: DataPackage, resource: str, field: str) -> pd.Series:
    values = pkg[resource][field].astype("string").dropna()
    return values.value_counts()


def _joined(fields) -> str:
    """A foreign key's fields as the codebook prints them: one name, or names joined by commas."""
    return fields if isinstance(fields, str) else ",".join(fields)


def codebook_markdown(pkg: DataPackage) -> str:
    out = [
        f"The data package `{pkg.descriptor['name']}` (version {pkg.descriptor['version']}) holds "
        f"{len(pkg.descriptor['resources'])} tables. SHA-256 of this build's data: "
        f"`{pkg.sha256[:16]}…`.",
        "In the tables of fields, a rule – means that the field has no pattern and no fixed codes.",
        "",
    ]
    for res in pkg.descriptor["resources"]:
        name, schema = res["name"], res["schema"]
        frame = pkg[name]
        out += [
            f"(codebook-{name.replace('_', '-')})=",
            f"# `{res['path']}`",
            "",
            res.get("description", ""),
            "",
            f"Rows: {len(frame)}. Primary key: `{' + '.join(schema['primaryKey'])}`."
            + (
                " Derived from the chapters' text by `python -m ca911 derive`; not edited by hand."
                if res.get("derived")
                else ""
            )
            + (
                " **External:** facts from a public reference named in each row, not from the "
                "chapters."
                if res.get("external")
                else ""
            ),
        ]
        fks = [
            f"`{','.join(fk['fields'] if isinstance(fk['fields'], list) else [fk['fields']])}` → "
            f"`{fk['reference']['resource']}.{_joined(fk['reference']['fields'])}`"
            for fk in schema.get("foreignKeys", [])
        ]
        if fks:
            out.append("Foreign keys: " + "; ".join(fks) + ".")
        out.append("")
        rows, patterns = [], []
        for f in schema["fields"]:
            c = f.get("constraints", {})
            rule = []
            if c.get(
                "pattern"
            ):  # a pattern is not text to wrap: it gets a line of its own under the table
                rule.append("pattern below")
                patterns.append(f"- {myst_code(f['name'])}: {myst_code(c['pattern'])}")
            if "minimum" in c or "maximum" in c:
                rule.append(f"from {c.get('minimum', '…')} to {c.get('maximum', '…')}")
            if c.get("enum"):
                rule.append("one of the codes below")
            if f.get("quotation"):
                rule.append("quoted as printed")
            filled = filled_rows(frame[f["name"]], f) if f["name"] in frame else 0
            rows.append(
                [
                    myst_code(f["name"]),
                    f["type"],
                    "yes" if c.get("required") else "no",
                    Markup(f.get("description", "")),
                    Markup("; ".join(rule) or "–"),
                    f"{filled}/{len(frame)}",
                ]
            )
        frame_rows = pd.DataFrame(
            rows, columns=["field", "type", "required", "meaning", "rule", "rows filled"]
        )
        out += [
            markdown_table(
                frame_rows,
                f"Fields of `{res['path']}`.",
                f"tab-codebook-{name.replace('_', '-')}",
                widths=FIELD_WIDTHS,
                css_class="ca911-codebook",
                dash_explained=True,
            ),
            "",
        ]
        if patterns:
            out += [
                f"The patterns of `{res['path']}` (regular expressions its values must match):",
                "",
                *patterns,
                "",
            ]
        for f in schema["fields"]:
            if "categories" not in f:
                continue
            counts = code_counts(pkg, name, f["name"])
            order = " (ordered)" if f.get("categoriesOrdered") else ""
            codes = pd.DataFrame(
                [
                    [myst_code(c["value"]), Markup(c["label"]), int(counts.get(c["value"], 0))]
                    for c in f["categories"]
                ],
                columns=["code", "meaning", "records"],
            )
            out += [
                markdown_table(
                    codes,
                    f"Codes of `{f['name']}` in `{res['path']}`{order}.",
                    f"tab-codebook-{name.replace('_', '-')}-{f['name'].replace('_', '-')}",
                    widths=[25, 60, 15],
                    css_class="ca911-codebook",
                ),
                "",
            ]
    return "\n".join(out) + "\n"


def codebook_file(pkg: DataPackage) -> dict[str, bytes]:
    return {"codebook.md": codebook_markdown(pkg).encode("utf-8")}
