"""What a reader reads around references, ids and page numbers, checked on the built book (both
editions, HTML and PDF):

- no printed link points with bare words (その報道, "the report") without the page it points to;
- every printed cross-reference reads in its sentence: the link text as written, its number and page
  after it in brackets, never spliced in where the sentence wanted a noun (tests/support/
  cross_references.py), and its page follows "p." at a plain no-break space, unpadded
  (print_layout.page_number_gaps);
- every printed page reference is the page its link lands on (cross_references.misprinted_pages);
- no stray "??" or replacement character on any page (tests/support/unresolved_marks.py);
- no internal id (period id, actor code, slug) in a table outside a records column
  (tests/support/table_ids.py);
- the landing page's "What is in the book" names every part of the book the contents lists;
- people's names in the data's one style, never surname first (tests/support/name_styles.py);
- on a phone (390 px) no id or locator in a table cell breaks over more than two lines, the cause of
  very tall rows (tests/support/tall_rows.py).

The checkers' self-tests, on small broken inputs, are beside them in tests/support/.
"""

from __future__ import annotations

import csv

import pytest
import yaml
from bs4 import BeautifulSoup

from support import cross_references as xrefs
from support import print_layout as layout
from support import screen_fit
from support.name_styles import surname_first
from support.project import EDITIONS, HTML, ROOT, each_edition, edition_html_files, site_pages
from support.rendered_text import visible_text
from support.table_ids import ids_in_tables, internal_ids
from support.tall_rows import wrapped_codes
from support.unresolved_marks import stray_marks

pytestmark = pytest.mark.book


