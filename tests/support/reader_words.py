"""What the reader's text must not show: the data's internal names (field names, code values, period
ids) in running text, straight quotation marks, and chronology summaries told in the present tense.

Each is a plain function of a page's HTML or of a string, so `tests/test_reader_words_checkers.py`
runs it on small broken inputs; `tests/test_reader_words.py` runs it on the built book and the data.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

# Pages whose subject is the data's own names: the codebook and the data model list every field and
# code.
NAME_PAGES = ("methods/codebook.html", "methods/data_model.html")
# Where code is quoted on purpose: scripts, styles, code blocks (notebook code cells, listings), the
# page head.
QUOTED_CODE = ["script", "style", "pre", "head", "template", "noscript"]
# A record reference names a record by its key, which may hold a code
# ("period_relations:uzb-1/USA"): it is a citation, written in the one record style
# (records.RECORD_CLASS), not running text.
CITATIONS = "code.ca911-record"


def internal_names(descriptor: dict, period_ids=()) -> set[str]:
    """The names a reader should never meet in running text: every field name and code value of the
    data package that is no English word (it has an underscore: `as_of`, `policy_type`, `drawn_to`),
    and the periods' ids (`uzb-1`)."""
    names = set(period_ids)
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            names.add(field["name"])
            names.update(str(c["value"]) for c in field.get("categories", []))
    return {n for n in names if "_" in n or n in set(period_ids)}


def reader_text(page_html: str) -> str:
    """The page's running text: code blocks, scripts and record references removed; inline code kept
    (a field name in code in a sentence is still a field name in the sentence)."""
    soup = BeautifulSoup(page_html, "html.parser")
    for tag in soup(QUOTED_CODE):
        tag.decompose()
    for tag in soup.select(CITATIONS):
        tag.decompose()
    return soup.get_text(" ")


def names_in_text(text: str, names: set[str]) -> list[str]:
    """Each internal name found as a word of `text` (not part of a longer identifier), with some
    context."""
    if not names:
        return []
    pattern = re.compile(
        r"(?<![\w/:.-])("
        + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
        + r")(?![\w/-])"
    )
    return [
        f"{m.group(1)!r} in {text[max(0, m.start() - 50) : m.end() + 30]!r}"
        for m in pattern.finditer(text)
    ]


# A straight quotation mark: a " anywhere, or a ' that is no apostrophe (not between two letters,
# nor after the s of a plural possessive: "the states' offers").
STRAIGHT_QUOTE = re.compile(r"\"|(?<![A-Za-z])'|(?<=[A-Za-rt-z])'(?![A-Za-z])")


def straight_quotes(text: str) -> list[str]:
    """Every straight double or single quotation mark in `text` (an apostrophe inside a word is not
    one; the book writes those curly too, but a straight one there is no quotation mark), with some
    context."""
    return [
        repr(text[max(0, m.start() - 30) : m.end() + 30]) for m in STRAIGHT_QUOTE.finditer(text)
    ]


# A straight apostrophe inside or at the end of a word (Russia's, the states'): the book's text
# writes it curly (’) as docutils' smartquotes does for our prose.
STRAIGHT_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_]|\s|[.,;:)]|$)")


def straight_marks(text: str) -> list[str]:
    """Every straight quotation mark and every straight apostrophe in `text`, with some context."""
    found = sorted(
        {m.start() for p in (STRAIGHT_QUOTE, STRAIGHT_APOSTROPHE) for m in p.finditer(text)}
    )
    return [repr(text[max(0, i - 30) : i + 30]) for i in found]


# Present-tense verb forms an event summary would use for what happened ("Putin visits", "is
# signed", "says"). Forms that are also plural nouns ("states", "plans", "reports", "talks") are
# left out: a heuristic that must not cry wolf over "the Central Asian states".
PRESENT_FORMS = frozenset(
    [
        "is",
        "are",
        "has",
        "does",
        "do",
        "says",
        "visits",
        "meets",
        "signs",
        "declares",
        "announces",
        "becomes",
        "begins",
        "takes",
        "makes",
        "holds",
        "keeps",
        "leaves",
        "shows",
        "tells",
        "writes",
        "argues",
        "decides",
        "sends",
        "seeks",
        "chooses",
        "promises",
        "inspects",
        "denies",
        "discusses",
        "backs",
        "stresses",
        "informs",
        "reveals",
        "asks",
        "enters",
        "names",
        "mentions",
        "complains",
        "lists",
        "approves",
        "warns",
        "wants",
        "hopes",
        "seems",
        "allows",
        "ends",
        "launches",
        "stops",
        "shifts",
        "comes",
        "goes",
        "gives",
        "joins",
        "agrees",
        "calls",
        "opposes",
        "follows",
        "speaks",
        "flies",
        "issues",
        "trains",
        "builds",
        "expresses",
    ]
)
# A clause about the chapter or the data, not about what happened ("the chapter ties it to May
# 2000"), keeps the present: it says what the text does now.
ABOUT_THE_TEXT = re.compile(
    r"^\s*(?:the chapter|the cell|the table|see |as printed|printed|read |month |day |year )", re.I
)


def present_tense(summary: str) -> list[str]:
    """The present-tense verb forms in the clauses of an event summary that tell what happened: text
    in parentheses (notes on the date or source) and clauses about the chapter itself are not
    checked."""
    plain = re.sub(r"\([^()]*\)", " ", summary)
    plain = re.sub(r"“[^”]*”", " ", plain)  # a quotation keeps its own tense
    found = []
    for clause in re.split(r"[;:]", plain):
        if ABOUT_THE_TEXT.match(clause):
            continue
        found += [w for w in re.findall(r"[A-Za-z]+", clause) if w.lower() in PRESENT_FORMS]
    return found


# A snake_case token (an internal field name or code: `internal_conflict`, `source_id`), not part of
# a file name (`coverage_exclusions.csv`), a path or a longer identifier.
SNAKE_CASE = re.compile(r"(?<![\w./:-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w/-]|\.\w)")
# What a table cell may show by its key: a record reference or a chapter locator (a citation)
TABLE_CITATIONS = "code.ca911-record, code.ca911-locator"


def table_codes(page_html: str) -> list[str]:
    """Each snake_case token in a table's header or body cell or caption, in code face or not (a
    reader table says its kinds and columns in words; only the codebook and the data model, left out
    by the caller, list the codes themselves), with the cell's text."""
    soup = BeautifulSoup(page_html, "html.parser")
    for tag in soup(QUOTED_CODE):
        tag.decompose()
    for tag in soup.select(TABLE_CITATIONS):
        tag.decompose()
    found = []
    for cell in soup.select("table th, table td, table caption"):
        if cell.find(["th", "td"]):  # a nested table: its own cells are read
            continue
        text = cell.get_text("").replace("\u00ad", "").replace("\u200b", "")
        found += [
            f"{m.group(0)!r} in {' '.join(text.split())[:60]!r}" for m in SNAKE_CASE.finditer(text)
        ]
    return found
