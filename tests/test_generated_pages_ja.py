"""The generated pages of the Japanese edition, built with `language = "ja"` from the committed
data (tests/support/generated_ja.py): every page the English edition generates, none with a
paragraph of English prose (tests/support/untranslated.py), dates and numbers in Japanese words."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from ca911.book.generated import generators
from ca911.data.package import load
from support.generated_ja import build_japanese_pages
from support.project import ROOT
from support.untranslated import english_paragraphs


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
        if (english := english_paragraphs(p.read_text(encoding="utf-8")))
    }
    assert found == {}, "\n".join(
        f"{page}: {texts[:2]}" for page, texts in list(found.items())[:10]
    )


def test_english_the_data_hold_in_english_only_is_declared_english(japanese_pages):
    """The discrepancy register's reasoning exists in English only: the page marks it lang="en"."""
    soup = BeautifulSoup(
        (japanese_pages / "discrepancies.html").read_text(encoding="utf-8"), "html.parser"
    )
    declared = soup.select('span[lang="en"].ca911-english')
    pkg = load(validate=False)
    assert len(declared) >= len(pkg.discrepancies), len(declared)


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
