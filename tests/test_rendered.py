"""What a reader sees, checked on the rendered pages (HTML and PDF), not on the sources.

- No MyST/Sphinx markup or unread escape leaks into the visible text of any HTML page or into the
  PDF's text (checkers in tests/support/rendered_text.py); table headers are words, no two alike.
- Every table and figure of the HTML is captioned and numbered as its part asks ("Table 4.2", "Table
  B.1", none in the front matter and on actor pages), and no number is given twice (checkers in
  tests/support/numbering.py); every numbered figure and table of the running text is named by its
  number in a sentence, in both editions.
- No table cell shows `<NA>`, `nan` or `None`.

Each checker is a plain function of a page's HTML (or text); tests/support/test_rendered_text.py and
tests/support/test_numbering.py run them on small broken pages and show they fail there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support.numbering import (
    caption_problems,
    numbers_given_twice,
    page_numbering,
    unmentioned_floats,
)
from support.project import HTML, PDF, ROOT, each_edition, edition_html_files, site_pages
from support.rendered_text import (
    leaked_markup,
    missing_markers,
    pdf_leaks,
    pdf_text_outside_code,
    repeated_notes,
    spelling_variants,
    table_header_problems,
    visible_text,
)

TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_html() -> Path:
    if not (HTML / "index.html").is_file():
        pytest.fail("the HTML is not built: run `make html` or `make book`")
    return HTML


def html_pages() -> list[str]:
    if not HTML.is_dir():
        return ["index.html"]
    return sorted(
        p.relative_to(HTML).as_posix()
        for p in edition_html_files(HTML)
        if p.relative_to(HTML).parts[0] not in ("_static", "_sources", "_images", "_downloads")
    )


# --------------------------------------------------------------------------------------------------
# The built book


@pytest.mark.book
def both_editions_pages() -> list[str]:
    """Every page of both editions, as paths in the site (the Japanese ones under ja/)."""
    if not HTML.is_dir():
        return ["index.html"]
    skip = ("_static", "_sources", "_images", "_downloads")
    return site_pages(
        lambda html_dir: [
            p.relative_to(html_dir).as_posix()
            for p in edition_html_files(html_dir)
            if p.relative_to(html_dir).parts[0] not in skip
        ]
    )


@pytest.mark.parametrize("path", both_editions_pages())
def test_no_markup_or_escapes_in_visible_html_text(built_html, path):
    assert leaked_markup(visible_text((HTML / path).read_text(encoding="utf-8"))) == []


def repeated_credit(footer_text: str, run: int = 3) -> str | None:
    """A run of `run` words (or, in Japanese, of 6 characters) the footer says twice: a credit given
    by the theme's author line and again by the copyright line."""
    words = footer_text.split()
    runs = [" ".join(words[i : i + run]) for i in range(len(words) - run + 1)]
    runs += [
        footer_text[i : i + 6] for i in range(len(footer_text) - 5) if footer_text[i].isalpha()
    ]
    seen = set()
    for item in runs:
        if item in seen and not item.isspace():
            return item
        seen.add(item)
    return None


def test_repeated_credit_is_found():
    assert repeated_credit("By the ca911 team © the ca911 team; CC BY 4.0.") is not None
    assert repeated_credit("作成：ca911副読本チーム © ca911副読本チーム") is not None
    assert repeated_credit("© the ca911 team; text CC BY 4.0, code MIT.") is None


@pytest.mark.parametrize("edition", ["", "ja/"])
def test_the_footer_gives_each_credit_once(built_html, edition):
    for page in ("index.html", "chapters/us_russia_central_asia.html"):
        soup = BeautifulSoup((HTML / edition / page).read_text(encoding="utf-8"), "html.parser")
        footer = " ".join(soup.select_one(".bd-footer-content").get_text(" ").split())
        assert footer, f"{edition}{page}: no footer"
        assert repeated_credit(footer) is None, f"{edition}{page}: the footer repeats {footer!r}"


# a page a reader can open says something: a heading alone (Sphinx's general index of a book
# that indexes no terms) is an empty page; the search page fills itself from the query
EMPTY_PAGE_CHARACTERS = 80
NOT_TEXT_PAGES = ("search.html",)


