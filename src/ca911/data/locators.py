"""Chapter locators, in one place: where in a chapter a record or sentence is stated.

    ch3 §2 ¶14 n.8      chapter, section, paragraph within the section, note marker in it
    ch3 §3.1 ¶2         sub-section (1) of section 3
    ch3 §2 ¶3-5         paragraphs 3 to 5 (shown to the reader as ¶3–5: `shown_locator`)
    ch3 §intro ¶1       the unnumbered introduction (はじめに); §concl is まとめ / the end matter
    ch4 §4.1 T1 r2 c1   Table 1, row 2 (domestic opinion), column 1 (Kazakhstan)
    ch4 §intro title    the chapter title; `heading` is a section heading
    ch3 §2 ¶14 s.3      sentence 3 of that paragraph (sentences end at 。 outside brackets)

Paragraphs are counted from 1 within the smallest section that holds them. A locator is the chapter
id followed by a passage key ('§2 ¶14'), the key the chapter reader numbers its passages by.
"""

from __future__ import annotations

import re

LOCATOR_RE = re.compile(
    r"^(?P<chapter>ch[34]) §(?P<section>\d+(?:\.\d+)?|intro|concl) "
    r"(?:¶(?P<para>\d+)(?:-(?P<para_end>\d+))?(?: s\.(?P<sentence>\d+))?|T1 r(?P<row>[1-5]) "
    r"c(?P<col>[12])|(?P<special>title|heading))"
    r"(?: n\.(?P<note>\d+))?$"
)
# A locator anywhere in running text: the same scheme without anchors or group names, its run of
# paragraphs as the data write it or as the page shows it (`shown_locator`: ¶6-7, ¶6–7).
LOCATOR_IN_TEXT = re.compile(
    re.sub(r"\(\?P<\w+>", "(?:", LOCATOR_RE.pattern.removeprefix("^").removesuffix("$")).replace(
        "(?:-(?:", "(?:[-–](?:"
    )
)
# What a page may show as a locator, a section alone included ("ch4 §3.2"): looser than the scheme,
# so that the pages draw every mention alike and the validator, not the page, rejects a malformed
# one.
LOCATOR_MENTION = re.compile(
    r"ch\d+ §[\w.]+(?: ¶\d+(?:[-–]\d+)?(?: [sn]\.\d+)?"
    r"| T\d+ r\d+ c\d+| heading(?: n\.\d+)?| title)?"
)
# A run of paragraphs: the data write it with a hyphen (the scheme's plain form, `¶6-7`), the page
# with an en dash, as a printed range of numbers is set (`¶6–7`).
PARAGRAPH_RUN = re.compile(r"(¶\d+)-(\d+)")


def shown_locator(text: str) -> str:
    """A locator, or a text holding locators, as the reader sees it: each run of paragraphs with an
    en dash ('ch3 §1 ¶6-7' → 'ch3 §1 ¶6–7'); the data keep the hyphen."""
    return PARAGRAPH_RUN.sub(r"\1–\2", text)


def parse_locator(locator: str) -> re.Match:
    """The parts of a locator (groups chapter, section, para, para_end, sentence, row, col, special,
    note)."""
    m = LOCATOR_RE.match(locator)
    if not m:
        raise ValueError(f"locator {locator!r} does not follow the scheme 'ch3 §2 ¶14 n.8'")
    return m


def section_key(section: str) -> str:
    """'2' → '§2', the first part of a passage key."""
    return f"§{section}"


def paragraph_key(section: str, paragraph: int) -> str:
    """'§2 ¶14': the passage key of a paragraph."""
    return f"{section_key(section)} ¶{paragraph}"


def table_cell_key(section: str, row: int | str, col: int | str) -> str:
    """'§4.1 T1 r2 c1': the passage key of a Table 1 cell."""
    return f"{section_key(section)} T1 r{row} c{col}"


def passage_keys(m: re.Match) -> list[str]:
    """The passage keys a parsed locator points to (several for a span of paragraphs)."""
    if m["para"]:
        first, last = int(m["para"]), int(m["para_end"] or m["para"])
        return [paragraph_key(m["section"], n) for n in range(first, last + 1)]
    if m["row"]:
        return [table_cell_key(m["section"], m["row"], m["col"])]
    return [f"{section_key(m['section'])} {m['special']}"]


def format_locator(
    chapter_id: str, passage_key: str, sentence: int | None = None, note: int | None = None
) -> str:
    """'ch3' and '§2 ¶14' → 'ch3 §2 ¶14'; with a sentence 'ch3 §2 ¶14 s.3', with a note '… n.8'."""
    locator = (
        f"{chapter_id} {passage_key}"
        + (f" s.{sentence}" if sentence is not None else "")
        + (f" n.{note}" if note is not None else "")
    )
    return locator


def chapter_of(locator: str) -> str:
    """The chapter id a locator starts with ('ch3 §2 ¶14' → 'ch3'), even for a locator that is
    malformed after it."""
    return str(locator).split(" ", 1)[0]


def section_of(locator: str) -> str:
    """The section part of a locator: 'ch3 §2 ¶14' → '§2'."""
    return str(locator).split(" ")[1]
