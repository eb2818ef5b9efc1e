"""The order of the Japanese edition's reference list: works under a Japanese name first, in
五十音順 of the name's reading (a kanji name by the reading references.bib records for it, a kana
name by itself), then works under a Latin name, alphabetically. Read from the built page: each
entry's author as printed, in the order printed."""

from __future__ import annotations

import html
import re

from ca911.book.actor_index import japanese_sort_key

JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# an entry of the list: its text up to the year in full-width brackets, 松井弘明（n.d.）
ENTRY = re.compile(r'<div class="citation"[^>]*>(.*?)</div>', re.S)


def printed_authors(page_html: str) -> list[str]:
    """Each entry's author, as the list prints it, in order."""
    authors = []
    for m in ENTRY.finditer(page_html):
        text = html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))
        text = re.sub(r"^\s*\[[^\]]*\]\s*", "", text)  # the label a citation links to
        authors.append(text.split("（", 1)[0].strip())
    return authors


def order_key(author: str, readings: dict[str, str]) -> tuple:
    if JAPANESE_SCRIPT.search(author):
        return (0, japanese_sort_key(author, readings.get(author, "")))
    return (1, ("", "", author.lower()))


def out_of_order(authors: list[str], readings: dict[str, str]) -> list[str]:
    """'A before B' for each neighbouring pair the Japanese order would swap; a kanji name
    without a recorded reading is named too (its place cannot be known)."""
    missing = [
        f"{a}: no reading"
        for a in dict.fromkeys(authors)
        if re.search(r"[\u3400-\u9fff]", a) and a not in readings
    ]
    keys = [order_key(a, readings) for a in authors]
    return missing + [
        f"{a} before {b}"
        for (a, ka), (b, kb) in zip(zip(authors, keys), zip(authors[1:], keys[1:]))
        if ka > kb
    ]


def bib_readings(bib_text: str) -> dict[str, str]:
    """author_ja → author_ja_reading, from references.bib."""
    readings = {}
    for entry in re.split(r"\n@", bib_text):
        name = re.search(r"author_ja\s*=\s*\{([^}]*)\}", entry)
        reading = re.search(r"author_ja_reading\s*=\s*\{([^}]*)\}", entry)
        if name and reading:
            readings[name.group(1)] = reading.group(1)
    return readings