def article_text(page_html: str) -> str:
    """The words of the page's article (its body, without the theme's header, sidebar and
    footer), headings excepted."""
    start, end = page_html.find("<article"), page_html.rfind("</article>")
    if start < 0 or end < 0:
        return ""
    article = BeautifulSoup(page_html[start:end], "html.parser")  # the article alone: a quick parse
    for tag in article(["h1", "h2", "h3", "script", "style", "a"]):
        if tag.name != "a" or tag.get("class") == ["headerlink"]:
            tag.decompose()
    return " ".join(article.get_text(" ").split())


def test_article_text_finds_an_empty_page():
    empty = "<html><body><nav>Contents</nav><article><h1>Index</h1></article></body></html>"
    full = "<article><h1>A</h1><p>" + "Words a reader reads. " * 5 + "</p></article>"
    assert len(article_text(empty)) < EMPTY_PAGE_CHARACTERS <= len(article_text(full))


@pytest.mark.parametrize("path", both_editions_pages())
def test_no_page_is_empty(built_html, path):
    if Path(path).name in NOT_TEXT_PAGES:
        pytest.skip("the search page is filled by the reader's query")
    text = article_text((HTML / path).read_text(encoding="utf-8"))
    assert len(text) >= EMPTY_PAGE_CHARACTERS, f"{path}: an empty page ({text!r})"


@pytest.mark.book
@pytest.mark.parametrize("path", html_pages())
def test_no_note_is_repeated_on_a_page(built_html, path):
    assert repeated_notes((HTML / path).read_text(encoding="utf-8")) == []


@pytest.mark.book
@pytest.mark.parametrize("path", html_pages())
def test_table_headers_are_words_and_distinct(built_html, path):
    assert table_header_problems((HTML / path).read_text(encoding="utf-8")) == []


@pytest.mark.book
@pytest.mark.parametrize("path", both_editions_pages())
def test_every_table_and_figure_is_captioned_and_numbered_as_its_part(built_html, path):
    # the editions share their pages and parts: the Japanese edition's are under ja/
    style = page_numbering(TOC).get(path.removeprefix("ja/").removesuffix(".html"), "none")
    assert caption_problems((HTML / path).read_text(encoding="utf-8"), style) == []


@pytest.mark.book
def test_no_figure_or_table_number_is_given_twice(built_html):
    assert (
        numbers_given_twice(
            {path: (HTML / path).read_text(encoding="utf-8") for path in html_pages()}
        )
        == []
    )


# reference pages: each of their tables is the whole of a section a reader finds by its heading (a
# data file's columns, one kind of name), consulted, not discussed
REFERENCE_PAGES = (
    "methods/codebook.html",
    "appendices/glossary.html",
    "appendices/sentence_map.html",
)


@pytest.mark.book
@pytest.mark.parametrize("edition", ["", "ja/"], ids=["en", "ja"])
def test_every_numbered_figure_and_table_is_named_in_the_text(built_html, edition):
    pages = {
        path.removeprefix(edition): (HTML / path).read_text(encoding="utf-8")
        for path in both_editions_pages()
        if path.startswith(edition)
        and (edition or not path.startswith("ja/"))
        and path.removeprefix(edition) not in REFERENCE_PAGES
    }
    assert unmentioned_floats(pages) == []


@pytest.mark.book
@pytest.mark.parametrize("path", html_pages())
def test_no_missing_value_markers_in_table_cells(built_html, path):
    assert missing_markers((HTML / path).read_text(encoding="utf-8")) == []


@pytest.mark.book
@each_edition
def test_no_markup_or_escapes_in_pdf_text(built_book, built):
    leaks = pdf_leaks(pdf_text_outside_code(built.pdf))
    assert leaks == [], leaks[:20]


@pytest.mark.book
def test_one_house_spelling_in_html_and_pdf(built_book):
    pages = [
        (path, visible_text((HTML / path).read_text(encoding="utf-8"))) for path in html_pages()
    ]
    pages += [(f"PDF p. {n}", text) for n, text in enumerate(pdf_text_outside_code(PDF), start=1)]
    variants = [f"{where}: {v}" for where, text in pages for v in spelling_variants(text)]
    assert variants == [], variants[:20]


