"""Our Japanese text fields write Latin letters and digits half-width (CIS, 9月, 5国), as the
companion's prose does; full-width forms (ＣＩＳ, ９月) belong only to what a chapter prints. So the
rule reads every Japanese field the descriptor does not declare a quotation, and skips the 「…」
spans inside it, where our text quotes a chapter as printed (「１月初旬」)."""

from __future__ import annotations

import re
import unicodedata

from ca911.data.problems import CrossFileCheck

FULL_WIDTH_LATIN_OR_DIGIT = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
QUOTED_SPAN = re.compile(r"「[^「」]*」")


def japanese_own_fields(descriptor: dict) -> dict[str, list[str]]:
    """Table → its Japanese fields (`…_ja`) that hold our words, not a quotation."""
    return {
        r["name"]: own
        for r in descriptor.get("resources", [])
        if (
            own := [
                f["name"]
                for f in r.get("schema", {}).get("fields", [])
                if f["name"].endswith("_ja") and not f.get("quotation")
            ]
        )
    }


def full_width_outside_quotes(text: str) -> list[str]:
    """The full-width Latin or digit runs of `text` that stand outside its 「…」 quotations."""
    return FULL_WIDTH_LATIN_OR_DIGIT.findall(QUOTED_SPAN.sub("", text))


def half_width_outside_quotes(text: str) -> str:
    """`text` with its full-width Latin letters and digits half-width, except inside 「…」."""
    parts = re.split(f"({QUOTED_SPAN.pattern})", text)
    return "".join(
        p
        if QUOTED_SPAN.fullmatch(p)
        else FULL_WIDTH_LATIN_OR_DIGIT.sub(lambda m: unicodedata.normalize("NFKC", m[0]), p)
        for p in parts
    )


def japanese_text_rules(check: CrossFileCheck) -> None:
    """No full-width Latin letter or digit in our Japanese fields outside a 「…」 quotation."""
    for table, columns in japanese_own_fields(check.descriptor).items():
        for rec in check.tables.get(table, []):
            for col in columns:
                if found := full_width_outside_quotes(rec.get(col, "")):
                    half = "、".join(unicodedata.normalize("NFKC", f) for f in found)
                    check.add(
                        table,
                        rec,
                        col,
                        "full-width-latin",
                        f"{'、'.join(found)} is full-width in our own Japanese text; write it "
                        f"half-width ({half}) "
                        "or quote the chapter in 「」",
                    )
