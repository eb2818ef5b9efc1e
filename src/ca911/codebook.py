"""The codebook page, generated from `data/datapackage.json` and counted in the data."""

from __future__ import annotations

import pandas as pd

from ca911.data import DataPackage
from ca911.generated import markdown_cell


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows]
    return lines + [""]


def code_counts(pkg: DataPackage, resource: str, field: str) -> pd.Series:
    values = pkg[resource][field].astype("string").dropna()
    return values.value_counts()


def codebook_markdown(pkg: DataPackage) -> str:
    out = [f"The data package `{pkg.descriptor['name']}` (version {pkg.descriptor['version']}) holds "
           f"{len(pkg.descriptor['resources'])} tables. SHA-256 of this build's data: `{pkg.sha256[:16]}…`.", ""]
    for res in pkg.descriptor["resources"]:
        name, schema = res["name"], res["schema"]
        frame = pkg[name]
        out += [f"(codebook-{name.replace('_', '-')})=", f"# `{res['path']}`", "", res.get("description", ""), "",
                f"Rows: {len(frame)}. Primary key: `{' + '.join(schema['primaryKey'])}`."
                + (" Derived from the chapters' text by `python -m ca911 derive`; not edited by hand." if res.get("derived") else "")
                + (" **External:** facts from a public reference named in each row, not from the chapters." if res.get("external") else "")]
        fks = [f"`{','.join(fk['fields'] if isinstance(fk['fields'], list) else [fk['fields']])}` → "
               f"`{fk['reference']['resource']}.{fk['reference']['fields'] if isinstance(fk['reference']['fields'], str) else ','.join(fk['reference']['fields'])}`"
               for fk in schema.get("foreignKeys", [])]
        if fks:
            out.append("Foreign keys: " + "; ".join(fks) + ".")
        out.append("")
        rows = []
        for f in schema["fields"]:
            c = f.get("constraints", {})
            rule = []
            if c.get("pattern"):
                rule.append(f"pattern `{c['pattern']}`")
            if "minimum" in c or "maximum" in c:
                rule.append(f"from {c.get('minimum', '…')} to {c.get('maximum', '…')}")
            if c.get("enum"):
                rule.append("one of the codes below")
            if f.get("quotation"):
                rule.append("quoted as printed")
            filled = int((frame[f["name"]].astype("string").fillna("") != "").sum()) if f["name"] in frame else 0
            rows.append([f"`{f['name']}`", f["type"], "yes" if c.get("required") else "", f.get("description", ""),
                         "; ".join(rule), f"{filled}/{len(frame)}"])
        out += _table(["field", "type", "required", "meaning", "rule", "filled"], rows)
        for f in schema["fields"]:
            if "categories" not in f:
                continue
            counts = code_counts(pkg, name, f["name"])
            order = " (ordered)" if f.get("categoriesOrdered") else ""
            out += [f"**`{f['name']}` codes{order}**", ""]
            out += _table(["code", "meaning", "records"],
                          [[f"`{c['value']}`", c["label"], int(counts.get(c["value"], 0))] for c in f["categories"]])
    return "\n".join(out) + "\n"


def codebook_file(pkg: DataPackage) -> dict[str, bytes]:
    return {"codebook.md": codebook_markdown(pkg).encode("utf-8")}