# --------------------------------------------------------------------------------------------------
# The one table path renders data as literal text (MyST parsed by docutils, no Sphinx build needed)

HOSTILE_VALUES = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "*stars*",
    "_under_",
    "{ref}`x`",
    "$x + y$",
    "&amp;",
    "a|b",
    "`code`",
    "<b>bold</b>",
    "\\*escaped\\*",
    "line\nbreak",
]


def rendered_cells(markdown: str) -> list[str]:
    """The text of each body cell once MyST has rendered the Markdown to HTML, and the HTML
    itself."""
    from docutils.core import publish_string
    from myst_parser.parsers.docutils_ import Parser

    out = publish_string(
        markdown,
        parser=Parser(),
        writer_name="html5",
        settings_overrides={
            "myst_enable_extensions": ["colon_fence", "dollarmath", "deflist"],
            "report_level": 4,
            "output_encoding": "unicode",
        },
    )
    soup = BeautifulSoup(out, "html.parser")
    return [td.get_text() for td in soup.select("tbody td")], str(soup.find("main") or soup)


def literal_problems(markdown: str, values: list[str]) -> list[str]:
    cells, page = rendered_cells(markdown)
    problems = [
        f"{v!r} shown as {c!r}" for v, c in zip(values, cells) if c != " ".join(v.split("\n"))
    ]
    problems += [
        f"element made from data: {m}"
        for m in re.findall(r"<(?:img|script|b|a|em|strong|span class=\"math)[^>]*>", page)
    ]
    return problems


@pytest.mark.parametrize("widths", [None, [100]], ids=["pipe table", "list-table"])
def test_markdown_table_renders_hostile_values_literally(widths):
    import pandas as pd

    from ca911.book.myst import markdown_table

    md = markdown_table(
        pd.DataFrame({"value": HOSTILE_VALUES}),
        "Hostile values (caption with `code`).",
        "tab-hostile",
        widths=widths,
    )
    assert literal_problems(md, HOSTILE_VALUES) == []


def test_the_old_escaping_fails_the_same_check():
    """A cell escaper that escapes only `|`: markup and raw HTML are interpreted."""
    rows = "\n".join(
        f"| {v.replace('|', chr(92) + '|').replace(chr(10), ' ')} |" for v in HOSTILE_VALUES
    )
    md = f":::{{table}} Old.\n:name: tab-old\n\n| value |\n|---|\n{rows}\n:::\n"
    problems = literal_problems(md, HOSTILE_VALUES)
    assert any("*stars*" in p for p in problems) and any(
        "element made from data" in p for p in problems
    ), problems


def test_a_short_table_keeps_its_natural_width_and_a_long_one_its_column_shares():
    import pandas as pd

    from ca911.book.myst import markdown_table

    codes = pd.DataFrame(
        {"code": ["member", "observer"], "meaning": ["a full member", "an observer"]}
    )
    prose = pd.DataFrame(
        {
            "code": ["member"],
            "meaning": ["a member of the organisation as the chapter states it, " * 2],
        }
    )
    for widths in ([30, 70], None):
        short, long = (
            markdown_table(codes, "Codes.", "tab-codes", widths=widths),
            markdown_table(prose, "Prose.", "tab-p", widths=widths),
        )
        assert ":width: 100%" not in short and "ca911-natural" in short
        assert "ca911-natural" not in long
    assert ":width: 100%" in markdown_table(prose, "Prose.", "tab-prose", widths=[30, 70])


def test_a_dash_explained_before_the_tables_is_not_repeated_under_each():
    import pandas as pd

    from ca911.book.myst import markdown_table

    frame = pd.DataFrame({"facility": [None, "Manas"]})
    assert "not given in the data" in markdown_table(frame, "Links.", "tab-a")
    assert "not given in the data" not in markdown_table(
        frame, "Links.", "tab-b", dash_explained=True
    )
