"""Words in the running text of both editions, on every page, in print and on screen (checkers and
their self-tests: tests/support/running_words.py, tests/support/test_running_words.py):

- no date in brackets after a sentence that already placed its time in words (the season, the next
  day, 翌日, 同日): the link's date would repeat or contradict the sentence's;
- a locator's run of paragraphs takes an en dash (¶6–7), never a hyphen, and a sub-section is
  written as the locators module names it ("sub-section (2) of section 4", not "4.(2)");
- English running text spells out a count of one to nine (tables, figures and lists keep figures).
"""

from __future__ import annotations

import functools

import pytest
from bs4 import BeautifulSoup

from support import running_words as words
from support.project import EDITIONS, NOT_READER_PAGES, each_edition, pdf_page_texts
from support.rendered_text import visible_text


@functools.lru_cache(maxsize=4)
def html_texts(built) -> tuple[tuple[str, str, str], ...]:
    """(page, its visible text, its text with inline code) for every page of one edition."""
    out = []
    for path in built.pages():
        rel = path.relative_to(built.html).as_posix()
        if rel.split("/")[0] in NOT_READER_PAGES:
            continue
        page = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(page, "html.parser")
        for tag in soup(["script", "style", "pre", "head", "template", "noscript"]):
            tag.decompose()
        out.append((rel, visible_text(page), soup.get_text(" ")))
    return tuple(out)


@pytest.mark.book
@each_edition
def test_no_date_in_brackets_repeats_a_time_the_sentence_gave(built_book, built):
    found = [
        f"p. {n}: {f}"
        for n, text in enumerate(pdf_page_texts(built.pdf), start=1)
        for f in words.dates_after_time_words(text, built.lang)
    ] + [
        f"{page}: {f}"
        for page, text, _ in html_texts(built)
        for f in words.dates_after_time_words(text, built.lang)
    ]
    assert found == [], "\n".join(found[:12])


@pytest.mark.book
@each_edition
@pytest.mark.parametrize(
    "checker", [words.hyphenated_locator_ranges, words.dotted_subsections], ids=lambda c: c.__name__
)
def test_locators_and_sections_are_written_in_one_form(built_book, built, checker):
    """A run of paragraphs with an en dash (¶6–7); a sub-section as "sub-section (2) of section
    4"."""
    found = [
        f"p. {n}: {f}"
        for n, text in enumerate(pdf_page_texts(built.pdf), start=1)
        for f in checker(text)
    ] + [f"{page}: {f}" for page, _, text in html_texts(built) for f in checker(text)]
    assert found == [], "\n".join(found[:12])


# Pages of lists and records: the actor pages and the actor index tally records in figures, the
# chronology and the sentence map give the data's summaries.
LIST_PAGES = ("_generated/", "appendices/actors.html")


def running_paragraphs(page_html: str) -> list[str]:
    """The page's paragraphs and list items of running text: tables, figures and their captions,
    code and navigation taken out."""
    soup = BeautifulSoup(page_html, "html.parser")
    article = soup.select_one("article") or soup
    for tag in article(["table", "figure", "figcaption", "pre", "code", "script", "style", "nav"]):
        tag.decompose()
    return [" ".join(p.get_text(" ").split()) for p in article.find_all(["p", "li"])]


@pytest.mark.book
def test_english_running_text_spells_out_counts_of_one_to_nine(built_book):
    built = EDITIONS["en"]
    found = []
    for path in built.pages():
        rel = path.relative_to(built.html).as_posix()
        if rel.split("/")[0] in NOT_READER_PAGES or rel.startswith(LIST_PAGES):
            continue
        for text in running_paragraphs(path.read_text(encoding="utf-8")):
            found += [f"{rel}: {f}" for f in words.small_figures(text)]
    assert found == [], "\n".join(found[:12])
