"""The codebook page as a reader sees it: the "rows filled" count of every field, read from the
rendered HTML, against the cells of the CSV files themselves."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from bs4 import BeautifulSoup


def rendered_filled(html: str) -> dict[tuple[str, str], str]:
    """(table id, field) → the "rows filled" cell ("8/10") of every field table of the codebook
    page."""
    soup = BeautifulSoup(html, "html.parser")
    out = {}
    for table in soup.select("table.ca911-codebook"):
        heads = [th.get_text(strip=True) for th in table.select("thead th")]
        if "rows filled" not in heads:
            continue  # a table of codes
        column = heads.index("rows filled")
        for row in table.select("tbody tr"):
            cells = row.find_all("td")
            field = cells[0].get_text(strip=True).replace("\u200b", "")
            out[(table["id"], field)] = cells[column].get_text(strip=True)
    return out


def filled_in_files(data_dir: Path) -> dict[tuple[str, str], str]:
    """(table id, field) → "non-empty cells/rows", counted in the CSV files the descriptor lists."""
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    out = {}
    for res in descriptor["resources"]:
        with (data_dir / res["path"]).open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        table_id = "tab-codebook-" + res["name"].replace("_", "-")
        for field in res["schema"]["fields"]:
            filled = sum(1 for r in rows if r[field["name"]].strip())
            out[(table_id, field["name"])] = f"{filled}/{len(rows)}"
    return out


def miscounted(html: str, data_dir: Path) -> list[str]:
    """Every field whose rendered count differs from the files' (and every field the page leaves
    out)."""
    shown, counted = rendered_filled(html), filled_in_files(data_dir)
    return [
        f"{table} {field}: page says {shown.get((table, field), 'nothing')}, the file has {n}"
        for (table, field), n in sorted(counted.items())
        if shown.get((table, field)) != n
    ]
