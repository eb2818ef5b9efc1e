"""Code blocks in print never wrap a line silently: a line longer than the measure is broken by the
build with a continuation mark (ca911.book.sphinx.print_code), checked on the small PDFs WeasyPrint
makes here and on every code line of each printed edition against the code blocks of its HTML."""

from __future__ import annotations

from bs4 import BeautifulSoup
from test_print_layout import book_pages

from ca911.book.sphinx.print_code import CONTINUATION, line_breaks, mark_code_continuations
from support import print_code
from support import print_layout as layout
from support.project import each_edition
from support.test_print_layout import weasyprint_pdf

CODE_CSS = """div.highlight pre { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt;
                                     border-left: 1pt solid #999; padding-left: 6pt; }"""
LONG = "abstract: " + " ".join(f"word{n}" for n in range(40))
BLOCK = (
    f'<div class="highlight"><pre><span class="k">title</span>: short\n{LONG}\nend: x</pre></div>'
)


def test_a_long_line_is_broken_within_the_measure_and_read_back_whole():
    for line in (LONG, "url: https://example.org/" + "a" * 200, "短い行" * 40):
        breaks = line_breaks(line, 40)
        assert breaks, line
        pieces = [line[a:b] for a, b in zip([0, *breaks], [*breaks, len(line)])]
        assert "".join(pieces) == line
        assert len(pieces[0]) <= 40 and all(len(p) <= 38 for p in pieces[1:])
    assert line_breaks("short: x", 40) == []
    soup = BeautifulSoup(BLOCK, "html.parser")
    mark_code_continuations(soup, 40)
    text = soup.pre.get_text()
    assert (
        text.replace("\n" + CONTINUATION + " ", "")
        == BeautifulSoup(BLOCK, "html.parser").pre.get_text()
    )
    assert soup.select_one("span.k").get_text() == "title"  # the highlighter's spans are kept


def test_a_japanese_line_breaks_between_characters_never_inside_a_version_or_a_word():
    line = "日本語版の引用：ca911副読本、バージョン0.1.0、日本語版。" * 3
    for columns in range(20, 60):
        breaks = line_breaks(line, columns)
        assert breaks
        for cut in breaks:
            assert not (line[cut - 1].isascii() and line[cut].isascii()), (
                columns,
                line[cut - 3 : cut + 3],
            )
            assert line[cut] not in "、。）" and line[cut - 1] != "（"


def test_the_checker_catches_a_silent_wrap(tmp_path):
    source = set(BeautifulSoup(BLOCK, "html.parser").pre.get_text().splitlines())
    wrapped = layout.read_pages(
        weasyprint_pdf(tmp_path, BLOCK, CODE_CSS + "div.highlight pre { white-space: pre-wrap; }")
    )
    found = print_code.silent_wraps(wrapped, source, CONTINUATION)
    assert found and found[0][1].startswith("abstract:")  # and every piece of it but the last
    # the same wrapped block declared prose (a citation line) wraps between words, as it may
    assert print_code.silent_wraps(wrapped, set(), CONTINUATION, source) == []
    soup = BeautifulSoup(BLOCK, "html.parser")
    mark_code_continuations(soup, 60)
    marked = layout.read_pages(
        weasyprint_pdf(tmp_path, str(soup), CODE_CSS + "div.highlight pre { white-space: pre; }")
    )
    assert len(print_code.code_lines(marked)) > 3
    assert print_code.silent_wraps(marked, source, CONTINUATION) == []


def html_code_lines(html_dir, selector: str = "div.highlight pre") -> set[str]:
    lines = set()
    for page in html_dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for pre in soup.select(selector):
            lines |= set(pre.get_text().splitlines())
    return lines


# citation lines set as plain text wrap between words in print, as prose
# (ca911.book.sphinx.print_code.PLAIN_TEXT_CITATION)
CITATION_LINES = "div.ca911-citation.highlight-text pre"


@each_edition
def test_no_code_line_wraps_silently(built_book, built):
    """Every code line of each printed edition is a line of a code block of its HTML, or a piece of
    one the build broke with the continuation mark."""
    pages = list(book_pages(built.pdf))
    assert print_code.code_lines(pages), "the book prints code (the BibTeX entry)"
    prose = html_code_lines(built.html, CITATION_LINES)
    assert prose, "the how-to-cite page sets its citation lines as plain text"
    code = html_code_lines(built.html) - prose
    assert print_code.silent_wraps(pages, code, CONTINUATION, prose) == []
