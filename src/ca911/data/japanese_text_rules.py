"""Our Japanese text fields write Latin letters and digits half-width (CIS, 9月, 5カ国), as the
companion's prose does; full-width forms (ＣＩＳ, ９月) belong only to what a chapter prints. So the
rule reads every Japanese field the descriptor does not declare a quotation, and skips the 「…」
spans inside it, where our text quotes a chapter as printed (「１月初旬」).

A quantity is written in one form in Japanese, the numbers module's (ca911.data.numbers): 1,000人,
12万9,000ドル, 1億1,000万ドル, never 1000人 beside a table's 1,000人. A run of four digits or more
with no comma before a counter or a myriad word (人, ドル, 万) is a quantity in another form; years
(2001年), identifiers (決議1511) and locators take no counter and are left alone."""

from __future__ import annotations

import re
import unicodedata

from ca911.data.numbers import format_number
from ca911.data.problems import CrossFileCheck

FULL_WIDTH_LATIN_OR_DIGIT = re.compile(r"[０-９Ａ-Ｚａ-ｚ]+")
QUOTED_SPAN = re.compile(r"「[^「」]*」")
# a quantity's digits as the chapters may print them (1000人, 12万9000ドル), not as the numbers
# module writes them: four or more digits, no comma, before a counter or a myriad word
COUNTERS = "人|名|機|ドル|ルーブル|件|万|億|キロ|か国|カ国|か月|円|トン|隻|両"
UNGROUPED_QUANTITY = re.compile(rf"(?<![\d,.，．])\d{{4,}}(?=(?:{COUNTERS}))")


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


def ungrouped_quantities(text: str) -> list[str]:
    """The quantities of `text`, outside its 「…」 quotations, not written as the numbers module
    writes them (1000人 for 1,000人)."""
    return UNGROUPED_QUANTITY.findall(QUOTED_SPAN.sub("", text))


def grouped_quantities(text: str) -> str:
    """`text` with each quantity outside 「…」 in the numbers module's form (1000人 → 1,000人;
    the digits after a myriad word stay in that myriad: 12万9000 → 12万9,000)."""
    parts = re.split(f"({QUOTED_SPAN.pattern})", text)
    return "".join(
        p
        if QUOTED_SPAN.fullmatch(p)
        else UNGROUPED_QUANTITY.sub(lambda m: format_number(int(m[0]), lang="ja"), p)
        for p in parts
    )


def japanese_text_rules(check: CrossFileCheck) -> None:
    """No full-width Latin letter or digit in our Japanese fields outside a 「…」 quotation, and
    every quantity there in the numbers module's form."""
    for table, columns in japanese_own_fields(check.descriptor).items():
        for rec in check.tables.get(table, []):
            for col in columns:
                if found := ungrouped_quantities(rec.get(col, "")):
                    check.add(
                        table,
                        rec,
                        col,
                        "ungrouped-quantity",
                        f"{'、'.join(found)} is written otherwise than the book's numbers "
                        f"({'、'.join(format_number(int(f), lang='ja') for f in found)}): "
                        "write it so, or quote the chapter in 「」",
                    )
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