def rows(name: str) -> list[dict]:
    with (ROOT / "data" / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def pages_of(html_dir) -> list[str]:
    skip = ("_static", "_sources", "_images", "_downloads")
    return [
        p.relative_to(html_dir).as_posix()
        for p in edition_html_files(html_dir)
        if p.relative_to(html_dir).parts[0] not in skip
        and p.name not in ("search.html", "genindex.html")
    ]


# ------------------------------------------------------------------------------ print references
@each_edition
def test_printed_references_read_in_their_sentences(built_book, built):
    links = layout.internal_links(built.pdf)
    spliced = xrefs.spliced_references(links, layout.read_pages(built.pdf))
    assert spliced == [], f"{len(spliced)} references spliced into their sentence: {spliced[:8]}"
    text = "\n".join(page.get_textpage().get_text_range() for page in _pdf(built.pdf))
    loose = xrefs.unbracketed_pages(text)
    assert loose == [], f"{len(loose)} page references outside brackets: {loose[:8]}"


@each_edition
def test_every_printed_page_reference_is_the_page_it_lands_on(built_book, built):
    wrong = xrefs.misprinted_pages(layout.internal_links(built.pdf))
    assert wrong == [], wrong[:10]


def section_titles(html_dir) -> list[str]:
    """The headings of the edition's pages, actor pages aside (their heading is the actor's name,
    which a link to the actor prints as a name, not as a title)."""
    titles = []
    for path in edition_html_files(html_dir):
        if path.relative_to(html_dir).parts[0] in ("_static", "_sources", "_generated"):
            continue
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("article")
        if article is not None:
            titles += [
                h.get_text(" ", strip=True) for h in article.find_all(["h1", "h2", "h3", "h4"])
            ]
    return titles


@each_edition
def test_printed_section_titles_are_set_off_in_their_sentences(built_book, built):
    """A section's title a sentence names by its link is printed between title quotes
    (“What it shows”, 「勝ち馬なき均衡」); tests/support/test_cross_references.py shows the check
    fails on bare ones."""
    bare = xrefs.unquoted_titles(layout.internal_links(built.pdf), section_titles(built.html))
    assert bare == [], f"{len(bare)} titles run into their sentence: {bare[:8]}"


@each_edition
def test_no_printed_link_points_with_bare_words(built_book, built):
    """A link whose words only point ("the report", その報道, こちら) carries the page it points
    to on paper (tests/support/test_cross_references.py shows the check fails on a bare one)."""
    bare = xrefs.deictic_links(layout.internal_links(built.pdf, after=20.0))
    assert bare == [], f"{len(bare)} links that point with bare words: {bare[:8]}"


@each_edition
def test_no_printed_link_stands_alone_in_brackets_without_its_page(built_book, built):
    """A link that is all its bracket holds ("(Ivanov's statement)", （イワノフ外相の発言）) carries
    the page and place it leads to on paper (tests/support/test_cross_references.py shows the
    check fails on a bare one)."""
    texts = [page.get_textpage().get_text_range() for page in _pdf(built.pdf)]
    with (ROOT / "data" / "actors.csv").open(encoding="utf-8", newline="") as f:
        names = frozenset(
            name
            for row in csv.DictReader(f)
            for column in ("actor_id", "name_en", "name_ja", "name_en_short", "name_ja_short")
            for name in [row.get(column) or ""]
            if name
        )
    bare = xrefs.bracketed_bare_links(layout.internal_links(built.pdf), texts, names)
    assert bare == [], f"{len(bare)} links alone in brackets with no page: {bare[:8]}"


@each_edition
def test_page_numbers_follow_their_p_closely(built_book, built):
    gaps = layout.page_number_gaps(layout.read_pages(built.pdf))
    assert gaps == [], f"{len(gaps)} wide gaps between 'p.' and its number: {gaps[:8]}"


def _pdf(path):
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(str(path))


# ---------------------------------------------------------------------------------- stray marks
@each_edition
def test_no_stray_question_marks_in_the_pdf(built_book, built):
    found = [
        f"p. {n}: {mark}"
        for n, page in enumerate(_pdf(built.pdf), start=1)
        for mark in stray_marks(page.get_textpage().get_text_range())
    ]
    assert found == [], found[:10]


@pytest.mark.parametrize("path", site_pages(pages_of))
def test_no_stray_question_marks_in_html(built_book, path):
    html = (HTML / path).read_text(encoding="utf-8")
    assert stray_marks(visible_text(html)) == []


# ------------------------------------------------------------------------------------ table ids
# The codebook's subject is the data's codes: its tables list them on purpose.
PAGES_ABOUT_CODES = ("methods/codebook.html",)


@pytest.mark.parametrize("path", site_pages(pages_of))
def test_tables_show_names_not_internal_ids(built_book, path):
    if path.removeprefix("ja/") in PAGES_ABOUT_CODES:
        pytest.skip("the codebook lists the data's codes")
    ids = internal_ids(rows("actors.csv"), rows("periods.csv"))
    found = ids_in_tables((HTML / path).read_text(encoding="utf-8"), ids)
    assert found == [], found[:10]


# ------------------------------------------------------------------------------ the landing page
def toc_documents() -> list[str]:
    """Every document the table of contents lists by file, the landing page's own excepted."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [entry["file"] for part in toc["parts"] for entry in part["chapters"] if "file" in entry]


@pytest.mark.parametrize("lang", list(EDITIONS))
def test_landing_page_names_every_chapter_and_appendix(built_book, lang):
    html_dir = EDITIONS[lang].html
    soup = BeautifulSoup((html_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    section = soup.find("section", id="what-is-in-the-book") or soup.find(
        "section", id=lambda i: i and "what-is-in-the-book" in i
    )
    assert section is not None, "no 'What is in the book' section on the landing page"
    linked = {
        a["href"].split("#")[0].removesuffix(".html")
        for a in section.find_all("a", href=True)
        if not a["href"].startswith(("http", "#"))
    }
    missing = [doc for doc in toc_documents() if doc not in linked]
    assert missing == [], f"'What is in the book' does not name {missing}"


# ------------------------------------------------------------------------------------ names
def people() -> list[str]:
    return [a["name_en"] for a in rows("actors.csv") if a["kind"] == "person"]


@pytest.mark.parametrize("path", site_pages(pages_of))
def test_people_are_named_in_the_datas_style_in_html(built_book, path):
    html = (HTML / path).read_text(encoding="utf-8")
    assert surname_first(visible_text(html), people()) == []


@each_edition
def test_people_are_named_in_the_datas_style_in_the_pdf(built_book, built):
    found = [
        f"p. {n}: {hit}"
        for n, page in enumerate(_pdf(built.pdf), start=1)
        for hit in surname_first(page.get_textpage().get_text_range(), people())
    ]
    assert found == [], found[:10]


# ------------------------------------------------------------------------ table rows on a phone
def phone_pages() -> list[str]:
    """The pages with tables, both editions, the actor pages sampled by one (they share one
    generator)."""
    pages = site_pages(pages_of)
    actors = [p for p in pages if "_generated/actors/" in p]
    return [p for p in pages if p not in actors] + actors[:1]


# Pages whose records or id columns print ids in full (the sentence map, the actor pages, the
# glossary's key to the data) and the codebook, whose field names and codes are its subject: their
# locators and file names are checked, their ids not yet.
IDS_IN_FULL = (
    "appendices/sentence_map.html",
    "appendices/glossary.html",
    "methods/codebook.html",
    "_generated/actors/",
)


@pytest.mark.parametrize("path", phone_pages())
def test_no_id_or_locator_is_squeezed_into_a_tall_row_on_a_phone(browser, site, path):
    context = browser.new_context(**screen_fit.PHONE)
    try:
        page = context.new_page()
        page.goto(f"{site}/{path}", wait_until="load")
        found = wrapped_codes(page)
    finally:
        context.close()
    if any(part in path for part in IDS_IN_FULL):
        found = [f for f in found if f["whole"]]
    assert found == [], found[:8]
