"""Internal ids in the tables a reader reads: a period id (kaz-1), an actor code (KAZ, USA) or an
actor's or place's slug (central-asia) where the reader needs a name or a label.

An id may stay in a column about records (headed "record", "records" or 記録), where it names the
record and links to it, and in a column headed "id" beside the name (the glossary's key from a name
to the data); `internal_ids(actors, periods)` lists the ids a reader does not know as
words (those that none of the actor's names or its description shows); `ids_in_tables` finds them in
a page's tables.

Plain functions of a page's HTML and the data's rows, so tests/support/test_table_ids.py shows they
fail on a small broken page; tests/test_reader_references.py runs them on both editions.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

# the words an actor is known by (actors.csv); an id found among them is a name, not a code ("SCO")
NAME_FIELDS = (
    "name_en",
    "name_en_external",
    "name_en_ours",
    "name_ja",
    "name_ja_variants",
    "description_en",
)
# a column about records may name them by id
RECORD_HEADER = re.compile(r"\brecords?\b|記録|^(?:id|ID)(?: · .+)?$")
# a list of abbreviations shows each code as the thing it explains
ABBREVIATION_HEADER = re.compile(r"^(?:abbreviations?|略語)$")


def _token(word: str) -> re.Pattern:
    # a whole token: not part of a longer id or of a file name (alignment-kaz-1.graphml)
    return re.compile(r"(?<![\w./-])" + re.escape(word) + r"(?![\w/-])")


def internal_ids(actors: list[dict], periods: list[dict]) -> set[str]:
    """The period ids, and the actor ids that are not also a name the reader is given; ids of two
    letters or fewer ("UN") are everyday abbreviations and left out."""
    ids = {p["period_id"] for p in periods}
    for actor in actors:
        known = " ".join(str(actor.get(field) or "") for field in NAME_FIELDS)
        if not _token(actor["actor_id"]).search(known):
            ids.add(actor["actor_id"])
    return {i for i in ids if len(i) > 2}


def _header_of_columns(table) -> list[str]:
    head = table.find("thead")
    row = head.find_all("tr")[-1] if head else table.find("tr")
    if row is None:
        return []
    return [" ".join(c.get_text(" ").split()) for c in row.find_all(["th", "td"], recursive=False)]


def ids_in_tables(page_html: str, ids: set[str]) -> list[str]:
    """Every table cell (outside a records column) that shows one of `ids`, with its table."""
    pattern = re.compile(
        r"(?<![\w./-])("
        + "|".join(map(re.escape, sorted(ids, key=len, reverse=True)))
        + r")(?![\w/-])"
    )
    found = []
    for table in BeautifulSoup(page_html, "html.parser").find_all("table"):
        heads = _header_of_columns(table)
        caption = table.find("caption")
        name = " ".join((caption or table).get_text(" ").split())[:60]
        body = table.find("tbody") or table
        for row in body.find_all("tr"):
            for column, cell in enumerate(row.find_all(["td", "th"], recursive=False)):
                if column < len(heads) and (
                    RECORD_HEADER.search(heads[column]) or ABBREVIATION_HEADER.match(heads[column])
                ):
                    continue
                text = " ".join(cell.get_text(" ").split())
                for m in pattern.finditer(text):
                    found.append(f"{m.group(1)!r} in {text[:50]!r} (table {name!r})")
    return found
