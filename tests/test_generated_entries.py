"""The entries of the generated appendices as a reader sees them, in both editions: every reason of
the discrepancy register is a sentence; an English reading gives the Japanese it adopts a gloss;
the index of actors lists an actor with no records only when no record names it; a Japanese entry
does not end with an English record id; no page shows a folder of the machine that built it."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from test_actor_pages import independent_records

from support.project import EDITIONS, each_edition

pytestmark = pytest.mark.book

WHY = {"en": "Why:", "ja": "理由："}
READING = {"en": "Reading adopted:", "ja": "採用した読み："}
NO_RECORDS = {"en": "no records", "ja": "記録なし"}
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def soup_of(built, page: str) -> BeautifulSoup:
    return BeautifulSoup((built.html / page).read_text(encoding="utf-8"), "html.parser")


def register_items(soup: BeautifulSoup, label: str) -> list[str]:
    """The text after `label` in each item of the register's entries."""
    return [
        li.get_text(" ", strip=True).removeprefix(label).strip()
        for li in soup.select("main li")
        if li.strong and li.strong.get_text(strip=True) == label
    ]


def unfinished(reasons: list[str]) -> list[str]:
    """Reasons that do not end as a sentence does (a full stop, or a closing bracket after one)."""
    return [r for r in reasons if not re.search(r"[.。．!?]([)）」”’])?$", r)]


@each_edition
def test_every_reason_of_the_register_is_a_sentence(built_book, built):
    soup = soup_of(built, "methods/discrepancies.html")
    reasons = register_items(soup, WHY[built.lang])
    assert len(reasons) >= 30, "the register's reasons were not found"
    assert unfinished(reasons) == [], unfinished(reasons)[:5]
    # broken copy: one reason without its full stop
    label = soup.find("strong", string=WHY[built.lang])
    for text in list(label.next_siblings):
        text.extract()
    label.insert_after(" Letters transposed")
    assert unfinished(register_items(soup, WHY[built.lang]))


def unglossed(readings: list[str]) -> list[str]:
    """English readings that give Japanese words with no English beside them."""
    return [r for r in readings if JAPANESE.search(r) and not LATIN_WORD.search(r)]


def test_every_english_reading_of_japanese_is_glossed(built_book):
    soup = soup_of(EDITIONS["en"], "methods/discrepancies.html")
    readings = register_items(soup, READING["en"])
    assert readings, "the register's readings were not found"
    assert unglossed(readings) == [], unglossed(readings)
    # broken copy: d52's reading as it was, the Japanese alone
    assert unglossed(readings + ["依然先行きは不透明であるとはいえ"])


def index_entries(soup: BeautifulSoup) -> dict[str, str]:
    """actor id → the text of its entry in the index of actors."""
    return {
        p["id"].removeprefix("idx-actor-"): p.get_text(" ", strip=True)
        for p in soup.select('main p[id^="idx-actor-"]')
    }


def listed_without_records(entries: dict[str, str], lang: str) -> set[str]:
    return {a for a, text in entries.items() if text.endswith(NO_RECORDS[lang])}


@each_edition
def test_an_actor_shown_without_records_is_named_by_none(built_book, built):
    entries = index_entries(soup_of(built, "appendices/actors.html"))
    assert len(entries) > 100, "the index's entries were not found"
    named = {a.lower() for a, refs in independent_records().items() if refs}  # ids lower-cased
    wrongly = listed_without_records(entries, built.lang) & named
    assert wrongly == set(), f"listed with no records, though records name them: {wrongly}"
    # broken copy: Yerevan, the place of two events, shown as it was with none
    entries["yerevan"] = f"Yerevan · {NO_RECORDS[built.lang]}"
    assert "yerevan" in listed_without_records(entries, built.lang) & named


# the appendices whose entries close with their record (their anchors keep the ids)
ENTRY_PAGES = (
    "appendices/chronology.html",
    "appendices/sentence_map.html",
    "appendices/actors.html",
)


def closing_ids(soup: BeautifulSoup) -> list[str]:
    """Entries (paragraphs with an anchor of their own) whose last words are a code span holding
    an id: a Latin word with no Japanese."""
    out = []
    for p in soup.select("main p"):
        if not (p.get("id") or p.find_previous_sibling("span", id=True)):
            continue
        last = [c for c in p.contents if str(c).strip()]
        if last and getattr(last[-1], "name", None) == "code":
            text = last[-1].get_text(strip=True)
            if LATIN_WORD.search(text) and not JAPANESE.search(text) and "§" not in text:
                out.append(p.get_text(" ", strip=True)[:80])
    return out


def test_japanese_entries_do_not_close_with_an_english_id(built_book):
    for page in ENTRY_PAGES:
        soup = soup_of(EDITIONS["ja"], page)
        assert soup.select("main p"), page
        assert closing_ids(soup) == [], (page, closing_ids(soup)[:3])
    # broken copy: the English edition's entries, which keep their ids, fail the same check
    assert closing_ids(soup_of(EDITIONS["en"], "appendices/chronology.html"))


MACHINE_PATH = re.compile(r"(?:\.\./)+shared|/work/|/home/|/tmp/")


@each_edition
def test_no_page_shows_a_folder_of_the_building_machine(built_book, built):
    shown = []
    for page in built.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        main = soup.find("main") or soup
        if MACHINE_PATH.search(main.get_text(" ")):
            shown.append(page.relative_to(built.html).as_posix())
    assert shown == [], shown
    # broken copy: the codebook with the description the sources' file field had
    soup = soup_of(built, "methods/codebook.html")
    soup.find("main").append("The plain-text file in ../shared/sources.")
    assert MACHINE_PATH.search(soup.find("main").get_text(" "))
