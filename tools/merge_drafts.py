"""Merge drafts/ch3 and drafts/ch4 into data/ (temporary, for this drafting round).

Rows of drafts/common, drafts/ch3 and drafts/ch4 are concatenated, actors deduplicated by id
(first wins, Japanese variants merged), and every file sorted by its primary key. data/*.csv is
rewritten whole.
"""
import csv
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
pkg = json.loads((ROOT / "data/datapackage.json").read_text(encoding="utf-8"))


def read(path):
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def main():
    extra = {"coverage_exclusions": {"path": "coverage_exclusions.csv", "schema": {"fields": [{"name": n} for n in ("chapter", "locator", "expression", "reason")], "primaryKey": ["chapter", "locator", "expression"]}}}
    resources = {r["name"]: r for r in pkg["resources"]}
    for name in resources.keys() | extra.keys():
        res = resources.get(name) or extra[name]
        cols = [f["name"] for f in res["schema"]["fields"]]
        pk = res["schema"]["primaryKey"]
        drafted = []
        for ch in ("common", "ch3", "ch4"):
            for row in read(ROOT / "drafts" / ch / res["path"]):
                drafted.append({c: (row.get(c) or "").strip() for c in cols})
        rows, seen = [], {}
        for row in drafted:
            key = tuple(row.get(c, "") for c in pk)
            if key in seen:
                if name == "actors":
                    first = seen[key]
                    variants = set(filter(None, first["name_ja_variants"].split("|") + row["name_ja_variants"].split("|") + [row["name_ja"]]))
                    variants.discard(first["name_ja"])
                    first["name_ja_variants"] = "|".join(sorted(variants))
                else:
                    print(f"duplicate key {key} in {name}", file=sys.stderr)
                continue
            seen[key] = row
            rows.append(row)
        rows.sort(key=lambda r: tuple(r.get(c, "") for c in pk))
        out = ROOT / "data" / res["path"]
        tmp = out.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, cols, lineterminator="\n", extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
        os.replace(tmp, out)
        print(f"{name}: {len(rows)} rows")


main()
