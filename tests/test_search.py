"""The Japanese edition's search finds a compound word on the pages that print it: the search page
splits a query with the segmenter the index was built with (ca911.book.sphinx.search), so 有志連合
is looked up as the words it was indexed as, and 9.11 (9・11) and 同時多発テロ, which the
segmenter cuts into pieces, are found as readers type them. Its results' summaries read as running
text. And the search field's text starts clear of its icon in both editions. The checks are
tests/support/site_search.py (self-tested in tests/support/test_site_search.py)."""

from __future__ import annotations

import re

import pytest

from support import site_search
from support.project import HTML, ROOT

pytestmark = pytest.mark.book
JA = "ja"
# compounds the Japanese pages print, each indexed as two words or more
COMPOUNDS = ("有志連合", "上海協力機構", "集団安全保障条約")


@pytest.mark.parametrize("word", COMPOUNDS)
def test_the_japanese_search_finds_every_page_that_prints_a_compound(browser, site, word):
    printed = site_search.pages_containing(HTML / JA, word)
    assert printed, f"no Japanese page prints {word!r}: pick a compound the pages hold"
    found, _ = site_search.search_page(browser, site, JA, word)
    assert printed <= found, (
        f"searching {word!r} missed {len(printed - found)} of the {len(printed)} pages that "
        f"print it: {sorted(printed - found)[:8]}"
    )


# terms a reader types whole that the segmenter cuts into pieces the index drops, each with the
# forms a page may print it in (ca911.book.sphinx.search.whole_terms)
WHOLE_TERMS = {
    "9.11": ("9.11", "9・11", "9/11", "９．１１", "９・１１"),
    "9・11": ("9.11", "9・11", "9/11", "９．１１", "９・１１"),
    "同時多発テロ": ("同時多発テロ",),
}


@pytest.mark.parametrize("query", sorted(WHOLE_TERMS))
def test_the_japanese_search_finds_a_term_as_readers_type_it(browser, site, query):
    """9.11 and 同時多発テロ, which the segmenter cuts into one-character words and pieces, are
    found on every page that prints them, in any of their forms."""
    printed = set().union(*(site_search.pages_containing(HTML / JA, f) for f in WHOLE_TERMS[query]))
    assert printed, f"no Japanese page prints {query!r}: pick a term the pages hold"
    found, _ = site_search.search_page(browser, site, JA, query)
    assert printed <= found, (
        f"searching {query!r} missed {len(printed - found)} of the {len(printed)} pages that "
        f"print it: {sorted(printed - found)[:8]}"
    )


@pytest.mark.parametrize(("edition", "query"), [("", "Karimov"), (JA, "有志連合")])
def test_the_search_page_says_in_the_editions_language_how_many_pages_it_found(
    browser, site, edition, query
):
    found, status = site_search.search_page(browser, site, edition, query)
    assert found, f"searching {query!r} found no page: pick a word the edition prints"
    assert str(len(found)) in status, (
        f"the {edition or 'English'} search page's status line does not give the {len(found)} "
        f"pages it listed: {status!r}"
    )
    if edition == JA:
        assert not re.search(r"[A-Za-z]", status), f"English in the Japanese status: {status!r}"


SUMMARY_SCRIPT = "ca911-search-summary.js"


@pytest.mark.parametrize(
    ("edition", "query"), [("", "Karimov"), (JA, "カリモフ"), (JA, "基地"), (JA, "有志連合")]
)
def test_the_search_results_summaries_read_as_running_text(browser, site, edition, query):
    """Under each result, the words around the query as the page's text has them: no line breaks
    and indentation of its HTML, none of the theme's header (src/ca911/book/sphinx/static/screen/
    ca911-search-summary.js)."""
    shown = site_search.summaries(browser, site, edition, query)
    assert shown, f"searching {query!r} showed no summary"
    found = [f"{s[:60]!r}: {site_search.summary_residue(s)[:3]}" for s in shown]
    found = [f for s, f in zip(shown, found) if site_search.summary_residue(s)]
    assert found == [], "\n".join(found)


def test_the_summary_check_sees_the_summaries_sphinx_makes_by_itself(browser, site):
    """The same page served without the book's summary script shows Sphinx's summaries (the
    whole main region's text, layout and all), which the check above finds."""
    shown = site_search.summaries(browser, site, JA, "カリモフ", without=[SUMMARY_SCRIPT])
    assert any(site_search.summary_residue(s) for s in shown), shown[:2]


def catalog_sentences(limit: int = 400) -> list[str]:
    """Japanese sentences of the book's own (the catalogs' translations), to split both ways."""
    from babel.messages.pofile import read_po

    texts = []
    for po in sorted((ROOT / "locales" / "ja" / "LC_MESSAGES").rglob("*.po")):
        with po.open("rb") as fh:
            texts += [m.string for m in read_po(fh) if m.id and isinstance(m.string, str)]
    return [t for t in texts if t.strip()][:limit]


def test_the_query_splitter_splits_as_the_index_does(page):
    from ca911.book.sphinx.search import JapaneseSearch, splitter_js

    language = JapaneseSearch({})

    def index_words(text: str) -> list[str]:
        return [w for w in language.split(text) if language.word_filter(w)]

    texts = catalog_sentences() + ["9.11後", "９・１１事件", "9/11", "同時多発テロ", "1.5と2・3"]
    assert len(texts) >= 100
    assert site_search.splitter_disagreements(page, splitter_js(), index_words, texts) == []


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", ["search.html?q=Karimov", "ja/search.html?q=有志連合"])
def test_the_search_fields_text_starts_clear_of_its_icon(browser, site, path, width):
    from support import screen_fit

    device = screen_fit.PHONE if width == 390 else screen_fit.DESKTOP
    context = browser.new_context(color_scheme="light", **device)
    try:
        page = context.new_page()
        page.goto(f"{site}/{path}", wait_until="load")
        page.wait_for_load_state("networkidle")
        assert site_search.search_field_problems(page) == []
    finally:
        context.close()
