"""Generated appendices: the glossary (from actors.csv) and how to cite (from CITATION.cff)."""

from __future__ import annotations

from pathlib import Path

import yaml

from ca911.data import DataPackage
from ca911.generated import generator, markdown_cell

ROOT = Path(__file__).resolve().parents[2]
KIND_HEADINGS = {"state": "States", "organization": "Organizations and treaty systems", "person": "People",
                 "institution": "Institutions", "facility": "Bases and airfields", "unit": "Military units and forces",
                 "group": "Groups", "media": "Media", "place": "Places"}


def glossary_markdown(pkg: DataPackage) -> str:
    """Every named actor, English ↔ Japanese, grouped by kind."""
    a = pkg.actors.copy()
    out = []
    for kind, heading in KIND_HEADINGS.items():
        rows = a[a["kind"].astype(str) == kind].sort_values("name_en")
        if rows.empty:
            continue
        out += [f"# {heading}", "", "| English | 日本語 (as printed) | other printed forms | id | first named |", "|---|---|---|---|---|"]
        for r in rows.itertuples():
            variants = "、".join(v for v in str(r.name_ja_variants or "").split("|") if v and v != "nan") if isinstance(r.name_ja_variants, str) else ""
            out.append(f"| {markdown_cell(r.name_en)} | {markdown_cell(r.name_ja)} | {markdown_cell(variants)} | `{r.actor_id}` | `{r.locator}` |")
        out.append("")
    return "\n".join(out) + "\n"


def citation_bibtex(cff: dict) -> str:
    authors = " and ".join(a.get("name") or f"{a['family-names']}, {a['given-names']}" for a in cff["authors"])
    licences = ", ".join(cff["license"]) if isinstance(cff["license"], list) else cff["license"]
    return (f"@misc{{ca911companion,\n  author  = {{{{{authors}}}}},\n  title   = {{{cff['title']}}},\n"
            f"  version = {{{cff['version']}}},\n  note    = {{Licences: {licences}}},\n}}\n")


def citation_markdown(cff_path: Path = ROOT / "CITATION.cff") -> str:
    cff = yaml.safe_load(cff_path.read_text(encoding="utf-8"))
    out = ["# BibTeX", "", "```bibtex", citation_bibtex(cff).rstrip(), "```", "",
           "# Citation File Format", "", "The file `CITATION.cff` at the root of the project, as it stands:", "",
           "```yaml", cff_path.read_text(encoding="utf-8").rstrip(), "```", ""]
    return "\n".join(out)


def discrepancies_markdown(pkg: DataPackage) -> str:
    d = pkg.discrepancies.sort_values("discrepancy_id")
    labels = pkg.labels("discrepancies", "kind")
    counts = d["kind"].astype(str).value_counts()
    out = ["| kind | meaning | entries |", "|---|---|---|"]
    out += [f"| `{k}` | {v} | {int(counts.get(k, 0))} |" for k, v in labels.items()]
    out += ["", "| id | kind | where | as printed | reading adopted | why | records |", "|---|---|---|---|---|---|---|"]
    for r in d.itertuples():
        ids = " ".join(f"`{i}`" for i in (r.record_ids or []))
        out.append(f"| {r.discrepancy_id} | {r.kind} | `{r.locator}` | {markdown_cell(r.as_printed)} | {markdown_cell(r.reading)} | {markdown_cell(r.reason)} | {ids} |")
    return "\n".join(out) + "\n"


@generator("appendices")
def _appendix_files(pkg: DataPackage) -> dict[str, bytes]:
    return {"discrepancies.md": discrepancies_markdown(pkg).encode("utf-8"),
            "glossary.md": glossary_markdown(pkg).encode("utf-8"),
            "how_to_cite.md": citation_markdown().encode("utf-8")}
