"""Which text fields hold the chapters' printed text without being declared quotations.

A field is a quotation when its values are the chapters' own characters (a name, a cell, a number
with its words as printed). The provenance test lets only declared quotations repeat the chapters,
so a field that repeats them without the declaration is either mis-declared or copies the text; this
finds such fields from the data itself, whatever their name.
"""

from __future__ import annotations

import re
import unicodedata

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def normalised(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def undeclared_quotation_fields(
    descriptor: dict, tables: dict[str, list[dict]], chapters_text: str, min_share: float = 0.5
) -> list[tuple[str, str, int, int]]:
    """(resource, field, values found verbatim, Japanese values) for every string field not declared
    `"quotation": true` whose Japanese values are, for at least `min_share` of them, found whole in
    the chapters."""
    text = normalised(chapters_text)
    out = []
    for res in descriptor["resources"]:
        for field in res["schema"]["fields"]:
            if field["type"] != "string" or field.get("quotation"):
                continue
            values = [
                normalised(str(row.get(field["name"], ""))) for row in tables.get(res["name"], [])
            ]
            japanese = [v for v in values if CJK.search(v)]
            found = [v for v in japanese if v in text]
            if found and len(found) >= min_share * len(japanese):
                out.append((res["name"], field["name"], len(found), len(japanese)))
    return out
