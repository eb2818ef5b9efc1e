"""The Japanese edition's words as built: the text made from the data (discrepancy register,
chronology, glossary, actor index and pages) has no English word of ours left in it, and one
idea has one term on every page and in every figure (典拠箇所 for a locator, 引き寄せ for
`drawn_to`).
The checkers' self-tests are in tests/support/test_english_words.py and test_japanese_terms.py."""

from __future__ import annotations

import re

import pandas as pd

from support import japanese_pages
from support.english_words import english_words
from support.japanese_terms import figure_term_variants, page_term_variants
from support.project import BUILD, HTML, ROOT
from support.reference_order import bib_readings, out_of_order, printed_authors

JA_HTML = HTML / "ja"
DATA = ROOT / "data"
SVG_IMAGE = re.compile(r"_images/([0-9A-Za-z_.-]+\.svg)")
# the pages written from the data's Japanese fields and the word modules
DATA_MADE = (
    "methods/discrepancies.html",
    "appendices/chronology.html",
    "appendices/glossary.html",
    "appendices/actors.html",
)


def data_made_pages():
    return [JA_HTML / p for p in DATA_MADE] + sorted((JA_HTML / "_generated").rglob("*.html"))


def test_no_english_word_in_the_text_made_from_data(built_book):
    names = japanese_pages.latin_names(DATA)
    ids = frozenset(pd.read_csv(DATA / "actors.csv")["actor_id"])
    pages = data_made_pages()
    assert len(pages) > 40
    found = [
        f"{page.relative_to(JA_HTML)}: {word}"
        for page in pages
        for word in english_words(page.read_text(encoding="utf-8"), names, ids)
    ]
    assert found == [], "\n".join(found[:20])


def test_one_term_for_one_idea_on_every_page_and_figure(built_book):
    pages = [p for p in JA_HTML.rglob("*.html") if "_static" not in p.parts]
    # the figures the pages show (an incremental build's folder keeps figures no page shows now)
    shown = {m for p in pages for m in SVG_IMAGE.findall(p.read_text(encoding="utf-8"))}
    figures = sorted(JA_HTML / "_images" / name for name in shown)
    assert pages and figures
    found = [
        f"{path.relative_to(JA_HTML)}: {problem}"
        for path in pages
        for problem in page_term_variants(path.read_text(encoding="utf-8"))
    ] + [
        f"{path.relative_to(JA_HTML)}: {problem}"
        for path in figures
        for problem in figure_term_variants(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "\n".join(found[:20])


def test_the_reference_list_is_in_the_japanese_order(built_book):
    page = (JA_HTML / "appendices" / "references.html").read_text(encoding="utf-8")
    authors = printed_authors(page)
    assert len(authors) >= 8 and "松井弘明" in authors
    readings = bib_readings((ROOT / "references.bib").read_text(encoding="utf-8"))
    assert out_of_order(authors, readings) == []


def test_each_imprint_cites_its_edition_in_its_language_and_names_the_other(built_book):
    from pypdf import PdfReader

    from ca911.book.editions import EDITIONS, TEAM_JA

    def imprint(pdf: str) -> str:
        pages = [p.extract_text() or "" for p in PdfReader(BUILD / "pdf" / pdf).pages[:6]]
        return "".join("".join(p.split()) for p in pages if "MIT" in p)

    import yaml

    from ca911.book.citation_page import citation_year

    year = citation_year(yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8")))
    japanese, english = imprint("companion-ja.pdf"), imprint("companion.pdf")
    title_ja = "".join(EDITIONS["ja"].title.split())
    # in the author–date form the how-to-cite page gives, its year included
    assert f"{TEAM_JA}（{year}）『{title_ja}』" in japanese and "英語版" in japanese, japanese[:600]
    assert f"team.{year}" in english, english[:600]
    assert "Japaneseedition" in english and title_ja in english, english[:600]
