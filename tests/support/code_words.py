"""Code words in a reader's text: a data code or field name shown as it is stored (`not_stated`,
`text_ja`) or read with its underscores as spaces ("us military use 2001", "search rescue") in the
text of an HTML page outside its code elements (where an id is quoted on purpose, in monospace).

A code's words are allowed where the codebook's own labels use them as words ("offers full
support" reads as English, so "full support" may stand in prose) or where they are a plain English
phrase; any other spelled-out code is a code the page should have given its reader's label.

Plain functions of a page's HTML and of the data's descriptor, so `tests/support/test_code_words.py`
runs them on small broken inputs and shows they fail there; `tests/test_code_words.py` runs them on
both built editions.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from support.rendered_text import SNAKE_CASE, visible_text

# Codes whose words are plain English phrases a sentence may use (reviewed): "drawn to Russia",
# "a phone call". Any other code read with spaces ("search rescue", "us military use 2001") is a
# code.
READ_AS_WORDS = {
    "balance of power",
    "border closure",
    "drawn to",
    "economic impact",
    "internal conflict",
    "military equipment",
    "military operation",
    "missing text",
    "no troops",
    "not before",
    "phone call",
    "policy change",
    "reported view",
    "same event",
    "time basis",
    "treaty signature",
    "troops sent",
}


def descriptor_codes(descriptor: dict) -> set[str]:
    """Every stored code of the descriptor's coded fields with an underscore in it."""
    return {
        c["value"]
        for resource in descriptor["resources"]
        for field in resource["schema"]["fields"]
        for c in field.get("categories", [])
        if isinstance(c["value"], str) and "_" in c["value"]
    }


def label_text(descriptor: dict) -> str:
    """All the codebook's labels and descriptions, in both languages: the words a code may be read
    as."""
    parts = []
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            parts += [field.get("description", ""), field.get("description_ja", "")]
            for c in field.get("categories", []):
                parts += [c.get("label", ""), c.get("label_ja", "")]
    return " ".join(parts).lower()


def spelled_out_codes(codes: set[str], allowed: str) -> dict[str, str]:
    """A code read with its underscores as spaces → the code, for each code whose spelled-out form
    is not an English phrase (`READ_AS_WORDS`) and which the codebook's labels (`allowed`, lower
    case) never use as words."""
    out = {}
    for code in codes:
        words = code.replace("_", " ")
        if words not in READ_AS_WORDS and not re.search(
            rf"(?<!\w){re.escape(words)}(?!\w)", allowed
        ):
            out[words] = code
    return out


def code_words(text: str, spelled: dict[str, str]) -> list[str]:
    """Each snake_case token and each spelled-out code in `text`, with some context."""
    found = [m for m in SNAKE_CASE.finditer(text)]
    if spelled:
        pattern = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(map(re.escape, sorted(spelled, key=len, reverse=True)))
            + r")(?![\w-])",
            re.IGNORECASE,
        )
        found += list(pattern.finditer(text))
    return [
        repr(text[max(0, m.start() - 40) : m.end() + 30])
        for m in sorted(found, key=lambda m: m.start())
    ]


def page_code_words(page_html: str, spelled: dict[str, str]) -> list[str]:
    """The code words in what a reader sees of a page (its text outside code elements)."""
    return code_words(" ".join(visible_text(page_html).split()), spelled)


def book_spelled_codes(data_dir: Path) -> dict[str, str]:
    """The book's codes that must not be read with spaces: the descriptor's coded values and the
    indicators' names (`hostages_taken_in_kyrgyzstan`)."""
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    with (data_dir / "indicators.csv").open(encoding="utf-8", newline="") as f:
        indicators = {row["indicator"] for row in csv.DictReader(f)}
    return spelled_out_codes(descriptor_codes(descriptor) | indicators, label_text(descriptor))
