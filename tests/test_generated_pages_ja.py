"""The generated pages of the Japanese edition, built with `language = "ja"` from the committed
data (tests/support/generated_ja.py): every page the English edition generates, none with a
paragraph of English prose (tests/support/japanese_pages.py, the checker of the built edition's
pages too), dates and numbers in Japanese words."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from ca911.book.generated import generators
from ca911.data.package import load
from support.generated_ja import build_japanese_pages
from support.japanese_pages import latin_names, untranslated
from support.project import ROOT


@pytest.fixture(scope="module")
def japanese_pages(tmp_path_factory):
    return build_japanese_pages(ROOT / "data", tmp_path_factory.mktemp("japanese-pages"))


def generated_pages(lang: str) -> set[str]:
    pkg = load(validate=False)
    return {
        path.removesuffix(".md")
        for name, writer in generators(True, lang).items()
        if name != "networks"
        for path in writer(pkg)
        if path.endswith(".md")
    }


def test_the_japanese_edition_generates_every_page_of_the_english_one(japanese_pages):
    english = generated_pages("en")
    built = {
        p.relative_to(japanese_pages).with_suffix("").as_posix()
        for p in japanese_pages.rglob("*.html")
    }
    assert english and english <= built, sorted(english - built)


def test_no_japanese_generated_page_has_a_paragraph_of_english_prose(japanese_pages):
    found = {
        p.relative_to(japanese_pages).as_posix(): english
        for p in sorted(japanese_pages.rglob("*.html"))
        if (english := untranslated(p.read_text(encoding="utf-8"), latin_names(ROOT / "data")))
    }
    assert found == {}, "\n".join(
        f"{page}: {texts[:2]}" for page, texts in list(found.items())[:10]
    )


def test_the_discrepancy_register_gives_its_readings_and_reasons_in_japanese(japanese_pages):
    """The register's reasoning is written from the data's Japanese fields (reading_ja, reason_ja),
    not shown in English. The fields and codes a reading names are set as code, so the text is
    joined without a separator between elements."""
    from ca911.data.locators import shown_locator

    soup = BeautifulSoup(
        (japanese_pages / "discrepancies.html").read_text(encoding="utf-8"), "html.parser"
    )
    text = " ".join(soup.get_text("").split())
    pkg = load(validate=False)
    d = pkg.discrepancies

    def told(r) -> bool:
        """The reason as written, or, for an entry told in one table with others that differ only
        in their note, as that table's explanation: its note (注3, from its locator) read 各注."""
        reason = shown_locator(" ".join(r.reason_ja.split()))  # a run of paragraphs as shown: ¶3–4
        note = re.search(r" n\.(\d+)$", r.locator)
        shared = reason.replace(f"注{note[1]}", "各注", 1) if note else reason
        return reason in text or shared in text

    missing = [
        r.discrepancy_id
        for r in d.itertuples()
        if shown_locator(" ".join(r.reading_ja.split())) not in text or not told(r)
    ]
    assert missing == []
    assert not any(r.reason in text for r in d.itertuples())


def test_the_chronology_dates_every_event_in_japanese(japanese_pages):
    soup = BeautifulSoup(
        (japanese_pages / "chronology.html").read_text(encoding="utf-8"), "html.parser"
    )
    dates = [s.get_text() for s in soup.select("p > strong:first-child")]
    pkg = load(validate=False)
    assert len(dates) == len(pkg.events)
    japanese = re.compile(
        r"\d{4}年(\d{1,2}月(\d{1,2}日)?)?(～(\d{4}年)?(\d{1,2}月)?(\d{1,2}日)?)?(ごろ)?"
    )
    assert [d for d in dates if not japanese.fullmatch(d)] == []
