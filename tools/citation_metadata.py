"""CodeMeta (`codemeta.json`) and Zenodo (`.zenodo.json`) metadata, converted from CITATION.cff by
cffconvert, so the three never disagree. Run in the converter's own locked environment:

    uv run --project tools/citation python tools/citation_metadata.py          # write both files
    uv run --project tools/citation python tools/citation_metadata.py --check  # exit 1 if stale

One correction is applied to cffconvert 2.0.0's output: the volume has two licences (text, figures
and data CC-BY-4.0; code MIT), a list CITATION.cff allows, but cffconvert writes the Python list
into one CodeMeta URL ("https://spdx.org/licenses/['CC-BY-4.0', 'MIT']") and a list into Zenodo's
single licence id, which Zenodo rejects (cffconvert issue 81; cff-initializer-javascript issue
872). CodeMeta takes a list of licence URLs; Zenodo takes the first licence, the one of the text
and data, and the other is named in its notes. Two gaps are filled from the same file: an author
given by `name` alone is an organisation in CodeMeta (cffconvert types every author a Person), and
Zenodo gets the record's upload type from the CFF `type` and the two chapters from its
`references`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cffconvert.cli.create_citation import create_citation

ROOT = Path(__file__).resolve().parents[1]
SPDX = "https://spdx.org/licenses/{}"


def licences(cff: dict) -> list[str]:
    value = cff.get("license", [])
    return [value] if isinstance(value, str) else list(value)


def reference_text(ref: dict) -> str:
    names = ", ".join(
        f"{a.get('family-names', '')} {a.get('given-names', '')} ({a['alias']})".strip()
        if a.get("alias")
        else a.get("name", "")
        for a in ref.get("authors", [])
    )
    notes = " ".join(str(ref.get("notes", "")).split())
    return f"{names}. {ref['title']}. {notes}".strip()


def converted(root: Path = ROOT) -> dict[str, str]:
    citation = create_citation(str(root / "CITATION.cff"), None)
    cff = citation.cffobj
    spdx = licences(cff)
    codemeta = json.loads(citation.as_codemeta())
    zenodo = json.loads(citation.as_zenodo())
    if len(spdx) > 1:
        codemeta["license"] = [SPDX.format(s) for s in spdx]
        zenodo["license"] = {"id": spdx[0]}
        zenodo["notes"] = (
            f"Licences: {spdx[0]} for the text, figures and data; "
            + ", ".join(spdx[1:])
            + " for the code."
        )
    for author, source in zip(codemeta.get("author", []), cff.get("authors", [])):
        if "name" in source and "family-names" not in source:
            author["@type"] = "Organization"
    if cff.get("type") in ("dataset", "software"):
        zenodo["upload_type"] = cff["type"]
    if cff.get("references"):
        zenodo["references"] = [reference_text(ref) for ref in cff["references"]]
    return {
        name: json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for name, data in (("codemeta.json", codemeta), (".zenodo.json", zenodo))
    }


def main(argv: list[str]) -> int:
    root = Path(argv[argv.index("--root") + 1]) if "--root" in argv else ROOT
    stale = []
    for name, text in converted(root).items():
        path = root / name
        if "--check" in argv:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {name}")
    for name in stale:
        print(f"{name} does not match CITATION.cff: run `make metadata`")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
